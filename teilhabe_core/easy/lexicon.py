"""Word knowledge for the checker: frequency (wordfreq), hyphenation (pyphen) and the
closed word classes of German grammar that no library lists (conjunctions, auxiliaries).

Their data comes from a precomputed file (:mod:`~teilhabe_core.easy.lexstore`) that loads in
milliseconds; wordfreq and pyphen themselves are imported only to build it, or for a word
it cannot answer exactly.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from . import lexstore

SUBORDINATORS = frozenset({
    "dass", "weil", "wenn", "ob", "obwohl", "obgleich", "damit", "sodass", "nachdem",
    "bevor", "während", "falls", "indem", "seitdem", "sobald", "solange", "wobei",
    "weshalb", "wodurch", "womit", "wofür", "worauf", "wohingegen", "sofern", "ehe",
})
RELATIVE = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "denen",
                      "welche", "welcher", "welches", "welchem", "welchen", "wo", "was"})
QUESTION_WORDS = frozenset({"wie", "wer", "wen", "wem", "wessen", "warum", "wann", "wohin",
                            "woher", "wieso", "weshalb", "wozu", "woran", "worüber"})
PREPOSITIONS = frozenset({"an", "auf", "aus", "bei", "bis", "durch", "für", "gegen", "hinter",
                          "in", "mit", "nach", "neben", "ohne", "seit", "über", "um",
                          "unter", "von", "vor", "zu", "zwischen"})
INTERJECTIONS = frozenset({"hallo", "ja", "nein", "danke", "bitte", "achtung", "oh", "ach",
                           "okay", "tschüss"})
CLAUSE_JOINERS = frozenset({"und", "oder", "aber", "denn", "sondern", "doch", "jedoch"})
FINITE_AUX = frozenset({
    "bin", "bist", "ist", "sind", "seid", "war", "warst", "waren", "wart",
    "habe", "hast", "hat", "haben", "habt", "hatte", "hatten",
    "werde", "wirst", "wird", "werden", "werdet", "wurde", "wurden",
    "kann", "kannst", "können", "könnt", "konnte", "konnten",
    "muss", "musst", "müssen", "müsst", "musste", "mussten",
    "soll", "sollst", "sollen", "sollt", "sollte", "sollten",
    "will", "willst", "wollen", "wollt", "wollte", "wollten",
    "darf", "darfst", "dürfen", "dürft", "durfte", "durften",
    "gibt", "gab", "geht", "ging", "kommt", "kam", "macht", "machte", "liegt", "lag",
    "gilt", "galt", "steht", "stand", "bekommt", "bekommen", "helfen", "hilft",
})
# Finite forms of the list above that are never infinitives (past tense in -en).
FINITE_ONLY = frozenset({"waren", "hatten", "wurden", "konnten", "mussten", "sollten",
                         "wollten", "durften"})
SEIN_FINITE = frozenset({"bin", "bist", "ist", "sind", "seid", "war", "warst", "waren",
                         "wart", "sei", "seien", "wäre", "wären"})
# 'leicht zu lesen', 'schwer zu finden': sein + adjective + zu-infinitive is no passive.
EASE_ADJECTIVES = frozenset({"leicht", "leichter", "schwer", "schwerer", "einfach",
                             "einfacher", "gut", "besser", "schlecht", "schlechter",
                             "schwierig", "bequem", "kaum"})
# 'Wir sind bereit zu helfen', 'in der Lage zu arbeiten': the subject acts, no passive.
ACTIVE_ZU_PREDICATES = frozenset({"bereit", "fähig", "imstande", "lage", "gewillt",
                                  "verpflichtet", "berechtigt", "gezwungen", "befugt"})
# Separable verb prefixes: 'umzusetzen', 'vorzulegen' are infinitives with 'zu'.
SEPARABLE_PREFIXES = ("ab", "an", "auf", "aus", "bei", "bekannt", "bereit", "dar", "durch",
                      "ein", "fest", "fort", "frei", "her", "heraus", "hin", "hinzu",
                      "kennen", "los", "mit", "nach", "sicher", "statt", "teil", "um", "vor",
                      "voran", "vorbei", "wahr", "weg", "weiter", "wieder", "zu", "zurück",
                      "zusammen")
ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einer",
                      "einem", "einen", "eines"})
# Words after a noun that mark a genitive ('Organ der Stadt', 'Mitglied einer Gruppe').
GENITIVE_DETERMINERS = frozenset({"der", "einer", "dieser", "jener", "jeder", "aller",
                                  "keiner", "meiner", "deiner", "seiner", "ihrer",
                                  "unserer", "eurer", "welcher", "solcher", "mancher",
                                  "beider", "sämtlicher"})
# Lowercase words in -er that are no adjective in the genitive.
NOT_ADJECTIVES = frozenset({"aber", "oder", "über", "unter", "hinter", "wieder", "immer",
                            "weiter", "später", "früher", "sicher", "leider", "bisher",
                            "daher", "vorher", "nachher", "außer", "entweder", "weder",
                            "wer", "er", "ihr", "hier"})
# Capitalised words that are no noun with a genitive after them.
NOT_GENITIVE_HEADS = frozenset({"beispiel", "sie", "ihnen", "ihr", "ihre", "ihrer", "ihrem",
                                "ihren", "ihres"})
WERDEN_PRESENT = frozenset({"werde", "wirst", "wird", "werden", "werdet"})
WERDEN_PAST = frozenset({"wurde", "wurdest", "wurden", "wurdet", "worden"})
GENITIVE_ARTICLES = frozenset({"des", "eines", "meines", "deines", "seines", "ihres",
                               "unseres", "eures", "keines", "dieses", "jenes"})
GENITIVE_PREPOSITIONS = frozenset({
    "wegen", "trotz", "aufgrund", "anhand", "infolge", "mithilfe", "bezüglich",
    "hinsichtlich", "innerhalb", "außerhalb", "oberhalb", "unterhalb", "anstatt", "statt",
    "zwecks", "seitens", "angesichts", "zugunsten", "mittels",
})
# Names of the state's bodies that easy texts of public bodies name all the time
# ('Mitglieder des Bundestages'): a name, not a long word that makes a sentence hard.
PUBLIC_BODIES = frozenset({
    "bundestag", "bundesrat", "bundesregierung", "bundesversammlung", "bundesverwaltung",
    "landtag", "landesregierung", "landesparlament", "landesverwaltung", "abgeordnetenhaus",
    "bürgerschaft", "kreistag", "kreisausschuss", "kreisverwaltung", "landratsamt",
    "stadtrat", "gemeinderat", "stadtverordnetenversammlung", "stadtvertretung",
    "gemeindevertretung", "ortschaftsrat", "ortsbeirat", "bezirksvertretung",
    "stadtverwaltung", "gemeindeverwaltung", "bürgermeisteramt",
})
KONJUNKTIV = frozenset({
    "würde", "würdest", "würden", "würdet", "wäre", "wärst", "wären", "wärt", "hätte",
    "hättest", "hätten", "hättet", "könnte", "könntest", "könnten", "müsste", "müssten",
    "sollte", "solltest", "sollten", "dürfte", "dürften", "gäbe", "gäben", "käme", "kämen",
    "ginge", "gingen", "wüsste", "wüssten", "bräuchte", "bräuchten", "sei", "seien",
})
# Konjunktiv I of indirect speech ('Er habe …', 'es gebe …'); the same form is the
# indicative with 'ich', so the rule looks for 'ich' in the sentence.
KONJUNKTIV_I = frozenset({"habe", "werde", "gebe", "könne", "müsse", "solle", "dürfe",
                          "wolle", "möge"})
NEGATIONS = frozenset({"nicht", "nie", "niemals", "nichts", "niemand", "niemandem",
                       "niemanden", "weder", "nirgends", "nirgendwo", "kein", "keine",
                       "keinen", "keinem", "keiner", "keines"})
NUMBER_WORDS = {
    "zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "sechs": "6", "sieben": "7",
    "acht": "8", "neun": "9", "zehn": "10", "elf": "11", "zwölf": "12", "zwanzig": "20",
    "dreißig": "30", "vierzig": "40", "fünfzig": "50", "hundert": "100",
    "tausend": "1.000", "million": "1 Million", "millionen": "Millionen",
    "milliarde": "1 Milliarde", "milliarden": "Milliarden", "dutzend": "12",
    "hälfte": "die Hälfte (½)", "drittel": "1 Drittel", "viertel": "1 Viertel",
}
ABBREVIATIONS = {
    "z. B.": "zum Beispiel", "z.B.": "zum Beispiel", "usw.": "und so weiter",
    "bzw.": "oder", "d. h.": "das heißt", "d.h.": "das heißt", "ca.": "ungefähr",
    "ggf.": "vielleicht", "u. a.": "und andere", "u.a.": "und andere", "etc.": "und so weiter",
    "evtl.": "vielleicht", "inkl.": "mit", "bspw.": "zum Beispiel", "Nr.": "Nummer",
    "vgl.": "siehe", "sog.": "so genannt", "o. ä.": "oder so ähnlich", "zzgl.": "und dazu",
    "Tel.": "Telefon", "Str.": "Straße", "gem.": "nach", "i. d. R.": "meistens",
}
PARTICIPLE_PREFIXES = ("be", "ver", "er", "ent", "zer", "emp", "miss", "ge", "über",
                       "unter", "hinter", "wider")
# Verb prefixes are not words of their own: "Ver·mittler" is no split.
PREFIXES = frozenset({"ver", "ent", "zer", "emp", "miss", "be", "er", "ge", "vor", "nach",
                      "aus", "ein", "auf", "mit", "ab", "an", "um", "zu", "über", "unter"})
# Word endings that happen to be words too: "Erzieher·innen" is no compound.
SUFFIXES = frozenset({"innen", "nen", "schaft", "schaften", "heit", "keit", "ung", "ungen", "lich",
                      "isch", "chen", "lein", "tum", "nis", "sam", "bar", "haft"})
# Very common short words that wordfreq knows well but that are never "hard".
FUNCTION_WORDS = frozenset(RELATIVE | CLAUSE_JOINERS | FINITE_AUX | NEGATIONS)


def public_body(word: str) -> bool:
    """Whether ``word`` (any case, Mediopunkt, hyphen or genitive ending) names one of
    :data:`PUBLIC_BODIES`."""
    key = word.replace("·", "").replace("-", "").lower()
    return any(key.removesuffix(end) in PUBLIC_BODIES for end in ("es", "s", ""))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a German word is (Zipf scale, 0 = unknown, 7 = very common)."""
    return float(max(_zipf(word), _zipf(word.lower())))


