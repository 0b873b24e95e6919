"""The evaluation report: counts by status, mean progress, overdue and stale measures,
overall and per life area, UN-CRPD article and responsible office."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from teilhabe_core import rollup
from teilhabe_core.errors import ExportError
from teilhabe_core.export import ExportContext, Exporter, Output, file_stem
from teilhabe_core.labels import label, vocabulary
from teilhabe_core.model import Evaluation, Plan
from teilhabe_core.templating import environment, stylesheet

HERE = Path(__file__).parent / "templates"


def report_data(evaluation: Evaluation, context: ExportContext) -> dict[str, Any]:
    """Template data of an evaluation report: the plan, roll-ups and labels."""
    plan: Plan | None = None
    if context.documents is not None:
        plan = next((p for p in context.documents.plans if p.id == evaluation.plan), None)
    if plan is None:
        raise ExportError(f"Der evaluierte Plan '{evaluation.plan}' wurde nicht gefunden.")
    summary = rollup.summarise(evaluation, plan)
    return {
        "evaluation": evaluation,
        "plan": plan,
        "measures": {m.id: m for m in plan.measures},
        "statuses": [label(s) for s in rollup.STATUSES],
        "rollups": summary,
        "rows": list(summary.life_areas),
        "overall": summary.overall,
        "vocab": vocabulary(context.area),
        "area_name": context.area.name if context.area else "",
        "variant": "long", "variant_label": "Evaluationsbericht", "root": "",
        "has_examples": evaluation.example,
        "page_title": evaluation.title or f"Evaluation {plan.title}",
    }


class EvaluationHtml(Exporter):
    identifier = "evaluation-html"
    name = "Evaluationsbericht (HTML)"
    description = "Stand der Maßnahmen nach Status und Fortschritt, je Lebensbereich."
    accepts = (Evaluation,)
    media_type = "text/html"
    extension = "html"

    def render(self, document: Evaluation, context: ExportContext) -> Sequence[Output]:
        env = environment([*context.templates_dirs, HERE])
        html = env.get_template("evaluation.html.j2").render(**report_data(document, context))
        return [Output(f"{file_stem(document)}.html", html), stylesheet()]


class EvaluationMarkdown(Exporter):
    identifier = "evaluation-markdown"
    name = "Evaluationsbericht (Markdown)"
    description = "Stand der Maßnahmen nach Status und Fortschritt, je Lebensbereich."
    accepts = (Evaluation,)
    media_type = "text/markdown"
    extension = "md"

    def render(self, document: Evaluation, context: ExportContext) -> Sequence[Output]:
        env = environment([*context.templates_dirs, HERE], markdown=True)
        text = env.get_template("evaluation.md.j2").render(**report_data(document, context))
        return [Output(f"{file_stem(document)}.md", text)]
