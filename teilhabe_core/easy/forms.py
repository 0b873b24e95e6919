"""What the rules look for in a word's spelling, worked out once per spelling.

A text repeats its words, and a plan repeats them across its texts (6,000 distinct texts
of a generated plan use about 6,000 spellings for 160,000 words). :data:`FLAGS` maps a
spelling to bits saying which rule could fire on it; a sentence's bits (:func:`of`) are
the union over its words. A rule whose bits a sentence lacks cannot find anything in it
and skips it without making its words (:attr:`~teilhabe_core.base.text.Sentence.words`).
Each bit is exactly the word test of its rule, so skipping never changes a finding
(``tests/test_easy_forms.py`` checks the rules with and without skipping).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import reduce
from operator import or_

from ..base.memo import Memo
from ..base.text import MEDIOPUNKT
from . import grammar
from . import lexicon as lx

NEGATION = 1 << 0          # ls.negation: lexicon.NEGATIONS
NUMBER_WORD = 1 << 1       # ls.number-words: lexicon.NUMBER_WORDS
KONJUNKTIV = 1 << 2        # ls.konjunktiv: KONJUNKTIV or KONJUNKTIV_I
GENITIVE = 1 << 3          # ls.genitive: article, preposition, determiner or adjective in -er
WERDEN = 1 << 4            # ls.passive: a form of 'werden'
SEIN = 1 << 5              # ls.passive: a finite form of 'sein' …
ZU = 1 << 6                # … with 'zu' or an infinitive with 'zu' (grammar.modal_passive)
SUBORDINATOR = 1 << 7      # ls.one-statement: a subordinating conjunction
AUXILIARY = 1 << 8         # ls.one-statement: a finite auxiliary or modal
LARGE_NUMBER = 1 << 9      # ls.large-number: a number from 10.000 or with decimals
ACRONYM = 1 << 10          # ls.abbreviation: capitals such as 'UN', 'ÖPNV' in the word

ACRONYM_IN = re.compile(r"\b[A-ZÄÖÜ]{2,}(?:-[A-ZÄÖÜ]{2,})*\b")  # an all-caps word
DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")  # a date is no large number
_WERDEN = lx.WERDEN_PAST | lx.WERDEN_PRESENT | {"worden"}


def flags(form: str) -> int:
    """The bits of one spelling."""
    lower = form.lower()
    bits = 0
    if lower in lx.NEGATIONS:
        bits |= NEGATION
    if lower in lx.NUMBER_WORDS:
        bits |= NUMBER_WORD
    if lower in lx.KONJUNKTIV or lower in lx.KONJUNKTIV_I:
        bits |= KONJUNKTIV
    if lower in lx.GENITIVE_ARTICLES or lower in lx.GENITIVE_PREPOSITIONS \
            or (lower in lx.GENITIVE_DETERMINERS and form.islower()) \
            or (grammar.GENITIVE_ADJECTIVE.match(form) and lower not in lx.NOT_ADJECTIVES):
        bits |= GENITIVE
    plain = lower.replace(MEDIOPUNKT, "")
    if plain in _WERDEN:
        bits |= WERDEN
    if plain in lx.SEIN_FINITE:
        bits |= SEIN
    if plain == "zu" or (grammar.ZU_INFIX.match(plain) and form.islower()):
        bits |= ZU
    if lower in lx.SUBORDINATORS:
        bits |= SUBORDINATOR
    if lower in lx.FINITE_AUX:
        bits |= AUXILIARY
    if form[:1].isdigit() and not DATE.fullmatch(form):
        digits = form.replace(".", "")
        if "," in form or (digits.isascii() and digits.isdigit()
                           and len(digits.lstrip("0")) >= 5):
            bits |= LARGE_NUMBER
    if ACRONYM_IN.search(form):
        bits |= ACRONYM
    return bits


FLAGS: Memo[str, int] = Memo(flags, limit=200_000)
"""Spelling → :func:`flags`, filled on first use."""


def of(forms: Iterable[str]) -> int:
    """The union of the bits of ``forms``."""
    return reduce(or_, map(FLAGS.__getitem__, forms), 0)


def auxiliaries(forms: Iterable[str]) -> int:
    """How many of ``forms`` are finite auxiliaries or modals."""
    return sum(map(_AUXILIARY.__getitem__, forms))


_AUXILIARY: Memo[str, int] = Memo(lambda form: 1 if FLAGS[form] & AUXILIARY else 0,
                                   limit=200_000)
"""Spelling → 1 for a finite auxiliary or modal, else 0."""
