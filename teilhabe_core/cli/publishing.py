"""``publish``: the accessible publication site (the main job)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.i18n import _, ngettext
from . import common
from .common import EXIT_ERRORS, EXIT_OK
from .progress import Progress

if TYPE_CHECKING:
    from ..app import Teilhabe


def cmd_publish(args: argparse.Namespace) -> int:
    from ..documents.schema import schema_text
    from ..publish.api import Output
    from ..publish.oparl import site_base_url
    from ..publish.pool import build_areas, default_jobs
    from ..publish.site_extras import SCHEMA_PATH, oparl_outputs
    from ..publish.sitefiles import SiteWriter, site_folder
    from ..publish.templating import stylesheet

    site_folder(args.out)  # a file or a foreign folder is refused before any work
    app = common.make_app()
    common.print_failures(app)
    area_ids = args.areas or [s.id for s in app.areas()]
    for area_id in area_ids:
        app.area(area_id)  # unknown areas fail before any work
    jobs = args.jobs or default_jobs()
    if app.store is not None and jobs > 1:  # workers must not share the store's connections:
        for area_id in area_ids:  # they get the documents read here, before they are forked
            app.documents(area_id)
    progress = Progress(len(area_ids) + 1, sys.stderr, _("Publishing"))
    failed: list[str] = []
    notes: dict[str, tuple[str, ...]] = {}
    bodies = []
    with SiteWriter(args.out, args.base_url) as writer:
        for built in build_areas(app, area_ids, not args.no_pdf, writer.write,
                                 lambda a: _easy_summary(app, a), jobs,
                                 app.release_documents):
            progress.step(_("{area}: {steps}, {files}", area=built.area,
                            steps=ngettext("{n} step", "{n} steps", len(built.labels)),
                            files=ngettext("{n} file", "{n} files", len(built.names))))
            if built.body is not None:
                bodies.append(built.body)
            if built.errors:
                for line in _failure(built.area, built.errors):
                    progress.note(line)
                failed.append(built.area)
                continue
            writer.add_names(built.names)
            notes[built.area] = built.notes
        progress.step(_("all areas: OParl, schema and start page"))
        base = site_base_url([b.area for b in bodies], args.base_url,
                             writer.previous_base_url)
        writer.add([*oparl_outputs(bodies, base), Output(SCHEMA_PATH, schema_text()),
                    stylesheet()])
        published = [a for a in area_ids if a not in failed]
        paths = writer.finish([app.area(a).area for a in published])
    for area_id in published:
        for line in notes[area_id]:
            print(line, file=sys.stderr)
    index = Path(args.out).resolve() / "index.html"
    print(_("{files} written for {areas}. Start page: {index}",
            files=ngettext("{n} file", "{n} files", len(paths)),
            areas=ngettext("{n} area", "{n} areas", len(published)), index=index))
    if failed:
        print(_("Not published (unchanged on the website): {areas}", areas=", ".join(failed)),
              file=sys.stderr)
        return EXIT_ERRORS
    return EXIT_OK


def _failure(area_id: str, lines: tuple[str, ...]) -> list[str]:
    return [_("{area}: not published, the website keeps what it had:", area=area_id),
            *(f"  {line}" for line in lines)]


def _easy_summary(app: Teilhabe, area_id: str) -> list[str]:
    """Writers get feedback on their Leichte Sprache texts in every publication build."""
    plan = app.documents(area_id).current_plan()
    if plan is None:
        return []
    easy = [f for f in app.check_document(plan) if f.rule.startswith("ls.")]
    if not easy:
        return []
    rules = sorted({f.rule for f in easy})
    return [ngettext("{area}: {n} note on the Leichte Sprache ({rules}); details: teilhabe "
                     "validate", "{area}: {n} notes on the Leichte Sprache ({rules}); "
                     "details: teilhabe validate", len(easy), area=area_id,
                     rules=", ".join(rules))]


def add_parsers(sub: Any) -> None:
    text = _("build the accessible publication site (the main job)")
    p = sub.add_parser("publish", help=text, description=text)
    p.add_argument("areas", nargs="*", metavar=_("AREA"), help=_("area ids (default: all)"))
    p.add_argument("--out", required=True, metavar=_("DIR"), help=_("the site's folder"))
    p.add_argument("--base-url", metavar="URL", default=None,
                   help=_("address the site will be online at (OParl ids, sitemap.xml, "
                          "robots.txt); default: the areas' profile field base_url, else the "
                          "one of the last run"))
    p.add_argument("--no-pdf", action="store_true",
                   help=_("skip the PDF files (a faster preview build)"))
    p.add_argument("--jobs", type=common.positive, default=None, metavar="N",
                   help=_("areas built at the same time, each in its own process (default: "
                          "the number of cores)"))
    p.set_defaults(func=cmd_publish)

