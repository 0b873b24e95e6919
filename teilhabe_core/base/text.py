"""Splitting German text into sentences and words, keeping character positions."""

from __future__ import annotations

import re

from attrs import frozen

MEDIOPUNKT = "·"

_WORD = re.compile(r"[^\W\d_](?:[\w·\-]*\w)?|\d[\d.,]*\d|\d")
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
    without Mediopunkt or hyphens, ``Aktions·plan`` → ``Aktionsplan``) made once."""

    __slots__ = ("end", "lower", "plain", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        self.plain = text.replace(MEDIOPUNKT, "").replace("-", "") \
            if MEDIOPUNKT in text or "-" in text else text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Word):
            return NotImplemented
        return (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Word(text={self.text!r}, start={self.start!r}, end={self.end!r})"


@frozen
class Sentence:
    text: str
    start: int
    end: int
    words: tuple[Word, ...]


def norm(word: str) -> str:
    """How words are compared: without Mediopunkt, hyphens, blanks and case
    (``Aktions·plan`` = ``Aktions-Plan`` = ``aktionsplan``)."""
    return word.replace(MEDIOPUNKT, "").replace("-", "").replace(" ", "").lower()


def words(text: str, offset: int = 0) -> tuple[Word, ...]:
    return tuple(Word(m.group(), m.start() + offset, m.end() + offset)
                 for m in _WORD.finditer(text))


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
        char = text[index]
        end_here = False
        if char == "\n":
            end_here = True
        else:  # one of .!?: before a blank or the end
            before = text[start:index + 1]
            end_here = not (char == "." and index + 1 < length and (
                (_ORDINAL.search(before) and _MONTH_OR_LOWER.match(text[index + 1:].lstrip(" ")))
                or _ORDINAL_AFTER_ARTICLE.search(before)
                or (_NO_END.search(before) and not _next_is_upper_after_space(text, index))))
        if end_here:
            _add(out, text, start, index + 1)
            start = index + 1
    _add(out, text, start, length)
    return out


def _next_is_upper_after_space(text: str, index: int) -> bool:
    rest = text[index + 1:].lstrip(" ")
    return bool(rest) and rest[0].isupper() and not re.match(r"[A-ZÄÖÜ]\.", rest)


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = start + lead
    finish = begin + len(stripped)
    out.append(Sentence(stripped, begin, finish, words(stripped, begin)))
