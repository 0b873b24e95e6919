"""Where a plan has gaps: prevention-chain transitions without offers, barriers without
measures.

Prevention chains (Präventionsketten, Saale-Orla) follow people through life stages; each
:class:`~teilhabe_core.model.Transition` lists the existing offers and the plan's measures
at that step. A transition with no offer is a gap, even if measures are planned for it
(the gap view says which). The barrier register (Mansfeld-Südharz) is summarised by
status, severity and life area, and lists open barriers that no measure addresses.
"""

from __future__ import annotations

from attrs import frozen

from ..model import Barrier, BarrierStatus, Plan, Severity, Transition


@frozen
class Stage:
    """The transitions of one life stage, in plan order."""

    id: str
    name: str
    transitions: tuple[Transition, ...]


def chain(plan: Plan) -> list[Stage]:
    """Transitions grouped by stage, stages in order of first appearance; a stage that is
    a life area or cross-cutting goal of the plan gets its name."""
    names = {la.id: la.name for la in plan.life_areas}
    names.update({g.id: g.name for g in plan.cross_cutting_goals})
    order: list[str] = []
    for tr in plan.transitions:
        if tr.stage not in order:
            order.append(tr.stage)
    return [Stage(s, names.get(s, s), tuple(t for t in plan.transitions if t.stage == s))
            for s in order]


def transition_gaps(plan: Plan) -> list[Transition]:
    """Transitions with no offer (whether or not measures are planned for them)."""
    return [t for t in plan.transitions if not t.offers]


@frozen
class BarrierSummary:
    total: int
    by_status: tuple[tuple[BarrierStatus, int], ...]
    by_severity: tuple[tuple[Severity, int], ...]
    by_life_area: tuple[tuple[str, int], ...]
    without_measure: tuple[Barrier, ...]

    def as_dict(self) -> dict[str, object]:
        return {"total": self.total,
                "by_status": {s.value: n for s, n in self.by_status},
                "by_severity": {s.value: n for s, n in self.by_severity},
                "by_life_area": dict(self.by_life_area),
                "without_measure": [b.id for b in self.without_measure]}


SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


def barrier_summary(plan: Plan) -> BarrierSummary:
    """Counts of the plan's barriers and the not yet removed ones without a measure,
    most severe first."""
    barriers = plan.barriers
    without = sorted((b for b in barriers
                      if not b.measures and b.status is not BarrierStatus.REMOVED),
                     key=lambda b: (SEVERITY_ORDER[b.severity], b.id))
    return BarrierSummary(
        total=len(barriers),
        by_status=tuple((s, sum(b.status is s for b in barriers)) for s in BarrierStatus),
        by_severity=tuple((s, sum(b.severity is s for b in barriers))
                          for s in sorted(Severity, key=SEVERITY_ORDER.__getitem__)),
        by_life_area=tuple((la.id, sum(b.life_area == la.id for b in barriers))
                           for la in plan.life_areas),
        without_measure=tuple(without))
