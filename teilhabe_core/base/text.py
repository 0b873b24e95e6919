"""Splitting German text into sentences and words, keeping character positions."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from .memo import Memo

MEDIOPUNKT = "·"

WORD = re.compile(r"[^\W\d_](?:[\w·\-]*\w)?|\d[\d.,]*\d|\d")
# Abbreviations whose period does not end a sentence.
_NO_END = re.compile(r"(?:\b[a-zäöü]{1,4}|\b[A-ZÄÖÜ])\.$")
_MONTH_OR_LOWER = re.compile(
    r"[a-zäöü]|(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember)\b")
_END_CANDIDATE = re.compile(r"\n|[.!?:](?=\s|\Z)")
_ORDINAL = re.compile(r"(?<![\d.])\d{1,2}\.$")
# An ordinal after an article or a preposition: "im 1. Quartal", "den 3. Bürgermeister".
_ORDINAL_AFTER_ARTICLE = re.compile(
    r"\b(?:am|im|vom|zum|zur|beim|ab|bis|der|die|das|den|dem|des)\s+\d{1,2}\.$",
    re.IGNORECASE)


class Word:
    """A word of a text and its character span; :attr:`lower` and :attr:`plain` (the word
    without Mediopunkt or hyphens, ``Aktions·plan`` → ``Aktionsplan``) made once per
    spelling and process."""

    __slots__ = ("end", "lower", "plain", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower, self.plain = _FORMS[text]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Word):
            return NotImplemented
        return (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Word(text={self.text!r}, start={self.start!r}, end={self.end!r})"


def _forms(text: str) -> tuple[str, str]:
    plain = text.replace(MEDIOPUNKT, "").replace("-", "") \
        if MEDIOPUNKT in text or "-" in text else text
    return text.lower(), plain


_FORMS: Memo[str, tuple[str, str]] = Memo(_forms, limit=100_000)
"""Spelling → (lower, plain), for :class:`Word`."""

_SPELLINGS: Memo[str, tuple[str, ...]] = Memo(
    lambda text: tuple(map(sys.intern, WORD.findall(text))), limit=100_000)
"""Sentence text → the spelling of each of its words (texts repeat their sentences;
interned: the sentences of a plan share a few thousand spellings)."""

_OFFSETS: Memo[str, tuple[int, ...]] = Memo(
    lambda text: tuple(at for m in WORD.finditer(text) for at in m.span()), limit=100_000)
"""Sentence text → start and end of each word in it, for :meth:`Sentence.span`."""


class Sentence:
    """A sentence of a text: its text (without surrounding blanks), its character span
    in the text, and its words. The words are made on first use (:attr:`forms`, their
    spellings alone, are cheaper): a checker rule that can tell from the spellings that a
    sentence is fine never makes them."""

    __slots__ = ("_forms", "_words", "end", "start", "text")

    def __init__(self, text: str, start: int, end: int,
                 words: tuple[Word, ...] | None = None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self._words = words
        self._forms: tuple[str, ...] | None = None

    @property
    def words(self) -> tuple[Word, ...]:
        found = self._words
        if found is None:
            found = self._words = words(self.text, self.start)
        return found

    @property
    def forms(self) -> tuple[str, ...]:
        """The spelling of each word, in order (``tuple(w.text for w in self.words)``)."""
        found = self._forms
        if found is None:
            found = self._forms = _SPELLINGS[self.text]
        return found

    def span(self, i: int) -> tuple[int, int]:
        """Start and end of word ``i`` in the text (without making the words)."""
        if self._words is not None:
            word = self._words[i]
            return word.start, word.end
        found = _OFFSETS[self.text]
        return self.start + found[2 * i], self.start + found[2 * i + 1]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return (self.text, self.start, self.end, self.words) == \
            (other.text, other.start, other.end, other.words)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return (f"Sentence(text={self.text!r}, start={self.start!r}, end={self.end!r}, "
                f"words={self.words!r})")


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """How words are compared: without Mediopunkt, hyphens, blanks and case
    (``Aktions·plan`` = ``Aktions-Plan`` = ``aktionsplan``); remembered per word."""
    return word.replace(MEDIOPUNKT, "").replace("-", "").replace(" ", "").lower()


def words(text: str, offset: int = 0) -> tuple[Word, ...]:
    return tuple([Word(m.group(), m.start() + offset, m.end() + offset)
                  for m in WORD.finditer(text)])


def sentences(text: str) -> list[Sentence]:
    """Sentences end at ``.``, ``!``, ``?`` or ``:`` before a blank or the end, and at line
    breaks; a period after a known abbreviation pattern (``z.``, ``B.``, ``Nr.``, ``2.``)
    or after an ordinal that follows an article or a preposition (``im 1. Quartal``) does
    not end a sentence."""
    out: list[Sentence] = []
    start = 0
    length = len(text)
    for match in _END_CANDIDATE.finditer(text):
        index = match.start()
        if text[index] == "." and index + 1 < length \
                and not (index - 5 >= start and text[index - 5:index].isalpha()):
            # (after a word of 5 letters or more, neither pattern below can match)
            # the ordinal and abbreviation patterns match at most 6 characters before the
            # period and look one further back: the last 8 characters decide as the whole
            # sentence would; an ordinal after an article ("im 1. Quartal") is an ordinal
            # first, so the whole sentence is searched for the article only then
            before = text[max(start, index - 7):index + 1]
            ordinal = _ORDINAL.search(before)
            if (ordinal and (_MONTH_OR_LOWER.match(text, _after_blanks(text, index))
                             or _ORDINAL_AFTER_ARTICLE.search(text[start:index + 1]))) \
                    or (_NO_END.search(before) and not _next_is_upper_after_space(text, index)):
                continue
        _add(out, text, start, index + 1)
        start = index + 1
    _add(out, text, start, length)
    return out


_BLANKS = re.compile(" *")
_UPPER_PERIOD = re.compile(r"[A-ZÄÖÜ]\.")


def _after_blanks(text: str, index: int) -> int:
    """Where the text goes on after ``index`` and the blanks behind it."""
    return _BLANKS.match(text, index + 1).end()  # type: ignore[union-attr]


def _next_is_upper_after_space(text: str, index: int) -> bool:
    at = _after_blanks(text, index)
    return at < len(text) and text[at].isupper() and not _UPPER_PERIOD.match(text, at)


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    left = chunk.lstrip()
    if not left:
        return
    stripped = left.rstrip()
    begin = start + len(chunk) - len(left)
    out.append(Sentence(stripped, begin, begin + len(stripped)))
