"""The ``teilhabe`` command line, one module per command group.

Start-up stays cheap: the heavy modules (plugins, exporters, Jinja2, openpyxl) are
imported inside the command functions, not at import time. Every text is German unless
``--lang en`` or ``TEILHABE_LANG=en`` asks for English (``base.i18n``); the language is
known before the parser is built, so ``--help`` is in it too.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..base.errors import DocumentError, FileError, TeilhabeError, UsageError
from ..base.i18n import LANGUAGES, _, speaking
from ..base.version import __version__
from . import documents, evaluation, info, new_county, publishing, round, serve, store, workflow
from .common import (
    EXIT_ERRORS,
    EXIT_USAGE,
    STORE_ENV,
    Parser,
    argparse_language,
    quiet_broken_pipe,
    using_store,
)


def build_parser() -> argparse.ArgumentParser:
    """The parser, its texts in the current language (call inside
    :func:`~.common.argparse_language` for argparse's own texts)."""
    parser = Parser(
        prog="teilhabe",
        description=_("Plan, track, evaluate and publish municipal inclusion work "
                      "(UN-CRPD action plans)."))
    parser.add_argument("--version", action="version", version=f"teilhabe {__version__}",
                        help=_("show the version number and exit"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=_("language of all texts: de (German) or en (English); "
                               "default: TEILHABE_LANG, else de"))
    parser.add_argument("--store", metavar="URL", default=None,
                        help=_("read and write documents in this store (a folder, "
                               "sqlite:///FILE, postgresql+psycopg://…; default: "
                               "TEILHABE_STORE, else the installed areas' files); documents "
                               "are then named by id"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), required=True,
                                title=_("commands"))

    for group in (info, documents, publishing, serve, evaluation, new_county, workflow, store,
                  round):
        group.add_parsers(sub)
    return parser


def requested_language(argv: Sequence[str]) -> str | None:
    """The ``--lang`` value among the arguments (``--lang en`` or ``--lang=en``), read
    before parsing so that the help and argparse's errors are already in it."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in LANGUAGES else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``) and return the exit
    code. The language (``--lang``) and the store (``--store``) hold for this call only;
    a caller's own language and store settings are the same afterwards."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    with speaking(requested_language(args_in)):
        try:
            return _run(args_in)
        except BrokenPipeError:
            return quiet_broken_pipe()


def _run(args_in: list[str]) -> int:
    with argparse_language():
        parser = build_parser()
        try:
            args = parser.parse_args(args_in)
        except SystemExit as exc:
            return int(exc.code or 0)
    with using_store(args.store or os.environ.get(STORE_ENV) or None):
        code = _command(args)
        sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return code


def _command(args: argparse.Namespace) -> int:
    try:
        result: int = args.func(args)
        return result
    except DocumentError as exc:
        for f in exc.findings:
            print(f.format(), file=sys.stderr)
        unreadable = exc.errors and all(f.code == "file-unreadable" for f in exc.errors)
        return EXIT_USAGE if unreadable else EXIT_ERRORS
    except (argparse.ArgumentTypeError, UsageError, FileError) as exc:
        print(_("teilhabe: error: {message}", message=exc), file=sys.stderr)
        return EXIT_USAGE
    except TeilhabeError as exc:
        print(_("teilhabe: error: {message}", message=exc), file=sys.stderr)
        return EXIT_ERRORS
    except BrokenPipeError:
        raise
    except OSError as exc:
        from ..base.oserrors import os_error_text

        print(_("teilhabe: error: {message}", message=os_error_text(exc)), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
