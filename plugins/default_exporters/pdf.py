"""Accessible PDF (PDF/UA-1) of each plan variant and each evaluation report.

Rendered from the website's templates (the plan's start page and its life area pages, the
report page), joined into one tagged document by :mod:`teilhabe_core.publish.pdf`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from teilhabe_core.model import Evaluation, Plan, Variant
from teilhabe_core.model.easy import easy_name, easy_title
from teilhabe_core.model.labels import label
from teilhabe_core.publish.api import ExportContext, Exporter, Output, file_stem
from teilhabe_core.publish.pdf import join_pages, plan_pdf_name, render_pdf
from teilhabe_core.publish.templating import CORE_TEMPLATES

from .publication import PublicationOptions, plan_pages
from .report import EvaluationHtml


def plan_date(plan: Plan) -> dt.date | None:
    """The date a plan's PDF carries: its adoption, else the start of its period."""
    if plan.adoption is not None:
        return plan.adoption.date
    return plan.period.start if plan.period is not None else None


def _css() -> str:
    return (CORE_TEMPLATES / "style.css").read_text("utf-8")


class PlanPdf(Exporter):
    identifier = "pdf"
    name = "Plan als barrierefreies PDF (PDF/UA)"
    description = ("Der Plan als ein getaggtes PDF (PDF/UA-1) mit Lesezeichen aus den "
                   "Überschriften; Lang-, Kurzfassung oder Leichte Sprache.")
    accepts = (Plan,)
    media_type = "application/pdf"
    extension = "pdf"
    variants = (Variant.LONG, Variant.SHORT, Variant.EASY)
    Options = PublicationOptions

    def render(self, document: Plan, context: ExportContext) -> Sequence[Output]:
        pages = plan_pages(document, context, self.options.include_examples,
                           other_variants=[])
        easy = context.variant is Variant.EASY
        title = f"{easy_title(document) if easy else document.title} – {label(context.variant)}"
        author = "" if context.area is None else easy_name(context.area) if easy \
            else context.area.name
        html = join_pages(title, pages, _css(), plan_date(document), author)
        return [Output(plan_pdf_name(document.id, context.variant), render_pdf(html))]


class EvaluationPdf(Exporter):
    identifier = "evaluation-pdf"
    name = "Evaluationsbericht als barrierefreies PDF (PDF/UA)"
    description = "Der Evaluationsbericht als ein getaggtes PDF (PDF/UA-1)."
    accepts = (Evaluation,)
    media_type = "application/pdf"
    extension = "pdf"

    def render(self, document: Evaluation, context: ExportContext) -> Sequence[Output]:
        page = EvaluationHtml().render(document, context)[0]
        title = document.title or f"Evaluationsbericht {document.id}"
        html = join_pages(title, [(page.name, str(page.content))], _css(),
                          document.reference_date,
                          context.area.name if context.area else "")
        return [Output(f"{file_stem(document)}.pdf", render_pdf(html))]
