"""``store init|import|export``: setting up a store and moving documents in and out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.errors import UsageError
from . import common
from .common import EXIT_OK

if TYPE_CHECKING:
    from ..store.contract import Store


def cmd_init(args: argparse.Namespace) -> int:
    from ..store.opening import open_store

    store = open_store(args.url, create=True)
    store.close()
    print(f"Speicher eingerichtet: {store.url}")
    return EXIT_OK


def _open(url: str) -> Store:
    from ..store.opening import open_store

    return open_store(url)


def cmd_import(args: argparse.Namespace) -> int:
    from ..store.files import FileStore
    from ..store.transfer import copy_area

    store = _open(args.url)
    try:
        if args.source:
            source = FileStore.at(args.source)
            if not Path(args.source).is_dir():
                raise UsageError(f"Den Ordner {args.source} gibt es nicht.")
            folders = dict(source.folders)
        else:
            folders = _installed_folders()
        unknown = sorted(set(args.areas) - set(folders))
        if unknown:
            raise UsageError(f"Unbekannte Gebiete: {', '.join(unknown)}. Vorhanden: "
                             f"{', '.join(sorted(folders)) or '(keine)'}.")
        total = 0
        for area in sorted(folders):
            if args.areas and area not in args.areas:
                continue
            count = copy_area(FileStore({area: folders[area]}), store, area)
            print(f"{area}: {count} Dokumente")
            total += count
        print(f"{total} Dokumente in {store.url} übernommen.")
    finally:
        store.close()
    return EXIT_OK


def _installed_folders() -> dict[str, Path]:
    from ..app import Teilhabe

    app = Teilhabe.discover()
    common.print_failures(app)
    return {s.id: s.data_dir for s in app.areas() if s.data_dir is not None}


def cmd_export(args: argparse.Namespace) -> int:
    from ..store.transfer import export_store

    store = _open(args.url)
    try:
        paths = export_store(store, Path(args.out), args.areas)
    finally:
        store.close()
    print(f"{len(paths)} Dateien geschrieben: {Path(args.out).resolve()}")
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("store", help="set up a store, import into it, export from it",
                       description="A store is a folder (one subfolder per area), "
                                   "sqlite:///FILE.db or postgresql+psycopg://USER@HOST/DB.")
    store_sub = p.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    q = store_sub.add_parser("init", help="create the folder or the database tables")
    q.add_argument("url", metavar="URL")
    q.set_defaults(func=cmd_init)
    q = store_sub.add_parser("import", help="the installed areas' documents and histories "
                                            "(or an exported folder) into the store")
    q.add_argument("url", metavar="URL")
    q.add_argument("areas", nargs="*", metavar="AREA", help="area ids (default: all)")
    q.add_argument("--from", dest="source", metavar="DIR",
                   help="an exported folder instead of the installed areas")
    q.set_defaults(func=cmd_import)
    q = store_sub.add_parser("export", help="the store's documents and histories as YAML files")
    q.add_argument("url", metavar="URL")
    q.add_argument("areas", nargs="*", metavar="AREA", help="area ids (default: all)")
    q.add_argument("--out", required=True, metavar="DIR")
    q.set_defaults(func=cmd_export)
