"""The context validation rules and guards receive: an area and its documents."""

from __future__ import annotations

from attrs import field, frozen

from .area import Area
from .evaluation import Evaluation
from .funding import FundingCall, FundingProgramme
from .glossary import GlossaryEntry
from .paper import CouncilPaper
from .plan import Plan


@frozen
class RuleContext:
    """What a rule may look at besides the document: its area and the area's documents."""

    area: Area | None = None
    plans: tuple[Plan, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    papers: tuple[CouncilPaper, ...] = ()
    calls: tuple[FundingCall, ...] = ()
    funding: tuple[FundingProgramme, ...] = field(default=())
    glossary: tuple[GlossaryEntry, ...] = ()
    """The merged glossary for the area (shared entries and the area's own)."""

    def plan(self, plan_id: str) -> Plan | None:
        return next((p for p in self.plans if p.id == plan_id), None)

    def evaluations_of(self, plan_id: str) -> list[Evaluation]:
        return sorted((e for e in self.evaluations if e.plan == plan_id),
                      key=lambda e: e.reference_date)

    def successors_of(self, plan_id: str) -> list[Plan]:
        return [p for p in self.plans if p.supersedes == plan_id]
