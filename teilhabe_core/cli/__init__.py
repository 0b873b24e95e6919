"""The ``teilhabe`` command line. Help texts are English; documents and messages German.

Start-up stays cheap: the heavy modules (plugins, exporters, Jinja2, openpyxl) are
imported inside the command functions, not at import time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .. import __version__
from ..base.errors import DocumentError, FileError, Finding, TeilhabeError, UsageError

if TYPE_CHECKING:
    from ..app import Teilhabe

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class Progress:
    """A progress bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.tty = stream.isatty()

    def step(self, text: str) -> None:
        self.done += 1
        if self.tty:
            width = 30
            filled = width * self.done // max(self.total, 1)
            line = f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {text}"
            self.stream.write(line[:110].ljust(110))
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {text}\n")
        self.stream.flush()


def _app() -> Teilhabe:
    from ..app import Teilhabe

    return Teilhabe.discover()


_ARGPARSE_DE = (
    (r"^argument ([^:]+): ", r"\1: "),
    (r"the following arguments are required: ", "es fehlt: "),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"ungültige Auswahl \1 (erlaubt: \2)"),
    (r"unrecognized arguments: ", "unbekannte Angaben: "),
    (r"expected one argument", "hier fehlt ein Wert"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with German error lines (help texts stay English)."""

    def error(self, message: str) -> Any:
        for pattern, german in _ARGPARSE_DE:
            message = re.sub(pattern, german, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: Fehler: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist kein Datum (JJJJ-MM-TT).") from None


def _moment(text: str) -> dt.datetime:
    from ..base.dates import parse_moment

    try:
        return parse_moment(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine ganze Zahl ab {least}.")
    return value


def _days(text: str) -> int:
    return _whole(text, 0)


def _months(text: str) -> int:
    return _whole(text, 1)


def _print_failures(app: Teilhabe) -> None:
    for failure in app.failures:
        print(f"warning: {failure.describe()}", file=sys.stderr)


# -- commands ---------------------------------------------------------------------------


def cmd_counties(args: argparse.Namespace) -> int:
    app = _app()
    _print_failures(app)
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
    app = _app()
    _print_failures(app)
    exporters, importers = app.describe_exporters(), app.describe_importers()
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


def _expand(paths: Sequence[str]) -> list[Path]:
    """Files as given; folders by their documents (a FIFO among them is reported, not
    skipped). A folder without documents is a usage error."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and not p.is_dir())
            if not found:
                raise FileError(f"Im Ordner {path} gibt es keine Dokumente "
                                f"({', '.join('*' + s for s in SUFFIXES)}).", str(path))
            out.extend(found)
        else:
            out.append(path)
    return out


def cmd_validate(args: argparse.Namespace) -> int:
    app = _app()
    _print_failures(app)
    findings: list[Finding] = []
    unreadable = False
    for path in _expand(args.paths):
        found = app.validate_file(path)
        unreadable |= any(f.code == "file-unreadable" for f in found)
        findings.extend(found)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f.format(args.lang))
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    if not args.json:
        print(f"{errors} Fehler, {warnings} Warnungen.", file=sys.stderr)
    if unreadable:
        return EXIT_USAGE
    if errors or (args.strict and warnings):
        return EXIT_ERRORS
    return EXIT_OK


def _options(pairs: Sequence[str]) -> dict[str, str]:
    options = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise argparse.ArgumentTypeError(f"--option needs KEY=VALUE, got {pair!r}")
        options[key.strip()] = value
    return options


def cmd_export(args: argparse.Namespace) -> int:
    from ..model import Variant

    app = _app()
    loaded = app.load(args.path)
    variant = Variant(args.variant) if args.variant else None
    paths = app.export(loaded.document, args.format, args.out, _options(args.option), variant)
    for path in paths:
        print(path)
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from ..publish.site import publication_steps, site_folder, write_site

    site_folder(args.out)  # a file or a foreign folder is refused before any work
    app = _app()
    _print_failures(app)
    area_ids = args.areas or [s.id for s in app.areas()]
    for area_id in area_ids:
        app.area(area_id)  # unknown areas fail before any work
        broken = app.documents(area_id).failures
        if broken:
            raise DocumentError([f for e in broken for f in e.findings])
    steps = publication_steps(app, area_ids)
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


