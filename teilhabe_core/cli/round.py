"""``round start|collect|status``: a status round among the responsible offices."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..base.errors import DocumentError
from . import common
from .common import EXIT_ERRORS, EXIT_OK


def cmd_start(args: argparse.Namespace) -> int:
    from .. import rounds

    app = common.make_app()
    started = rounds.start(app, args.plan, args.on, args.out, due=args.due, csv=args.csv)
    what = "angelegt" if started.created else "läuft bereits"
    print(f"Statusrunde {started.round} {what}; {len(started.files)} Dateien:")
    for share, path in started.files:
        count = len(share.measures)
        print(f"  {share.name} ({count} {'Maßnahme' if count == 1 else 'Maßnahmen'}): {path}")
    if started.unassigned:
        print(f"  Ohne zuständiges Amt (nicht abgefragt): {', '.join(started.unassigned)}")
    return EXIT_OK


def cmd_collect(args: argparse.Namespace) -> int:
    from .. import rounds

    app = common.make_app()
    target = rounds.open_plan(app, args.plan)
    failed = 0
    for path in args.files:
        try:
            done = rounds.collect_file(app, target, path)
        except DocumentError as exc:
            failed += 1
            print(f"{path}: nicht übernommen, die ganze Datei ({len(exc.findings)} Fehler):",
                  file=sys.stderr)
            for f in exc.findings:
                print(f"  {f.format(args.lang)}", file=sys.stderr)
            continue
        if not done.changed:
            print(f"{path}: {done.office}: bereits übernommen, nichts geändert.")
            continue
        print(f"{path}: {done.office}: {len(done.transitions)} Statuswechsel, "
              f"{done.reports} Meldungen übernommen.")
        for entry in done.transitions:
            flow = target.flow
            print(f"  {entry.object}: {flow.step_title(entry.transition)} "
                  f"({flow.state_label(entry.from_state)} → {flow.state_label(entry.to_state)}), "
                  f"{entry.at.date().isoformat()}, von {entry.by}")
    return EXIT_ERRORS if failed else EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from .. import rounds

    app = common.make_app()
    state = rounds.status(app, args.plan, args.on, args.due)
    if args.json:
        print(json.dumps(state.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    due = f", Frist {state.due.isoformat()}" if state.due else ""
    print(f"Statusrunde {state.round} (Stichtag {state.reference_date.isoformat()}{due})")
    print(f"  Zurückgemeldet ({len(state.returned)}): "
          + (", ".join(s.name for s in state.returned) or "noch niemand"))
    flag = " – überfällig" if state.overdue else ""
    print(f"  Fehlt ({len(state.missing)}){flag}: "
          + (", ".join(s.name for s in state.missing) or "niemand"))
    print(f"  Maßnahmen ohne Meldung ({len(state.unreported)}): "
          + (", ".join(state.unreported) or "keine"))
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("round", help="status round: one file per office, collect, status")
    rsub = p.add_subparsers(dest="round_command", metavar="STEP", required=True)

    q = rsub.add_parser("start", help="start a round: one workbook per responsible office")
    q.add_argument("plan", metavar="PLAN", help="plan file (with --store: id or area id)")
    q.add_argument("--on", type=common.parse_date, required=True,
                   help="reference date YYYY-MM-DD of the round")
    q.add_argument("--due", type=common.parse_date, help="date the returns are due")
    q.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    q.add_argument("--csv", action="store_true", help="CSV files instead of XLSX")
    q.set_defaults(func=cmd_start)

    q = rsub.add_parser("collect", help="take over returned files through the workflow")
    q.add_argument("plan", metavar="PLAN")
    q.add_argument("files", nargs="+", metavar="FILE")
    q.set_defaults(func=cmd_collect)

    q = rsub.add_parser("status", help="which offices returned, which are missing")
    q.add_argument("plan", metavar="PLAN")
    q.add_argument("--due", type=common.parse_date, help="due date (default: the round's)")
    q.add_argument("--on", type=common.parse_date, help="today (default: the real today)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_status)
