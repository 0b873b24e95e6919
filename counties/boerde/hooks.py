"""Börde: adopt → evaluate → update every two years.

Rule ``boerde.update-cycle``: a version after the first names its predecessor, an
evaluation of the predecessor exists before the new version is adopted, and the new
version is adopted within the review interval (24 months) of the predecessor.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from teilhabe_core.model import Plan
from teilhabe_core.plugin import (
    AreaSource,
    Finding,
    Level,
    RuleContext,
    WorkflowSource,
    area_from_folder,
    hookimpl,
    rule_finding,
)

HERE = Path(__file__).parent
RULE = "boerde.update-cycle"


@hookimpl
def teilhabe_areas() -> list[AreaSource]:
    return [area_from_folder(HERE)]


def _months_between(start: Any, end: Any) -> int:
    return int((end.year - start.year) * 12 + end.month - start.month - (end.day < start.day))


@hookimpl
def teilhabe_validate(document: Any, context: RuleContext) -> Sequence[Finding]:
    if not isinstance(document, Plan) or document.version < 2:
        return []
    if document.supersedes is None:
        return [rule_finding(RULE, "supersedes",
                             f"Die {document.version}. Fassung muss ihre Vorgängerfassung in "
                             "'supersedes' nennen.",
                             f"Version {document.version} must name its predecessor in "
                             "'supersedes'.")]
    previous = context.plan(document.supersedes)
    if previous is None or previous.adoption is None or document.adoption is None:
        return []
    findings: list[Finding] = []
    evaluations = [e for e in context.evaluations_of(previous.id)
                   if e.reference_date <= document.adoption.date]
    if not evaluations:
        findings.append(rule_finding(
            RULE, "adoption.date",
            f"Vor der Fortschreibung muss die Fassung '{previous.id}' evaluiert sein; es gibt "
            "keine Evaluation vor dem Beschluss.",
            f"Plan '{previous.id}' must be evaluated before it is updated."))
    interval = (context.area.plan_defaults.review_interval_months
                if context.area and context.area.plan_defaults.review_interval_months else 24)
    months = _months_between(previous.adoption.date, document.adoption.date)
    if months > interval:
        findings.append(rule_finding(
            RULE, "adoption.date",
            f"Die Fortschreibung kam {months} Monate nach der Vorgängerfassung; vorgesehen ist "
            f"eine Erneuerung alle {interval} Monate.",
            f"The update came {months} months after its predecessor; the cycle is {interval} "
            "months.", Level.WARNING))
    return findings


@hookimpl
def teilhabe_workflows() -> list[WorkflowSource]:
    return [WorkflowSource(p) for p in sorted((HERE / "workflows").glob("*.yaml"))]


@hookimpl
def teilhabe_exporters() -> list[type[Any]]:
    from .exporters import BoerdeEvaluationReport

    return [BoerdeEvaluationReport]
