"""``new-county``: scaffold a county plugin package."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..base.i18n import _
from . import common
from .common import EXIT_OK


def cmd_new_county(args: argparse.Namespace) -> int:
    from .scaffold import scaffold

    files = scaffold(args.id, args.name, args.state, args.ags or "", Path(args.out),
                     args.kind.value)
    root = files[0].parent
    print(_("County plugin written to {folder}", folder=root))
    print(_("Next: pip install -e {folder} && teilhabe counties", folder=root))
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    text = _("write an installable county plugin package to start from")
    p = sub.add_parser("new-county", help=text, description=text)
    p.add_argument("id", metavar="ID",
                   help=_("the area's id: lower-case letters, digits and '_'"))
    p.add_argument("--name", required=True, metavar=_("NAME"),
                   help=_("the area's name, e.g. \"Landkreis Harz\""))
    p.add_argument("--state", required=True, metavar=_("STATE"), help=_("the federal state"))
    p.add_argument("--ags", default="", metavar=_("KEY"),
                   help=_("the official municipality key (AGS: 2, 3, 5 or 8 digits)"))
    p.add_argument("--kind", default="landkreis", type=common.enum_value("AreaKind"),
                   metavar="landkreis|kreisfreie_stadt|sozialraum",
                   help=_("the kind of area: Landkreis, kreisfreie Stadt or Sozialraum "
                          "(default: landkreis)"))
    p.add_argument("--out", required=True, metavar=_("DIR"),
                   help=_("the folder to write the package into"))
    p.set_defaults(func=cmd_new_county)

