"""Easy-language findings for ``teilhabe validate``.

Every text the Leichte Sprache publication shows of a plan or an area profile (its
``easy_text``s, easy titles and the names its headings use) and every glossary
explanation is checked; those findings are warnings carrying the checker's rule id
(``ls.…``), the character span and the suggestion. Errors: a measure or plan without an
``easy_title`` where the plan is published in Leichte Sprache
(``generic.easy-title-missing``). Warning: a glossary explanation that explains a word
with itself (``generic.glossary-circular``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from teilhabe_core.base.errors import Finding, Level
from teilhabe_core.base.i18n import N_, Msg, both
from teilhabe_core.easy import Checker, EasyFinding
from teilhabe_core.easy.cache import from_environment
from teilhabe_core.easy.explanations import circular_words
from teilhabe_core.model import Area, EasyLanguageSettings, Glossary, Plan
from teilhabe_core.model.easy import publishes_easy
from teilhabe_core.plugin import RuleContext, rule_finding


def _name(path: str, item: Any) -> tuple[str, str]:
    """(path, text) of the name the easy pages show: the easy name, else the name."""
    return (f"{path}easy_name", item.easy_name) if item.easy_name else (f"{path}name", item.name)


def easy_texts(document: Any) -> Iterator[tuple[str, str]]:
    """(field path, text) of every text the easy publication shows of ``document``."""
    if isinstance(document, Area):
        yield _name("", document)
    if isinstance(document, Plan):
        yield "easy_text", document.easy_text
        yield "easy_title", document.easy_title
    if isinstance(document, Plan | Area):
        for i, life_area in enumerate(document.life_areas):
            yield _name(f"life_areas[{i}].", life_area)
            yield f"life_areas[{i}].easy_text", life_area.easy_text
    if isinstance(document, Plan):
        for i, measure in enumerate(document.measures):
            yield f"measures[{i}].easy_title", measure.easy_title
            yield f"measures[{i}].easy_text", measure.easy_text
    if isinstance(document, Area):
        for i, step in enumerate(document.participation):
            yield f"participation[{i}].easy_text", step.easy_text
    if isinstance(document, Glossary):
        for i, entry in enumerate(document.entries):
            yield f"entries[{i}].explanation", entry.explanation


def known_words(document: Any, context: RuleContext) -> list[str]:
    """Names that are never 'hard words': the area's name, its networks and its life
    areas (also in Leichter Sprache)."""
    words: list[str] = []
    areas = [a for a in (context.area, document) if isinstance(a, Area)]
    for area in areas:
        words += [area.name, area.easy_name, area.id, area.lead_organisation]
        words += [network.name for network in area.networks]
    owners: list[Area | Plan] = [*areas, *([document] if isinstance(document, Plan) else [])]
    for owner in owners:
        words += [n for la in owner.life_areas for n in (la.name, la.easy_name)]
    return [w for w in words if w]


def missing_titles(plan: Plan, context: RuleContext) -> Iterator[Finding]:
    """An error per measure (and for the plan) without an easy title, where the plan is
    published in Leichte Sprache."""
    if not publishes_easy(plan, context.area):
        return
    why = Msg(N_("The plan is published in Leichte Sprache too, where the title is the "
                 "heading. Write it in Leichte Sprache under 'easy_title'."))
    if not plan.easy_title:
        yield rule_finding("generic.easy-title-missing", "easy_title",
                           *both(N_("The plan has no title in Leichte Sprache. {why}"),
                                 why=why))
    for i, measure in enumerate(plan.measures):
        if not measure.easy_title:
            yield rule_finding("generic.easy-title-missing", f"measures[{i}].easy_title",
                               *both(N_("The measure '{id}' has no title in Leichte Sprache. "
                                        "{why}"), id=measure.id, why=why))


def circular(glossary: Glossary) -> Iterator[Finding]:
    """A warning per explanation that uses its own word (or a part of it)."""
    for i, entry in enumerate(glossary.entries):
        found = circular_words(entry)
        if found:
            yield rule_finding(
                "generic.glossary-circular", f"entries[{i}].explanation",
                *both(N_("The explanation of '{term}' uses the word itself ({words}); so it "
                         "explains nothing. Explain it with other words."), term=entry.term,
                      words=", ".join(dict.fromkeys(found))), level=Level.WARNING)


def easy_findings(document: Any, context: RuleContext) -> list[Finding]:
    rules: list[Finding] = []
    if isinstance(document, Plan):
        rules.extend(missing_titles(document, context))
    if isinstance(document, Glossary):
        rules.extend(circular(document))
    return rules + _checked(document, context)


def _checked(document: Any, context: RuleContext) -> list[Finding]:
    settings = context.area.easy_language if context.area else EasyLanguageSettings()
    glossary = context.glossary
    if isinstance(document, Glossary):
        glossary = (*glossary, *document.entries)
    checker = Checker(settings, glossary, known_words(document, context), from_environment())
    out = []
    said: dict[EasyFinding, tuple[str, str]] = {}  # texts repeat their findings
    for path, text in easy_texts(document):
        if not text.strip():
            continue
        for f in checker.check(text):
            messages = said.get(f)
            if messages is None:
                messages = said[f] = _messages(f)
            out.append(Finding("easy-language", *messages, path, Level.WARNING, rule=f.rule))
    checker.flush()
    return out


def _messages(f: EasyFinding) -> tuple[str, str]:
    """The German and English message of an easy-language finding."""
    return (f"{f.describe()} Stelle: „{f.excerpt}“",
            f"Easy language ({f.rule}): „{f.excerpt}“ at characters {f.start + 1}–{f.end}. "
            f"{f.suggestion}")
