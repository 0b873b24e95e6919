"""What a clerk may type for a value of the model's vocabularies.

Every enum value has its id (``in_progress``, what teilhabe writes and integrators use), its
German label from :data:`~teilhabe_core.model.labels.LABELS` (``in Umsetzung``) and, where
the label is not a good typed name, German aliases (:data:`ALIASES`). All of them are
accepted, compared by :func:`fold`: case, blanks, ``_`` and ``-`` and the spelling of
umlauts do not count (``In umsetzung``, ``in_umsetzung``, ``zurueckgestellt``,
``zuruckgestellt``, ``abschliessen``). Workflow transitions and states are matched the same
way (:mod:`teilhabe_core.model.workflow`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import Enum
from functools import cache
from typing import TypeVar

from .enums import BodyKind, ConsultationResult, EventKind, PaperStatus, Variant
from .goals import Accessibility, ParticipantGroup, ParticipationFormat
from .labels import LABELS
from .site import Conformity

E = TypeVar("E", bound=Enum)

ALIASES: dict[Enum, tuple[str, ...]] = {
    PaperStatus.IN_CONSULTATION: ("in Beratung",),
    ConsultationResult.AMENDED: ("mit Änderungen beschlossen",),
    BodyKind.OTHER: ("sonstiges",),
    EventKind.OTHER: ("sonstige Veranstaltung",),
    Variant.LONG: ("lang",),
    Variant.SHORT: ("kurz",),
    Variant.EASY: ("leicht",),
    ParticipationFormat.BOARD_SESSION: ("Beiratssitzung",),
    ParticipationFormat.COMMITTEE_SESSION: ("Ausschusssitzung",),
    ParticipationFormat.COLLECTION: ("Sammlung",),
    ParticipantGroup.DISABILITY_COUNCIL: ("Beirat",),
    ParticipantGroup.ASSOCIATIONS: ("Verbände",),
    ParticipantGroup.PROVIDERS: ("Leistungserbringer", "Träger"),
    ParticipantGroup.POLITICS: ("Politik",),
    Accessibility.SIGN_LANGUAGE: ("Gebärdensprache",),
    Accessibility.CAPTIONS: ("Untertitel",),
    Conformity.FULL: ("vollständig",),
    Conformity.PARTIAL: ("teilweise",),
    Conformity.NONE: ("nicht",),
}
"""Further German names of values whose label is long or a phrase (``Politik`` for
``Politik (Kreistag, Ausschüsse)``)."""

_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_BARE = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
SEPARATORS = re.compile(r"[\s_\-]+")
"""What separates the words of a name: blanks, ``_`` and ``-`` (runs count as one)."""


def fold(text: str) -> str:
    """The key ``text`` is matched by: lower case, ``ä`` as ``ae`` (``ß`` as ``ss``),
    blanks, ``_`` and ``-`` as one blank."""
    return _key(text, _SPELLED)


def _key(text: str, umlauts: dict[int, str]) -> str:
    lowered = unicodedata.normalize("NFC", text).casefold().translate(umlauts)
    return " ".join(SEPARATORS.split(lowered)).strip()


def keys(name: str) -> set[str]:
    """Every key under which ``name`` is found: umlauts spelled out and left bare."""
    return {_key(name, _SPELLED), _key(name, _BARE)}


def german(member: Enum) -> str:
    """The German name of ``member``: its label (its id where it has none)."""
    return LABELS.get(member, str(member.value))


def names(member: Enum) -> tuple[str, ...]:
    """What may be typed for ``member``: German name, aliases, id (in that order)."""
    return tuple(dict.fromkeys((german(member), *ALIASES.get(member, ()),
                                str(member.value))))


class AmbiguousName(ValueError):
    """Two values (or steps) of one vocabulary share a typed name."""


def table(entries: Iterable[tuple[str, E]]) -> dict[str, E]:
    """Key → item for ``(name, item)`` pairs; :class:`AmbiguousName` if a key names two."""
    out: dict[str, E] = {}
    for name, item in entries:
        for key in keys(name):
            if out.setdefault(key, item) is not item:
                raise AmbiguousName(f"'{name}' names both {out[key]} and {item}")
    return out


@cache
def _enum_table(cls: type[Enum]) -> dict[str, Enum]:
    return table((name, member) for member in cls for name in names(member))


def member_of(cls: type[E], text: str) -> E | None:
    """The member of ``cls`` that ``text`` names (id, German name or alias), else ``None``."""
    found = _enum_table(cls).get(fold(text))
    return found if isinstance(found, cls) else None


def allowed(cls: type[Enum]) -> str:
    """The German names of ``cls``, for messages (``geplant, in Umsetzung, …``)."""
    return ", ".join(german(m) for m in cls)


def allowed_ids(cls: type[Enum]) -> str:
    """The ids of ``cls``, for English messages (``planned, in_progress, …``)."""
    return ", ".join(str(m.value) for m in cls)
