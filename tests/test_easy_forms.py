"""The checker's short cuts (``easy/forms.py``, ``Rule.could``, hits remembered per
sentence, candidates per spelling) find exactly what the rules find without them.

``reference`` is the plain way: every rule asked on every text, every sentence looked at
word by word (``Text.bits`` forced to "anything may be here"), and the rules that now read
candidates per spelling (``ls.compound``, ``ls.hard-word``) in their earlier word-by-word
form. The checker under test keeps its memory across examples, as it does across the
texts of a plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import example, given, settings
from hypothesis import strategies as st

from teilhabe_core.base.text import MEDIOPUNKT, sentences
from teilhabe_core.easy import RULES, Checker, EasyFinding
from teilhabe_core.easy import lexicon as lx
from teilhabe_core.easy.levels import decide
from teilhabe_core.easy.prepared import _PART_BREAK, _TITLES, Hit, Text
from teilhabe_core.easy.rules import _EXPLAINS
from teilhabe_core.model import EasyLanguageSettings, GlossaryEntry

GLOSSARY = (
    GlossaryEntry("Aktions·plan", "Ein Plan.", forms=("Aktionsplan",)),
    GlossaryEntry("Teilhabe", "Dabei sein.", synonyms=("Partizipation", "Mitwirkung")),
    GlossaryEntry("Barriere", "Ein Hindernis.", synonyms=("Hindernis",)),
    GlossaryEntry("ÖPNV", "Busse und Bahnen."),
)
KNOWN = ("Landkreis Börde", "Haldensleben")
WORDS = [
    "Der", "Landkreis", "baut", "Bus·halte·stellen", "Haltestelle", "Halte·stelle",
    "Halte-Stelle", "HALTESTELLE", "haltestelle", "wird", "wurde", "worden", "gebaut",
    "geprüft", "verbessert", "werden", "ist", "sind", "zu", "prüfen", "umzusetzen", "leicht",
    "lesen", "des", "der", "Stadt", "Organ", "einer", "demokratischer", "Kultur", "wegen",
    "würde", "habe", "ich", "Sei", "Sie", "nicht", "kein", "zwei", "Millionen", "10.000",
    "1,5", "23.5.2023", "2024", "z. B.", "z.B.", "usw.", "Nr.", "ÖPNV", "UN", "BTHG",
    "Abkürzung", "steht für", "§", "%", "&", "(", ")", "/", "www.kreis.de/a(b)",
    "info@kreis.de", "Gebärdensprachdolmetscher", "Barrierefreiheitsanforderungen",
    "Verwaltungsvorschrift", "Kowalczyk", "Frau", "Herr", "bedeutet", "heißt", "weil",
    "dass", "Wenn", "damit", "können", "sollen", "kann", "muss", "und", "oder", "welche",
    "Menschen", "Inklusion", "Teilhabe", "Partizipation", "Mitwirkung", "Barriere",
    "Hindernis", "Aktions·plan", "Aktionsplan", "Aktions-Plan", "Bundestag", "Haldensleben",
    "1.", "am", "3.", "Mai", "Hallo", "Job∙center", "Rat·haus", ",", ";", ".", ":", "!",
    "?", "\n", "",
]
TEXTS = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join) \
    | st.lists(st.sampled_from(WORDS), max_size=25).map("".join) | st.text(max_size=60)
SETTINGS = [EasyLanguageSettings(),
            EasyLanguageSettings(max_words=6, compound_style="hyphen", min_compound_length=8)]
CHECKERS = [Checker(s, GLOSSARY, KNOWN) for s in SETTINGS]


def compounds(t: Text) -> Iterator[Hit]:
    """``rules.compounds`` before candidates per spelling."""
    style = t.settings.compound_style
    seen: set[str] = set()
    for s in t.sentences:
        for w in s.words:
            text = w.text
            if (not text[0].isupper() or MEDIOPUNKT in text or "-" in text
                    or len(text) < t.settings.min_compound_length or not text.isalpha()
                    or text in seen or _acronym(text)):
                continue
            parts = lx.split_compound(text)
            if parts is None:
                continue
            seen.add(text)
            joined = "-".join(p[0].upper() + p[1:] for p in parts) if style == "hyphen" \
                else MEDIOPUNKT.join(parts)
            yield Hit(w.start, w.end, f"'{text}' ist ein langes Wort.",
                      f"Trennen Sie das Wort: {joined}", counts=not lx.public_body(text))


def _acronym(text: str) -> bool:
    import re

    return re.fullmatch(r"\b[A-ZÄÖÜ]{2,}(?:-[A-ZÄÖÜ]{2,})*\b", text) is not None


def hard_words(t: Text) -> Iterator[Hit]:
    """``rules.hard_words`` before candidates per spelling."""
    threshold = float(t.settings.rare_word_zipf)
    seen: set[str] = set()
    for index, s in enumerate(t.sentences):
        window = s.text + " " + (t.sentences[index + 1].text if index + 1 < len(t.sentences)
                                 else "")
        for i, w in enumerate(s.words):
            key = w.plain.lower()
            if (key in seen or len(key) < 5 or not w.plain.isalpha()
                    or key in lx.FUNCTION_WORDS or key in t.known
                    or (i and s.words[i - 1].text in _TITLES)
                    or t.in_glossary(w.text) is not None):
                continue
            seen.add(key)
            parts = [p for p in _PART_BREAK.split(w.text) if p]
            if lx.zipf(w.plain) >= threshold or (
                    len(parts) > 1 and all(lx.zipf(p.capitalize()) >= threshold
                                           or lx.zipf(p) >= threshold for p in parts)):
                continue
            if _EXPLAINS.search(window) or lx.split_compound(w.plain) is not None:
                continue
            yield Hit(w.start, w.end, f"'{w.text}' ist ein schweres Wort.",
                      "Nehmen Sie ein leichteres Wort, erklären Sie es beim ersten Mal "
                      "oder nehmen Sie es ins Wörterbuch auf.")


EARLIER = {"ls.compound": compounds, "ls.hard-word": hard_words}


def reference(checker: Checker, text: str) -> list[EasyFinding]:
    """Every rule on the whole text, no quick look, nothing remembered."""
    fresh = Checker(checker.context.settings, checker.context.glossary, KNOWN)
    prepared = Text(text, fresh.context)
    prepared._bits = [-1] * len(prepared.sentences)  # every sentence may have anything
    found = [(rule, hit) for rule in fresh.rules
             for hit in EARLIER.get(rule.id, rule.check)(prepared)]
    out = [EasyFinding(rule.id, level, hit.start, hit.end, text[hit.start:hit.end],
                       hit.message, hit.suggestion)
           for (rule, hit), level in zip(found, decide(prepared.sentences, found), strict=True)]
    return sorted(out, key=lambda f: (f.start, f.rule, f.end))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(range(len(SETTINGS))))
@example("Die Haltestelle wird gebaut. Die Halte·stelle ist z. B. neu (ca. 20 %).", 0)
@example("Teilhabe ist wichtig. Partizipation auch. Der Aktionsplan und der Aktions·plan.", 0)
@example("Das ist der Bundestag. Die Verwaltungsvorschrift bedeutet: Regeln.", 1)
@example("Frau Kowalczyk hilft. Kowalczyk hilft. Die Anträge sind zu prüfen.", 0)
def test_the_checker_finds_what_every_rule_finds_on_every_word(text, which):
    checker = CHECKERS[which]
    assert checker.check(text) == reference(checker, text)


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTS, min_size=2, max_size=6))
def test_a_text_of_sentences_seen_before_gets_the_same_findings(texts):
    # the sentences of one text appear in others: hits remembered per sentence move along
    checker = CHECKERS[0]
    joined = " ".join(texts)
    for part in [*texts, joined, f"Hallo. {joined}"]:
        assert checker.check(part) == reference(checker, part)


def test_every_rule_but_four_looks_at_a_sentence_alone():
    cross = {r.id for r in RULES if not r.local}
    assert cross == {"ls.abbreviation", "ls.compound", "ls.hard-word", "ls.consistency"}
    # a sentence checked alone has the spellings, positions and bits it has in its text
    text = "Die Stadt baut. Dann wird z. B. die Halte·stelle (ÖPNV) geprüft!\nEnde"
    checker = CHECKERS[0]
    whole = Text(text, checker.context)
    for s in sentences(text):
        alone = Text(s.text, checker.context, sentence=True)
        assert alone.spelled == [w.text for w in s.words]
        assert [(s.start + a, s.start + b) for a, b in (alone.sentences[0].span(i)
                for i in range(len(s.words)))] == [(w.start, w.end) for w in s.words]
    assert whole.spelled == [w.text for s in whole.sentences for w in s.words]
