"""Börde: the evaluation report in the county's own structure (introduction, procedure,
results per Themengebiet, outlook on the Fortschreibung)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teilhabe_core.model import Evaluation
from teilhabe_core.plugin import (
    ExportContext,
    Exporter,
    Output,
    evaluation_report_data,
    file_stem,
    render_page,
    stylesheet,
)

TEMPLATES = Path(__file__).parent / "templates"


class BoerdeEvaluationReport(Exporter):
    identifier = "boerde-evaluationsbericht"
    name = "Evaluationsbericht (Landkreis Börde)"
    description = ("Evaluationsbericht in der Gliederung des Landkreises: Einleitung, "
                   "Vorgehen, Ergebnisse je Themengebiet, Ausblick auf die Fortschreibung.")
    name_en = "Evaluation report (Landkreis Börde)"
    description_en = ("Evaluation report in the county's structure: introduction, approach, "
                      "results per topic, outlook on the update.")
    accepts = (Evaluation,)
    media_type = "text/html"
    extension = "html"

    def render(self, document: Evaluation, context: ExportContext) -> Sequence[Output]:
        data = evaluation_report_data(document, context)
        successors = context.documents.successors_of(document.plan) if context.documents else []
        successor = successors[0] if successors else None
        carried = ({m.id for m in successor.measures} if successor else set())
        plan = data["plan"]
        measures_in = {la.id: [m.id for m in plan.measures if la.id in m.life_areas]
                       for la in plan.life_areas}
        html = render_page(context, "boerde_evaluation.html.j2", [TEMPLATES], **data,
                           successor=successor, carried=carried, measures_in=measures_in)
        return [Output(f"{file_stem(document)}-bericht.html", html), stylesheet()]