def cmd_status(args: argparse.Namespace) -> int:
    from ..base.dates import add_days
    from ..documents.kinds import area_of
    from ..evaluation.coverage import barrier_summary, transition_gaps
    from ..evaluation.deadlines import KINDS, deadlines
    from ..evaluation.evaluate import statuses_on
    from ..model import MeasureStatus, Plan
    from ..model.labels import label
    from ..store.journal import journal_of

    on = args.on or dt.date.today()
    add_days(on, args.window), add_days(on, -args.window)  # the window fits the calendar
    app = _app()
    loaded = app.load(args.path)
    document = loaded.document
    result: dict[str, Any] = {"file": loaded.file, "on": on.isoformat()}
    if isinstance(document, Plan):
        rows = []
        status = statuses_on(document, on, journal_of(loaded.file))
        for la in document.life_areas:
            measures = [status[m.id] for m in document.measures if la.id in m.life_areas]
            done = measures.count(MeasureStatus.DONE)
            rows.append({"life_area": la.id, "name": la.name, "measures": len(measures),
                         "by_status": {s.value: measures.count(s) for s in MeasureStatus},
                         "done_percent": round(100 * done / len(measures)) if measures else 0})
        result["life_areas"] = rows
        current = [p for p in document.phases if p.start <= on <= p.end]
        result["current_phase"] = ({"id": current[0].id, "title": current[0].title,
                                    "end": current[0].end.isoformat()} if current else None)
        if document.transitions:
            result["transition_gaps"] = [{"id": t.id, "name": t.name,
                                          "planned_measures": list(t.measures)}
                                         for t in transition_gaps(document)]
        if document.barriers:
            result["barriers"] = barrier_summary(document).as_dict()
    area_id = area_of(document)
    dues = deadlines(app, area_id, on, args.window) if area_id else []
    result["deadlines"] = [d.as_dict() for d in dues]
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"Stand am {on.isoformat()}: {loaded.file}")
    for row in result.get("life_areas", []):
        parts = ", ".join(f"{label(MeasureStatus(k))} {v}" for k, v in row["by_status"].items()
                          if v)
        print(f"  {row['name']}: {row['measures']} Maßnahmen, {row['done_percent']} % "
              f"abgeschlossen ({parts})")
    if result.get("current_phase"):
        phase = result["current_phase"]
        print(f"  Aktuelle Phase: {phase['title']} (bis {phase['end']})")
    for gap in result.get("transition_gaps", []):
        planned = f" (geplant: {', '.join(gap['planned_measures'])})" \
            if gap["planned_measures"] else ""
        print(f"  Lücke in der Präventionskette: {gap['name']} – kein Angebot{planned}")
    if "barriers" in result:
        summary = result["barriers"]
        print(f"  Barrieren: {summary['total']}, ohne Maßnahme: "
              f"{', '.join(summary['without_measure']) or 'keine'}")
    for d in dues:
        flag = " – überfällig" if d.overdue else ""
        print(f"  {d.date.isoformat()} {KINDS[d.kind]}: {d.title}{flag}")
    return EXIT_OK


def _plan(app: Teilhabe, path: str) -> Any:
    from ..model import Plan

    document = app.load(path).document
    if not isinstance(document, Plan):
        raise UsageError(f"{path} ist kein Plan (document: plan).")
    return document


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..base.dates import add_months
    from ..documents.loader import dump
    from ..evaluation.evaluate import build_evaluation
    from ..evaluation.rollup import summarise
    from ..store.journal import journal_of

    on = args.on or dt.date.today()
    add_months(on, -args.stale_months)  # the staleness cut-off fits the calendar
    app = _app()
    plan = _plan(app, args.path)
    evaluation = build_evaluation(plan, on, journal_of(args.path),
                                  stale_months=args.stale_months)
    rollups = summarise(evaluation, plan)
    if args.out:
        print(dump(evaluation, args.out))
    if args.json:
        print(json.dumps(rollups.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"Evaluation von {plan.id} am {on.isoformat()}:")
    for title, rows in (("Lebensbereiche", rollups.life_areas),
                        ("UN-BRK-Artikel", rollups.articles),
                        ("Zuständigkeit", rollups.offices), ("", (rollups.overall,))):
        if title:
            print(f"  {title}:")
        for row in rows:
            print(f"    {row.name}: {row.total} Maßnahmen, Fortschritt {row.mean}, "
                  f"überfällig {row.overdue}, ohne Aktualisierung {row.stale}")
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from ..evaluation.diff import diff_plans

    for path in (args.old, args.new):
        if not Path(path).is_file():
            print(f"teilhabe: Fehler: Datei nicht gefunden: {path}", file=sys.stderr)
            return EXIT_USAGE
    app = _app()
    old, new = _plan(app, args.old), _plan(app, args.new)
    result = diff_plans(old, new)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"{old.id} ({old.version}. Fassung) → {new.id} ({new.version}. Fassung)")
        titles = {m.id: m.title for m in (*old.measures, *new.measures)}
        for sign, ids in (("+", result.added), ("-", result.removed)):
            for ident in ids:
                print(f"  {sign} {ident}: {titles[ident]}")
        for change in result.changed:
            print(f"  ~ {change.id}: " + ", ".join(
                f"{c.field} {_short_value(c.old)} → {_short_value(c.new)}"
                for c in change.changes))
        unchanged = len(result.carried_over) - len(result.changed)
        print(f"  = {unchanged} unverändert fortgeführt")
        for field_change in result.plan_changes:
            print(f"  Plan: {field_change.field} geändert")
        for name, added, removed, changed in result.lists:
            print(f"  {name}: +{len(added)} -{len(removed)} ~{len(changed)}")
    return EXIT_OK if result.empty else EXIT_ERRORS


