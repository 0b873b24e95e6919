"""``publish``: the accessible publication site (the main job)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.errors import TeilhabeError
from ..base.i18n import _, ngettext
from . import common
from .common import EXIT_ERRORS, EXIT_OK, Progress

if TYPE_CHECKING:
    from ..app import Teilhabe
    from ..publish.api import Output


def cmd_publish(args: argparse.Namespace) -> int:
    from ..publish.site import publication_steps, site_folder, write_site
    from ..publish.sitefiles import read_manifest

    folder = site_folder(args.out)  # a file or a foreign folder is refused before any work
    app = common.make_app()
    common.print_failures(app)
    area_ids = args.areas or [s.id for s in app.areas()]
    for area_id in area_ids:
        app.area(area_id)  # unknown areas fail before any work
    failed: list[str] = []
    for area_id in area_ids:
        broken = app.documents(area_id).failures
        if broken:
            _report_failure(area_id, [f.format() for e in broken for f in e.findings])
            failed.append(area_id)
    good = [a for a in area_ids if a not in failed]
    steps = publication_steps(app, good, args.base_url, pdf=not args.no_pdf,
                              previous_base_url=read_manifest(folder)["base_url"])
    progress = Progress(len(steps), sys.stderr)
    outputs: dict[str, list[Output]] = {}
    for step in steps:
        area = step.area or _("all areas")
        progress.step(f"{area}: {step.text()}")
        if step.area in failed:
            continue
        try:
            outputs.setdefault(step.area, []).extend(step.run())
        except TeilhabeError as exc:
            _report_failure(step.area, str(exc).splitlines())
            failed.append(step.area)
            outputs.pop(step.area, None)
    published = [a for a in good if a not in failed]
    paths = write_site([o for a, outs in outputs.items() for o in outs], args.out,
                       [app.area(a).area for a in published], base_url=args.base_url)
    for area_id in published:
        _print_easy_summary(app, area_id)
    index = Path(args.out).resolve() / "index.html"
    print(_("{files} written for {areas}. Start page: {index}",
            files=ngettext("{n} file", "{n} files", len(paths)),
            areas=ngettext("{n} area", "{n} areas", len(published)), index=index))
    if failed:
        print(_("Not published (unchanged on the website): {areas}", areas=", ".join(failed)),
              file=sys.stderr)
        return EXIT_ERRORS
    return EXIT_OK


def _report_failure(area_id: str, lines: list[str]) -> None:
    print(_("{area}: not published, the website keeps what it had:", area=area_id),
          file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)


def _print_easy_summary(app: Teilhabe, area_id: str) -> None:
    """Writers get feedback on their Leichte Sprache texts in every publication build."""
    plan = app.documents(area_id).current_plan()
    if plan is None:
        return
    easy = [f for f in app.check_document(plan) if f.rule.startswith("ls.")]
    if easy:
        rules = sorted({f.rule for f in easy})
        print(ngettext("{area}: {n} note on the Leichte Sprache ({rules}); details: teilhabe "
                       "validate", "{area}: {n} notes on the Leichte Sprache ({rules}); "
                       "details: teilhabe validate", len(easy), area=area_id,
                       rules=", ".join(rules)), file=sys.stderr)


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
    p.set_defaults(func=cmd_publish)

