"""Generic validation rules that apply to every area's documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from teilhabe_core.base.errors import Finding, Level
from teilhabe_core.base.i18n import N_, both
from teilhabe_core.model import Area, MeasureStatus, Plan, PlanKind, PlanStatus
from teilhabe_core.plugin import RuleContext, hookimpl, rule_finding

from .domain import domain_findings
from .easy_language import easy_findings
from .site import site_findings


@hookimpl
def teilhabe_validate(document: Any, context: RuleContext) -> Sequence[Finding]:
    findings: list[Finding] = []
    if isinstance(document, Plan):
        findings.extend(_plan_rules(document))
    if isinstance(document, Area):
        findings.extend(site_findings(document))
    findings.extend(easy_findings(document, context))
    findings.extend(domain_findings(document, context))
    return findings


def _plan_rules(plan: Plan) -> list[Finding]:
    findings: list[Finding] = []
    used = {la for m in plan.measures for la in m.life_areas}
    for i, life_area in enumerate(plan.life_areas):
        if plan.measures and life_area.id not in used:
            findings.append(rule_finding(
                "generic.life-area-without-measures", f"life_areas[{i}]",
                *both(N_("The life area '{name}' has no measure."), name=life_area.name),
                level=Level.WARNING))
    adopted = (PlanStatus.ADOPTED, PlanStatus.IN_IMPLEMENTATION, PlanStatus.EVALUATED)
    if plan.kind is PlanKind.ACTION_PLAN and plan.status in adopted and plan.adoption is None:
        findings.append(rule_finding(
            "generic.adopted-without-adoption", "adoption",
            *both(N_("The plan is marked adopted, but 'adoption' (body, date) is missing."))))
    for i, measure in enumerate(plan.measures):
        if measure.status is MeasureStatus.DONE and measure.ongoing:
            findings.append(rule_finding(
                "generic.ongoing-done", f"measures[{i}].status",
                *both(N_("An ongoing task (ongoing) cannot be done (done).")),
                level=Level.WARNING))
    return findings
