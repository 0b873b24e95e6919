"""``store init|import|export``: setting up a store and moving documents in and out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.errors import UsageError
from ..base.i18n import _, ngettext
from . import common
from .common import EXIT_OK

if TYPE_CHECKING:
    from ..store.contract import Store


def cmd_init(args: argparse.Namespace) -> int:
    from ..store.opening import open_store

    store = open_store(args.url, create=True)
    store.close()
    print(_("Store set up: {url}", url=store.url))
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
                raise UsageError(_("There is no folder {folder}.", folder=args.source))
            folders = dict(source.folders)
        else:
            folders = _installed_folders()
        unknown = sorted(set(args.areas) - set(folders))
        if unknown:
            from ..store.transfer import unknown_areas

            raise unknown_areas(unknown, sorted(folders))
        total = 0
        for area in sorted(folders):
            if args.areas and area not in args.areas:
                continue
            count = copy_area(FileStore({area: folders[area]}), store, area)
            print(f"{area}: " + ngettext("{n} document", "{n} documents", count))
            total += count
        print(_("{documents} taken over into {url}.",
                documents=ngettext("{n} document", "{n} documents", total), url=store.url))
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
    print(_("{files} written: {folder}", files=ngettext("{n} file", "{n} files", len(paths)),
            folder=Path(args.out).resolve()))
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("store", help=_("set up a store, import into it, export from it"),
                       description=_("A store is a folder (one subfolder per area), "
                                     "sqlite:///FILE.db or postgresql+psycopg://USER@HOST/DB."))
    store_sub = p.add_subparsers(dest="store_command", metavar=_("ACTION"), required=True,
                                 title=_("actions"))
    url_help = _("the store: a folder, sqlite:///FILE.db or postgresql+psycopg://…")
    text = _("create the folder or the database tables")
    q = store_sub.add_parser("init", help=text, description=text)
    q.add_argument("url", metavar="URL", help=url_help)
    q.set_defaults(func=cmd_init)
    text = _("the installed areas' documents and histories (or an exported folder) into the "
             "store")
    q = store_sub.add_parser("import", help=text, description=text)
    q.add_argument("url", metavar="URL", help=url_help)
    q.add_argument("areas", nargs="*", metavar=_("AREA"), help=_("area ids (default: all)"))
    q.add_argument("--from", dest="source", metavar=_("DIR"),
                   help=_("an exported folder instead of the installed areas"))
    q.set_defaults(func=cmd_import)
    text = _("the store's documents and histories as YAML files")
    q = store_sub.add_parser("export", help=text, description=text)
    q.add_argument("url", metavar="URL", help=url_help)
    q.add_argument("areas", nargs="*", metavar=_("AREA"), help=_("area ids (default: all)"))
    q.add_argument("--out", required=True, metavar=_("DIR"), help=_("the folder to write"))
    q.set_defaults(func=cmd_export)
