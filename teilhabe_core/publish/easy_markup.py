"""Easy-language HTML: one sentence per line, glossary words marked and explained at
their first use on a page, without JavaScript.

A :class:`GlossaryMarker` is made per page and remembers which words it has explained::

    <p class="sentence">Mehr <strong class="glossary-word">Teilhabe</strong>.</p>
    <p class="explanation"><dfn>Teilhabe</dfn> bedeutet: Alle können mit·machen.</p>

The explanation names the word the reader sees: the entry's term for a spelling or
inflection of it (``Barrieren`` → ``Barriere``), else the word as the text has it
(:func:`~teilhabe_core.easy.explanations.shown_term`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from html import escape

from ..base.memo import Memo
from ..base.text import Sentence, norm, sentences
from ..easy.explanations import shown_term
from ..easy.rules import lookup
from ..model import GlossaryEntry


class _Glossary:
    """A glossary's forms (normalised form → entry), made once per process and glossary;
    the same object for every page, so that :func:`_phrases` can remember its answers."""

    def __init__(self, entries: tuple[GlossaryEntry, ...]) -> None:
        self.forms: dict[str, GlossaryEntry] = {}
        for entry in entries:
            for form in (entry.term, *entry.forms):
                self.forms[norm(form)] = entry
        self.lookup: Memo[str, GlossaryEntry | None] = Memo(
            lambda spelling: lookup(self.forms, spelling), limit=100_000)
        """:func:`~teilhabe_core.easy.rules.lookup` in this glossary, remembered per
        spelling (the texts of a plan share most of their words)."""


@lru_cache(maxsize=64)
def _glossary(entries: tuple[GlossaryEntry, ...]) -> _Glossary:
    return _Glossary(entries)


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[Sentence, ...]:
    """:func:`~teilhabe_core.base.text.sentences`, remembered: a page and its Markdown
    file split the same texts."""
    return tuple(sentences(text))


@lru_cache(maxsize=8192)
def _phrases(glossary: _Glossary, text: str) -> tuple[tuple[int, int, GlossaryEntry], ...]:
    """Glossary matches as (start, end, entry), multi-word terms first (the same for
    every page: which of them are explained is up to the page's marker)."""
    found: list[tuple[int, int, GlossaryEntry]] = []
    lowered = text.lower()
    for key_form, entry in glossary.forms.items():
        if " " not in entry.term or norm(entry.term) != key_form:
            continue
        start = lowered.find(entry.term.lower())
        if start >= 0:
            found.append((start, start + len(entry.term), entry))
    for sentence in _sentences(text):
        for i, spelling in enumerate(sentence.forms):  # the words' spellings, no Words made
            hit = glossary.lookup[spelling]
            if hit is not None:
                start, end = sentence.span(i)
                if not any(a <= start < b for a, b, _ in found):
                    found.append((start, end, hit))
    return tuple(sorted(found, key=lambda item: item[0]))


class GlossaryMarker:
    """Marks glossary words in easy texts; call it once per text of one page."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.glossary = _glossary(tuple(entries))
        self.forms = self.glossary.forms
        self.explained: set[str] = set()

    def lookup(self, word: str) -> GlossaryEntry | None:
        return self.glossary.lookup[word]

    def _phrases(self, text: str) -> tuple[tuple[int, int, GlossaryEntry], ...]:
        return _phrases(self.glossary, text)

    def html(self, text: str) -> str:
        """The text as escaped HTML lines with glossary words marked and explained."""
        matches = self._phrases(text)
        out: list[str] = []
        for sentence in _sentences(text):
            pieces: list[str] = []
            notes: list[tuple[str, GlossaryEntry]] = []
            cursor = sentence.start
            for start, end, entry in matches:
                if start < sentence.start or end > sentence.end or start < cursor:
                    continue
                pieces.append(escape(text[cursor:start]))
                if entry.term in self.explained:
                    pieces.append(escape(text[start:end]))
                else:
                    self.explained.add(entry.term)
                    notes.append((shown_term(entry, text[start:end]), entry))
                    pieces.append(f'<strong class="glossary-word">{escape(text[start:end])}'
                                  "</strong>")
                cursor = end
            pieces.append(escape(text[cursor:sentence.end]))
            out.append(f'<p class="sentence">{"".join(pieces)}</p>')
            for word, entry in notes:
                out.append(f'<p class="explanation"><dfn>{escape(word)}</dfn> bedeutet: '
                           f"{escape(entry.explanation)}</p>")
        return "\n".join(out)

    def markdown(self, text: str) -> str:
        """Markdown lines: one sentence per line, explanations as quoted lines."""
        from .templating import md_escape

        out: list[str] = []
        for sentence in _sentences(text):
            out.append(md_escape(sentence.text) + "  ")
            for start, end, entry in self._phrases(sentence.text):
                if entry.term not in self.explained:
                    self.explained.add(entry.term)
                    word = shown_term(entry, sentence.text[start:end])
                    out.append(f"> **{md_escape(word)}** bedeutet: "
                               f"{md_escape(entry.explanation)}")
                    out.append("")
        return "\n".join(out)
