"""Status rounds (Statusabfragen): every office reports on its own measures.

Pure logic, no I/O: who gets which measures, how a status written in German maps to a
workflow state, which transitions lead there, how the returned rows become evaluation
entries of the round's reference date, and who has (not) answered.

A round is an evaluation document (``reported: true``) with the id
``PLAN-runde-YYYY-MM-DD``; its entries are the offices' reports. ``teilhabe round start``
creates it without entries, every collected return adds the entries of its rows.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Mapping, Sequence

from attrs import evolve, frozen

from ..base.german import date_short
from ..model import Evaluation, EvaluationEntry, Measure, MeasureStatus, Plan, Workflow
from ..model.goals import Office, find_office

NO_OFFICE = "(ohne Zuständigkeit)"


def round_id(plan_id: str, on: dt.date) -> str:
    """The id of the round of ``plan_id`` with reference date ``on``."""
    return f"{plan_id}-runde-{on.isoformat()}"


def is_round_of(evaluation: Evaluation, plan_id: str) -> bool:
    return (evaluation.plan == plan_id and evaluation.reported
            and evaluation.id == round_id(plan_id, evaluation.reference_date))


def new_round(plan: Plan, on: dt.date, due: dt.date | None) -> Evaluation:
    """The round document as ``round start`` creates it (no entries yet)."""
    return Evaluation(id=round_id(plan.id, on), plan=plan.id, county=plan.county,
                      reference_date=on, title=f"Statusrunde {date_short(on)}: "
                      f"{plan.title}", period=str(on.year),
                      authors="Rückmeldungen der zuständigen Ämter", reported=True, due=due,
                      example=plan.measures != () and all(m.example for m in plan.measures))


@frozen
class OfficeShare:
    """One office's part of a round: its key (registry id, else the name as written in
    the plan), the name to show and the ids of its measures in plan order."""

    key: str
    name: str
    measures: tuple[str, ...]


def office_key(offices: Sequence[Office], text: str) -> str:
    office = find_office(tuple(offices), text)
    return office.id if office is not None else text.strip()


def shares(plan: Plan, offices: Sequence[Office]) -> list[OfficeShare]:
    """The offices responsible for measures of ``plan``, in order of first appearance;
    measures without a responsible office are left out (see :func:`unassigned`)."""
    found: dict[str, list[str]] = {}
    for measure in plan.measures:
        key = office_key(offices, measure.responsible_office)
        if key:
            found.setdefault(key, []).append(measure.id)
    registry = {o.id: o.name for o in offices}
    return [OfficeShare(k, registry.get(k, k), tuple(v)) for k, v in found.items()]


def unassigned(plan: Plan) -> list[str]:
    return [m.id for m in plan.measures if not m.responsible_office.strip()]


def file_stem(key: str) -> str:
    """A file name part for office ``key`` (letters, digits and ``-`` only)."""
    out = "".join(c if c.isalnum() else "-" for c in key.casefold())
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        out = out.replace(umlaut, plain)
    return "-".join(p for p in out.split("-") if p) or "amt"


# -- statuses and transitions ---------------------------------------------------------


def state_labels(flow: Workflow) -> dict[str, str]:
    """State id → German name of ``flow`` (label, else the value's German name, else id)."""
    return {s.id: flow.state_label(s.id) for s in flow.states}


def state_of_text(flow: Workflow, text: str) -> str | None:
    """The state ``text`` names (id, label or German name; case, blanks and umlaut
    spelling aside), else ``None``."""
    return flow.state_named(text)


def path_between(flow: Workflow, start: str, target: str) -> list[str] | None:
    """The names of the fewest transitions from ``start`` to ``target`` (``[]`` if equal,
    ``None`` if the workflow allows no way); ties go to the order of the definition."""
    if start == target:
        return []
    seen = {start}
    todo: deque[tuple[str, list[str]]] = deque([(start, [])])
    while todo:
        state, names = todo.popleft()
        for step in flow.allowed(state):
            if step.target in seen:
                continue
            if step.target == target:
                return [*names, step.name]
            seen.add(step.target)
            todo.append((step.target, [*names, step.name]))
    return None


# -- reports ----------------------------------------------------------------------------


@frozen
class Report:
    """What one returned row says about one measure (after every check)."""

    measure: str
    status: str
    progress: int | None
    comment: str
    date: dt.date


def entry_of(report: Report, measure: Measure) -> EvaluationEntry:
    """The evaluation entry of ``report``; without a given progress, done counts 100 %
    and otherwise the plan's own estimate (or 0)."""
    try:
        status = MeasureStatus(report.status)
    except ValueError:  # an area workflow with states of its own
        status = measure.status
    progress = report.progress
    if progress is None:
        progress = 100 if status is MeasureStatus.DONE else (measure.progress or 0)
    return EvaluationEntry(measure=measure.id, status=status, progress=progress,
                           comment=report.comment, last_update=report.date)


def with_entries(evaluation: Evaluation, plan: Plan,
                 entries: Iterable[EvaluationEntry]) -> Evaluation:
    """``evaluation`` with ``entries`` replacing those of the same measures, in plan order."""
    by_measure = {e.measure: e for e in evaluation.entries}
    by_measure.update({e.measure: e for e in entries})
    order = [m.id for m in plan.measures]
    ordered = [by_measure.pop(i) for i in order if i in by_measure]
    return evolve(evaluation, entries=(*ordered, *by_measure.values()))


def reports_of(evaluations: Iterable[Evaluation], plan_id: str,
               on: dt.date) -> dict[str, dt.date]:
    """Measure id → date of its latest office report on or before ``on`` (from every
    reported evaluation of ``plan_id``)."""
    out: dict[str, dt.date] = {}
    for evaluation in evaluations:
        if evaluation.plan != plan_id or not evaluation.reported:
            continue
        for entry in evaluation.entries:
            day = entry.last_update or evaluation.reference_date
            if day <= on and (entry.measure not in out or out[entry.measure] < day):
                out[entry.measure] = day
    return out


# -- status -----------------------------------------------------------------------------


@frozen
class RoundStatus:
    """Who has answered a round: offices that returned, offices still missing (overdue
    once ``due`` has passed), measures without a report."""

    round: str
    reference_date: dt.date
    due: dt.date | None
    returned: tuple[OfficeShare, ...]
    missing: tuple[OfficeShare, ...]
    unreported: tuple[str, ...]
    overdue: bool

    def as_dict(self) -> dict[str, object]:
        def office(s: OfficeShare) -> dict[str, object]:
            return {"office": s.key, "name": s.name, "measures": list(s.measures)}

        return {"round": self.round, "reference_date": self.reference_date.isoformat(),
                "due": self.due.isoformat() if self.due else None,
                "returned": [office(s) for s in self.returned],
                "missing": [office(s) for s in self.missing],
                "unreported": list(self.unreported), "overdue": self.overdue}


def round_status(evaluation: Evaluation, plan: Plan, offices: Sequence[Office],
                 today: dt.date, due: dt.date | None = None) -> RoundStatus:
    """The state of round ``evaluation`` of ``plan`` on ``today`` (``due`` overrides the
    round's own). An office has returned once any of its measures has a report."""
    reported = {e.measure for e in evaluation.entries}
    parts = shares(plan, offices)
    returned = tuple(s for s in parts if reported & set(s.measures))
    missing = tuple(s for s in parts if not reported & set(s.measures))
    deadline = due or evaluation.due
    return RoundStatus(evaluation.id, evaluation.reference_date, deadline, returned, missing,
                       tuple(m.id for m in plan.measures if m.id not in reported),
                       overdue=bool(missing) and deadline is not None and today > deadline)


def latest_round(evaluations: Iterable[Evaluation], plan_id: str) -> Evaluation | None:
    rounds = sorted((e for e in evaluations if is_round_of(e, plan_id)),
                    key=lambda e: e.reference_date)
    return rounds[-1] if rounds else None


def measures_by_id(plan: Plan) -> Mapping[str, Measure]:
    return {m.id: m for m in plan.measures}
