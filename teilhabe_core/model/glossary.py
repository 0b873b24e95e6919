"""The glossary (Wörterbuch) of hard words for texts in Leichte Sprache."""

from __future__ import annotations

from attrs import frozen


@frozen
class GlossaryEntry:
    """A hard word with a short explanation in Leichte Sprache.

    ``forms`` are other spellings or inflected forms that count as the same word
    (``Aktions·plan``, ``Aktionsplans``); ``synonyms`` are other words for the same thing
    that a text should not mix with ``term`` (the consistency rule reports it).
    """

    term: str
    explanation: str
    forms: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()


@frozen
class Glossary:
    """A set of glossary entries; shared (``county`` empty) or for one area."""

    id: str
    entries: tuple[GlossaryEntry, ...] = ()
    county: str = ""
    title: str = ""
