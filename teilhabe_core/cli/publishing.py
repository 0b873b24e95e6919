"""``publish``: the accessible publication site (the main job)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import common
from .common import EXIT_ERRORS, EXIT_OK, Progress

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
    progress = Progress(len(area_ids) + 1, sys.stderr)
    failed: list[str] = []
    notes: dict[str, tuple[str, ...]] = {}
    bodies = []
    with SiteWriter(args.out, args.base_url) as writer:
        for built in build_areas(app, area_ids, not args.no_pdf, writer.write,
                                 lambda a: _easy_summary(app, a), jobs,
                                 app.release_documents):
            progress.step(f"{built.area}: {len(built.labels)} Schritte, "
                          f"{len(built.names)} Dateien")
            if built.body is not None:
                bodies.append(built.body)
            if built.errors:
                _report_failure(built.area, list(built.errors))
                failed.append(built.area)
                continue
            writer.add_names(built.names)
            notes[built.area] = built.notes
        progress.step("alle: OParl, Schema und Startseite")
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
    print(f"{len(paths)} Dateien für {len(published)} Gebiete geschrieben. Startseite: {index}")
    if failed:
        print(f"Nicht veröffentlicht (auf der Website unverändert): {', '.join(failed)}",
              file=sys.stderr)
        return EXIT_ERRORS
    return EXIT_OK


def _report_failure(area_id: str, lines: list[str]) -> None:
    print(f"{area_id}: nicht veröffentlicht, die Website behält den bisherigen Stand:",
          file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)


def _easy_summary(app: Teilhabe, area_id: str) -> list[str]:
    """Writers get feedback on their Leichte Sprache texts in every publication build."""
    plan = app.documents(area_id).current_plan()
    if plan is None:
        return []
    easy = [f for f in app.check_document(plan) if f.rule.startswith("ls.")]
    if not easy:
        return []
    rules = sorted({f.rule for f in easy})
    return [f"{area_id}: {len(easy)} Hinweise zur Leichten Sprache ({', '.join(rules)}); "
            "Details: teilhabe validate"]


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("publish", help="build the accessible publication site (main job)")
    p.add_argument("areas", nargs="*", metavar="AREA", help="area ids (default: all)")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--base-url", metavar="URL", default=None,
                   help="address the site will be online at (OParl ids, sitemap.xml, "
                        "robots.txt); default: the areas' profile field base_url, else the "
                        "one of the last run")
    p.add_argument("--no-pdf", action="store_true",
                   help="skip the PDF files (a faster preview build)")
    p.add_argument("--jobs", type=common.positive, default=None, metavar="N",
                   help="areas built at the same time, each in its own process "
                        "(default: the number of cores)")
    p.set_defaults(func=cmd_publish)

