"""Template data for goals, offices, funding, participation and council-paper links.

Shared by the plan publication, the participation page and the paper pages, so every
exporter names offices from the registry and groups goals the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from attrs import frozen

from ..base.german import date_long
from ..documents.domain_checks import all_goals
from ..model import (
    Area,
    CouncilPaper,
    FundingProgramme,
    Goal,
    Measure,
    Office,
    ParticipationStep,
    Plan,
)
from ..model.goals import GOAL_RANK, find_office, office_label


@frozen
class GoalNode:
    goal: Goal
    children: tuple[GoalNode, ...] = ()


def goal_tree(goals: Sequence[Goal]) -> list[GoalNode]:
    """Goals as a forest: roots are goals without a (known) parent, by level then order."""
    ids = {g.id for g in goals}

    def node(goal: Goal, seen: frozenset[str]) -> GoalNode:
        kids = [g for g in goals if g.parent == goal.id and g.id not in seen]
        return GoalNode(goal, tuple(node(k, seen | {k.id}) for k in kids))

    roots = [g for g in goals if not g.parent or g.parent not in ids]
    roots.sort(key=lambda g: GOAL_RANK[g.level])
    return [node(r, frozenset({r.id})) for r in roots]


def offices_used(area: Area | None, measures: Sequence[Measure]) -> list[Office]:
    """The registry's offices that the measures name, in registry order."""
    if area is None:
        return []
    named = {find_office(area.offices, t) for m in measures
             for t in (m.responsible_office, *m.partner_offices)}
    return [o for o in area.offices if o in named]


def decision_of(measure: Measure, plan: Plan, papers: Sequence[CouncilPaper],
                body_name: Callable[[str], str]) -> str:
    """Who decided the measure, in words: its own paper, else the plan's adoption."""
    if measure.paper:
        paper = next((p for p in papers if p.reference == measure.paper), None)
        return f"Vorlage {measure.paper}" + (f" „{paper.title}“" if paper and paper.public
                                             else "")
    if plan.adoption is not None:
        text = f"{body_name(plan.adoption.body)} am {date_long(plan.adoption.date)}"
        return text + (f" (Vorlage {plan.adoption.paper})" if plan.adoption.paper else "")
    return ""


def decision_paper(measure: Measure, plan: Plan) -> str:
    """The reference of the council paper that decided ``measure`` (its own, else the
    plan's adoption paper), or ``""``."""
    if measure.paper:
        return measure.paper
    return plan.adoption.paper if plan.adoption is not None and plan.adoption.paper else ""


PAPERS_FOLDER = "vorlagen"
"""The folder of an area's council-paper pages on the site."""


def paper_page_name(paper: CouncilPaper, easy: bool = False) -> str:
    """The file of a council paper's page on the site (``vorlage-2019-066.html``, the
    Leichte Sprache summary ``vorlage-2019-066-leicht.html``); the site puts them in
    ``<area>/`` :data:`PAPERS_FOLDER`."""
    from .api import file_stem

    stem = f"vorlage-{file_stem(paper)}"
    return f"{stem}-leicht.html" if easy else f"{stem}.html"


def steps_for(area: Area | None, plan_id: str | None = None) -> list[ParticipationStep]:
    steps = list(area.participation) if area is not None else []
    return [s for s in steps if plan_id is None or plan_id in s.plans]


def measures_of_paper(paper: CouncilPaper, plans: Sequence[Plan]) -> list[tuple[Plan, Measure]]:
    """The measures a paper decided or concerns: those that name it, and those of plans
    adopted on it or naming it under ``papers`` (the other direction of ``Measure.paper``)."""
    out = []
    for plan in plans:
        whole = paper.reference in plan.papers or (
            plan.adoption is not None and plan.adoption.paper == paper.reference)
        out += [(plan, m) for m in plan.measures if whole or m.paper == paper.reference]
    return out


def domain_context(plan: Plan, area: Area | None, papers: Sequence[CouncilPaper],
                   body_name: Callable[[str], str], measures: Sequence[Measure],
                   programmes: Sequence[FundingProgramme] = (),
                   papers_folder: str = "") -> dict[str, Any]:
    """What the plan templates use: goal tree and names, office names, decisions, steps;
    with ``papers_folder`` (the relative path to the site's paper pages) the links to the
    pages of the public papers."""
    public = {p.reference: p for p in papers if p.public}
    goals = all_goals(plan, area)
    names = {g.id: g.name for g in goals}
    offices = area.offices if area is not None else ()
    steps = {s.id: s for s in steps_for(area)}
    programme_names = {p.id: p.name for p in programmes}
    life_names = {la.id: la.name for la in plan.life_areas}
    return {
        "goal_tree": goal_tree(goals),
        "goal_name": lambda ident: names.get(ident, ident),
        "goal_measures": {g.id: [m for m in measures if g.id in m.goals] for g in goals},
        "office_name": lambda text: office_label(offices, text),
        "offices_used": offices_used(area, measures),
        "decision": lambda m: decision_of(m, plan, papers, body_name),
        "decision_paper": lambda m: decision_paper(m, plan),
        "paper_href": lambda ref: f"{papers_folder}{paper_page_name(public[ref])}"
        if papers_folder and ref in public else "",
        "step_title": lambda ident: steps[ident].title if ident in steps else ident,
        "plan_steps": steps_for(area, plan.id),
        "plan_papers": [p for p in public.values() if p.reference in plan.papers],
        "funding_name": lambda ident: programme_names.get(ident, ident) if ident
        else "Eigenmittel",
        "life_area_name": lambda ident: life_names.get(ident, ident),
    }
