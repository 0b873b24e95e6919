"""Sentence and word splitting (``base.text``): the fast splitter gives what the plain one
gives. ``reference_sentences`` is the straightforward version (every pattern searched over
the whole sentence so far, the rest of the text sliced): the specification the faster
code in ``base/text.py`` must keep."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from teilhabe_core.base.text import (
    _END_CANDIDATE,
    _MONTH_OR_LOWER,
    _NO_END,
    _ORDINAL,
    _ORDINAL_AFTER_ARTICLE,
    MEDIOPUNKT,
    WORD,
    sentences,
    words,
)


def reference_sentences(text: str) -> list[tuple[str, int, int, list[tuple[str, int, int]]]]:
    out = []
    start = 0
    length = len(text)

    def add(begin_at: int, end: int) -> None:
        chunk = text[begin_at:end]
        stripped = chunk.strip()
        if stripped:
            begin = begin_at + len(chunk) - len(chunk.lstrip())
            out.append((stripped, begin, begin + len(stripped),
                        [(m.group(), m.start() + begin, m.end() + begin)
                         for m in WORD.finditer(stripped)]))

    def next_is_upper(index: int) -> bool:
        rest = text[index + 1:].lstrip(" ")
        return bool(rest) and rest[0].isupper() and not re.match(r"[A-ZÄÖÜ]\.", rest)

    for match in _END_CANDIDATE.finditer(text):
        index = match.start()
        char = text[index]
        if char == "\n":
            end_here = True
        else:
            before = text[start:index + 1]
            end_here = not (char == "." and index + 1 < length and (
                (_ORDINAL.search(before) and _MONTH_OR_LOWER.match(text[index + 1:].lstrip(" ")))
                or _ORDINAL_AFTER_ARTICLE.search(before)
                or (_NO_END.search(before) and not next_is_upper(index))))
        if end_here:
            add(start, index + 1)
            start = index + 1
    add(start, length)
    return out


def split(text: str) -> list[tuple[str, int, int, list[tuple[str, int, int]]]]:
    return [(s.text, s.start, s.end, [(w.text, w.start, w.end) for w in s.words])
            for s in sentences(text)]


PIECES = st.sampled_from([
    "Der Kreis", "baut", "z. B.", "z.B.", "Nr. 3", "am 3. Mai", "am 3. mai", "3.", "12.",
    "1.000", "ca.", "usw.", "Dr.", "B.", "A. B.", "Tel.", "Aktions·plan", "Bus-Halte", "Öl",
    "übernimmt", ".", "!", "?", ":", ",", " ", "  ", "\n", "\t", "2.5", "x", "Ä.", "ä.",
    "Januar", "Dezember", "(ÖPNV)", "-", "·", "www.kreis.de", "10.", "im", "beim", "Am",
    "der", "1.", "Quartal",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join) | st.text(max_size=80))
@example("Am 3. Mai baut der Kreis. Dann z. B. Bus·halte·stellen. Nr. 12. Februar ist gut.")
@example("Ein Satz.\nNoch einer: 1. Januar usw. Ende")
@example("Er übernimmt. dann der Bus. am 12. mai")
@example("Im 1. Quartal. Beim   \t 3. Mal. Bis 2. Das ist der 12. Wir")
def test_the_splitter_gives_what_the_reference_gives(text):
    assert split(text) == reference_sentences(text)


@given(st.text(max_size=40))
def test_word_forms(text):
    for w in words(text, 5):
        assert w.lower == w.text.lower()
        assert w.plain == w.text.replace(MEDIOPUNKT, "").replace("-", "")
        assert text[w.start - 5:w.end - 5] == w.text
