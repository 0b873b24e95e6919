"""A rule checker for German texts in Leichte Sprache (easy-to-read German).

::

    from teilhabe_core.easy import check_text

    for f in check_text("Die Haltestellen werden umgebaut, damit alle einsteigen können."):
        print(f.rule, f.start, f.end, f.message, f.suggestion)

Each rule is a heuristic documented in :mod:`teilhabe_core.easy.rules`; an ``error``
means the sentence is clearly not easy language (a published easy text must have none), a
``warning`` is a hint (:mod:`teilhabe_core.easy.levels` decides which). Nothing here
replaces the check by test readers (Prüfgruppe), which the data records separately.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from ..base.memo import Memo
from ..base.text import norm
from ..model import EasyLanguageSettings, Glossary, GlossaryEntry
from .cache import FindingsCache
from .levels import decide
from .rules import RULES, Context, Hit, Rule, Text

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
    those are prepared once, and a text seen before is answered from memory.

    With ``cache`` (a :class:`~teilhabe_core.easy.cache.FindingsCache`, e.g. from
    :func:`~teilhabe_core.easy.cache.from_environment`), findings are also kept on disk,
    keyed by text, settings, glossary, known words and lexicon version; :meth:`flush`
    writes the new ones.
    """

    def __init__(self, settings: EasyLanguageSettings | None = None,
                 glossary: Iterable[GlossaryEntry] = (),
                 known_words: Iterable[str] = (), cache: FindingsCache | None = None) -> None:
        settings = settings or EasyLanguageSettings()
        self.context = Context(settings, tuple(glossary), frozenset(
            norm(part) for w in known_words for part in (w, *w.split())))
        self.rules = tuple(r for r in RULES if r.id not in settings.disabled_rules)
        self._local = tuple(r for r in self.rules if r.local)
        self._seen: dict[str, tuple[EasyFinding, ...]] = {}
        self._sentences: Memo[str, tuple[tuple[Rule, Hit], ...]] = Memo(
            self._check_sentence, limit=100_000)
        self._cache = cache
        self._scope = cache.scope(self.context) if cache is not None else ""

    def check(self, text: str) -> list[EasyFinding]:
        """Every finding for ``text``, sorted by position, then rule."""
        found = self._seen.get(text)
        if found is None:
            stored = self._cache.get(self._scope, text) if self._cache is not None else None
            if stored is not None:
                found = tuple(EasyFinding(*row) for row in stored)
            else:
                found = tuple(self._check(text))
                if self._cache is not None:
                    self._cache.put(self._scope, text, [
                        (f.rule, f.level, f.start, f.end, f.excerpt, f.message, f.suggestion)
                        for f in found])
            self._seen[text] = found
        return list(found)

    def flush(self) -> None:
        """Write new findings to the on-disk cache (if there is one)."""
        if self._cache is not None:
            self._cache.flush()

    def _check(self, text: str) -> list[EasyFinding]:
        prepared = Text(text, self.context)
        asked = [rule for rule in self.rules if rule.could is None or rule.could(prepared)]
        found: list[tuple[Rule, Hit]] = []
        # a text where two rules of sentences have something to look at (a text that breaks
        # the rules, mostly in sentences it shares with others): every sentence's hits
        # once; otherwise the one rule looks at the text directly
        if sum(rule.local and not rule.light for rule in asked) > 1:
            for sentence in prepared.sentences:  # every local rule, once per sentence
                local = self._sentences[sentence.text]
                offset = sentence.start
                found += [(rule, hit.moved(offset)) for rule, hit in local] if offset \
                    else local
            asked = [rule for rule in asked if not rule.local]
        found += [(rule, hit) for rule in asked for hit in rule.check(prepared)]
        if not found:
            return []
        out = [EasyFinding(rule.id, level, hit.start, hit.end, text[hit.start:hit.end],
                           hit.message, hit.suggestion)
               for (rule, hit), level in zip(found, decide(prepared.sentences, found),
                                             strict=True)]
        # sorted as the rules' hits were found rule by rule: hits of one rule keep their order
        return sorted(out, key=lambda f: (f.start, f.rule, f.end))

    def _check_sentence(self, sentence: str) -> tuple[tuple[Rule, Hit], ...]:
        """The hits of the rules of a sentence alone (:attr:`Rule.local`) in ``sentence``,
        at its offset 0 (remembered per sentence in ``_sentences``)."""
        alone = Text(sentence, self.context, sentence=True)
        return tuple((rule, hit) for rule in self._local
                     if rule.could is None or rule.could(alone) for hit in rule.check(alone))
