"""Clause and phrase patterns of German that the rules look for, on words (no parser).

Each function gets a :class:`~teilhabe_core.base.text.Sentence` and answers with the words
of the pattern it found, or ``None``. They are heuristics over word forms and the closed
word classes of :mod:`~teilhabe_core.easy.lexicon`; their limits are in the docstrings.
"""

from __future__ import annotations

import re

from attrs import frozen

from ..base.text import MEDIOPUNKT, Sentence, Word
from . import lexicon as lx

_LEADING_JOINERS = frozenset({"und", "oder", "aber", "denn", "auch"})
_PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})
_VERB_END = re.compile(r"(?:en|n|t|e)$")
ZU_INFIX = re.compile(rf"^(?:{'|'.join(lx.SEPARABLE_PREFIXES)})zu[a-zäöüß]{{2,}}(?:en|ern|eln)$")
_INFINITIVE = re.compile(r"^[a-zäöüß]{2,}(?:en|ern|eln)$")
_WHICH = frozenset({"welche", "welcher", "welches", "welchen", "welchem"})
_SEPARATOR = re.compile(r"[,;]")
GENITIVE_ADJECTIVE = re.compile(r"^[a-zäöüß]{3,}(?:er)$")


def segments(s: Sentence) -> list[tuple[int, list[Word]]]:
    """The words of ``s`` between commas and semicolons: (position of the comma before
    the segment, or -1 for the first, words)."""
    text = s.text
    if "," not in text and ";" not in text:  # most easy sentences
        return [(-1, list(s.words))] if s.words else []
    out: list[tuple[int, list[Word]]] = [(-1, [])]
    marks = [s.start + m.start() for m in _SEPARATOR.finditer(text)]
    for w in s.words:
        while marks and marks[0] < w.start:
            out.append((marks.pop(0), []))
        out[-1][1].append(w)
    return [seg for seg in out if seg[1]]


def lead_index(words: tuple[Word, ...]) -> int:
    """Index of the first word after leading coordinators ('Und wenn …')."""
    i = 0
    while i < len(words) and words[i].lower in _LEADING_JOINERS:
        i += 1
    return i


def opens_main_clause(seg: list[Word]) -> bool:
    """Whether the words after a comma start a main clause: a finite auxiliary or modal,
    'dann'/'so', or a verb-like word followed by a pronoun ('…, bleiben wir')."""
    first = seg[0]
    if first.lower in lx.FINITE_AUX or first.lower in ("dann", "so"):
        return True
    return (len(seg) > 1 and first.text.islower() and bool(_VERB_END.search(first.lower))
            and (seg[1].lower in _PRONOUNS or seg[1].text == "Sie"))


def standalone_clause(s: Sentence) -> bool:
    """A sentence that is one subordinate clause on its own ('Wenn Sie 16 Jahre alt
    sind.', 'Damit alle mitmachen können.'): it starts with a subordinating conjunction
    and no main clause follows after a comma. Leichte Sprache writes conditions this way."""
    words = s.words
    lead = lead_index(words)
    if lead >= len(words) or words[lead].lower not in lx.SUBORDINATORS:
        return False
    return not any(opens_main_clause(seg) for pos, seg in segments(s) if pos >= 0)


@frozen
class Clause:
    """A clause joined to a sentence: its kind ('conjunction', 'comma', 'infinitive' or
    'verbs'), the span to report, the word that shows it, and whether the words after a
    comma resume the main clause ('Wenn …, dann …', 'Für das, was …, gibt es …')."""

    kind: str
    start: int
    end: int
    word: Word
    main: bool = False


