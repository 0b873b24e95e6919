"""Checks inside one document after structuring: ids, references, date order, ranges.

Each check yields findings with the field path; the loader adds file and line.
Checks across documents (plan → predecessor, evaluation → plan) are in
:mod:`teilhabe_core.documents.cross_checks`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..base.datetext import date_both
from ..base.errors import Finding, Level
from ..base.i18n import N_, Msg
from ..base.messages import finding
from ..base.text import norm
from ..model import (
    Area,
    CouncilPaper,
    Evaluation,
    FundingCall,
    FundingProgrammes,
    Glossary,
    GroupMeeting,
    Indicator,
    MeasureStatus,
    Plan,
    Workflow,
    names,
)
from . import domain_checks, refs
from .measurements import measurement_findings
from .refs import ids as _ids
from .refs import ref as _ref

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
_AGS = re.compile(r"\d{2}|\d{3}|\d{5}|\d{8}")
BASE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?(/[A-Za-z0-9._~%/-]*)?")
"""A publication address: http(s), a host, an optional port and path; no query."""


def _refs(names: Iterable[str], known: Iterable[str], path: str,
          what: Msg) -> Iterator[Finding]:
    known = known if isinstance(known, frozenset) else frozenset(known)
    for index, ref in enumerate(names):
        if ref not in known:
            yield from _ref(ref, known, f"{path}[{index}]", what)


def _order(start: dt.date | None, end: dt.date | None, path: str) -> Iterator[Finding]:
    if start is not None and end is not None and end < start:
        yield finding("end-before-start", f"{path}.end", start=date_both(start),
                      end=date_both(end))


def _articles(articles: Iterable[int], path: str) -> Iterator[Finding]:
    for index, number in enumerate(articles):
        if not 1 <= number <= 50:
            yield finding("out-of-range", f"{path}[{index}]", value=number, low=1, high=50)


def _meetings(meetings: Iterable[GroupMeeting], path: str) -> Iterator[Finding]:
    """No two meetings of a group at the same day and time (their calendar UID)."""
    seen: dict[tuple[dt.date, dt.time | None], str] = {}
    for index, meeting in enumerate(meetings):
        key = (meeting.date, meeting.time)
        if key in seen:
            yield finding("duplicate-meeting", f"{path}[{index}].date",
                          date=date_both(meeting.date),
                          time=Msg(N_(" at {time}"), time=f"{meeting.time:%H:%M}")
                          if meeting.time else "",
                          first=seen[key])
        else:
            seen[key] = f"{path}[{index}]"


def check_area(area: Area) -> Iterator[Finding]:
    if not _SLUG.fullmatch(area.id):
        yield finding("bad-id", "id", id=area.id)
    if area.ags and not _AGS.fullmatch(area.ags):
        yield finding("bad-ags", "ags", ags=area.ags)
    if area.base_url and not BASE_URL.fullmatch(area.base_url):
        yield finding("bad-base-url", "base_url", url=area.base_url)
    yield from _ids(area.life_areas, "life_areas")
    for i, life_area in enumerate(area.life_areas):
        yield from _articles(life_area.crpd_articles, f"life_areas[{i}].crpd_articles")
    yield from _ids(area.bodies, "bodies")
    yield from _ids(area.working_groups, "working_groups")
    yield from _ids(area.networks, "networks")
    yield from _ids(area.events, "events")
    life_ids = [la.id for la in area.life_areas]
    for i, group in enumerate(area.working_groups):
        yield from _refs(group.life_areas, life_ids, f"working_groups[{i}].life_areas",
                         refs.LIFE_AREA)
    for i, group in enumerate(area.working_groups):
        yield from _meetings(group.meetings, f"working_groups[{i}].meetings")
    for i, event in enumerate(area.events):
        yield from _refs(event.life_areas, life_ids, f"events[{i}].life_areas",
                         refs.LIFE_AREA)
    if area.project is not None and area.project.period is not None:
        yield from _order(area.project.period.start, area.project.period.end, "project.period")
    yield from domain_checks.goal_findings(area.goals, "goals", life_ids)
    yield from domain_checks.office_findings(area.offices)
    yield from domain_checks.participation_findings(area)


def check_plan(plan: Plan) -> Iterator[Finding]:
    if not _SLUG.fullmatch(plan.id):
        yield finding("bad-id", "id", id=plan.id)
    if plan.version < 1:
        yield finding("out-of-range", "version", value=plan.version, low=1, high="∞")
    if plan.period is not None:
        yield from _order(plan.period.start, plan.period.end, "period")
    yield from _ids(plan.life_areas, "life_areas")
    yield from _ids(plan.cross_cutting_goals, "cross_cutting_goals")
    yield from _ids(plan.measures, "measures")
    yield from _ids(plan.phases, "phases")
    yield from _ids(plan.indicators, "indicators")
    yield from _ids(plan.transitions, "transitions")
    yield from _ids(plan.barriers, "barriers")
    life_ids = frozenset(la.id for la in plan.life_areas)
    measure_ids = frozenset(m.id for m in plan.measures)
    indicator_ids = frozenset(i.id for i in plan.indicators)
    goal_ids = (frozenset(g.id for g in plan.cross_cutting_goals)
                | frozenset(g.id for g in plan.goals) | life_ids)
    for i, life_area in enumerate(plan.life_areas):
        yield from _articles(life_area.crpd_articles, f"life_areas[{i}].crpd_articles")
    for i, m in enumerate(plan.measures):
        here = f"measures[{i}]"
        if not m.title.strip():
            yield finding("empty-text", f"{here}.title")
        yield from _refs(m.life_areas, life_ids, f"{here}.life_areas", refs.LIFE_AREA)
        yield from _refs(m.indicators, indicator_ids, f"{here}.indicators", refs.INDICATOR)
        yield from _order(m.start, m.end, here)
        yield from _articles(m.crpd_articles, f"{here}.crpd_articles")
        if m.ongoing and m.end is not None:
            yield finding("ongoing-with-end", f"{here}.end", level=Level.WARNING)
        if m.progress is not None and not 0 <= m.progress <= 100:
            yield finding("out-of-range", f"{here}.progress", value=m.progress, low=0, high=100)
        if m.status is MeasureStatus.DROPPED and not m.dropped_reason.strip():
            yield finding("dropped-without-reason", f"{here}.dropped_reason",
                          level=Level.WARNING)
        for j, source in enumerate(m.funding):
            years: dict[int, int] = {}
            for k, amount in enumerate(source.amounts):
                at = f"{here}.funding[{j}].amounts[{k}].year"
                if not 1900 <= amount.year <= 2200:
                    yield finding("out-of-range", at, value=amount.year, low=1900, high=2200)
                if amount.year in years:
                    yield finding("duplicate-id", at, id=amount.year,
                                  first=f"{here}.funding[{j}].amounts[{years[amount.year]}]")
                years.setdefault(amount.year, k)
    for i, phase in enumerate(plan.phases):
        yield from _order(phase.start, phase.end, f"phases[{i}]")
    for i, ind in enumerate(plan.indicators):
        here = f"indicators[{i}]"
        yield from _refs(ind.measures, measure_ids, f"{here}.measures", refs.MEASURE)
        yield from _refs(ind.goals, goal_ids, f"{here}.goals", refs.GOAL)
        yield from _order(ind.baseline_date, ind.target_date, here)
        yield from _measurements(ind, here)
    for i, tr in enumerate(plan.transitions):
        yield from _refs(tr.measures, measure_ids, f"transitions[{i}].measures", refs.MEASURE)
    for i, barrier in enumerate(plan.barriers):
        here = f"barriers[{i}]"
        yield from _ref(barrier.life_area, life_ids, f"{here}.life_area",
                        refs.LIFE_AREA)
        yield from _refs(barrier.measures, measure_ids, f"{here}.measures", refs.MEASURE)


def _measurements(ind: Indicator, here: str) -> Iterator[Finding]:
    if ind.period is not None:
        yield from _order(ind.period.start, ind.period.end, f"{here}.period")
    for _, problem in measurement_findings(ind, ind.measurements,
                                           lambda j: f"{here}.measurements[{j}]"):
        yield problem


def check_evaluation(evaluation: Evaluation) -> Iterator[Finding]:
    if evaluation.stale_months < 1:
        yield finding("out-of-range", "stale_months", value=evaluation.stale_months, low=1,
                      high="∞")
    seen: dict[str, int] = {}
    for i, entry in enumerate(evaluation.entries):
        here = f"entries[{i}]"
        if not 0 <= entry.progress <= 100:
            yield finding("out-of-range", f"{here}.progress", value=entry.progress, low=0,
                          high=100)
        if entry.measure in seen:
            yield finding("duplicate-id", f"{here}.measure", id=entry.measure,
                          first=f"entries[{seen[entry.measure]}].measure")
        else:
            seen[entry.measure] = i


def check_paper(paper: CouncilPaper) -> Iterator[Finding]:
    if paper.reference in paper.related_papers:
        index = paper.related_papers.index(paper.reference)
        yield finding("invalid-value", f"related_papers[{index}]",
                      reason=Msg(N_("a council paper cannot refer to itself")))
    last: dt.date | None = None
    for i, c in enumerate(paper.consultations):
        if c.date is not None and last is not None and c.date < last:
            yield finding("invalid-value", f"consultations[{i}].date",
                          reason=Msg(N_("the consultations must be in the order of time")))
        last = c.date or last


def check_funding_programmes(doc: FundingProgrammes) -> Iterator[Finding]:
    yield from _ids(doc.programmes, "programmes")
    for i, programme in enumerate(doc.programmes):
        if programme.period is not None:
            yield from _order(programme.period.start, programme.period.end,
                              f"programmes[{i}].period")


def check_funding_call(call: FundingCall) -> Iterator[Finding]:
    previous: int | None = None
    for i, stage in enumerate(call.stages):
        if stage.candidates < 0:
            yield finding("out-of-range", f"stages[{i}].candidates", value=stage.candidates,
                          low=0, high="∞")
        if previous is not None and stage.candidates > previous:
            yield finding("invalid-value", f"stages[{i}].candidates",
                          reason=Msg(N_("a later selection round has no more candidates than "
                                        "the one before")))
        previous = stage.candidates


def check_glossary(glossary: Glossary) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, entry in enumerate(glossary.entries):
        here = f"entries[{i}]"
        if not entry.explanation.strip():
            yield finding("empty-text", f"{here}.explanation")
        for j, form in enumerate((entry.term, *entry.forms)):
            key = norm(form)
            path = f"{here}.term" if j == 0 else f"{here}.forms[{j - 1}]"
            if key in seen and seen[key] != i:
                yield finding("duplicate-id", path, id=form, first=f"entries[{seen[key]}]")
            seen.setdefault(key, i)


def check_workflow(flow: Workflow) -> Iterator[Finding]:
    from ..model.workflow import INPUTS, OBJECT_KINDS

    if flow.applies_to not in OBJECT_KINDS:
        yield finding("enum", "applies_to", found=flow.applies_to, allowed=", ".join(OBJECT_KINDS))
        return
    yield from _ids(flow.states, "states")
    states = [s.id for s in flow.states]
    yield from _ref(flow.initial, states, "initial", refs.STATE)
    names: dict[str, int] = {}
    for i, t in enumerate(flow.transitions):
        if t.name in names:
            yield finding("duplicate-id", f"transitions[{i}].name", id=t.name,
                          first=f"transitions[{names[t.name]}].name")
        names.setdefault(t.name, i)
        yield from _refs(t.sources, states, f"transitions[{i}].sources", refs.STATE)
        yield from _ref(t.target, states, f"transitions[{i}].target", refs.STATE)
        for j, need in enumerate(t.requires):
            if need not in INPUTS:
                yield finding("enum", f"transitions[{i}].requires[{j}]", found=need,
                              allowed=", ".join(INPUTS))
        if not t.label:
            yield finding("transition-without-label", f"transitions[{i}]", level=Level.WARNING,
                          name=t.name)
    yield from _typed_names(((n, flow.transitions.index(t)) for n, t in flow.transition_names()),
                            "transitions")
    yield from _typed_names(((n, states.index(s)) for n, s in flow.state_names()), "states")
    enum = OBJECT_KINDS[flow.applies_to][1]
    if flow.field is not None:
        if enum is None or flow.field != "status":
            yield finding("invalid-value", "field",
                          reason=Msg(N_("'{kind}' has no state field '{field}'"),
                                     kind=flow.applies_to, field=flow.field))
        else:
            allowed = [m.value for m in enum]
            for i, state in enumerate(states):
                if state not in allowed:
                    yield finding("enum", f"states[{i}].id", found=state,
                                  allowed=", ".join(allowed))


def _typed_names(pairs: Iterable[tuple[str, int]], where: str) -> Iterator[Finding]:
    """A typed name (id, label, German name) of item ``index`` that names an earlier one."""
    seen: dict[str, int] = {}
    for name, index in pairs:
        for key in names.keys(name):
            first = seen.setdefault(key, index)
            if first != index:
                yield finding("name-twice", f"{where}[{index}]", name=name,
                              first=f"{where}[{first}]")
                break


CHECKS: dict[type[Any], Callable[[Any], Iterator[Finding]]] = {
    Area: check_area,
    Plan: check_plan,
    Evaluation: check_evaluation,
    CouncilPaper: check_paper,
    FundingProgrammes: check_funding_programmes,
    FundingCall: check_funding_call,
    Workflow: check_workflow,
    Glossary: check_glossary,
}


def check(document: Any) -> list[Finding]:
    """All intra-document findings for a structured document."""
    fn = CHECKS.get(type(document))
    return list(fn(document)) if fn else []
