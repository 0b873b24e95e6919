"""The Leichte Sprache rules. Each is a heuristic; its docstring says what it cannot see.

A rule gets the checked :class:`Text` and yields :class:`Hit` objects (character span,
message, suggestion). Rules are registered in :data:`RULES` with an id (``ls.…``), a
German title, a default level (``error`` or ``warning``) and whether their findings count
as a difficulty of the sentence. A hit may be *tolerated* (``Hit.tolerated``): as the only
difficulty of its sentence it is a warning, with another one an error
(:mod:`~teilhabe_core.easy.levels`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from attrs import evolve, frozen

from ..base.text import MEDIOPUNKT, Sentence, Word, norm
from . import forms as fm
from . import grammar
from . import lexicon as lx
from .prepared import Context, Hit, Text, lookup

__all__ = ["RULES", "Context", "Hit", "Rule", "Text", "lookup"]


def _span(sentence: Sentence) -> tuple[int, int]:
    return sentence.start, sentence.end


def _having(t: Text, bits: int) -> Iterator[Sentence]:
    """The sentences of ``t`` with a word of ``bits`` (forms.FLAGS); the others cannot have
    a finding of the rule that asks."""
    return (s for s, found in zip(t.sentences, t.bits, strict=True) if found & bits)


# -- sentence rules ---------------------------------------------------------------------


def sentence_length(t: Text) -> Iterator[Hit]:
    """Sentence longer than ``max_words`` words (default 12). Counts every word and
    number; a Mediopunkt word counts once. Up to a quarter of the limit over it (15
    words of 12) is tolerated. Cannot judge whether a long sentence is a simple list."""
    limit = t.settings.max_words
    for s in t.sentences:
        count = len(s.forms)
        if count > limit:
            yield Hit(*_span(s), f"Der Satz hat {count} Wörter (erlaubt: {limit}).",
                      "Teilen Sie den Satz in mehrere kurze Sätze.",
                      tolerated=count <= limit + tolerance(limit))


def tolerance(limit: int) -> int:
    """How many words over ``limit`` a sentence may have before its length alone is an
    error: a quarter of the limit, at least 1."""
    return max(1, limit // 4)


def one_statement(t: Text) -> Iterator[Hit]:
    """More than one statement: a subordinating conjunction (dass, weil, wenn …) inside
    the sentence, a comma followed by a relative pronoun (also after a preposition: ', mit
    denen'), a conjunction, a question word, a finite verb or an infinitive clause with
    'zu', or two finite auxiliary/modal verbs.
    A subordinate clause standing alone ('Wenn Sie 16 Jahre alt sind.') is one statement,
    and so is a modal with an infinitive ('Alle sollen mitmachen können.') and a greeting
    before a comma ('Hallo, das ist …'). One joined clause is tolerated ('Es gibt
    Menschen, die helfen.'; the main clause going on after it does not count); two are
    not. Without a parser it misses clauses joined by 'und' without comma and main verbs
    outside the auxiliary list."""
    for s, bits in zip(t.sentences, t.bits, strict=True):
        # a clause needs a subordinator, a comma or semicolon, or two finite verbs
        if not bits & fm.SUBORDINATOR and "," not in s.text and ";" not in s.text \
                and (not bits & fm.AUXILIARY or fm.auxiliaries(s.forms) < 2):
            continue
        clauses = grammar.joined_clauses(s)
        if clauses:
            first = clauses[0]
            yield Hit(first.start, first.end, *_CLAUSE_TEXTS[first.kind](first.word),
                      tolerated=len({c.word.start for c in clauses if not c.main}) <= 1)


_CLAUSE_TEXTS: dict[str, Callable[[Word], tuple[str, str]]] = {
    "conjunction": lambda w: (f"'{w.text}' leitet einen Neben·satz ein.",
                              "Schreiben Sie 2 Sätze: eine Aussage pro Satz."),
    "comma": lambda w: ("Das Komma trennt hier 2 Aussagen.",
                        "Machen Sie aus jeder Aussage einen eigenen Satz."),
    "infinitive": lambda w: (f"'{w.text}' ist ein Neben·satz mit 'zu'.",
                             "Schreiben Sie einen eigenen Satz: 'Wir wollen … .'"),
    "verbs": lambda w: (f"Der Satz hat mehrere Verben (auch '{w.text}').",
                        "Schreiben Sie eine Aussage pro Satz."),
}
_PARTICIPLE_GE = re.compile(r"^(?:\w*ge\w{2,}(?:t|en)|\w{3,}iert)$")
_PARTICIPLE_T = re.compile(rf"^(?:{'|'.join(lx.PARTICIPLE_PREFIXES)})\w{{2,}}t$")
_PARTICIPLE_EN = re.compile(rf"^(?:{'|'.join(lx.PARTICIPLE_PREFIXES)})\w{{2,}}en$")


def passive(t: Text) -> Iterator[Hit]:
    """Passive voice: a form of 'werden' with a past participle in the same sentence
    (ge-…-t/-en, …-iert, be-/ver-/er-…-t; after 'wurde'/'worden' also be-/ver-…-en),
    or before a 'werden' that ends a clause ('sollen gestärkt werden'), every 'worden'
    (passive perfect), and 'sein' + 'zu' + infinitive ('ist zu prüfen',
    a passive that means 'must be'; not 'leicht zu lesen').
    'werden' + infinitive (future tense) is not reported. A 'werden' passive is tolerated
    ('Er wird von den Bürgern gewählt.'); 'sein' + 'zu' (passive and an unnamed duty at
    once) is not. Misses participles without these markers and may take an adjective
    ending in -t for a participle."""
    for s, bits in zip(t.sentences, t.bits, strict=True):
        if not (bits & fm.WERDEN or (bits & fm.SEIN and bits & fm.ZU)):
            continue
        hit = _werden_passive(s)
        if hit is not None:
            hit = evolve(hit, tolerated=True)
        else:
            found = grammar.modal_passive(s)
            if found is not None:
                sein, verb = found
                hit = Hit(min(sein.start, verb.start), max(sein.end, verb.end),
                          f"'{sein.text} … zu {verb.text.removeprefix('zu')}' ist ein Passiv "
                          "(es muss … werden).",
                          "Schreiben Sie, wer etwas tun muss: 'Der Landkreis muss … .'")
        if hit is not None:
            yield hit


def _werden_passive(s: Sentence) -> Hit | None:
    lowered = [w.lower.replace(MEDIOPUNKT, "") for w in s.words]
    ends = {id(seg[-1]) for _, seg in grammar.segments(s)}
    for i, word in enumerate(lowered):
        past = word in lx.WERDEN_PAST
        if word == "worden":  # only ever used in the passive perfect
            w = s.words[i]
            return Hit(w.start, w.end, "Der Satz steht im Passiv.",
                       "Schreiben Sie, wer etwas getan hat: 'Der Kreis·tag hat …'.")
        if not (past or word in lx.WERDEN_PRESENT):
            continue
        # after 'werden'; before it when it ends a clause ('sollen gestärkt werden')
        before = _clause_before(s, i) if id(s.words[i]) in ends else range(0)
        for j in (*range(i + 1, len(lowered)), *before):
            later = lowered[j]
            if (_PARTICIPLE_GE.match(later) and not later.startswith("gegen")) \
                    or _PARTICIPLE_T.match(later) \
                    or (past and _PARTICIPLE_EN.match(later)):
                a, b = sorted((i, j))
                return Hit(s.words[a].start, s.words[b].end, "Der Satz steht im Passiv.",
                           "Schreiben Sie, wer etwas tut: 'Der Landkreis baut …'.")
    return None


def _clause_before(s: Sentence, i: int) -> range:
    """Indexes of the words before ``s.words[i]`` in its clause (after the last comma)."""
    start = i
    while start > 0 and "," not in s.text[s.words[start - 1].end - s.start:
                                          s.words[start].start - s.start]:
        start -= 1
    return range(start, i)


def genitive(t: Text) -> Iterator[Hit]:
    """Genitive: the articles des/eines/dieses …, prepositions that need the genitive
    (wegen, trotz, aufgrund …), and a noun followed by 'der', 'einer', 'dieser' … or by
    adjectives in -er and a noun ('Organ der Stadt', 'Teil demokratischer Kultur').
    One genitive in a sentence is tolerated ('Mitglieder des Bundestages'); two are not.
    Misses the -s genitive of names ('Annas Haus'); may take a dative after a noun
    ('gibt das Buch der Frau') for a genitive."""
    for s in _having(t, fm.GENITIVE):
        hits = []
        for w in s.words:
            if w.lower in lx.GENITIVE_ARTICLES:
                hits.append(Hit(w.start, w.end, f"'{w.text}' ist ein Genitiv.",
                                "Schreiben Sie 'von dem …' statt 'des …'."))
            elif w.lower in lx.GENITIVE_PREPOSITIONS:
                hits.append(Hit(w.start, w.end, f"'{w.text}' verlangt den Genitiv.",
                                "Schreiben Sie einfacher, z. B. 'weil' → 2 Sätze, 'mit'."))
        phrase = grammar.genitive_phrase(s)
        if phrase is not None:
            noun, det = phrase
            hits.append(Hit(noun.start, det.end,
                            f"'{t.text[noun.start:det.end]}' ist ein Genitiv.",
                            "Schreiben Sie 'von der …' oder 'von den …'."))
        for hit in hits:
            yield evolve(hit, tolerated=len(hits) == 1)


def konjunktiv(t: Text) -> Iterator[Hit]:
    """Konjunktiv: würde, wäre, hätte, könnte, sollte, sei …, and the Konjunktiv I of
    indirect speech (habe, werde, gebe, könne, müsse, solle …) in a sentence without
    'ich' ('Daher habe man sich entschieden.'; 'Ich habe Zeit.' is the indicative).
    Cannot tell 'sollte' in the past indicative from the Konjunktiv; 'Sei/Seien Sie …'
    (imperative) is allowed."""
    for s in _having(t, fm.KONJUNKTIV):
        first_person = any(w.lower == "ich" for w in s.words)
        for i, w in enumerate(s.words):
            if w.lower in lx.KONJUNKTIV_I:
                found = not first_person and w.text.islower()
            else:  # 'Sei/Seien Sie …' is the imperative
                found = w.lower in lx.KONJUNKTIV and not (w.lower in ("sei", "seien") and (
                    i == 0 or (i + 1 < len(s.words) and s.words[i + 1].text == "Sie")))
            if found:
                yield Hit(w.start, w.end,
                          f"'{w.text}' ist eine Möglichkeits·form (Konjunktiv).",
                          "Schreiben Sie, was ist: 'wir machen', 'es gibt'.")


def negation(t: Text) -> Iterator[Hit]:
    """Negation (nicht, kein, nie, niemand …). Negative prefixes (un-, -los) are not
    found. Sometimes a negation is the clearest way; the finding is a warning."""
    for s in _having(t, fm.NEGATION):
        for w in s.words:
            if w.lower in lx.NEGATIONS:
                yield Hit(w.start, w.end, f"'{w.text}' ist eine Verneinung.",
                          "Schreiben Sie möglichst positiv, was gilt.")


def number_words(t: Text) -> Iterator[Hit]:
    """Numbers written as words (zwei … zwölf, hundert, tausend, Millionen). 'ein/eine'
    is not reported (it is mostly an article); words that merely contain a number word
    (Achtung) are not reported either."""
    for s in _having(t, fm.NUMBER_WORD):
        for w in s.words:
            digit = lx.NUMBER_WORDS.get(w.lower)
            if digit is not None:
                yield Hit(w.start, w.end, f"Die Zahl '{w.text}' ist als Wort geschrieben.",
                          f"Schreiben Sie die Zahl als Ziffer: {digit}.")


def large_numbers(t: Text) -> Iterator[Hit]:
    """Large numbers (from 10.000) and numbers with decimals are hard to read. Years
    and dates (2024, 23.5.2023) are not reported."""
    for s in _having(t, fm.LARGE_NUMBER):
        for w in s.words:
            if not w.text[0].isdigit() or fm.DATE.fullmatch(w.text):
                continue
            digits = w.text.replace(".", "")
            if "," in w.text:
                yield Hit(w.start, w.end, f"'{w.text}' hat Stellen nach dem Komma.",
                          "Runden Sie die Zahl oder schreiben Sie 'etwa …'.")
            elif digits.isascii() and digits.isdigit() and len(digits.lstrip("0")) >= 5:
                yield Hit(w.start, w.end, f"'{w.text}' ist eine große Zahl.",
                          "Schreiben Sie 'viele' oder vergleichen Sie die Zahl.")


_ACRONYM = fm.ACRONYM_IN
_ABBREVIATIONS = tuple((short, long, re.compile(re.escape(short)))
                       for short, long in lx.ABBREVIATIONS.items())
_ANY_ABBREVIATION = re.compile("|".join(map(re.escape, lx.ABBREVIATIONS)))


def abbreviations(t: Text) -> Iterator[Hit]:
    """Abbreviations (z. B., usw., bzw. …, from a list) and all-caps acronyms (UN, ÖPNV)
    unless the glossary explains them or the sentence (or the one before, ending in ':')
    introduces them as the short form ('Das kurze Wort dafür ist: BTHG.', 'UN ist eine
    Abkürzung.'). Abbreviations missing from
    the list are not found."""
    for short, long, pattern in _ABBREVIATIONS if _ANY_ABBREVIATION.search(t.text) else ():
        if short not in t.text:
            continue
        for match in pattern.finditer(t.text):
            if match.start() > 0 and t.text[match.start() - 1].isalpha():
                continue
            yield Hit(match.start(), match.end(), f"'{short}' ist eine Abkürzung.",
                      f"Schreiben Sie das Wort aus: '{long}'.")
    introduced: list[tuple[int, int]] | None = None  # made when an acronym needs it
    for match in _ACRONYM.finditer(t.text):
        if t.in_glossary(match.group()) is not None:
            continue
        if introduced is None:
            introduced = _introduced(t)
        if not any(a <= match.start() < b for a, b in introduced):
            yield Hit(match.start(), match.end(), f"'{match.group()}' ist eine Abkürzung.",
                      "Schreiben Sie das Wort aus oder erklären Sie es im Wörterbuch.")


def _introduced(t: Text) -> list[tuple[int, int]]:
    """Spans of the sentences that introduce a short form (or follow one ending in ':')."""
    return [(s.start, s.end) for i, s in enumerate(t.sentences)
            if _introduces_short_form(s) or (i and t.sentences[i - 1].text.endswith(":")
                                             and _introduces_short_form(t.sentences[i - 1]))]


def _introduces_short_form(s: Sentence) -> bool:
    return _SHORT_FORM.search(s.text) is not None


_SHORT_FORM = re.compile(rf"\b(?:Abkürzung|abgekürzt|kurze Wort|kurzes Wort|Kurz[{MEDIOPUNKT}-]?"
                         r"[Ww]ort|steht für|spricht man)\b", re.IGNORECASE)


def compounds(t: Text) -> Iterator[Hit]:
    """Long compound nouns not split: a capitalised word of at least
    ``min_compound_length`` letters without Mediopunkt or hyphen that splits into common
    words at a hyphenation point (pyphen + wordfreq). The split is a suggestion; a word
    whose parts are not common on their own (Inklusion) is not reported. The name of a
    public body ('Bundestag') is reported but is no difficulty of its sentence."""
    compound, compounds_at = t.context.compound, t.context.compounds_at
    style = t.settings.compound_style
    seen: set[str] = set()
    for s in t.sentences:
        for i, text in compounds_at[s.forms]:
            if text in seen:
                continue
            seen.add(text)
            parts = compound[text]
            joined = "-".join(p[0].upper() + p[1:] for p in parts) if style == "hyphen" \
                else MEDIOPUNKT.join(parts)
            yield Hit(*s.span(i), f"'{text}' ist ein langes Wort.",
                      f"Trennen Sie das Wort: {joined}", counts=not lx.public_body(text))


_SPECIAL = re.compile(r"[§%&;()\[\]{}/\\*#<>|~^]")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")


def special_characters(t: Text) -> Iterator[Hit]:
    """Special characters (§ % & ; brackets, slashes …). Inside web and e-mail addresses
    they are allowed."""
    allowed: list[tuple[int, int]] | None = None  # made when a special character needs it
    for match in _SPECIAL.finditer(t.text):
        if allowed is None:
            allowed = [(m.start(), m.end()) for m in _URL.finditer(t.text)]
        if any(a <= match.start() < b for a, b in allowed):
            continue
        char = match.group()
        words = {"%": "Prozent", "&": "und", "§": "Paragraf", "/": "oder"}
        hint = f"Schreiben Sie '{words[char]}'." if char in words else \
            "Schreiben Sie ohne Sonder·zeichen."
        yield Hit(match.start(), match.end(), f"Das Sonder·zeichen '{char}' ist schwer.", hint)


_EXPLAINS = re.compile(r"\b(?:bedeutet|heißt|heißen|bedeuten|das ist|das sind|gemeint)\b",
                       re.IGNORECASE)


def hard_words(t: Text) -> Iterator[Hit]:
    """Hard words: rare in everyday German (wordfreq Zipf frequency below
    ``rare_word_zipf``), not in the glossary and not explained in the same or the next
    sentence ('… bedeutet …', '… heißt …', 'Das ist …'). Reported at first use only.
    Names and words of the area profile are known, and so is a name after 'Frau' or
    'Herr'. Frequency is not the same as difficulty: common technical words (Inklusion)
    still need the glossary."""
    hard_at = t.context.hard_at
    seen: set[str] = set()
    for index, s in enumerate(t.sentences):
        explained: bool | None = None
        for i, text, level, key in hard_at[s.forms]:
            if key in seen:
                continue
            seen.add(key)
            if level == 1:
                continue  # common, or a compound of common words (ls.compound)
            if explained is None:
                following = t.sentences[index + 1].text if index + 1 < len(t.sentences) else ""
                explained = _EXPLAINS.search(f"{s.text} {following}") is not None
            if explained:
                continue
            yield Hit(*s.span(i), f"'{text}' ist ein schweres Wort.",
                      "Nehmen Sie ein leichteres Wort, erklären Sie es beim ersten Mal "
                      "oder nehmen Sie es ins Wörterbuch auf.")


def consistency(t: Text) -> Iterator[Hit]:
    """The same thing named with different words: a glossary term and one of its
    synonyms in one text, or one word written in two ways (Aktions·plan / Aktionsplan).
    Synonyms the glossary does not list are not found."""
    first: dict[str, Word] = {}
    concept: dict[str, Word] = {}
    synonyms = t.synonyms
    for s in t.sentences:
        for w in s.words:
            key = norm(w.text)
            if key in first and first[key].text != w.text and \
                    first[key].text.lower() != w.text.lower():
                yield Hit(w.start, w.end, f"'{w.text}' ist anders geschrieben als vorher "
                          f"('{first[key].text}').", f"Schreiben Sie immer '{first[key].text}'.")
            first.setdefault(key, w)
            entry = t.in_glossary(w.text) or synonyms.get(key)
            if entry is None:
                continue
            name = entry.term
            if name in concept and norm(concept[name].text) != key and \
                    t.in_glossary(concept[name].text) is not t.in_glossary(w.text):
                yield Hit(w.start, w.end, f"'{w.text}' und '{concept[name].text}' meinen "
                          "dasselbe.", f"Nehmen Sie immer dasselbe Wort: '{entry.term}'.")
            concept.setdefault(name, w)


def _consistent(t: Text) -> bool:
    """Whether :func:`consistency` cannot find anything in ``t``: no two spellings are
    the same word in different letters (other than case), and no glossary concept is
    named by two different words."""
    lowered = set(map(str.lower, t.spellings))
    if len(set(map(norm, lowered))) != len(lowered):
        return False
    concept = t.context.concept
    if sum(map(bool, map(concept.__getitem__, t.spellings))) < 2:
        return True  # a concept named by two words needs two words of the glossary
    named: dict[str, str] = {}
    for form in t.spellings:
        entry = concept[form]
        if entry is not None and named.setdefault(entry.term, norm(form)) != norm(form):
            return False
    return True


@frozen
class Rule:
    """``difficulty``: its findings make a sentence harder to read; two rules of this kind
    in one sentence make that sentence's tolerated findings errors."""

    id: str
    title: str
    level: str
    check: Callable[[Text], Iterator[Hit]]
    difficulty: bool = True
    could: Callable[[Text], bool] | None = None
    """A quick look at the whole text: ``False`` where the rule certainly finds nothing
    in it, so the checker does not ask it (``None``: always asked)."""
    local: bool = False
    """Its hits in a sentence depend on that sentence alone (not on the sentences around
    it): the checker asks it once per distinct sentence …"""
    light: bool = False
    """… unless it is light: it costs less than remembering its hits would."""


# -- quick looks (Rule.could): each is True wherever its rule can find something --------


def _having_bits(bits: int) -> Callable[[Text], bool]:
    def could(t: Text) -> bool:
        return bool(t.all_bits & bits)
    return could


def _long_text(t: Text) -> bool:
    return len(t.spelled) > t.settings.max_words


def _joined(t: Text) -> bool:
    bits = t.all_bits
    return bool(bits & fm.SUBORDINATOR) or "," in t.text or ";" in t.text or (
        bool(bits & fm.AUXILIARY) and fm.auxiliaries(t.spelled) >= 2)


def _passive_words(t: Text) -> bool:
    bits = t.all_bits
    return bool(bits & fm.WERDEN) or (bool(bits & fm.SEIN) and bool(bits & fm.ZU))


def _abbreviated(t: Text) -> bool:
    # an acronym in the text is one inside a word (a word holds every capital next to it)
    return bool(t.all_bits & fm.ACRONYM) or _ANY_ABBREVIATION.search(t.text) is not None


def _special(t: Text) -> bool:
    return _SPECIAL.search(t.text) is not None


def _compound_word(t: Text) -> bool:
    return any(map(t.context.compound.__getitem__, t.spellings))


def _hard_word(t: Text) -> bool:
    return any(map(t.context.hard_candidate.__getitem__, t.spellings))


def _inconsistent(t: Text) -> bool:
    context, spellings = t.context, t.spellings
    if not context.registered.issuperset(spellings):
        context.register(spellings)
    if context.split.isdisjoint(spellings):
        return False  # no word of the text has two spellings or shares a concept
    return not _consistent(t)


RULES: tuple[Rule, ...] = (
    Rule("ls.sentence-length", "Satz zu lang", "error", sentence_length, could=_long_text,
         local=True, light=True),
    Rule("ls.one-statement", "Mehr als eine Aussage im Satz", "error", one_statement,
         could=_joined, local=True),
    Rule("ls.passive", "Passiv", "error", passive, could=_passive_words, local=True),
    Rule("ls.genitive", "Genitiv", "error", genitive, could=_having_bits(fm.GENITIVE),
         local=True),
    Rule("ls.konjunktiv", "Konjunktiv", "error", konjunktiv,
         could=_having_bits(fm.KONJUNKTIV), local=True),
    Rule("ls.negation", "Verneinung", "warning", negation, difficulty=False,
         could=_having_bits(fm.NEGATION), local=True),
    Rule("ls.number-words", "Zahl als Wort", "warning", number_words, difficulty=False,
         could=_having_bits(fm.NUMBER_WORD), local=True),
    Rule("ls.large-number", "Große Zahl", "warning", large_numbers,
         could=_having_bits(fm.LARGE_NUMBER), local=True),
    Rule("ls.abbreviation", "Abkürzung", "error", abbreviations, could=_abbreviated),
    Rule("ls.compound", "Langes Wort nicht getrennt", "warning", compounds,
         could=_compound_word),
    Rule("ls.special-character", "Sonderzeichen", "error", special_characters,
         could=_special, local=True),
    Rule("ls.hard-word", "Schweres Wort", "warning", hard_words, could=_hard_word),
    Rule("ls.consistency", "Verschiedene Wörter für dasselbe", "warning", consistency,
         difficulty=False, could=_inconsistent),
)
