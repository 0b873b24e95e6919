"""The deploying authority or social space and its standing structures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from attrs import field, frozen

from .common import Period, Role
from .enums import AreaKind, BodyKind, EventKind, Variant
from .goals import Goal, Office, ParticipationStep
from .site import SiteSettings


@frozen
class LifeArea:
    """A life area (Lebensbereich, Handlungsfeld, Themenfeld) grouping measures;
    ``easy_name`` is its name in Leichte Sprache (else the name is used there)."""

    id: str
    name: str
    crpd_articles: tuple[int, ...] = ()
    description: str = ""
    easy_text: str = ""
    easy_name: str = ""
    example: bool = False


@frozen
class CrossCuttingGoal:
    """A goal that spans all life areas (Querschnittsziel)."""

    id: str
    name: str
    description: str = ""


@frozen
class Vocabulary:
    """The words an area uses in its publications."""

    life_area: str = "Lebensbereich"
    life_areas: str = "Lebensbereiche"
    measure: str = "Maßnahme"
    measures: str = "Maßnahmen"
    plan: str = "Aktionsplan"


@frozen
class EasyLanguageSettings:
    """How an area checks and writes Leichte Sprache.

    ``compound_style``: ``mediopunkt`` (Aktions·plan) or ``hyphen`` (Aktions-Plan) for
    suggested splits of long words; ``rare_word_zipf``: words less frequent than this on
    the Zipf scale of ``wordfreq`` count as hard; ``disabled_rules``: rule ids not checked.
    """

    max_words: int = 12
    compound_style: str = "mediopunkt"
    min_compound_length: int = 10
    rare_word_zipf: Decimal = Decimal("3.0")
    disabled_rules: tuple[str, ...] = ()


@frozen
class Body:
    """A decision or advisory body (OParl Organization), or the administration."""

    id: str
    name: str
    kind: BodyKind = BodyKind.COMMITTEE


@frozen
class Project:
    """The funded team itself (e.g. the project Örtliches Teilhabemanagement)."""

    id: str
    title: str
    period: Period | None = None
    organisational_unit: str = ""
    funding: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    contact_email: str = ""
    tasks: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()


@frozen
class GroupMeeting:
    """A meeting of a working group: its day, and where known the time (local time),
    place and topic. ``example`` marks an illustrative meeting the sources do not name."""

    date: dt.date
    time: dt.time | None = None
    place: str = ""
    topic: str = ""
    example: bool = False


@frozen
class WorkingGroup:
    id: str
    name: str
    life_areas: tuple[str, ...] = ()
    description: str = ""
    example: bool = False
    meetings: tuple[GroupMeeting, ...] = ()


@frozen
class Network:
    id: str
    name: str
    description: str = ""
    members: tuple[str, ...] = ()


@frozen
class Event:
    """A dated event (Aktionstag, Workshop, Fachkonferenz); ``date`` may be unknown."""

    id: str
    title: str
    kind: EventKind = EventKind.OTHER
    date: dt.date | None = None
    description: str = ""
    life_areas: tuple[str, ...] = ()
    example: bool = False


@frozen
class PlanDefaults:
    """Defaults for an area's plans: how often they are renewed and evaluated."""

    review_interval_months: int | None = None
    evaluation_interval_months: int | None = None
    publication_variants: tuple[Variant, ...] = (Variant.LONG, Variant.SHORT, Variant.EASY)


@frozen
class Area:
    """A county (Landkreis), a kreisfreie Stadt or a social space (Sozialraum).

    ``ags`` is the official municipality key of the area or of the county that
    contains it (5 digits for a county). ``goals`` are the area's own goals (a plain
    text is read as a Leitziel), ``offices`` its office registry and ``participation`` the
    steps in which people took part in making its plans. ``easy_name`` is the name the
    Leichte Sprache pages use (``Landkreis Nienburg an der Weser``), else ``name``.
    """

    id: str
    name: str
    kind: AreaKind
    state: str
    ags: str = ""
    lead_organisation: str = ""
    website: str = ""
    base_url: str = ""
    """Where the area's publication is online (``https://…/``): the base of the OParl ids."""
    intro: str = ""
    easy_name: str = ""
    vocabulary: Vocabulary = field(factory=Vocabulary)
    plan_defaults: PlanDefaults = field(factory=PlanDefaults)
    easy_language: EasyLanguageSettings = field(factory=EasyLanguageSettings)
    life_areas: tuple[LifeArea, ...] = ()
    goals: tuple[Goal, ...] = ()
    topics: tuple[str, ...] = ()
    bodies: tuple[Body, ...] = ()
    project: Project | None = None
    networks: tuple[Network, ...] = ()
    working_groups: tuple[WorkingGroup, ...] = ()
    events: tuple[Event, ...] = ()
    offices: tuple[Office, ...] = ()
    participation: tuple[ParticipationStep, ...] = ()
    site: SiteSettings = field(factory=SiteSettings)
    breakdown_labels: dict[str, str] = field(factory=dict)
    """German names of indicator breakdown values shown to citizens (``female: weiblich``);
    a value without one is shown as written."""
