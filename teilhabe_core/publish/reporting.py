"""Template data shared by every evaluation report exporter (built-in and county ones)."""

from __future__ import annotations

from typing import Any

from ..base.errors import ExportError
from ..base.i18n import _
from ..evaluation import rollup
from ..evaluation.costs import cost_rollups
from ..evaluation.round import is_round_of, round_status
from ..model import Evaluation, Plan
from ..model.labels import label, vocabulary
from .api import ExportContext


def evaluation_report_data(evaluation: Evaluation, context: ExportContext) -> dict[str, Any]:
    """The evaluated plan, all roll-ups and labels; :class:`ExportError` if the plan is
    not among the area's documents."""
    plan: Plan | None = context.documents.plan(evaluation.plan) if context.documents else None
    if plan is None:
        raise ExportError(_("The evaluated plan '{plan}' was not found.", plan=evaluation.plan))
    summary = rollup.summarise(evaluation, plan, context.area)
    answers = (round_status(evaluation, plan, context.area.offices if context.area else (),
                            evaluation.reference_date)
               if is_round_of(evaluation, plan.id) else None)
    titles = {m.id: m.title for m in plan.measures}
    funding = context.app.funding_programmes() if context.app is not None else ()
    return {
        "evaluation": evaluation,
        "plan": plan,
        "measures": {m.id: m for m in plan.measures},
        "statuses": [label(s) for s in rollup.STATUSES],
        "rollups": summary,
        "rows": list(summary.life_areas),
        "costs": cost_rollups(plan, funding),
        "overall": summary.overall,
        "vocab": vocabulary(context.area),
        "area_name": context.area.name if context.area else "",
        "variant": "long", "variant_label": "Evaluationsbericht", "root": "",
        "has_examples": evaluation.example,
        "page_title": evaluation.title or f"Evaluation {plan.title}",
        "round": answers,
        "round_names": None if answers is None else {
            "returned": [s.name for s in answers.returned],
            "missing": [s.name for s in answers.missing],
            "unreported": [titles[m] for m in answers.unreported]},
    }
