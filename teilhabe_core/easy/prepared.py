"""A text prepared for the Leichte Sprache rules (:class:`Text`), what they know beyond one
text (:class:`Context`: settings, glossary, known words, and what each rule needs to know
of a spelling or a sentence, worked out once) and what a rule finds (:class:`Hit`)."""

from __future__ import annotations

import re
from typing import Any

from attrs import frozen

from ..base.memo import Memo
from ..base.text import MEDIOPUNKT, Sentence, norm, sentences
from ..model import EasyLanguageSettings, GlossaryEntry
from . import forms as fm
from . import lexicon as lx

_TITLES = frozenset({"Frau", "Herr", "Herrn"})  # a name after them is no hard word
_PART_BREAK = re.compile(rf"[{MEDIOPUNKT}-]")


@frozen
class Hit:
    """A finding of one rule. ``tolerated``: a pattern the standards tolerate on its own
    (a short relative clause, a passive, one genitive, a few words over the limit);
    ``counts``: whether it counts as a difficulty of its sentence."""

    start: int
    end: int
    message: str
    suggestion: str = ""
    tolerated: bool = False
    counts: bool = True

    def moved(self, offset: int) -> Hit:
        """The same hit ``offset`` characters further on."""
        return Hit(self.start + offset, self.end + offset, self.message, self.suggestion,
                   self.tolerated, self.counts)


class Context:
    """What the rules know beyond one text, prepared once for many texts: settings, the
    glossary's normalised forms and synonyms, and the known words."""

    def __init__(self, settings: EasyLanguageSettings, glossary: tuple[GlossaryEntry, ...],
                 known_words: frozenset[str]) -> None:
        self.settings = settings
        self.glossary = glossary
        self.known = known_words
        self.forms: dict[str, GlossaryEntry] = {}
        for entry in glossary:
            for form in (entry.term, *entry.forms):
                self.forms[norm(form)] = entry
        self.synonyms = {norm(syn): entry for entry in glossary for syn in entry.synonyms}
        self._found: dict[str, GlossaryEntry | None] = {}
        # per spelling, what compounds, hard_words and consistency need to know of it
        self.compound: Memo[Any, Any] = Memo(self._compound)
        self.hard: Memo[Any, Any] = Memo(self._hardness)
        self.hard_candidate: Memo[Any, Any] = Memo(lambda form: self.hard[form][0] == 2)
        # per sentence (its spellings): (index, spelling) of the words compounds reports
        # at first use, (index, spelling, level, key) of the words hard_words looks at
        self.compounds_at: Memo[Any, Any] = Memo(lambda forms: tuple(
            (i, form) for i, form in enumerate(forms) if self.compound[form] is not None))
        self.hard_at: Memo[Any, Any] = Memo(lambda forms: tuple(
            (i, form, *self.hard[form]) for i, form in enumerate(forms)
            if self.hard[form][0] and not (i and forms[i - 1] in _TITLES)))
        self.concept: Memo[Any, Any] = Memo(self._concept)
        # consistency: the spellings of a word written in two ways (other than case) or
        # of a glossary concept named by two words, among every spelling seen so far
        self.term: Memo[Any, Any] = Memo(
            lambda form: getattr(self.concept[form], "term", None))
        self.registered: set[str] = set()
        self.split: set[str] = set()
        self._by_lower: dict[str, dict[str, list[str]]] = {}  # key → lower → spellings
        self._by_key: dict[str, dict[str, list[str]]] = {}  # term → key → spellings

    def in_glossary(self, word: str) -> GlossaryEntry | None:
        found = self._found
        if word not in found:
            found[word] = lookup(self.forms, word)
        return found[word]

    def _compound(self, form: str) -> tuple[str, ...] | None:
        """:func:`compounds`: the parts ``form`` splits into where it is reported (at its
        first use in a text), else ``None``."""
        if (form[0].isupper() and MEDIOPUNKT not in form and "-" not in form
                and len(form) >= self.settings.min_compound_length and form.isalpha()
                and not fm.ACRONYM_IN.fullmatch(form)):
            return lx.split_compound(form)
        return None

    def _hardness(self, form: str) -> tuple[int, str]:
        """:func:`hard_words`: (0, key) never a hard word (short, a function word, known
        or in the glossary), (1, key) not hard but remembered as seen, (2, key) hard
        unless explained; the key is the word without Mediopunkt, hyphen and case."""
        plain = form.replace(MEDIOPUNKT, "").replace("-", "") \
            if MEDIOPUNKT in form or "-" in form else form
        key = plain.lower()
        if (len(key) < 5 or not plain.isalpha() or key in lx.FUNCTION_WORDS
                or key in self.known or self.in_glossary(form) is not None):
            return 0, key
        threshold = float(self.settings.rare_word_zipf)
        parts = [p for p in _PART_BREAK.split(form) if p]
        if lx.zipf(plain) >= threshold or (
                len(parts) > 1 and all(lx.zipf(p.capitalize()) >= threshold
                                       or lx.zipf(p) >= threshold for p in parts)):
            return 1, key
        return (1 if lx.split_compound(plain) is not None else 2), key

    def register(self, spellings: frozenset[str]) -> None:
        """Note spellings not seen before; :attr:`split` gets every spelling of a word
        that now has two spellings, of a term now named by two words."""
        for form in spellings - self.registered:
            self.registered.add(form)
            key = norm(form)
            self._note(self._by_lower.setdefault(key, {}), form.lower(), form)
            term = self.term[form]
            if term is not None:
                self._note(self._by_key.setdefault(term, {}), key, form)

    def _note(self, group: dict[str, list[str]], variant: str, form: str) -> None:
        group.setdefault(variant, []).append(form)
        if len(group) > 1:
            self.split.update(f for forms in group.values() for f in forms)

    def _concept(self, form: str) -> GlossaryEntry | None:
        """:func:`consistency`: the glossary entry ``form`` names, as a term or a synonym."""
        return self.in_glossary(form) or self.synonyms.get(norm(form))


