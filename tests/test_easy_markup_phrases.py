"""The glossary matches of the easy pages (``easy_markup._phrases``) come from the words'
spellings and spans and a remembered lookup per spelling; they must be what looking up
every ``Word`` of every sentence gives (the way it was done before, kept here as the
reference), for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from teilhabe_core.base.text import norm, sentences
from teilhabe_core.easy.rules import lookup
from teilhabe_core.model import GlossaryEntry
from teilhabe_core.publish.easy_markup import GlossaryMarker, _glossary, _phrases

ENTRIES = (
    GlossaryEntry("Teilhabe", "Alle können mit·machen.", forms=("Teil·habe",)),
    GlossaryEntry("Barriere", "Etwas ist im Weg.", forms=("Barrieren",)),
    GlossaryEntry("Leichte Sprache", "Texte, die man gut versteht."),
    GlossaryEntry("Aktions·plan", "Ein Plan mit Aufgaben.", forms=("Aktionsplan",)),
    GlossaryEntry("Nah·verkehr", "Busse und Bahnen.", forms=("ÖPNV",)),
)
WORDS = ["Teilhabe", "teilhabe", "Teil·habe", "Barrieren", "Barrieres", "Leichte",
         "Sprache", "leichte Sprache", "Aktions·plan", "Aktionsplans", "Aktions-Plan",
         "Nah·verkehrs", "ÖPNV", "Bus", "wir", "z.", "B.", "im", "1.", "Quartal", "und",
         "Mai", "2024"]
SEPARATORS = [" ", "  ", ". ", "! ", "? ", ": ", ", ", "\n", " – ", "-"]


def reference(entries: tuple[GlossaryEntry, ...], text: str) -> tuple[object, ...]:
    """``_phrases`` as it was: every sentence's ``Word`` looked up in the forms."""
    forms = _glossary(entries).forms
    found: list[tuple[int, int, GlossaryEntry]] = []
    lowered = text.lower()
    for key_form, entry in forms.items():
        if " " not in entry.term or norm(entry.term) != key_form:
            continue
        start = lowered.find(entry.term.lower())
        if start >= 0:
            found.append((start, start + len(entry.term), entry))
    for sentence in sentences(text):
        for word in sentence.words:
            hit = lookup(forms, word.text)
            if hit is not None and not any(a <= word.start < b for a, b, _ in found):
                found.append((word.start, word.end, hit))
    return tuple(sorted(found, key=lambda item: item[0]))


texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                 max_size=30).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=300)
@given(text=texts | st.text(max_size=80), skip=st.integers(0, len(ENTRIES)))
def test_matches_are_those_of_every_word_looked_up(text, skip):
    entries = ENTRIES[skip:] + ENTRIES[:skip]  # another glossary, another order
    assert _phrases(_glossary(entries), text) == reference(entries, text)
    assert _phrases(_glossary(entries), text) == reference(entries, text)  # remembered


def test_a_page_marks_the_found_words():
    html = GlossaryMarker(ENTRIES).html("Wir bauen Barrieren ab. Das ist Teil·habe.")
    assert '<strong class="glossary-word">Barrieren</strong>' in html
    assert '<strong class="glossary-word">Teil·habe</strong>' in html
