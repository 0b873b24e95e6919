"""``new-county``: scaffold a county plugin package."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import common
from .common import EXIT_OK


def cmd_new_county(args: argparse.Namespace) -> int:
    from .scaffold import scaffold

    files = scaffold(args.id, args.name, args.state, args.ags or "", Path(args.out),
                     args.kind.value)
    root = files[0].parent
    print(f"County plugin written to {root}")
    print(f"Next: pip install -e {root} && teilhabe counties")
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("new-county", help="scaffold an installable county plugin package")
    p.add_argument("id")
    p.add_argument("--name", required=True)
    p.add_argument("--state", required=True)
    p.add_argument("--ags", default="")
    p.add_argument("--kind", default="landkreis", type=common.enum_value("AreaKind"),
                   metavar="landkreis|kreisfreie_stadt|sozialraum",
                   help="Landkreis, kreisfreie Stadt or Sozialraum")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=cmd_new_county)

