"""Kommune Inklusiv Neuruppin: a social space led by an association, staged selection.

Rule ``neuruppin.sozialraum``: a Sozialraum names the organisation that leads it, and a
funding call's selection ends in fewer places than it started with.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from teilhabe_core.model import Area, AreaKind, FundingCall, Glossary
from teilhabe_core.plugin import (
    AreaSource,
    Finding,
    RuleContext,
    WorkflowSource,
    area_from_folder,
    hookimpl,
    load_glossary,
    rule_finding,
)

HERE = Path(__file__).parent
RULE = "neuruppin.sozialraum"


@hookimpl
def teilhabe_areas() -> list[AreaSource]:
    return [area_from_folder(HERE)]


@hookimpl
def teilhabe_validate(document: Any, context: RuleContext) -> Sequence[Finding]:
    if isinstance(document, Area) and document.kind is AreaKind.SOZIALRAUM \
            and not document.lead_organisation.strip():
        return [rule_finding(RULE, "lead_organisation",
                             "Ein Sozialraum nennt den Träger, der ihn leitet.",
                             "A social space names the organisation that leads it.")]
    if isinstance(document, FundingCall) and len(document.stages) >= 2 \
            and document.stages[-1].candidates >= document.stages[0].candidates:
        return [rule_finding(RULE, f"stages[{len(document.stages) - 1}].candidates",
                             "Am Ende der Auswahl stehen weniger Plätze als Bewerbungen am Anfang.",
                             "A selection ends with fewer places than it started with.")]
    return []


@hookimpl
def teilhabe_workflows() -> list[WorkflowSource]:
    return [WorkflowSource(p) for p in sorted((HERE / "workflows").glob("*.yaml"))]


@hookimpl
def teilhabe_exporters() -> list[type[Any]]:
    from .exporters import SelectionStages

    return [SelectionStages]


@hookimpl
def teilhabe_glossary() -> list[Glossary]:
    return [load_glossary(HERE / "glossary.yaml")]