def joined_clauses(s: Sentence) -> list[Clause]:
    """The clauses joined to the main clause of ``s``: subordinating conjunctions inside
    it, then clauses after a comma; if there are none, a second finite verb (two main
    clauses joined by 'und')."""
    alone = standalone_clause(s)
    lead = lead_index(s.words)
    found = [Clause("conjunction", w.start, w.end, w) for i, w in enumerate(s.words)
             if w.lower in lx.SUBORDINATORS and not (alone and i == lead)]
    found += _comma_clauses(s)
    if not found:
        finite = finite_verbs(s)
        # "werden … werden" in one verb group is rare; two forms far apart are two clauses
        if len(finite) > 2 or (len(finite) == 2 and finite[1].start - finite[0].end >= 2):
            found.append(Clause("verbs", finite[1].start, finite[1].end, finite[1]))
    return found


def _comma_clauses(s: Sentence) -> list[Clause]:
    parts = segments(s)
    greeting = bool(parts) and parts[0][0] < 0 and len(parts[0][1]) == 1 \
        and parts[0][1][0].lower in lx.INTERJECTIONS  # 'Hallo, das ist …'
    found = []
    for pos, seg in parts[2 if greeting else 0:]:
        if pos < 0:
            continue
        first = seg[0]
        if first.lower in _CLAUSE_STARTS and not (
                first.lower == "wie" and len(seg) > 1 and seg[1].lower in ("zum", "z")):
            found.append(Clause("comma", pos, first.end, first, opens_main_clause(seg)))
        elif relative_after_preposition(seg):
            found.append(Clause("comma", pos, seg[1].end, first))
        elif s.text[pos - s.start] == "," and (verb := infinitive_clause(seg)) is not None:
            found.append(Clause("infinitive", pos, verb.end, verb))
    return found


_CLAUSE_STARTS = frozenset(lx.RELATIVE | lx.CLAUSE_JOINERS | lx.FINITE_AUX | lx.SUBORDINATORS
                           | lx.QUESTION_WORDS | {"um", "ohne", "anstatt"})


def relative_after_preposition(seg: list[Word]) -> bool:
    """Whether the words after a comma start with a preposition and a relative pronoun
    (', in der das Vorgehen …', ', mit welchen Themen …', ', für die wir …'). 'der/die/
    das/den/dem' count only before a pronoun or an article, so that ', mit den Eltern'
    and ', mit dem großen Bus' are not taken for clauses."""
    if len(seg) < 3 or seg[0].lower not in lx.PREPOSITIONS:
        return False
    pronoun, after = seg[1].lower, seg[2]
    if pronoun in ("denen", "deren", "dessen") or pronoun.startswith("welch"):
        return True
    return pronoun in lx.RELATIVE and (after.lower in _PRONOUNS or after.text == "Sie"
                                       or after.lower in lx.ARTICLES)


def infinitive_clause(seg: list[Word]) -> Word | None:
    """The verb of an infinitive clause with 'zu' ending the words after a comma
    ('…, mehr Menschen auf das Rad zu bewegen'), or ``None``."""
    last = seg[-1]
    if ZU_INFIX.match(last.lower) and last.text.islower():
        return last
    if len(seg) > 1 and seg[-2].lower == "zu" and _INFINITIVE.match(last.text):
        return last
    return None


def finite_verbs(s: Sentence) -> list[Word]:
    """Finite auxiliaries and modals of the closed list, without an infinitive that ends
    a clause or comes before 'und'/'oder' after another verb ('Alle sollen mitmachen
    können.': 'können' is part of the verb group of 'sollen')."""
    found: list[Word] = []
    for _, seg in segments(s):
        for i, w in enumerate(seg):
            if w.lower not in lx.FINITE_AUX:
                continue
            last = i == len(seg) - 1 or seg[i + 1].lower in ("und", "oder")
            if found and last and w.lower.endswith("en") and w.lower not in lx.FINITE_ONLY:
                continue  # infinitive ending a verb group ('… können und dabei sein')
            found.append(w)
    return found


