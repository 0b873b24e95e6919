"""Mansfeld-Südharz: barrier → measure → implementation.

Rule ``mansfeld_suedharz.barriers``: every barrier is addressed by a measure or marked open.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from teilhabe_core.model import BarrierStatus, Plan
from teilhabe_core.plugin import (
    AreaSource,
    Finding,
    GuardContext,
    RuleContext,
    WorkflowSource,
    area_from_folder,
    hookimpl,
    label,
    rule_finding,
)

HERE = Path(__file__).parent
RULE = "mansfeld_suedharz.barriers"


@hookimpl
def teilhabe_areas() -> list[AreaSource]:
    return [area_from_folder(HERE)]


@hookimpl
def teilhabe_validate(document: Any, context: RuleContext) -> Sequence[Finding]:
    if not isinstance(document, Plan):
        return []
    return [
        rule_finding(RULE, f"barriers[{i}].measures",
                     f"Die Barriere '{b.title}' ist als '{label(b.status)}' markiert, aber keine "
                     "Maßnahme bearbeitet sie. Verknüpfen Sie eine Maßnahme oder setzen Sie "
                     "status: offen.",
                     f"The barrier '{b.title}' is '{b.status.value}' but no measure addresses "
                     "it. Link a measure or set status: open.")
        for i, b in enumerate(document.barriers)
        if not b.measures and b.status is not BarrierStatus.OPEN
    ]


@hookimpl
def teilhabe_workflows() -> list[WorkflowSource]:
    return [WorkflowSource(p) for p in sorted((HERE / "workflows").glob("*.yaml"))]


def barrier_has_measure(document: Any, context: GuardContext) -> bool | str:
    barrier = context.object
    if getattr(barrier, "measures", ()):
        return True
    return "ordnen Sie der Barriere zuerst eine Maßnahme zu (measures)"


@hookimpl
def teilhabe_guards() -> dict[str, Any]:
    return {"mansfeld_suedharz.barrier_has_measure": barrier_has_measure}


@hookimpl
def teilhabe_exporters() -> list[type[Any]]:
    from .exporters import BarrierRegister

    return [BarrierRegister]
