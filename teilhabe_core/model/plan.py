"""Plans (Aktionsplan, Arbeitsplan) and what they contain."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from attrs import field, frozen

from .area import CrossCuttingGoal, LifeArea
from .common import Checked, Money, Period
from .enums import (
    BarrierStatus,
    MeasureStatus,
    PlanKind,
    PlanStatus,
    Priority,
    PublicationState,
    Severity,
    Variant,
)
from .funding import MeasureFunding
from .goals import Goal


@frozen
class Measure:
    """A measure (Maßnahme): a problem, the approach to it, who does it and when.

    ``ongoing`` marks a permanent task without an end date. ``example`` marks
    illustrative measures that are not taken from a real plan. ``progress`` (0–100 %)
    is the responsible office's own estimate; ``dropped_reason`` says why a measure was
    given up (kept in the plan so nothing disappears silently).

    ``responsible_office`` and ``partner_offices`` name offices of the area profile by id
    (a name is accepted too); ``partners`` are outside partners in words. ``goals`` are
    ids of goals of the plan or the area, ``funding`` says what pays for it,
    ``participation`` names the participation steps it came from and ``paper`` the
    council paper that decided it (without one, the plan's adoption decided it).
    ``easy_title`` is the title in Leichte Sprache (the heading of the easy publication).
    """

    id: str
    title: str
    life_areas: tuple[str, ...]
    problem: str = ""
    approach: str = ""
    responsible_office: str = ""
    partners: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    ongoing: bool = False
    status: MeasureStatus = MeasureStatus.PLANNED
    progress: int | None = None
    dropped_reason: str = ""
    priority: Priority | None = None
    costs: Money | None = None
    indicators: tuple[str, ...] = ()
    crpd_articles: tuple[int, ...] = ()
    easy_text: str = ""
    easy_title: str = ""
    notes: str = ""
    example: bool = False
    goals: tuple[str, ...] = ()
    partner_offices: tuple[str, ...] = ()
    funding: tuple[MeasureFunding, ...] = ()
    participation: tuple[str, ...] = ()
    paper: str = ""


@frozen
class Adoption:
    """Who adopted a plan, when, and on which council paper."""

    body: str
    date: dt.date
    paper: str | None = None


@frozen
class Phase:
    """A dated step of a work plan."""

    id: str
    title: str
    start: dt.date
    end: dt.date
    items: tuple[str, ...] = ()
    description: str = ""


@frozen
class Measurement:
    """One measured value of an indicator; ``breakdown`` e.g. ``{gender: female}``."""

    date: dt.date
    value: Decimal
    breakdown: dict[str, str] = field(factory=dict)
    note: str = ""


@frozen
class Indicator:
    """An impact indicator (Wirkungsindikator) with baseline, target and measurements.

    ``period`` bounds the measurements; ``measures`` and ``goals`` link the indicator
    to what it is meant to show the effect of.
    """

    id: str
    name: str
    unit: str = ""
    source: str = ""
    description: str = ""
    period: Period | None = None
    baseline: Decimal | None = None
    baseline_date: dt.date | None = None
    target: Decimal | None = None
    target_date: dt.date | None = None
    measurements: tuple[Measurement, ...] = ()
    measures: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    example: bool = False


@frozen
class Transition:
    """A step of a prevention chain (Präventionskette): a transition between life stages."""

    id: str
    name: str
    stage: str
    from_stage: str = ""
    to_stage: str = ""
    offers: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    example: bool = False


@frozen
class Barrier:
    """An identified obstacle to participation (Teilhabebarriere)."""

    id: str
    title: str
    life_area: str
    description: str = ""
    place: str = ""
    severity: Severity = Severity.MEDIUM
    status: BarrierStatus = BarrierStatus.OPEN
    identified: dt.date | None = None
    measures: tuple[str, ...] = ()
    example: bool = False


@frozen
class Publication:
    """The state of one publication variant of a plan."""

    variant: Variant
    state: PublicationState = PublicationState.PUBLISHED
    note: str = ""


@frozen
class Plan:
    """A versioned plan: version N of ``id`` supersedes the plan named in ``supersedes``;
    ``easy_title`` is its title in Leichte Sprache."""

    id: str
    county: str
    kind: PlanKind
    title: str
    version: int = 1
    supersedes: str | None = None
    status: PlanStatus = PlanStatus.DRAFT
    period: Period | None = None
    adoption: Adoption | None = None
    review_interval_months: int | None = None
    intro: str = ""
    easy_text: str = ""
    easy_title: str = ""
    easy_checked: Checked | None = None
    life_areas: tuple[LifeArea, ...] = ()
    cross_cutting_goals: tuple[CrossCuttingGoal, ...] = ()
    measures: tuple[Measure, ...] = ()
    phases: tuple[Phase, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    transitions: tuple[Transition, ...] = ()
    barriers: tuple[Barrier, ...] = ()
    publications: tuple[Publication, ...] = ()
    goals: tuple[Goal, ...] = ()
    papers: tuple[str, ...] = ()
    """Council papers about this plan besides the adoption (e.g. the planning of it)."""
