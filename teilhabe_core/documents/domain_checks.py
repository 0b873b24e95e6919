"""Checks of goals, offices, participation steps, funding per measure and council-paper links.

Inside one document (:func:`goal_findings`, :func:`office_findings`,
:func:`participation_findings`) and across an area's documents (:func:`plan_links`,
:func:`area_links`): every id a measure or a step names must exist.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..base.errors import Finding
from ..base.i18n import N_, Msg
from ..base.messages import finding
from ..model import Area, Goal, Office, ParticipationStep, Plan, RuleContext
from ..model.goals import GOAL_RANK
from . import refs
from .refs import ids as _ids
from .refs import ref as _missing


def goal_findings(goals: Sequence[Goal], path: str, life_ids: Sequence[str],
                  outer: Sequence[Goal] = (), check_parents: bool = True) -> Iterator[Finding]:
    """Ids unique, life areas known, parents known and of a higher level."""
    yield from _ids(goals, path)
    by_id = {g.id: g for g in (*outer, *goals)}
    for i, goal in enumerate(goals):
        here = f"{path}[{i}]"
        if goal.life_area:
            yield from _missing(goal.life_area, life_ids, f"{here}.life_area",
                                refs.LIFE_AREA)
        if not goal.parent or not check_parents:
            continue
        parent = by_id.get(goal.parent)
        if parent is None:
            yield from _missing(goal.parent, by_id, f"{here}.parent", refs.GOAL)
        elif GOAL_RANK[parent.level] >= GOAL_RANK[goal.level]:
            yield finding("invalid-value", f"{here}.parent", reason=Msg(N_(
                "the parent goal '{parent}' must have a higher level (Leitziel → Ziel → "
                "Teilziel), but has the same or a lower one"), parent=parent.id))


def office_findings(offices: Sequence[Office], path: str = "offices") -> Iterator[Finding]:
    """Ids unique, parents known, no office is its own ancestor."""
    yield from _ids(offices, path)
    parents = {o.id: o.parent for o in offices}
    for i, office in enumerate(offices):
        if not office.parent:
            continue
        if office.parent not in parents:
            yield from _missing(office.parent, parents, f"{path}[{i}].parent",
                                refs.OFFICE)
            continue
        seen, current = {office.id}, office.parent
        while current:
            if current in seen:
                yield finding("invalid-value", f"{path}[{i}].parent", reason=Msg(N_(
                    "the office '{office}' would be above itself"), office=office.id))
                break
            seen.add(current)
            current = parents.get(current, "")


def participation_findings(area: Area, path: str = "participation") -> Iterator[Finding]:
    """Step ids unique; bodies and events of the profile."""
    yield from _ids(area.participation, path)
    bodies = [b.id for b in area.bodies]
    events = [e.id for e in area.events]
    for i, step in enumerate(area.participation):
        here = f"{path}[{i}]"
        for j, body in enumerate(step.bodies):
            yield from _missing(body, bodies, f"{here}.bodies[{j}]", refs.BODY)
        if step.event:
            yield from _missing(step.event, events, f"{here}.event", refs.EVENT)


def all_goals(plan: Plan | None, area: Area | None) -> list[Goal]:
    """Every goal a plan's measures may name: the area's, the plan's and its
    cross-cutting goals (as Ziele without a life area)."""
    from ..model import GoalLevel

    goals = [*(area.goals if area else ()), *(plan.goals if plan else ())]
    if plan is not None:
        goals += [Goal(id=g.id, name=g.name, level=GoalLevel.ZIEL, description=g.description)
                  for g in plan.cross_cutting_goals]
    return goals


def steps_of(area: Area | None) -> tuple[ParticipationStep, ...]:
    return area.participation if area is not None else ()


def plan_links(plan: Plan, context: RuleContext) -> Iterator[Finding]:
    """Measures' goals, participation steps, funding programmes and papers exist."""
    area = context.area
    yield from goal_findings(plan.goals, "goals", [la.id for la in plan.life_areas],
                             outer=area.goals if area else (), check_parents=True)
    goal_ids = [g.id for g in all_goals(plan, area)]
    step_ids = [s.id for s in steps_of(area)]
    programmes = [f.id for f in context.funding]
    references = [p.reference for p in context.papers]
    for i, ref in enumerate(plan.papers):
        yield from _missing(ref, references, f"papers[{i}]", refs.PAPER)
    for i, m in enumerate(plan.measures):
        here = f"measures[{i}]"
        for j, goal in enumerate(m.goals):
            yield from _missing(goal, goal_ids, f"{here}.goals[{j}]", refs.GOAL)
        if area is not None:
            for j, step in enumerate(m.participation):
                yield from _missing(step, step_ids, f"{here}.participation[{j}]",
                                    refs.PARTICIPATION_STEP)
        if context.funding:
            for j, source in enumerate(m.funding):
                if source.programme:
                    yield from _missing(source.programme, programmes,
                                        f"{here}.funding[{j}].programme",
                                        refs.FUNDING_PROGRAMME)
        if m.paper:
            yield from _missing(m.paper, references, f"{here}.paper", refs.PAPER)


def area_links(area: Area, context: RuleContext) -> Iterator[Finding]:
    """Participation steps name plans and papers of the area."""
    plans = [p.id for p in context.plans]
    references = [p.reference for p in context.papers]
    for i, step in enumerate(area.participation):
        for j, plan in enumerate(step.plans):
            yield from _missing(plan, plans, f"participation[{i}].plans[{j}]", refs.PLAN)
        if step.paper:
            yield from _missing(step.paper, references, f"participation[{i}].paper",
                                refs.PAPER)
