"""Closed vocabularies of the domain.

Values are the identifiers written in YAML/JSON; German labels for display live in
:mod:`teilhabe_core.model.labels`.
"""

from __future__ import annotations

from enum import Enum


class AreaKind(Enum):
    """What kind of authority or space deploys teilhabe."""

    LANDKREIS = "landkreis"
    KREISFREIE_STADT = "kreisfreie_stadt"
    SOZIALRAUM = "sozialraum"


class PlanKind(Enum):
    """An action plan (Aktionsplan) or a work plan (Arbeitsplan)."""

    ACTION_PLAN = "action_plan"
    WORK_PLAN = "work_plan"


class PlanStatus(Enum):
    DRAFT = "draft"
    IN_CONSULTATION = "in_consultation"
    ADOPTED = "adopted"
    IN_IMPLEMENTATION = "in_implementation"
    EVALUATED = "evaluated"
    SUPERSEDED = "superseded"


class MeasureStatus(Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    ONGOING = "ongoing"
    DONE = "done"
    POSTPONED = "postponed"
    DROPPED = "dropped"


class Priority(Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class PaperType(Enum):
    """Kind of council paper (OParl ``paperType``)."""

    RESOLUTION = "resolution"  # Beschlussvorlage
    INFORMATION = "information"  # Mitteilungsvorlage
    MOTION = "motion"  # Antrag
    REPORT = "report"  # Bericht


class PaperStatus(Enum):
    """Where a council paper stands in its Beratungsfolge."""

    DRAFTED = "drafted"
    IN_CONSULTATION = "in_consultation"
    DECIDED = "decided"
    NOTED = "noted"
    WITHDRAWN = "withdrawn"


class ConsultationRole(Enum):
    """What a body does with a paper in its Beratungsfolge."""

    DECISION = "decision"  # Entscheidung
    ADVICE = "advice"  # Vorberatung
    NOTICE = "notice"  # Kenntnisnahme


class ConsultationResult(Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    NOTED = "noted"
    DEFERRED = "deferred"
    AMENDED = "amended"


class BodyKind(Enum):
    COUNCIL = "council"  # Kreistag
    COMMITTEE = "committee"  # Ausschuss
    ADVISORY_BOARD = "advisory_board"  # Beirat
    ADMINISTRATION = "administration"  # Verwaltung, Landrat
    ASSOCIATION = "association"  # Verein, Träger
    OTHER = "other"


class EventKind(Enum):
    ACTION_DAY = "action_day"  # Aktionstag
    WORKSHOP = "workshop"
    CONFERENCE = "conference"  # Fachkonferenz
    MEETING = "meeting"
    OTHER = "other"


class Severity(Enum):
    """Severity of a participation barrier."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class BarrierStatus(Enum):
    OPEN = "open"
    ADDRESSED = "addressed"  # a measure works on it
    REMOVED = "removed"


class Variant(Enum):
    """Publication variants of a plan."""

    LONG = "long"  # Langfassung
    SHORT = "short"  # Kurzfassung
    EASY = "easy"  # Leichte Sprache


class PublicationState(Enum):
    PUBLISHED = "published"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"
