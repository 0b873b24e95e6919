"""The level of a finding: ``error`` means "this sentence is clearly not Leichte Sprache",
``warning`` means "look at this".

The rule sets (BITV 2.0 Anlage 2 Teil 2, Netzwerk Leichte Sprache, DIN SPEC 33429) ask to
*avoid* passive, genitive, subordinate clauses, rare and long words and to write short
sentences; published Leichte Sprache uses one of them now and then in an otherwise short,
plain sentence. Difficulties that come together make a sentence clearly hard. So:

- a sentence with findings of two or more difficulty rules (:attr:`Rule.difficulty
  <teilhabe_core.easy.rules.Rule>`: a long sentence with a clause, a passive with a rare
  word, a genitive with an unsplit long word …) has all those findings as errors;
- otherwise a finding its rule marks as tolerated (:attr:`Hit.tolerated
  <teilhabe_core.easy.rules.Hit>`: one joined clause, one 'werden' passive, one genitive, a
  few words over the limit) is a warning, and every other finding has its rule's level.

docs/easy-language.md gives the sources.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..base.text import Sentence
from .rules import Hit, Rule

ERROR, WARNING = "error", "warning"


def decide(sentences: Sequence[Sentence], found: Sequence[tuple[Rule, Hit]]) -> list[str]:
    """The level of each ``(rule, hit)`` of one text, in order."""
    starts = [s.start for s in sentences]
    where = [bisect_right(starts, hit.start) - 1 for _, hit in found]
    difficulties: dict[int, set[str]] = {}
    for (rule, hit), index in zip(found, where, strict=True):
        if rule.difficulty and hit.counts:
            difficulties.setdefault(index, set()).add(rule.id)
    return [_level(rule, hit, len(difficulties.get(index, ())))
            for (rule, hit), index in zip(found, where, strict=True)]


def _level(rule: Rule, hit: Hit, difficulties: int) -> str:
    if not (rule.difficulty and hit.counts):
        return rule.level
    if difficulties >= 2:
        return ERROR
    return WARNING if hit.tolerated else rule.level
