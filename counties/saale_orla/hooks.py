"""Saale-Orla: a work plan of dated phases ending in a council decision.

Rule ``saale_orla.phases``: the phases follow each other without gap or overlap and lie
inside the work plan's period.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from teilhabe_core.model import Glossary, Plan
from teilhabe_core.plugin import (
    AreaSource,
    Bilingual,
    Finding,
    GuardContext,
    RuleContext,
    WorkflowSource,
    area_from_folder,
    date_text,
    hookimpl,
    load_glossary,
    rule_finding,
)

HERE = Path(__file__).parent
RULE = "saale_orla.phases"


@hookimpl
def teilhabe_areas() -> list[AreaSource]:
    return [area_from_folder(HERE)]


@hookimpl
def teilhabe_validate(document: Any, context: RuleContext) -> Sequence[Finding]:
    if not isinstance(document, Plan) or not document.phases:
        return []
    findings: list[Finding] = []
    phases = list(document.phases)
    for i, (before, after) in enumerate(itertools.pairwise(phases), start=1):
        expected = before.end + dt.timedelta(days=1)
        if after.start != expected:
            kind = "Lücke" if after.start > expected else "Überschneidung"
            findings.append(rule_finding(
                RULE, f"phases[{i}].start",
                f"{kind} zwischen den Phasen '{before.title}' und '{after.title}': die Phase "
                f"sollte am {date_text(expected, 'de')} beginnen.",
                f"{'Gap' if kind == 'Lücke' else 'Overlap'} between phases: expected start "
                f"{date_text(expected, 'en')}."))
    period = document.period
    if period is not None:
        for i, phase in enumerate(phases):
            if not (period.contains(phase.start) and period.contains(phase.end)):
                findings.append(rule_finding(
                    RULE, f"phases[{i}]",
                    f"Die Phase '{phase.title}' liegt nicht im Zeitraum des Arbeitsplans.",
                    f"The phase '{phase.title}' lies outside the work plan's period."))
    return findings


@hookimpl
def teilhabe_workflows() -> list[WorkflowSource]:
    return [WorkflowSource(p) for p in sorted((HERE / "workflows").glob("*.yaml"))]


def phase_begun(document: Any, context: GuardContext) -> bool | Bilingual:
    """A phase is completed no earlier than the day it begins."""
    state = context.event.from_state
    phase = next((p for p in getattr(document, "phases", ()) if p.id == state), None)
    if phase is None:
        return Bilingual(f"die Phase '{state}' fehlt im Arbeitsplan",
                         f"the phase '{state}' is missing in the work plan")
    if context.event.at.date() < phase.start:
        return Bilingual(f"die Phase '{phase.title}' beginnt erst am "
                         f"{date_text(phase.start, 'de')}",
                         f"the phase '{phase.title}' begins only on {date_text(phase.start, 'en')}")
    return True


@hookimpl
def teilhabe_guards() -> dict[str, Any]:
    return {"saale_orla.phase_begun": phase_begun}


@hookimpl
def teilhabe_exporters() -> list[type[Any]]:
    from .exporters import WorkPlanTimeline

    return [WorkPlanTimeline]


@hookimpl
def teilhabe_glossary() -> list[Glossary]:
    return [load_glossary(HERE / "glossary.yaml")]
