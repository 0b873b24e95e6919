"""What is due for an area on a given date: evaluations, updates, funding, phases, measures,
consultations. :func:`deadlines` returns them sorted by date.

A work-plan phase counts as completed once the plan's history records a transition out of
a state named like the phase (as Saale-Orla's phase workflow does). A measure is overdue
when it is past its end date and not closed on the date asked about (its status replayed
from the history, as in evaluations).
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from attrs import frozen

from ..base.dates import add_days, add_months
from ..base.errors import UsageError
from ..base.i18n import N_, _
from ..model import ConsultationResult, CouncilPaper, Plan
from ..store.area_documents import AreaDocuments
from .evaluate import statuses_on
from .rollup import CLOSED


class HasDocuments(Protocol):
    """Anything that gives an area's documents, such as :class:`teilhabe_core.app.Teilhabe`."""

    def documents(self, area_id: str) -> AreaDocuments:
        """Every document of the area."""


@frozen
class Deadline:
    """One thing that is due (or overdue) on a date. ``title`` is German (calendars are
    published); ``name`` is what it is about (a plan's or measure's own title, a paper and
    its body), for texts in other languages."""

    date: dt.date
    kind: str
    title: str
    area: str
    ref: str
    overdue: bool = False
    name: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "kind": self.kind, "title": self.title,
                "area": self.area, "ref": self.ref, "overdue": self.overdue}


KINDS = {
    "evaluation_due": N_("evaluation due"),
    "update_due": N_("update due"),
    "funding_ends": N_("funding period ends"),
    "phase_current": N_("current phase ends"),
    "phase_overdue": N_("phase overdue"),
    "measure_overdue": N_("measure past its end date"),
    "consultation": N_("consultation"),
    "consultation_overdue": N_("consultation overdue"),
}
"""What each kind of deadline is called: catalog msgids (``translate(KINDS[k], lang)``)."""


def deadlines(app: HasDocuments, area_id: str, on: dt.date,
              window_days: int = 365) -> list[Deadline]:
    """Everything due for ``area_id`` within ``window_days`` of ``on`` (and all overdue)."""
    docs = app.documents(area_id)
    area = docs.source.area
    if window_days < 0:
        raise UsageError(_("The window for deadlines must be 0 or more days, not {days}.",
                           days=window_days))
    horizon, since = add_days(on, window_days), add_days(on, -window_days)
    out: list[Deadline] = []

    def add(date: dt.date, kind: str, title: str, ref: str, overdue: bool = False,
            name: str = "") -> None:
        if overdue or date <= horizon:
            out.append(Deadline(date, kind, title, area_id, ref, overdue, name))

    superseded = {p.supersedes for p in docs.plans if p.supersedes}
    for plan in docs.plans:
        if plan.id in superseded or plan.adoption is None:
            continue
        interval = plan.review_interval_months or area.plan_defaults.review_interval_months
        if interval:
            due = add_months(plan.adoption.date, interval)
            add(due, "update_due", f"Fortschreibung von „{plan.title}“", plan.id, due < on,
                plan.title)
        every = area.plan_defaults.evaluation_interval_months
        if every:
            evaluations = [e.reference_date for e in docs.evaluations if e.plan == plan.id]
            since = max(evaluations, default=plan.adoption.date)
            due = add_months(since, every)
            add(due, "evaluation_due", f"Evaluation von „{plan.title}“", plan.id, due < on,
                plan.title)
    project = area.project
    if project is not None and project.period is not None and project.period.end is not None:
        end = project.period.end
        if since <= end:
            add(end, "funding_ends", f"Förderzeitraum „{project.title}“", project.id, end < on,
                project.title)
    for plan in docs.plans:
        if plan.id in superseded:
            continue
        _plan_deadlines(plan, docs, on, add)
    for paper in docs.papers:
        _paper_deadlines(paper, docs, on, add)
    return sorted(out, key=lambda d: (d.date, d.kind, d.ref))


def _plan_deadlines(plan: Plan, docs: AreaDocuments, on: dt.date, add: object) -> None:
    assert callable(add)
    history = docs.history_of(plan)
    left = {e.from_state for e in history.entries} if history else set()
    for phase in plan.phases:
        if phase.id in left:
            continue
        if phase.start <= on <= phase.end:
            add(phase.end, "phase_current", f"Phase „{phase.title}“", phase.id, False,
                phase.title)
        elif phase.end < on:
            add(phase.end, "phase_overdue", f"Phase „{phase.title}“", phase.id, True,
                phase.title)
    status = statuses_on(plan, on, history)  # on ``on``, as the history tells
    for measure in plan.measures:
        if measure.end is not None and measure.end < on and status[measure.id] not in CLOSED:
            add(measure.end, "measure_overdue", f"Maßnahme „{measure.title}“", measure.id, True,
                measure.title)


def _paper_deadlines(paper: CouncilPaper, docs: AreaDocuments, on: dt.date,
                     add: object) -> None:
    assert callable(add)
    history = docs.history_of(paper)
    consulted = [e.by for e in history.entries if e.transition == "consult"] if history else []
    for index, consultation in enumerate(paper.consultations):
        if consultation.date is None:
            continue
        done = index < len(consulted) or consultation.result is not ConsultationResult.PENDING
        title = f"Vorlage {paper.reference} im Gremium {consultation.body}"
        name = f"{paper.reference} ({consultation.body})"
        if consultation.date >= on:
            add(consultation.date, "consultation", title, paper.reference, False, name)
        elif not done:
            add(consultation.date, "consultation_overdue", title, paper.reference, True, name)
