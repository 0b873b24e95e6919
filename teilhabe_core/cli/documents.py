"""``validate``, ``export``, ``import`` and ``schema``: one document at a time."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.errors import UsageError
from ..base.i18n import _, language, ngettext
from . import common
from .common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from ..app import Teilhabe
    from ..base.findings import Finding
    from ..store.contract import Key


def cmd_validate(args: argparse.Namespace) -> int:
    app = common.make_app()
    common.print_failures(app)
    findings: list[Finding] = []
    unreadable = False
    if app.store is not None:
        for key in _store_keys(app, args.paths):
            findings.extend(app.validate_stored(key))
    for path in common.expand_paths(args.paths) if app.store is None else ():
        found = app.validate_file(path)
        unreadable |= any(f.code == "file-unreadable" for f in found)
        findings.extend(found)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    elif findings:
        lang = language()  # once, not per finding: 22,906 lines for a large plan
        sys.stdout.write("".join(f"{f.format(lang)}\n" for f in findings))
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    if not args.json:
        print(_("{errors}, {warnings}.", errors=ngettext("{n} error", "{n} errors", errors),
                warnings=ngettext("{n} warning", "{n} warnings", warnings)), file=sys.stderr)
    if unreadable:
        return EXIT_USAGE
    if errors or (args.strict and warnings):
        return EXIT_ERRORS
    return EXIT_OK


def _store_keys(app: Teilhabe, names: list[str]) -> list[Key]:
    """Documents named by id, or every document of an area named by its id."""
    assert app.store is not None
    keys: list[Key] = []
    areas = app.store.areas()
    for name in names:
        keys.extend(app.store.list(name) if name in areas else [app.find(name)])
    return keys


def cmd_export(args: argparse.Namespace) -> int:
    app = common.make_app()
    loaded = app.load(args.path)
    variant = args.variant
    options = common.parse_options(args.option)
    paths = app.export(loaded.document, args.format, args.out, options, variant)
    for path in paths:
        print(path)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..documents.loader import dump

    app = common.make_app()
    if app.store is None and not args.out:
        raise UsageError(_("import: --out is missing (without --store the new plan is "
                           "written to a file)"))
    stored = common.target(app, args.into)
    target = common.load_plan(app, args.into)
    importer = app.importer(args.format)
    from ..publish.api import parse_options

    # a missing or unreadable table is a usage error: main() exits 2 for file-unreadable
    options = parse_options(importer, common.parse_options(args.option))
    plan = importer(options).read(Path(args.path), target)
    # status changes become workflow transitions with history (teilhabe_core.tasks.table_import)
    from ..tasks.table_import import import_into_store, import_to_file

    if app.store is not None:
        saved = import_into_store(app, stored, plan, str(args.path))
        out = Path(saved.where) if not args.out else dump(saved.document, args.out)
    else:
        out = import_to_file(app, target, plan, str(args.path), args.out)
    points = sum(len(i.measurements) for i in plan.indicators)
    print(_("Plan written with {measures} and {points}: {file}",
            measures=ngettext("{n} measure", "{n} measures", len(plan.measures)),
            points=ngettext("{n} measurement", "{n} measurements", points), file=out))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from ..base.fileio import atomic_write
    from ..documents.schema import schema_text

    text = schema_text()
    if args.out:
        atomic_write(args.out, text.encode("utf-8"))
        print(Path(args.out).resolve())
    else:
        sys.stdout.write(text)
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("validate", help=_("check YAML/JSON documents (files or folders)"),
                       description=_("Checks YAML/JSON documents (files or folders). Exit 0 "
                                     "without errors, 1 with errors (with --strict also "
                                     "warnings), 2 for unreadable files."))
    p.add_argument("paths", nargs="+", metavar=_("PATH"),
                   help=_("a document file or a folder of them"))
    p.add_argument("--json", action="store_true", help=_("print the findings as JSON"))
    p.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))
    p.set_defaults(func=cmd_validate)

    text = _("export one document with an exporter")
    p = sub.add_parser("export", help=text, description=text)
    p.add_argument("path", metavar=_("PATH"), help=_("the document"))
    p.add_argument("--format", required=True, metavar="ID",
                   help=_("exporter id (see 'teilhabe formats')"))
    p.add_argument("--variant", type=common.enum_value("Variant"), metavar=_("long|short|easy"),
                   help=_("long or short version, or Leichte Sprache (also: lang, kurz, "
                          "leicht)"))
    p.add_argument("--option", action="append", default=[], metavar=_("KEY=VALUE"),
                   help=_("an option of the format (see 'teilhabe formats'); repeatable"))
    p.add_argument("--out", required=True, metavar=_("DIR"), help=_("the output folder"))
    p.set_defaults(func=cmd_export)

    text = _("JSON Schema of every document kind")
    p = sub.add_parser("schema", help=text, description=text)
    p.add_argument("--out", metavar=_("FILE"),
                   help=_("write it to this file (default: print it)"))
    p.set_defaults(func=cmd_schema)

    text = _("read a measure table (CSV/XLSX) into a plan")
    p = sub.add_parser("import", help=text, description=text)
    p.add_argument("path", metavar=_("TABLE"), help=_("the table file"))
    p.add_argument("--format", required=True, metavar="ID",
                   help=_("importer id: csv, xlsx, indicator-csv (see 'teilhabe formats')"))
    p.add_argument("--into", required=True, metavar=_("PLAN"), help=_("the plan to update"))
    p.add_argument("--option", action="append", default=[], metavar=_("KEY=VALUE"),
                   help=_("an option of the format (see 'teilhabe formats'); repeatable"))
    p.add_argument("--out", metavar=_("FILE"),
                   help=_("where to write the new plan (with --store: into the store, in "
                          "place of --into)"))
    p.set_defaults(func=cmd_import)

