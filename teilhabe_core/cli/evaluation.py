"""``status``, ``evaluate`` and ``diff``: where a plan stands and what changed."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from ..base.datetext import date_text
from ..base.errors import UnknownAreaError, UsageError
from ..base.i18n import _, language, ngettext, translate
from . import common
from .common import EXIT_ERRORS, EXIT_OK
from .words import status_name

if TYPE_CHECKING:
    from ..evaluation.deadlines import Deadline
    from ..evaluation.rollup import Rollups, Row


def cmd_status(args: argparse.Namespace) -> int:
    from ..base.dates import add_days, today
    from ..documents.kinds import area_of
    from ..evaluation.coverage import barrier_summary, transition_gaps
    from ..evaluation.deadlines import KINDS, deadlines
    from ..evaluation.evaluate import statuses_on
    from ..model import MeasureStatus, Plan

    on = args.on or today()
    add_days(on, args.window), add_days(on, -args.window)  # the window fits the calendar
    app = common.make_app()
    loaded = common.target(app, args.path)
    document = loaded.document
    result: dict[str, Any] = {"file": loaded.where, "on": on.isoformat()}
    if isinstance(document, Plan):
        rows = []
        status = statuses_on(document, on, loaded.history)
        for la in document.life_areas:
            measures = [status[m.id] for m in document.measures if la.id in m.life_areas]
            done = measures.count(MeasureStatus.DONE)
            rows.append({"life_area": la.id, "name": la.name, "measures": len(measures),
                         "by_status": {s.value: measures.count(s) for s in MeasureStatus},
                         "done_percent": round(100 * done / len(measures)) if measures else 0})
        result["life_areas"] = rows
        result["measures"] = [_measure_row(m, status[m.id], loaded.history)
                              for m in document.measures]
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
    print(_("As of {date}: {file}", date=date_text(on), file=loaded.where))
    for row in result.get("life_areas", []):
        parts = ", ".join(f"{status_name(MeasureStatus(k))} {v}"
                          for k, v in row["by_status"].items() if v)
        print("  " + _("{name}: {measures}, {percent} % done ({parts})", name=row["name"],
                       measures=ngettext("{n} measure", "{n} measures", row["measures"]),
                       percent=row["done_percent"], parts=parts))
    if result.get("current_phase"):
        phase = result["current_phase"]
        print("  " + _("Current phase: {title} (until {end})", title=phase["title"],
                       end=date_text(dt.date.fromisoformat(phase["end"]))))
    for gap in result.get("transition_gaps", []):
        planned = (_(" (planned: {measures})", measures=", ".join(gap["planned_measures"]))
                   if gap["planned_measures"] else "")
        print("  " + _("Gap in the prevention chain: {name} – no offer{planned}",
                       name=gap["name"], planned=planned))
    if "barriers" in result:
        summary = result["barriers"]
        print("  " + _("Barriers: {total}, without a measure: {ids}", total=summary["total"],
                       ids=", ".join(summary["without_measure"]) or _("none")))
    for d in dues:
        print(f"  {date_text(d.date)} {_deadline(d, KINDS[d.kind])}")
    return EXIT_OK


def _deadline(due: Deadline, kind: str) -> str:
    """``KIND: TITLE`` (the German title, in English the thing's own name) and whether it
    is overdue."""
    text = f"{translate(kind)}: {due.name if language() == 'en' and due.name else due.title}"
    return text + (_(" – overdue") if due.overdue else "")


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..base.dates import add_months, today
    from ..documents.loader import dump
    from ..evaluation.evaluate import build_evaluation
    from ..evaluation.rollup import summarise
    from ..model import Plan

    on = args.on or today()
    add_months(on, -args.stale_months)  # the staleness cut-off fits the calendar
    app = common.make_app()
    stored = common.target(app, args.path)
    plan = stored.document
    if not isinstance(plan, Plan):
        raise UsageError(_("{name} is not a plan (document: plan).", name=args.path))
    from ..evaluation.round import reports_of

    try:  # measures reported in a status round count as updated on their report date
        reports = reports_of(app.documents(plan.county).evaluations, plan.id, on)
    except UnknownAreaError:
        reports = {}
    evaluation = build_evaluation(plan, on, stored.history, stale_months=args.stale_months,
                                  reports=reports)
    rollups = summarise(evaluation, plan)
    if args.out:
        print(dump(evaluation, args.out))
    if args.json:
        print(json.dumps(rollups.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(_("Evaluation of {plan} on {date}:", plan=plan.id, date=date_text(on)))
    for title, rows in ((_("Life areas"), rollups.life_areas),
                        (_("UN-CRPD articles"), rollups.articles),
                        (_("Responsibility"), rollups.offices), ("", (rollups.overall,))):
        if title:
            print(f"  {title}:")
        for row in rows:
            print("    " + _("{name}: {measures}, progress {mean}, overdue {overdue}, without "
                             "update {stale}", name=_row_name(row, rollups),
                             measures=ngettext("{n} measure", "{n} measures", row.total),
                             mean=row.mean, overdue=row.overdue, stale=row.stale))
    return EXIT_OK


def _row_name(row: Row, rollups: Rollups) -> str:
    """A roll-up row's name: the data's own (a life area, an office) or, for the rows
    the roll-up names in German for the report, the name in the current language."""
    from ..evaluation.round import NO_OFFICE

    if row is rollups.overall:
        return _("Total")
    if row in rollups.articles:
        return _("Article {number}", number=row.key)
    return _("(no responsible office)") if row.name == NO_OFFICE else row.name


def cmd_diff(args: argparse.Namespace) -> int:
    from ..evaluation.diff import diff_plans
    from .diff_text import diff_lines

    app = common.make_app()  # a missing or unreadable file: exit 2 (main())
    old, new = common.load_plan(app, args.old), common.load_plan(app, args.new)
    result = diff_plans(old, new)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(_("{old} (version {old_version}) → {new} (version {new_version})", old=old.id,
                old_version=old.version, new=new.id, new_version=new.version))
        for line in diff_lines(result, old, new, _area_of(app, new)):
            print(line)
    return EXIT_OK if result.empty else EXIT_ERRORS


def _area_of(app: Any, plan: Any) -> Any:
    """The area profile of ``plan`` (``None`` for a plan of no installed area)."""
    try:
        return app.area(plan.county).area
    except UnknownAreaError:
        return None


def _measure_row(measure: Any, state: Any, history: Any) -> dict[str, Any]:
    """A measure's state on the day and the last history entry of it."""
    ref = f"measure:{measure.id}"
    last = next((e for e in reversed(history.entries) if e.object == ref), None)
    return {"id": measure.id, "title": measure.title, "state": state.value,
            "last": None if last is None else {
                "transition": last.transition, "from_state": last.from_state,
                "to_state": last.to_state, "at": last.at.isoformat(), "by": last.by,
                "note": last.note}}


def add_parsers(sub: Any) -> None:
    text = _("progress per life area, current phase, deadlines")
    p = sub.add_parser("status", help=text, description=text)
    p.add_argument("path", metavar=_("PATH"),
                   help=_("a plan or another document (with --store: its id)"))
    p.add_argument("--on", type=common.parse_date, metavar=_("DATE"),
                   help=_("reference date DD.MM.YYYY or YYYY-MM-DD (default: today)"))
    p.add_argument("--window", type=common.days, default=365, metavar=_("DAYS"),
                   help=_("days ahead for deadlines (default: 365)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_status)

    text = _("evaluation of a plan at a date, with roll-ups")
    p = sub.add_parser("evaluate", help=text, description=text)
    p.add_argument("path", metavar=_("PLAN"), help=_("the plan (with --store: its id)"))
    p.add_argument("--on", type=common.parse_date, metavar=_("DATE"),
                   help=_("reference date DD.MM.YYYY or YYYY-MM-DD (default: today)"))
    p.add_argument("--stale-months", type=common.months, default=12, metavar=_("MONTHS"),
                   help=_("months without update after which a measure counts as stale "
                          "(default: 12)"))
    p.add_argument("--out", metavar=_("FILE"),
                   help=_("write the evaluation document (YAML/JSON)"))
    p.add_argument("--json", action="store_true", help=_("print the roll-ups as JSON"))
    p.set_defaults(func=cmd_evaluate)

    text = _("what changed between two plan versions")
    p = sub.add_parser("diff", help=text, description=text)
    p.add_argument("old", metavar=_("OLD"), help=_("the earlier version's file"))
    p.add_argument("new", metavar=_("NEW"), help=_("the later version's file"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_diff)

