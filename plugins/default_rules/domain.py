"""Rules on goals, offices, funding periods and participation (warnings).

* ``generic.goal-without-measures``: a goal that no measure serves (itself or a goal below it);
* ``generic.unknown-office``: a responsible or partner office that is not in the area's
  office registry, with a "Meinten Sie …?" suggestion;
* ``generic.funding-after-period``: a measure runs past the end of the funding period it
  depends on (the area project's period for the project's programmes, else the
  programme's own);
* ``generic.adopted-without-participation``: an adopted action plan without any
  participation step that involved disabled people or their organisations.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator

from teilhabe_core.base.errors import Finding, Level
from teilhabe_core.base.i18n import N_, Msg, both
from teilhabe_core.documents.domain_checks import all_goals
from teilhabe_core.model import Area, Measure, MeasureStatus, Office, Plan, PlanKind, PlanStatus
from teilhabe_core.model.goals import find_office, goal_descendants
from teilhabe_core.plugin import RuleContext, rule_finding

ADOPTED = (PlanStatus.ADOPTED, PlanStatus.IN_IMPLEMENTATION, PlanStatus.EVALUATED,
           PlanStatus.SUPERSEDED)


def domain_findings(document: object, context: RuleContext) -> list[Finding]:
    if isinstance(document, Plan):
        return [*_plan_goals(document, context), *_offices(document, context),
                *_funding(document, context), *_participation(document, context)]
    if isinstance(document, Area):
        return list(_area_goals(document, context))
    return []


def _unserved(goals: list, measures: tuple[Measure, ...]) -> Iterator[int]:  # type: ignore[type-arg]
    named = {g for m in measures for g in m.goals}
    for i, goal in enumerate(goals):
        if not named & goal_descendants(goals, goal.id):
            yield i


def _plan_goals(plan: Plan, context: RuleContext) -> Iterator[Finding]:
    goals = all_goals(plan, context.area)
    own = {g.id: i for i, g in enumerate(plan.goals)}
    crossing = {g.id: i for i, g in enumerate(plan.cross_cutting_goals)}
    for i in _unserved(goals, plan.measures):
        goal = goals[i]
        path = (f"goals[{own[goal.id]}]" if goal.id in own else
                f"cross_cutting_goals[{crossing[goal.id]}]" if goal.id in crossing else None)
        if path is not None and plan.measures:
            yield _goal_warning(path, goal.name)


def _area_goals(area: Area, context: RuleContext) -> Iterator[Finding]:
    superseded = {p.supersedes for p in context.plans if p.supersedes}
    current = [p for p in context.plans if p.id not in superseded and p.county == area.id]
    measures = tuple(m for p in current for m in p.measures)
    if not measures:
        return
    goals = [*area.goals, *(g for p in current for g in all_goals(p, None))]
    for i in _unserved(goals, measures):
        if i < len(area.goals):
            yield _goal_warning(f"goals[{i}]", area.goals[i].name)


def _goal_warning(path: str, name: str) -> Finding:
    return rule_finding(
        "generic.goal-without-measures", path,
        *both(N_("No measure serves the goal '{name}' (nor a goal below it)."), name=name),
        level=Level.WARNING)


def _offices(plan: Plan, context: RuleContext) -> Iterator[Finding]:
    offices = context.area.offices if context.area else ()
    if not offices:
        return
    choices = {o.id: o for o in offices}
    names = {o.name: o for o in offices}
    looked_up: dict[str, tuple[bool, Office | None]] = {}  # text → (known, suggestion)
    for i, m in enumerate(plan.measures):
        named = [("responsible_office", m.responsible_office)] if m.responsible_office else []
        named += [(f"partner_offices[{j}]", p) for j, p in enumerate(m.partner_offices)]
        for field, text in named:
            if text not in looked_up:
                looked_up[text] = _look_up(offices, choices, names, text)
            known, office = looked_up[text]
            if known:
                continue
            hint = (Msg(N_(" Did you mean '{id}' ({name})?"), id=office.id, name=office.name)
                    if office else "")
            yield rule_finding(
                "generic.unknown-office", f"measures[{i}].{field}",
                *both(N_("'{text}' is not an office in the area's registry.{hint} Write the id "
                         "of an office listed under 'offices' in the area profile."),
                      text=text, hint=hint), level=Level.WARNING)


def _look_up(offices: tuple[Office, ...], choices: dict[str, Office],
              names: dict[str, Office], text: str) -> tuple[bool, Office | None]:
    """Whether ``text`` names an office of the registry, else the closest one (or none)."""
    if find_office(offices, text) is not None:
        return True, None
    close = difflib.get_close_matches(text, [*choices, *names], n=1, cutoff=0.5)
    return False, (choices.get(close[0]) or names[close[0]]) if close else None


def funding_end(programme: str, context: RuleContext) -> dt.date | None:
    """The end of the funding period of ``programme`` as it applies to the area."""
    project = context.area.project if context.area else None
    if project is not None and programme in project.funding and project.period is not None \
            and project.period.end is not None:
        return project.period.end
    known = next((p for p in context.funding if p.id == programme), None)
    return known.period.end if known is not None and known.period is not None else None


def _funding(plan: Plan, context: RuleContext) -> Iterator[Finding]:
    for i, m in enumerate(plan.measures):
        if m.status in (MeasureStatus.DONE, MeasureStatus.DROPPED):
            continue
        for j, source in enumerate(m.funding):
            end = funding_end(source.programme, context) if source.programme else None
            if end is None:
                continue
            runs = (Msg(N_("as an ongoing task without end")) if m.end is None
                    else Msg(N_("until {date}"), date=f"{m.end:%d.%m.%Y}"))
            late = [a.year for a in source.amounts if a.year > end.year]
            if m.end is None or m.end > end or late:
                amounts = (Msg(N_(" and has amounts for {years}"),
                               years=", ".join(map(str, late))) if late else "")
                yield rule_finding(
                    "generic.funding-after-period", f"measures[{i}].funding[{j}]",
                    *both(N_("The measure runs {runs}{amounts}, but the funding '{programme}' "
                             "ends on {end}. Settle the follow-up funding or the end of the "
                             "measure."), runs=runs, amounts=amounts,
                          programme=source.programme, end=f"{end:%d.%m.%Y}"),
                    level=Level.WARNING)


def _participation(plan: Plan, context: RuleContext) -> Iterator[Finding]:
    if plan.kind is not PlanKind.ACTION_PLAN or plan.status not in ADOPTED \
            or plan.adoption is None:
        return
    steps = [s for s in (context.area.participation if context.area else ())
             if plan.id in s.plans]
    if any(s.involves_disabled_people and not s.planned for s in steps):
        return
    yield rule_finding(
        "generic.adopted-without-participation", "adoption",
        *both(N_("The plan is adopted, but no participation step of the area profile "
                 "('participation' with this plan under 'plans') names disabled people or "
                 "their organisations (disabled_people, self_advocacy, disability_council). "
                 "“Nothing about us without us” (Art. 4(3) UN-CRPD).")), level=Level.WARNING)