def modal_passive(s: Sentence) -> tuple[Word, Word] | None:
    """'sein' with an infinitive with 'zu' in one clause, a passive with a modal meaning
    ('Die Anträge sind zu prüfen' = must be checked; 'Präventionsketten sind als
    Strukturansatz zu verstehen'). Not reported: 'leicht/schwer/gut … zu lesen',
    'es ist wichtig zu …' and 'bereit/in der Lage … zu' (the subject acts). Cannot tell
    'zu' + adjective in -en ('zu offen') from it."""
    for _, seg in segments(s):
        lowered = [w.lower.replace(MEDIOPUNKT, "") for w in seg]
        sein = next((i for i, w in enumerate(lowered) if w in lx.SEIN_FINITE), None)
        if sein is None or "es" in lowered[max(0, sein - 1):sein + 2] \
                or not lx.ACTIVE_ZU_PREDICATES.isdisjoint(lowered):
            continue
        for j, word in enumerate(lowered):
            if j and lowered[j - 1] in lx.EASE_ADJECTIVES:
                continue
            if ZU_INFIX.match(word) and seg[j].text.islower():
                return seg[sein], seg[j]
            if word == "zu" and j + 1 < len(seg) and _zu_infinitive(seg, j + 1):
                return seg[sein], seg[j + 1]
    return None


def _zu_infinitive(seg: list[Word], k: int) -> bool:
    """Whether ``seg[k]`` after 'zu' is an infinitive: a lowercase word in -en/-ern/-eln
    that ends the clause or is followed by a lowercase word ('zu lesen ist'), so that
    'zu wenigen Menschen' is not one."""
    word = seg[k]
    return bool(_INFINITIVE.match(word.text)) and word.lower not in lx.RELATIVE \
        and (k + 1 == len(seg) or seg[k + 1].text.islower())


def genitive_phrase(s: Sentence) -> tuple[Word, Word] | None:
    """A genitive after a noun without the articles des/eines: 'Organ der Stadt',
    'Interessen der Menschen', 'Mitglied einer Gruppe', 'Bestandteilen demokratischer
    Kultur'. The noun is a capitalised word inside the sentence; a name before 'der'
    ('ist Frank-Walter Steinmeier der Präsident'), 'zum Beispiel der …' and a noun after
    'welche' ('Welche Aufgaben der Land·tag hat.') are left alone. A dative 'der' after
    a noun ('gibt das Buch der Frau') is taken for a genitive."""
    index = {id(w): i for i, w in enumerate(s.words)}
    for _, seg in segments(s):
        for i in range(len(seg) - 2):
            noun, det = seg[i], seg[i + 1]
            if not _is_noun(s, index[id(noun)]):
                continue
            if det.lower in lx.GENITIVE_DETERMINERS and det.text.islower():
                return noun, det
            k = i + 1  # article-less: 'Bestandteilen demokratischer politischer Kultur',
            while k < len(seg) and (_genitive_adjective(seg[k]) or (  # '… und beratender'
                    k > i + 1 and seg[k].lower in ("und", "oder") and k + 1 < len(seg)
                    and _genitive_adjective(seg[k + 1]))):
                k += 1
            if k > i + 1 and k < len(seg) and seg[k].text[:1].isupper():
                return noun, seg[k]
    return None


def _genitive_adjective(word: Word) -> bool:
    return bool(GENITIVE_ADJECTIVE.match(word.text)) and word.lower not in lx.NOT_ADJECTIVES


def _is_noun(s: Sentence, index: int) -> bool:
    word = s.words[index]
    if index == 0 or not word.text[:1].isupper() or word.text.isupper() \
            or not word.plain.isalpha() or word.lower in lx.NOT_GENITIVE_HEADS:
        return False
    before = s.words[index - 1]
    if before.lower in _WHICH:  # 'Welche Aufgaben der Land·tag hat': object, then subject
        return False
    # two capitalised words in a row are a name ('Frank-Walter Steinmeier der …')
    return not (before.text[:1].isupper() and index > 1 and before.lower not in lx.ARTICLES)