def _short_value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def cmd_schema(args: argparse.Namespace) -> int:
    from ..base.fileio import atomic_write
    from ..documents.schema import document_schema

    text = json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        atomic_write(args.out, text.encode("utf-8"))
        print(Path(args.out).resolve())
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_new_county(args: argparse.Namespace) -> int:
    from .scaffold import scaffold

    files = scaffold(args.id, args.name, args.state, args.ags or "", Path(args.out), args.kind)
    root = files[0].parent
    print(f"County plugin written to {root}")
    print(f"Next: pip install -e {root} && teilhabe counties")
    return EXIT_OK


def cmd_transition(args: argparse.Namespace) -> int:
    app = _app()
    result = app.transition(args.path, args.object, args.name, by=args.by, note=args.note,
                            at=args.at, workflow=args.workflow)
    event = result.event
    print(f"{event.object}: {event.from_state} → {event.to_state} ({event.workflow})")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..documents.loader import dump

    app = _app()
    target = _plan(app, args.into)
    importer = app.importer(args.format)
    from ..publish.api import parse_options

    # a missing or unreadable table is a usage error: main() exits 2 for file-unreadable
    plan = importer(parse_options(importer, _options(args.option))).read(Path(args.path), target)
    out = dump(plan, args.out)
    points = sum(len(i.measurements) for i in plan.indicators)
    print(f"Plan mit {len(plan.measures)} Maßnahmen und {points} Messwerten geschrieben: {out}")
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="teilhabe",
        description="Plan, track, evaluate and publish municipal inclusion work "
                    "(UN-CRPD action plans).")
    parser.add_argument("--version", action="version", version=f"teilhabe {__version__}")
    parser.add_argument("--lang", choices=["de", "en"], default=None,
                        help="language of messages (default: TEILHABE_LANG or de)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("counties", help="list installed counties/areas")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_counties)

    p = sub.add_parser("formats", help="list installed exporters and importers with their "
                                       "options")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_formats)

    p = sub.add_parser("validate", help="check YAML/JSON documents (files or folders)",
                       description="Exit 0 without errors, 1 with errors (with --strict also "
                                   "warnings), 2 for unreadable files.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print findings as JSON")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="export one document with an exporter")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--format", required=True, help="exporter id (see 'teilhabe formats')")
    p.add_argument("--variant", choices=["long", "short", "easy"])
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("publish", help="build the accessible publication site (main job)")
    p.add_argument("areas", nargs="*", metavar="AREA", help="area ids (default: all)")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("status", help="progress per life area, current phase, deadlines")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--on", type=_date, help="reference date YYYY-MM-DD (default: today)")
    p.add_argument("--window", type=_days, default=365, help="days ahead for deadlines")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("evaluate", help="evaluation of a plan at a date, with roll-ups")
    p.add_argument("path", metavar="PLAN")
    p.add_argument("--on", type=_date, help="reference date YYYY-MM-DD (default: today)")
    p.add_argument("--stale-months", type=_months, default=12,
                   help="months without update after which a measure counts as stale")
    p.add_argument("--out", metavar="FILE", help="write the evaluation document (YAML/JSON)")
    p.add_argument("--json", action="store_true", help="print the roll-ups as JSON")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("diff", help="what changed between two plan versions")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("schema", help="JSON Schema of every document kind")
    p.add_argument("--out", metavar="FILE")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("new-county", help="scaffold an installable county plugin package")
    p.add_argument("id")
    p.add_argument("--name", required=True)
    p.add_argument("--state", required=True)
    p.add_argument("--ags", default="")
    p.add_argument("--kind", default="landkreis",
                   choices=["landkreis", "kreisfreie_stadt", "sozialraum"])
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=cmd_new_county)

    p = sub.add_parser("transition", help="carry out a workflow step and record it")
    p.add_argument("path", metavar="PATH")
    p.add_argument("object", help="plan, paper, call, measure:ID or barrier:ID")
    p.add_argument("name", help="transition name")
    p.add_argument("--by", default="", help="who")
    p.add_argument("--note", default="", help="why")
    p.add_argument("--at", type=_moment,
                   help="when (ISO date-time; without UTC offset: Berlin time; default: now)")
    p.add_argument("--workflow", help="workflow id if the object has several")
    p.set_defaults(func=cmd_transition)

    p = sub.add_parser("import", help="read a measure table (CSV/XLSX) into a plan")
    p.add_argument("path", metavar="TABLE")
    p.add_argument("--format", required=True,
                   help="importer id: csv, xlsx, indicator-csv (see 'teilhabe formats')")
    p.add_argument("--into", required=True, metavar="PLAN", help="the plan to update")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the new plan")
    p.set_defaults(func=cmd_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.lang:
        os.environ["TEILHABE_LANG"] = args.lang
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

