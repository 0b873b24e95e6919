"""Hooks of the example county: the profile from YAML and one validation rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from teilhabe_core.model import Plan
from teilhabe_core.plugin import (
    AreaSource,
    Finding,
    RuleContext,
    area_from_folder,
    hookimpl,
    rule_finding,
)

HERE = Path(__file__).parent


@hookimpl
def teilhabe_areas() -> list[AreaSource]:
    return [area_from_folder(HERE)]


@hookimpl
def teilhabe_validate(document: Any, context: RuleContext) -> list[Finding]:
    """Rule ``harz.office``: every measure names the office responsible for it."""
    if not isinstance(document, Plan):
        return []
    return [
        rule_finding("harz.office", f"measures[{i}].responsible_office",
                     f"Die Maßnahme '{m.title}' nennt kein zuständiges Amt.",
                     f"The measure '{m.title}' names no responsible office.")
        for i, m in enumerate(document.measures)
        if not m.responsible_office
    ]