def _zipf(word: str) -> float:
    store = lexstore.store()
    if store is not None and lexstore.plain_letters(word):
        return store.zipf(word.casefold())
    return float(lexstore.library_zipf(word))


def hyphenation_points(word: str) -> list[int]:
    """pyphen's ``Pyphen(lang="de_DE").positions(word)`` (from the precomputed patterns)."""
    store = lexstore.store()
    if store is None:
        return [int(p) for p in _hyphenator().positions(word)]
    right = len(word) - 2
    return [i for i in store.hyph_positions(word) if 2 <= i <= right]


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="de_DE")


@lru_cache(maxsize=8192)
def split_compound(word: str, min_zipf: float = 3.2) -> tuple[str, ...] | None:
    """Split a compound noun into known words at a hyphenation point, recursively.

    ``Bushaltestelle`` → (``Bus``, ``haltestelle``) → (``Bus``, ``halte``, ``stelle``)
    when each part is a common word (a linking ``s`` is allowed: ``Aktions·plan``).
    ``None`` when no split into known words exists.
    """
    best: tuple[float, tuple[str, ...]] | None = None
    for pos in hyphenation_points(word):
        head, tail = word[:pos], word[pos:]
        if len(head) < 3 or len(tail) < 3 or head.lower() in PREFIXES \
                or tail.lower() in SUFFIXES:
            continue
        head_score = max(zipf(head), zipf(head[:-1]) if head.endswith("s") else 0.0)
        tail_score = zipf(tail.capitalize())
        if head_score < min_zipf or tail_score < min_zipf:
            continue
        score = min(head_score, tail_score)
        if best is None or score > best[0]:
            best = (score, (head, tail))
    if best is None:
        return None
    head, tail = best[1]
    rest = split_compound(tail.capitalize(), min_zipf) if len(tail) >= 8 else None
    return (head, *(p.lower() for p in rest)) if rest else (head, tail)
