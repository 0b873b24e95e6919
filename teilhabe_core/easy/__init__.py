"""A rule checker for German texts in Leichte Sprache (easy-to-read German).

::

    from teilhabe_core.easy import check_text

    for f in check_text("Die Haltestellen werden umgebaut, damit alle einsteigen können."):
        print(f.rule, f.start, f.end, f.message, f.suggestion)

Each rule is a heuristic documented in :mod:`teilhabe_core.easy.rules`; ``error`` rules
are the ones a published easy text must pass, ``warning`` rules are hints. Nothing here
replaces the check by test readers (Prüfgruppe), which the data records separately.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from ..base.text import norm
from ..model import EasyLanguageSettings, Glossary, GlossaryEntry
from .rules import RULES, Rule, Text

__all__ = ["RULES", "EasyFinding", "Rule", "check_text", "merge_glossaries"]


@frozen
class EasyFinding:
    """One rule violation: rule id, level, character span ``[start, end)`` and texts."""

    rule: str
    level: str
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str = ""

    def describe(self) -> str:
        tail = f" Vorschlag: {self.suggestion}" if self.suggestion else ""
        return f"Leichte Sprache: {self.message} (Zeichen {self.start + 1}–{self.end}).{tail}"


def merge_glossaries(glossaries: Iterable[Glossary]) -> tuple[GlossaryEntry, ...]:
    """All entries; a later glossary (an area's) replaces an earlier entry of the same term."""
    by_term: dict[str, GlossaryEntry] = {}
    for glossary in glossaries:
        for entry in glossary.entries:
            by_term[entry.term.lower()] = entry
    return tuple(by_term[k] for k in sorted(by_term))


def check_text(text: str, settings: EasyLanguageSettings | None = None,
               glossary: Iterable[GlossaryEntry] = (),
               known_words: Iterable[str] = ()) -> list[EasyFinding]:
    """Check ``text`` with every enabled rule; findings sorted by position, then rule."""
    settings = settings or EasyLanguageSettings()
    prepared = Text(text, settings, tuple(glossary),
                    frozenset(norm(part) for w in known_words for part in (w, *w.split())))
    out = []
    for rule in RULES:
        if rule.id in settings.disabled_rules:
            continue
        for hit in rule.check(prepared):
            out.append(EasyFinding(rule.id, rule.level, hit.start, hit.end,
                                   text[hit.start:hit.end], hit.message, hit.suggestion))
    return sorted(out, key=lambda f: (f.start, f.rule, f.end))
