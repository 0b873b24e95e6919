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
from .rules import RULES, Context, Rule, Text

__all__ = ["RULES", "Checker", "EasyFinding", "Rule", "check_text", "merge_glossaries"]


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
    return Checker(settings, glossary, known_words).check(text)


class Checker:
    """:func:`check_text` for many texts with the same settings, glossary and known words:
    those are prepared once, and a text seen before is answered from memory."""

    def __init__(self, settings: EasyLanguageSettings | None = None,
                 glossary: Iterable[GlossaryEntry] = (),
                 known_words: Iterable[str] = ()) -> None:
        settings = settings or EasyLanguageSettings()
        self.context = Context(settings, tuple(glossary), frozenset(
            norm(part) for w in known_words for part in (w, *w.split())))
        self.rules = tuple(r for r in RULES if r.id not in settings.disabled_rules)
        self._seen: dict[str, tuple[EasyFinding, ...]] = {}

    def check(self, text: str) -> list[EasyFinding]:
        """Every finding for ``text``, sorted by position, then rule."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = tuple(self._check(text))
        return list(found)

    def _check(self, text: str) -> list[EasyFinding]:
        prepared = Text(text, self.context)
        out = []
        for rule in self.rules:
            for hit in rule.check(prepared):
                out.append(EasyFinding(rule.id, rule.level, hit.start, hit.end,
                                       text[hit.start:hit.end], hit.message, hit.suggestion))
        return sorted(out, key=lambda f: (f.start, f.rule, f.end))
