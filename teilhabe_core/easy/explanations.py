"""Glossary explanations that explain: which word an explanation is shown for, and whether
it explains a word with the word itself.

An explanation is shown for the word as the text has it (``Nah·verkehr``), or for the
entry's term when the text has a spelling or inflected form of it (``Barrieren`` →
``Barriere``). An explanation is circular when it uses the term, one of its forms or one
of their parts (split at Mediopunkt, hyphen or blank) in any inflection:
"Behinderung bedeutet: Ein Mensch hat eine Behinderung." explains nothing.
"""

from __future__ import annotations

import re

from ..base.text import norm, words
from ..model import GlossaryEntry

_ENDINGS = ("en", "er", "es", "e", "n", "s")
_PARTS = re.compile(r"[·\-\s]+")


def stem(word: str) -> str:
    """``word`` compared without case, Mediopunkt, hyphens and one inflection ending
    (``Rechte`` and ``rechts`` are both ``recht``)."""
    key = norm(word)
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)]
    return key


def own_stems(entry: GlossaryEntry) -> frozenset[str]:
    """The stems an explanation of ``entry`` must not use: the term, its forms and all of
    their parts."""
    out: set[str] = set()
    for name in (entry.term, *entry.forms):
        out.add(stem(name))
        out.update(stem(part) for part in _PARTS.split(name) if part)
    return frozenset(out)


def circular_words(entry: GlossaryEntry) -> list[str]:
    """The words of the explanation that repeat the term, a form or a part of them."""
    own = own_stems(entry)
    return [w.text for w in words(entry.explanation)
            if stem(w.text) in own or any(stem(p) in own for p in _PARTS.split(w.text) if p)]


def same_word(written: str, term: str) -> bool:
    """Whether ``written`` is ``term`` in another spelling or inflection."""
    return stem(written) == stem(term)


def shown_term(entry: GlossaryEntry, written: str) -> str:
    """The word an explanation is shown for where the text has ``written``: the entry's
    term for a spelling or inflection of it, else the word as written."""
    return entry.term if same_word(written, entry.term) else written
