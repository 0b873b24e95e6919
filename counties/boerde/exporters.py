"""Börde: the evaluation report in the county's own structure (introduction, procedure,
results per Themengebiet, outlook on the Fortschreibung)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teilhabe_core import rollup
from teilhabe_core.errors import ExportError
from teilhabe_core.export import ExportContext, Exporter, Output, file_stem
from teilhabe_core.labels import label
from teilhabe_core.model import Evaluation
from teilhabe_core.templating import render_page, stylesheet

TEMPLATES = Path(__file__).parent / "templates"


class BoerdeEvaluationReport(Exporter):
    identifier = "boerde-evaluationsbericht"
    name = "Evaluationsbericht (Landkreis Börde)"
    description = ("Evaluationsbericht in der Gliederung des Landkreises: Einleitung, "
                   "Vorgehen, Ergebnisse je Themengebiet, Ausblick auf die Fortschreibung.")
    accepts = (Evaluation,)
    media_type = "text/html"
    extension = "html"

    def render(self, document: Evaluation, context: ExportContext) -> Sequence[Output]:
        plan = next((p for p in context.documents.plans if p.id == document.plan), None) \
            if context.documents else None
        if plan is None:
            raise ExportError(f"Der evaluierte Plan '{document.plan}' wurde nicht gefunden.")
        data = {"evaluation": document, "plan": plan,
                "measures": {m.id: m for m in plan.measures},
                "statuses": [label(s) for s in rollup.STATUSES],
                "rollups": rollup.summarise(document, plan),
                "rows": rollup.by_life_area(document, plan),
                "overall": rollup.overall(document, plan),
                "has_examples": document.example,
                "page_title": document.title or f"Evaluation {plan.title}"}
        successors = ([p for p in context.documents.plans if p.supersedes == document.plan]
                      if context.documents else [])
        successor = successors[0] if successors else None
        carried = ({m.id for m in successor.measures} if successor else set())
        html = render_page(context, "boerde_evaluation.html.j2", [TEMPLATES], **data,
                           successor=successor, carried=carried)
        return [Output(f"{file_stem(document)}-bericht.html", html), stylesheet()]
