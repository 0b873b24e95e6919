"""The ``teilhabe`` command line, one module per command group.

Start-up stays cheap: the heavy modules (plugins, exporters, Jinja2, openpyxl) are
imported inside the command functions, not at import time.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..base.errors import DocumentError, FileError, TeilhabeError, UsageError
from ..base.version import __version__
from . import documents, evaluation, info, new_county, publishing, round, serve, store, workflow
from .common import EXIT_ERRORS, EXIT_USAGE, STORE_ENV, Parser, set_store


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="teilhabe",
        description="Plan, track, evaluate and publish municipal inclusion work "
                    "(UN-CRPD action plans).")
    parser.add_argument("--version", action="version", version=f"teilhabe {__version__}")
    parser.add_argument("--lang", choices=["de", "en"], default=None,
                        help="language of messages (default: TEILHABE_LANG or de)")
    parser.add_argument("--store", metavar="URL", default=None,
                        help="read and write documents in this store (a folder, sqlite:///FILE, "
                             "postgresql+psycopg://…; default: TEILHABE_STORE, else the "
                             "installed areas' files); documents are then named by id")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    for group in (info, documents, publishing, serve, evaluation, new_county, workflow, store,
                  round):
        group.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.lang:
        os.environ["TEILHABE_LANG"] = args.lang
    set_store(args.store or os.environ.get(STORE_ENV) or None)
    try:
        result: int = args.func(args)
        return result
    except DocumentError as exc:
        for f in exc.findings:
            print(f.format(args.lang), file=sys.stderr)
        unreadable = exc.errors and all(f.code == "file-unreadable" for f in exc.errors)
        return EXIT_USAGE if unreadable else EXIT_ERRORS
    except (argparse.ArgumentTypeError, UsageError, FileError) as exc:
        print(f"teilhabe: Fehler: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except TeilhabeError as exc:
        print(f"teilhabe: Fehler: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except OSError as exc:
        from ..base.fileio import os_reason

        where = f"{exc.filename}: " if exc.filename else ""
        print(f"teilhabe: Fehler: {where}{os_reason(exc)}.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
