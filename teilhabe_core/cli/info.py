"""``counties`` and ``formats``: what is installed."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..base.i18n import _
from . import common
from .common import EXIT_OK
from .words import kind_name, variant_name


def cmd_counties(args: argparse.Namespace) -> int:
    app = common.make_app()
    common.print_failures(app)
    rows = [{"id": s.id, "name": s.area.name, "kind": s.area.kind.value, "state": s.area.state,
             "ags": s.area.ags, "package": s.package, "plugin": s.plugin}
            for s in app.areas()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['id']:20} {r['ags']:8} {r['state']:22} {r['name']}  [{r['package']}]")
    return EXIT_OK


def cmd_formats(args: argparse.Namespace) -> int:
    app = common.make_app()
    common.print_failures(app)
    from ..publish.site import published_on

    exporters, importers = app.describe_exporters(), app.describe_importers()
    area_ids = [s.id for s in app.areas()]
    for item in exporters:
        item["site"] = published_on(app, app.exporter(item["id"]), area_ids)
    if args.json:
        print(json.dumps(exporters + importers, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    print(_("Export (teilhabe export PATH --format ID):"))
    for item in exporters:
        scope = _(" (only {areas})", areas=", ".join(item["areas"])) if item["areas"] else ""
        print(f"  {item['id']:26} {item['name']}{scope}")
        line = _("for: {kinds}; file: .{extension}",
                 kinds=", ".join(kind_name(k) for k in item["accepts"]),
                 extension=item["extension"])
        if item["variants"]:
            line += _("; variants: {variants}",
                      variants=", ".join(variant_name(v) for v in item["variants"]))
        print(f"  {'':26} {line}")
        _print_options(item["options"])
        where = (_("all areas") if item["site"] == area_ids and area_ids
                 else ", ".join(item["site"]) or _("not published"))
        on_site = _("on the website: {areas}", areas=where)
        print(f"  {'':26} {on_site}")
    print("\n" + _("Import (teilhabe import TABLE --format ID --into PLAN --out FILE):"))
    for item in importers:
        print(f"  {item['id']:26} {item['name']}")
        line = _("files: {suffixes}; {description}", suffixes=", ".join(item["extensions"]),
                 description=item["description"])
        print(f"  {'':26} {line}")
        _print_options(item["options"])
    return EXIT_OK


def _print_options(options: list[dict[str, Any]]) -> None:
    if not options:
        none = _("no options")
        print(f"  {'':26} {none}")
    for option in options:
        default = _("(default: {value})", value=_shown(option["default"]))
        print(f"  {'':26} --option {option['name']}=… {default} {option['help']}")


def _shown(value: Any) -> str:
    """An option's default as it is typed on the command line (``true``, ``12``, text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or value == "":
        return _("(empty)")
    if isinstance(value, list | tuple):
        return ", ".join(_shown(v) for v in value) or _("(empty)")
    return str(value)


def add_parsers(sub: Any) -> None:
    text = _("list the installed counties and areas")
    p = sub.add_parser("counties", help=text, description=text)
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_counties)

    text = _("list the installed exporters and importers with their options")
    p = sub.add_parser("formats", help=text, description=text)
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_formats)

