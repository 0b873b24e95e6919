"""Nienburg: concept → workshop → working groups → draft → council (paper 2019/066).

Rule ``nienburg.working-groups``: one working group per field of action
(Arbeitsgruppen = Handlungsfelder), each field covered by exactly one group.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from teilhabe_core.model import Plan
from teilhabe_core.plugin import (
    AreaSource,
    Finding,
    GuardContext,
    RuleContext,
    WorkflowSource,
    area_from_folder,
    hookimpl,
    rule_finding,
)

HERE = Path(__file__).parent
RULE = "nienburg.working-groups"


@hookimpl
def teilhabe_areas() -> list[AreaSource]:
    return [area_from_folder(HERE)]


@hookimpl
def teilhabe_validate(document: Any, context: RuleContext) -> Sequence[Finding]:
    if not isinstance(document, Plan) or context.area is None:
        return []
    groups = context.area.working_groups
    findings: list[Finding] = []
    for i, field in enumerate(document.life_areas):
        covering = [g.name for g in groups if field.id in g.life_areas]
        if len(covering) != 1:
            found = ", ".join(covering) if covering else "keine"
            findings.append(rule_finding(
                RULE, f"life_areas[{i}]",
                f"Für das Handlungsfeld '{field.name}' muss es genau eine Arbeitsgruppe geben "
                f"(gefunden: {found}).",
                f"The field of action '{field.name}' needs exactly one working group "
                f"(found: {found})."))
    return findings


@hookimpl
def teilhabe_workflows() -> list[WorkflowSource]:
    return [WorkflowSource(p) for p in sorted((HERE / "workflows").glob("*.yaml"))]


def fields_have_groups(document: Any, context: GuardContext) -> bool | str:
    """The workshop fixed the fields only when each has exactly one working group."""
    problems = teilhabe_validate(document, context.rules)
    return True if not problems else problems[0].message


@hookimpl
def teilhabe_guards() -> dict[str, Any]:
    return {"nienburg.fields_have_groups": fields_have_groups}


@hookimpl
def teilhabe_exporters() -> list[type[Any]]:
    from .exporters import PaperPrint

    return [PaperPrint]
