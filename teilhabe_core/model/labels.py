"""German display labels for the model's vocabularies, and an area's word choices."""

from __future__ import annotations

from enum import Enum

from .area import Area, Vocabulary
from .enums import (
    AreaKind,
    BarrierStatus,
    BodyKind,
    ConsultationResult,
    ConsultationRole,
    EventKind,
    MeasureStatus,
    PaperStatus,
    PaperType,
    PlanKind,
    PlanStatus,
    Priority,
    PublicationState,
    Severity,
    Variant,
)
from .goals import GOAL_LABELS
from .site import Conformity

LABELS: dict[Enum, str] = {
    AreaKind.LANDKREIS: "Landkreis",
    AreaKind.KREISFREIE_STADT: "kreisfreie Stadt",
    AreaKind.SOZIALRAUM: "Sozialraum",
    PlanKind.ACTION_PLAN: "Aktionsplan",
    PlanKind.WORK_PLAN: "Arbeitsplan",
    PlanStatus.DRAFT: "Entwurf",
    PlanStatus.IN_CONSULTATION: "in Beratung",
    PlanStatus.ADOPTED: "beschlossen",
    PlanStatus.IN_IMPLEMENTATION: "in Umsetzung",
    PlanStatus.EVALUATED: "evaluiert",
    PlanStatus.SUPERSEDED: "abgelöst",
    MeasureStatus.PLANNED: "geplant",
    MeasureStatus.IN_PROGRESS: "in Umsetzung",
    MeasureStatus.ONGOING: "Daueraufgabe",
    MeasureStatus.DONE: "abgeschlossen",
    MeasureStatus.POSTPONED: "zurückgestellt",
    MeasureStatus.DROPPED: "entfallen",
    Priority.HIGH: "hoch",
    Priority.MEDIUM: "mittel",
    Priority.LOW: "niedrig",
    PaperType.RESOLUTION: "Beschlussvorlage",
    PaperType.INFORMATION: "Mitteilungsvorlage",
    PaperType.MOTION: "Antrag",
    PaperType.REPORT: "Bericht",
    PaperStatus.DRAFTED: "erstellt",
    PaperStatus.IN_CONSULTATION: "in der Beratungsfolge",
    PaperStatus.DECIDED: "beschlossen",
    PaperStatus.NOTED: "zur Kenntnis genommen",
    PaperStatus.WITHDRAWN: "zurückgezogen",
    ConsultationRole.DECISION: "Entscheidung",
    ConsultationRole.ADVICE: "Vorberatung",
    ConsultationRole.NOTICE: "Kenntnisnahme",
    ConsultationResult.PENDING: "offen",
    ConsultationResult.APPROVED: "zugestimmt",
    ConsultationResult.REJECTED: "abgelehnt",
    ConsultationResult.NOTED: "zur Kenntnis genommen",
    ConsultationResult.DEFERRED: "vertagt",
    ConsultationResult.AMENDED: "geändert beschlossen",
    BodyKind.COUNCIL: "Kreistag",
    BodyKind.COMMITTEE: "Ausschuss",
    BodyKind.ADVISORY_BOARD: "Beirat",
    BodyKind.ADMINISTRATION: "Verwaltung",
    BodyKind.ASSOCIATION: "Verein",
    BodyKind.OTHER: "sonstiges Gremium",
    EventKind.ACTION_DAY: "Aktionstag",
    EventKind.WORKSHOP: "Workshop",
    EventKind.CONFERENCE: "Fachkonferenz",
    EventKind.MEETING: "Treffen",
    EventKind.OTHER: "Veranstaltung",
    Severity.LOW: "gering",
    Severity.MEDIUM: "mittel",
    Severity.HIGH: "hoch",
    BarrierStatus.OPEN: "offen",
    BarrierStatus.ADDRESSED: "in Bearbeitung",
    BarrierStatus.REMOVED: "abgebaut",
    Variant.LONG: "Langfassung",
    Variant.SHORT: "Kurzfassung",
    Variant.EASY: "Leichte Sprache",
    PublicationState.PUBLISHED: "veröffentlicht",
    PublicationState.IN_PROGRESS: "in Arbeit",
    PublicationState.PLANNED: "geplant",
    Conformity.FULL: "vollständig vereinbar",
    Conformity.PARTIAL: "teilweise vereinbar",
    Conformity.NONE: "nicht vereinbar",
}
LABELS.update(GOAL_LABELS)


def label(value: object) -> str:
    """The German label of an enum member (its value for anything else)."""
    if isinstance(value, Enum):
        return LABELS.get(value, str(value.value))
    return "" if value is None else str(value)


def vocabulary(area: Area | None) -> Vocabulary:
    """The area's words (``Handlungsfeld`` instead of ``Lebensbereich`` …)."""
    return area.vocabulary if area is not None else Vocabulary()
