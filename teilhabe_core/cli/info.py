"""``counties`` and ``formats``: what is installed."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from . import common
from .common import EXIT_OK

if TYPE_CHECKING:
    pass


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
    print("Export (teilhabe export PATH --format ID):")
    for item in exporters:
        scope = f" (nur {', '.join(item['areas'])})" if item["areas"] else ""
        print(f"  {item['id']:26} {item['name']}{scope}")
        print(f"  {'':26} für: {', '.join(item['accepts'])}; Datei: .{item['extension']}"
              + (f"; Fassungen: {', '.join(item['variants'])}" if item["variants"] else ""))
        _print_options(item["options"])
        where = ("alle Gebiete" if item["site"] == area_ids and area_ids
                 else ", ".join(item["site"]) or "nicht veröffentlicht")
        print(f"  {'':26} auf der Website: {where}")
    print("\nImport (teilhabe import TABLE --format ID --into PLAN --out FILE):")
    for item in importers:
        print(f"  {item['id']:26} {item['name']}")
        print(f"  {'':26} Dateien: {', '.join(item['extensions'])}; {item['description']}")
        _print_options(item["options"])
    return EXIT_OK


SUFFIXES = (".yaml", ".yml", ".json")


def _print_options(options: list[dict[str, Any]]) -> None:
    if not options:
        print(f"  {'':26} keine Optionen")
    for option in options:
        print(f"  {'':26} --option {option['name']}=… (Standard: {option['default']!r}) "
              f"{option['help']}")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("counties", help="list installed counties/areas")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_counties)

    p = sub.add_parser("formats", help="list installed exporters and importers with their "
                                       "options")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_formats)