class Text:
    """A text prepared for the rules: sentences, settings, glossary lookup.

    With ``sentence=True``, ``text`` is one sentence as :func:`sentences` cut it out of a
    prepared text (for the rules of a sentence alone, :attr:`Rule.local`): it is not split
    or translated again.
    """

    def __init__(self, text: str, settings: EasyLanguageSettings | Context,
                 glossary: tuple[GlossaryEntry, ...] = (),
                 known_words: frozenset[str] = frozenset(), *, sentence: bool = False) -> None:
        context = settings if isinstance(settings, Context) \
            else Context(settings, glossary, known_words)
        self.text = text if sentence or not _OTHER_DOTS.search(text) \
            else text.translate(_MEDIOPUNKT_VARIANTS)
        self.context = context
        self.settings = context.settings
        self.sentences = [Sentence(self.text, 0, len(self.text))] if sentence \
            else sentences(self.text)
        self._bits: list[int] | None = None
        # words never span two sentences, and between sentences there are only blanks
        self.spelled: list[str] = [form for s in self.sentences for form in s.forms]
        """The spelling of every word of the text, in order."""
        self.spellings = frozenset(self.spelled)
        """Every spelling of a word in the text."""
        self.all_bits = fm.of(self.spellings)
        """The bits of :data:`~teilhabe_core.easy.forms.FLAGS` of every word of the text."""

    @property
    def glossary(self) -> tuple[GlossaryEntry, ...]:
        return self.context.glossary

    @property
    def known(self) -> frozenset[str]:
        return self.context.known

    @property
    def forms(self) -> dict[str, GlossaryEntry]:
        return self.context.forms

    @property
    def synonyms(self) -> dict[str, GlossaryEntry]:
        return self.context.synonyms

    def in_glossary(self, word: str) -> GlossaryEntry | None:
        return self.context.in_glossary(word)

    @property
    def bits(self) -> list[int]:
        """Per sentence, the bits of :data:`~teilhabe_core.easy.forms.FLAGS` of its words:
        which word-based rules could find something in it."""
        if self._bits is None:
            self._bits = [fm.of(s.forms) for s in self.sentences]
        return self._bits


# Publishers write the Mediopunkt with other dots too ('Job∙center'); same length, so
# positions stay the same.
_MEDIOPUNKT_VARIANTS = str.maketrans({"∙": MEDIOPUNKT, "‧": MEDIOPUNKT, "•": MEDIOPUNKT})
_OTHER_DOTS = re.compile("[∙‧•]")


def lookup(forms: dict[str, GlossaryEntry], word: str) -> GlossaryEntry | None:
    """The glossary entry of ``word`` (normalised), allowing simple inflection endings
    (Aktionsplans, Barrieren)."""
    key = norm(word)
    entry = forms.get(key)
    if entry is None:
        for suffix in ("s", "es", "n", "en", "e", "er"):
            if key.endswith(suffix) and key[: -len(suffix)] in forms:
                return forms[key[: -len(suffix)]]
    return entry
