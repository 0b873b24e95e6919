"""Build an evaluation of a plan at a reference date from its measures and their history.

The status of a measure on the reference date comes from its history journal (the last
recorded transition on or before that date; before the first transition, its start
state), else from the plan. Progress is the measure's own ``progress`` estimate while its
status is unchanged, else 100 % for done and 0 % otherwise. ``last_update`` is the date of
the last recorded transition or office report (``reports``, from status rounds) on or
before the reference date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..base.dates import aware, local_date
from ..base.german import date_short
from ..model import (
    Evaluation,
    EvaluationEntry,
    History,
    HistoryEntry,
    Measure,
    MeasureStatus,
    Plan,
)


def measure_entries(history: History | None, measure_id: str) -> list[HistoryEntry]:
    """The history entries of one measure, oldest first."""
    if history is None:
        return []
    ref = f"measure:{measure_id}"
    return sorted((e for e in history.entries if e.object == ref), key=lambda e: aware(e.at))


def status_on(measure: Measure, entries: list[HistoryEntry], on: dt.date) -> MeasureStatus:
    """The status of ``measure`` on ``on`` according to its (sorted) history entries."""
    before = [e for e in entries if local_date(e.at) <= on]
    if before:
        state = before[-1].to_state
    elif entries:
        state = entries[0].from_state
    else:
        return measure.status
    try:
        return MeasureStatus(state)
    except ValueError:
        return measure.status


def statuses_on(plan: Plan, on: dt.date, history: History | None) -> dict[str, MeasureStatus]:
    """The status of every measure of ``plan`` on ``on``, replaying its history."""
    return {m.id: status_on(m, measure_entries(history, m.id), on) for m in plan.measures}


def progress_of(measure: Measure, status: MeasureStatus) -> int:
    if status is measure.status and measure.progress is not None:
        return measure.progress
    return 100 if status is MeasureStatus.DONE else 0


def build_evaluation(plan: Plan, on: dt.date, history: History | None = None, *,
                     evaluation_id: str | None = None, stale_months: int = 12,
                     title: str = "", authors: str = "",
                     reports: Mapping[str, dt.date] | None = None) -> Evaluation:
    """An :class:`Evaluation` of ``plan`` on ``on``; one entry per measure, in plan order."""
    entries = []
    statuses = statuses_on(plan, on, history)
    for measure in plan.measures:
        status = statuses[measure.id]
        days = [local_date(e.at) for e in measure_entries(history, measure.id)]
        if reports and measure.id in reports:
            days.append(reports[measure.id])
        last = max((d for d in days if d <= on), default=None)
        entries.append(EvaluationEntry(
            measure=measure.id, status=status, progress=progress_of(measure, status),
            comment=measure.notes if status is measure.status else "",
            last_update=last))
    return Evaluation(
        id=evaluation_id or f"{plan.id}-evaluation-{on.isoformat()}",
        plan=plan.id, county=plan.county, reference_date=on,
        title=title or f"Evaluation: {plan.title} (Stand {date_short(on)})",
        period=str(on.year), authors=authors, entries=tuple(entries),
        stale_months=stale_months, example=plan.measures != () and all(
            m.example for m in plan.measures))
