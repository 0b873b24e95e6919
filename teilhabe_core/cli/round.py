"""``round start|collect|status``: a status round among the responsible offices."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..base.datetext import date_text
from ..base.errors import DocumentError
from ..base.i18n import _, ngettext
from . import common
from .common import EXIT_ERRORS, EXIT_OK
from .words import state_word, step_word


def cmd_start(args: argparse.Namespace) -> int:
    from ..tasks import rounds

    app = common.make_app()
    started = rounds.start(app, args.plan, args.on, args.out, due=args.due, csv=args.csv)
    files = ngettext("{n} file", "{n} files", len(started.files))
    print(_("Status round {round} started; {files}:", round=started.round, files=files)
          if started.created else
          _("Status round {round} is already running; {files}:", round=started.round,
            files=files))
    for share, path in started.files:
        count = ngettext("{n} measure", "{n} measures", len(share.measures))
        print(f"  {share.name} ({count}): {path}")
    if started.unassigned:
        print("  " + _("Without a responsible office (not asked): {measures}",
                       measures=", ".join(started.unassigned)))
    return EXIT_OK


def cmd_collect(args: argparse.Namespace) -> int:
    from ..tasks import rounds

    app = common.make_app()
    target = rounds.open_plan(app, args.plan)
    failed = 0
    for path in args.files:
        try:
            done = rounds.collect_file(app, target, path)
        except DocumentError as exc:
            failed += 1
            print(_("{file}: not taken over, the whole file ({errors}):", file=path,
                    errors=ngettext("{n} error", "{n} errors", len(exc.findings))),
                  file=sys.stderr)
            for f in exc.findings:
                print(f"  {f.format()}", file=sys.stderr)
            continue
        if not done.changed:
            print(_("{file}: {office}: already taken over, nothing changed.", file=path,
                    office=done.office))
            continue
        print(_("{file}: {office}: {changes}, {reports} taken over.", file=path,
                office=done.office,
                changes=ngettext("{n} status change", "{n} status changes",
                                 len(done.transitions)),
                reports=ngettext("{n} report", "{n} reports", done.reports)))
        flow = target.flow
        for entry in done.transitions:
            print("  " + _("{object}: {step} ({old} → {new}), {date}, by {who}",
                           object=entry.object, step=step_word(flow, entry.transition),
                           old=state_word(flow, entry.from_state),
                           new=state_word(flow, entry.to_state), date=date_text(entry.at),
                           who=entry.by))
    return EXIT_ERRORS if failed else EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from ..tasks import rounds

    app = common.make_app()
    state = rounds.status(app, args.plan, args.on, args.due)
    if args.json:
        print(json.dumps(state.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    due = _(", due {date}", date=date_text(state.due)) if state.due else ""
    print(_("Status round {round} (reference date {date}{due})", round=state.round,
            date=date_text(state.reference_date), due=due))
    print("  " + _("Returned ({n}): {offices}", n=len(state.returned),
                   offices=", ".join(s.name for s in state.returned) or _("nobody yet")))
    flag = _(" – overdue") if state.overdue else ""
    print("  " + _("Missing ({n}){overdue}: {offices}", n=len(state.missing), overdue=flag,
                   offices=", ".join(s.name for s in state.missing) or _("nobody")))
    print("  " + _("Measures without a report ({n}): {measures}", n=len(state.unreported),
                   measures=", ".join(state.unreported) or _("none")))
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    text = _("status round: one file per office, collect, status")
    p = sub.add_parser("round", help=text, description=text)
    rsub = p.add_subparsers(dest="round_command", metavar=_("STEP"), required=True,
                            title=_("steps"))
    plan_help = _("plan file (with --store: its id or the area id)")

    text = _("start a round: one workbook per responsible office")
    q = rsub.add_parser("start", help=text, description=text)
    q.add_argument("plan", metavar=_("PLAN"), help=plan_help)
    q.add_argument("--on", type=common.parse_date, required=True, metavar=_("DATE"),
                   help=_("reference date of the round, DD.MM.YYYY or YYYY-MM-DD"))
    q.add_argument("--due", type=common.parse_date, metavar=_("DATE"),
                   help=_("date the returns are due, DD.MM.YYYY or YYYY-MM-DD"))
    q.add_argument("--out", required=True, metavar=_("DIR"), help=_("folder for the files"))
    q.add_argument("--csv", action="store_true", help=_("CSV files instead of XLSX"))
    q.set_defaults(func=cmd_start)

    text = _("take over returned files through the workflow")
    q = rsub.add_parser("collect", help=text, description=text)
    q.add_argument("plan", metavar=_("PLAN"), help=plan_help)
    q.add_argument("files", nargs="+", metavar=_("FILE"), help=_("a returned file"))
    q.set_defaults(func=cmd_collect)

    text = _("which offices returned, which are missing")
    q = rsub.add_parser("status", help=text, description=text)
    q.add_argument("plan", metavar=_("PLAN"), help=plan_help)
    q.add_argument("--due", type=common.parse_date, metavar=_("DATE"),
                   help=_("due date DD.MM.YYYY or YYYY-MM-DD (default: the round's)"))
    q.add_argument("--on", type=common.parse_date, metavar=_("DATE"),
                   help=_("today, DD.MM.YYYY or YYYY-MM-DD (default: the real today)"))
    q.add_argument("--json", action="store_true", help=_("print JSON"))
    q.set_defaults(func=cmd_status)
