"""The evaluation report: counts by status, mean progress, overdue and stale measures,
overall and per life area, UN-CRPD article and responsible office."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teilhabe_core.base.i18n import N_
from teilhabe_core.model import Evaluation
from teilhabe_core.publish.api import ExportContext, Exporter, Output, file_stem
from teilhabe_core.publish.reporting import evaluation_report_data
from teilhabe_core.publish.templating import environment, stylesheet

HERE = Path(__file__).parent / "templates"


class EvaluationHtml(Exporter):
    identifier = "evaluation-html"
    name = N_("Evaluation report (HTML)")
    description = N_("State of the measures by status and progress, per life area.")
    accepts = (Evaluation,)
    media_type = "text/html"
    extension = "html"

    def render(self, document: Evaluation, context: ExportContext) -> Sequence[Output]:
        env = environment([*context.templates_dirs, HERE])
        data = evaluation_report_data(document, context)
        html = env.get_template("evaluation.html.j2").render(**data)
        return [Output(f"{file_stem(document)}.html", html), stylesheet()]


class EvaluationMarkdown(Exporter):
    identifier = "evaluation-markdown"
    name = N_("Evaluation report (Markdown)")
    description = N_("State of the measures by status and progress, per life area.")
    accepts = (Evaluation,)
    media_type = "text/markdown"
    extension = "md"

    def render(self, document: Evaluation, context: ExportContext) -> Sequence[Output]:
        env = environment([*context.templates_dirs, HERE], markdown=True)
        data = evaluation_report_data(document, context)
        text = env.get_template("evaluation.md.j2").render(**data)
        return [Output(f"{file_stem(document)}.md", text)]
