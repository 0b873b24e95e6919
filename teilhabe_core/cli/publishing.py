"""``publish``: the accessible publication site (the main job)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.errors import DocumentError
from . import common
from .common import EXIT_OK, Progress

if TYPE_CHECKING:
    from ..app import Teilhabe


def cmd_publish(args: argparse.Namespace) -> int:
    from ..publish.site import publication_steps, site_folder, write_site

    site_folder(args.out)  # a file or a foreign folder is refused before any work
    app = common.make_app()
    common.print_failures(app)
    area_ids = args.areas or [s.id for s in app.areas()]
    for area_id in area_ids:
        app.area(area_id)  # unknown areas fail before any work
        broken = app.documents(area_id).failures
        if broken:
            raise DocumentError([f for e in broken for f in e.findings])
    steps = publication_steps(app, area_ids, args.base_url, pdf=not args.no_pdf)
    progress = Progress(len(steps), sys.stderr)
    outputs = []
    for step in steps:
        outputs.extend(step.run())
        progress.step(f"{step.area or 'alle'}: {step.label}")
    paths = write_site(outputs, args.out)
    for area_id in area_ids:
        _print_easy_summary(app, area_id)
    index = Path(args.out).resolve() / "index.html"
    print(f"{len(paths)} Dateien für {len(area_ids)} Gebiete geschrieben. Startseite: {index}")
    return EXIT_OK


def _print_easy_summary(app: Teilhabe, area_id: str) -> None:
    """Writers get feedback on their Leichte Sprache texts in every publication build."""
    plan = app.documents(area_id).current_plan()
    if plan is None:
        return
    easy = [f for f in app.check_document(plan) if f.rule.startswith("ls.")]
    if easy:
        rules = sorted({f.rule for f in easy})
        print(f"{area_id}: {len(easy)} Hinweise zur Leichten Sprache ({', '.join(rules)}); "
              "Details: teilhabe validate", file=sys.stderr)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("publish", help="build the accessible publication site (main job)")
    p.add_argument("areas", nargs="*", metavar="AREA", help="area ids (default: all)")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--base-url", metavar="URL",
                   help="address the site will be online at (OParl ids); default: the "
                        "areas' profile field base_url, else http://localhost:8000/")
    p.add_argument("--no-pdf", action="store_true",
                   help="skip the PDF files (a faster preview build)")
    p.set_defaults(func=cmd_publish)

