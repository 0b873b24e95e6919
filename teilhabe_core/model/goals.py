"""Goals (Leitziel → Ziel → Teilziel), the offices of an area, and participation steps.

These are the structures a UN-CRPD action plan needs to be credible: which goal a measure
serves, which office is responsible, and how disabled people took part in making the plan
("Nichts über uns ohne uns", Art. 4 Abs. 3 and Art. 29 UN-BRK).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from attrs import frozen


class GoalLevel(Enum):
    """The level of a goal in the goal tree."""

    LEITZIEL = "leitziel"
    ZIEL = "ziel"
    TEILZIEL = "teilziel"


GOAL_RANK = {GoalLevel.LEITZIEL: 0, GoalLevel.ZIEL: 1, GoalLevel.TEILZIEL: 2}


@frozen
class Goal:
    """A goal of an area or a plan.

    ``parent`` is the id of the goal above it (a Leitziel has none); ``life_area`` the life
    area it belongs to, empty for a goal that spans all life areas (Leitziel or
    Querschnittsziel). ``indicator`` says how reaching it is measured (free text; plan
    indicators link to goals by id through their ``goals``).
    """

    id: str
    name: str
    level: GoalLevel = GoalLevel.ZIEL
    parent: str = ""
    life_area: str = ""
    indicator: str = ""
    description: str = ""
    example: bool = False


@frozen
class Office:
    """An office of the administration (Amt, Fachbereich, Sachgebiet) or a partner body.

    ``parent`` is the id of the office it belongs to; the contact is a role address
    (function mailbox, switchboard), never a private person.
    """

    id: str
    name: str
    parent: str = ""
    short_name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    website: str = ""
    example: bool = False


class ParticipationFormat(Enum):
    """How people took part."""

    WORKSHOP = "workshop"
    SURVEY = "survey"
    BOARD_SESSION = "board_session"  # Sitzung des Beirats
    COMMITTEE_SESSION = "committee_session"  # Ausschusssitzung
    WORKING_GROUP = "working_group"
    PUBLIC_EVENT = "public_event"
    COLLECTION = "collection"  # Maßnahmen gemeinsam erfasst / gesammelt
    EVALUATION = "evaluation"
    OTHER = "other"


class ParticipantGroup(Enum):
    """Who took part."""

    DISABLED_PEOPLE = "disabled_people"  # Menschen mit Behinderung selbst
    SELF_ADVOCACY = "self_advocacy"  # Selbstvertretungsorganisationen
    DISABILITY_COUNCIL = "disability_council"  # Beirat für Menschen mit Behinderung
    ASSOCIATIONS = "associations"  # Verbände und Vereine
    PROVIDERS = "providers"  # Leistungserbringer, Träger
    PROFESSIONALS = "professionals"  # Fachleute
    CITIZENS = "citizens"  # Bürgerinnen und Bürger
    ADMINISTRATION = "administration"  # Verwaltung
    POLITICS = "politics"  # Kreistag, Ausschüsse
    BUSINESS = "business"  # Wirtschaft, Unternehmen
    SCIENCE = "science"  # Wissenschaft


DISABLED_PEOPLE_GROUPS = frozenset({ParticipantGroup.DISABLED_PEOPLE,
                                    ParticipantGroup.SELF_ADVOCACY,
                                    ParticipantGroup.DISABILITY_COUNCIL})
"""Groups in which disabled people or their organisations take part themselves."""


class Accessibility(Enum):
    """What made taking part accessible."""

    EASY_LANGUAGE = "easy_language"  # Leichte Sprache
    SIGN_LANGUAGE = "sign_language"  # Gebärdensprachdolmetschung
    STEP_FREE = "step_free"  # stufenloser Zugang
    HEARING_LOOP = "hearing_loop"  # Höranlage
    CAPTIONS = "captions"  # Schriftdolmetschung, Untertitel
    ASSISTANCE = "assistance"  # Assistenz, Begleitung
    ACCESSIBLE_DOCUMENTS = "accessible_documents"  # barrierefreie Unterlagen
    ONLINE = "online"  # Teilnahme online möglich


@frozen
class ParticipationStep:
    """A step in which people took part in making or updating a plan.

    ``date`` is the exact day where known; ``when`` says it in words where the sources give
    no day ("2021", "vor Herbst 2019"). ``plans`` names the plans the step fed, ``bodies``
    the area's bodies that took part, ``event`` an event of the area profile and ``paper``
    the council paper that planned or reported it. ``planned`` marks a step not yet held.
    """

    id: str
    title: str
    format: ParticipationFormat = ParticipationFormat.OTHER
    date: dt.date | None = None
    when: str = ""
    planned: bool = False
    groups: tuple[ParticipantGroup, ...] = ()
    participants: str = ""
    bodies: tuple[str, ...] = ()
    accessibility: tuple[Accessibility, ...] = ()
    outcome: str = ""
    easy_text: str = ""
    plans: tuple[str, ...] = ()
    event: str = ""
    paper: str = ""
    source: str = ""
    example: bool = False

    @property
    def involves_disabled_people(self) -> bool:
        return bool(DISABLED_PEOPLE_GROUPS & set(self.groups))


GOAL_LABELS: dict[Enum, str] = {
    GoalLevel.LEITZIEL: "Leitziel",
    GoalLevel.ZIEL: "Ziel",
    GoalLevel.TEILZIEL: "Teilziel",
    ParticipationFormat.WORKSHOP: "Workshop",
    ParticipationFormat.SURVEY: "Befragung",
    ParticipationFormat.BOARD_SESSION: "Sitzung des Beirats",
    ParticipationFormat.COMMITTEE_SESSION: "Sitzung eines Ausschusses",
    ParticipationFormat.WORKING_GROUP: "Arbeitsgruppe",
    ParticipationFormat.PUBLIC_EVENT: "öffentliche Veranstaltung",
    ParticipationFormat.COLLECTION: "gemeinsame Sammlung von Maßnahmen",
    ParticipationFormat.EVALUATION: "Evaluation",
    ParticipationFormat.OTHER: "sonstige Beteiligung",
    ParticipantGroup.DISABLED_PEOPLE: "Menschen mit Behinderung",
    ParticipantGroup.SELF_ADVOCACY: "Selbstvertretungsorganisationen",
    ParticipantGroup.DISABILITY_COUNCIL: "Beirat für Menschen mit Behinderung",
    ParticipantGroup.ASSOCIATIONS: "Verbände und Vereine",
    ParticipantGroup.PROVIDERS: "Leistungserbringer und Träger",
    ParticipantGroup.PROFESSIONALS: "Fachleute",
    ParticipantGroup.CITIZENS: "Bürgerinnen und Bürger",
    ParticipantGroup.ADMINISTRATION: "Verwaltung",
    ParticipantGroup.POLITICS: "Politik (Kreistag, Ausschüsse)",
    ParticipantGroup.BUSINESS: "Wirtschaft",
    ParticipantGroup.SCIENCE: "Wissenschaft",
    Accessibility.EASY_LANGUAGE: "Leichte Sprache",
    Accessibility.SIGN_LANGUAGE: "Gebärdensprachdolmetschung",
    Accessibility.STEP_FREE: "stufenloser Zugang",
    Accessibility.HEARING_LOOP: "Höranlage",
    Accessibility.CAPTIONS: "Schriftdolmetschung",
    Accessibility.ASSISTANCE: "Assistenz",
    Accessibility.ACCESSIBLE_DOCUMENTS: "barrierefreie Unterlagen",
    Accessibility.ONLINE: "Teilnahme online",
}
"""German labels of this module's vocabularies (merged into ``labels.LABELS``)."""


def _key(text: str) -> str:
    return " ".join(text.casefold().replace(",", " ").split())


def find_office(offices: tuple[Office, ...], text: str) -> Office | None:
    """The office ``text`` names: by id, by name or by short name (case and blanks aside)."""
    if not text:
        return None
    key = _key(text)
    for office in offices:
        if text == office.id or key in (_key(office.name), _key(office.short_name or "\0")):
            return office
    return None


def office_label(offices: tuple[Office, ...], text: str) -> str:
    """The name to show for ``text``: the registry's name where it names an office."""
    office = find_office(offices, text)
    return office.name if office is not None else text


def goal_descendants(goals: list[Goal] | tuple[Goal, ...], goal_id: str) -> set[str]:
    """``goal_id`` and the ids of every goal below it."""
    out, todo = {goal_id}, [goal_id]
    while todo:
        current = todo.pop()
        for goal in goals:
            if goal.parent == current and goal.id not in out:
                out.add(goal.id)
                todo.append(goal.id)
    return out
