"""Funding programmes (Förderprogramme) and competitive funding calls."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from attrs import frozen

from .common import Money, Period


@frozen
class FundingProgramme:
    """Who pays (``funders``), under which rules (``guideline``), for which period."""

    id: str
    name: str
    funders: tuple[str, ...]
    guideline: str = ""
    state: str = ""
    period: Period | None = None
    description: str = ""
    predecessors: tuple[str, ...] = ()


@frozen
class YearAmount:
    """An amount of one budget year, as exact money (EUR)."""

    year: int
    amount: Money


@frozen
class MeasureFunding:
    """What pays for a measure: a funding programme of the catalogue (``programme`` id,
    empty for the county's own budget), the budget line (Haushaltsstelle) and the amounts
    per year."""

    programme: str = ""
    budget_line: str = ""
    amounts: tuple[YearAmount, ...] = ()
    note: str = ""

    @property
    def total(self) -> Money:
        return Money(sum((a.amount for a in self.amounts), Money(Decimal("0.00"))))


@frozen
class SelectionStage:
    """One round of a competitive selection; ``candidates`` entered it."""

    name: str
    candidates: int
    description: str = ""
    date: dt.date | None = None


@frozen
class FundingCall:
    """A funding call with a staged selection (e.g. Aktion Mensch, Kommune Inklusiv)."""

    id: str
    name: str
    programme: str
    county: str
    stages: tuple[SelectionStage, ...] = ()
    support: tuple[str, ...] = ()
    announced: dt.date | None = None
    notes: str = ""


@frozen
class FundingProgrammes:
    """A document listing funding programmes (used by plugins' YAML files)."""

    programmes: tuple[FundingProgramme, ...]
