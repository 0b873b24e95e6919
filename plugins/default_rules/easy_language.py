"""Easy-language findings for ``teilhabe validate``: every ``easy_text`` of a plan or an
area profile and every glossary explanation is checked; findings are warnings carrying
the checker's rule id (``ls.…``), the character span and the suggestion."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from teilhabe_core.base.errors import Finding, Level
from teilhabe_core.easy import Checker
from teilhabe_core.easy.cache import from_environment
from teilhabe_core.model import Area, EasyLanguageSettings, Glossary, Plan
from teilhabe_core.plugin import RuleContext


def easy_texts(document: Any) -> Iterator[tuple[str, str]]:
    """(field path, text) of every easy-language text in ``document``."""
    if isinstance(document, Plan):
        yield "easy_text", document.easy_text
    if isinstance(document, Plan | Area):
        for i, life_area in enumerate(document.life_areas):
            yield f"life_areas[{i}].easy_text", life_area.easy_text
    if isinstance(document, Plan):
        for i, measure in enumerate(document.measures):
            yield f"measures[{i}].easy_text", measure.easy_text
    if isinstance(document, Area):
        for i, step in enumerate(document.participation):
            yield f"participation[{i}].easy_text", step.easy_text
    if isinstance(document, Glossary):
        for i, entry in enumerate(document.entries):
            yield f"entries[{i}].explanation", entry.explanation


def known_words(document: Any, context: RuleContext) -> list[str]:
    """Names that are never 'hard words': the area's name and its life areas."""
    words: list[str] = []
    if context.area is not None:
        words += [context.area.name, context.area.id, context.area.lead_organisation]
        words += [la.name for la in context.area.life_areas]
    if isinstance(document, Plan):
        words += [la.name for la in document.life_areas]
    return [w for w in words if w]


def easy_findings(document: Any, context: RuleContext) -> list[Finding]:
    settings = context.area.easy_language if context.area else EasyLanguageSettings()
    glossary = context.glossary
    if isinstance(document, Glossary):
        glossary = (*glossary, *document.entries)
    checker = Checker(settings, glossary, known_words(document, context), from_environment())
    out = []
    for path, text in easy_texts(document):
        if not text.strip():
            continue
        for f in checker.check(text):
            out.append(Finding(code="easy-language", rule=f.rule, path=path,
                               message=f"{f.describe()} Stelle: „{f.excerpt}“",
                               message_en=f"Easy language ({f.rule}): „{f.excerpt}“ at "
                               f"characters {f.start + 1}–{f.end}. {f.suggestion}",
                               level=Level.WARNING))
    checker.flush()
    return out
