"""A council paper (Vorlage) as a web page: number, title, date, type, originator,
public or not, decision proposal, facts, financial impact, Beratungsfolge, attachments,
related papers, plans and measures; and its summary in Leichte Sprache
(``--variant easy``).

With ``site_links`` (the publication site sets it) the page links the measures' plan
pages, the related papers' pages and the plan, in the site's folders: the page lives in
``<area>/vorlagen/`` beside ``<area>/lang/`` and ``<area>/fassungen/<plan>/lang/``.
Standalone, it names them without links.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attrs import define, field

from teilhabe_core.base.i18n import N_
from teilhabe_core.model import (
    ConsultationResult,
    ConsultationRole,
    CouncilPaper,
    Measure,
    Plan,
    Variant,
)
from teilhabe_core.model.easy import publishes_easy
from teilhabe_core.model.labels import label
from teilhabe_core.publish.api import ExportContext, Exporter, Output, slug
from teilhabe_core.publish.domain_data import measures_of_paper, paper_page_name
from teilhabe_core.publish.templating import render_page, stylesheet

from .publication import anchor, page_of

HERE = Path(__file__).parent / "templates"


ROLE_EASY = {
    ConsultationRole.DECISION: "Die Gruppe entscheidet über die Vorlage.",
    ConsultationRole.ADVICE: "Die Gruppe spricht vorher über die Vorlage.",
    ConsultationRole.NOTICE: "Die Gruppe hört sich die Vorlage an.",
}
RESULT_EASY = {
    ConsultationResult.PENDING: "Das Ergebnis gibt es noch nicht.",
    ConsultationResult.APPROVED: "Die Gruppe hat Ja gesagt.",
    ConsultationResult.REJECTED: "Die Gruppe hat Nein gesagt.",
    ConsultationResult.NOTED: "Die Gruppe hat die Vorlage gehört.",
    ConsultationResult.DEFERRED: "Die Gruppe spricht später noch einmal darüber.",
    ConsultationResult.AMENDED: "Die Gruppe hat die Vorlage geändert. Dann hat sie Ja gesagt.",
}
"""Leichte Sprache for a consultation's role and result (sentences the checker passes)."""


@define
class PaperOptions:
    site_links: bool = field(default=False, metadata={
        "help": N_("links to the plans, measures and council papers of the website (on the "
                   "website only)")})


class PaperPage(Exporter):
    identifier = "vorlage"
    name = N_("Council paper as a page (HTML)")
    description = N_("A council paper with its proposed resolution, facts, financial impact, "
                      "consultations, annexes and the measures it concerns; also as a summary "
                      "in Leichte Sprache.")
    accepts = (CouncilPaper,)
    media_type = "text/html"
    extension = "html"
    variants = (Variant.LONG, Variant.EASY)
    Options = PaperOptions

    def render(self, document: CouncilPaper, context: ExportContext) -> Sequence[Output]:
        easy = context.variant is Variant.EASY
        data = paper_data(document, context, self.options.site_links)
        html = render_page(  # the easy summary says in its text that examples are examples
            context, "paper.html.j2", [HERE], **data,
            variant="easy" if easy else "long", variant_label=label(context.variant) if easy
            else "", has_examples=False if easy else data["linked_examples"],
            page_title=(f"Vorlage: {document.title} – Leichte Sprache" if easy
                        else f"Vorlage {document.reference}: {document.title}"))
        return [Output(paper_page_name(document, easy), html), stylesheet()]


def paper_data(paper: CouncilPaper, context: ExportContext, links: bool) -> dict[str, Any]:
    """What ``paper.html.j2`` shows, with the site's links where ``links``."""
    area = context.area
    docs = context.documents
    plans: tuple[Plan, ...] = docs.plans if docs is not None else ()
    current = docs.current_plan() if docs is not None else None
    bodies = {b.id: b.name for b in area.bodies} if area else {}
    public = {p.reference: p for p in (docs.papers if docs is not None else ()) if p.public}

    def plan_folder(plan: Plan) -> str:
        return "../" if plan is current else f"../fassungen/{slug(plan.id)}/"

    def measure_href(plan: Plan, measure: Measure) -> str:
        page = next((page_of(la) for la in plan.life_areas if la.id in measure.life_areas),
                    "index.html")
        return f"{plan_folder(plan)}lang/{page}#{anchor(measure)}" if links else ""

    linked = measures_of_paper(paper, plans)
    own_plans = [p for p in plans if paper.reference in p.papers
                 or (p.adoption is not None and p.adoption.paper == paper.reference)]
    return {
        "paper": paper, "body_name": lambda ident: bodies.get(ident, ident),
        "role_easy": ROLE_EASY, "result_easy": RESULT_EASY,
        "consultations": sorted(paper.consultations,
                                key=lambda c: (c.date is None, c.date or paper.date)),
        "linked": [(p, m, measure_href(p, m)) for p, m in linked],
        "linked_examples": any(m.example for _, m in linked),
        "plans": [(p, f"{plan_folder(p)}lang/index.html" if links else "",
                   f"{plan_folder(p)}leicht/index.html" if links and publishes_easy(p, area)
                   else "", publishes_easy(p, area)) for p in own_plans],
        "related": [(ref, public[ref].title if ref in public else "",
                     paper_page_name(public[ref]) if links and ref in public else "")
                    for ref in paper.related_papers],
        "steps": [s for s in (area.participation if area else ()) if s.paper == paper.reference],
        "participation_href": "../beteiligung/index.html" if links and area
        and area.participation else "",
        "long_href": paper_page_name(paper) if links else "",
        "easy_href": paper_page_name(paper, easy=True) if links and easy_published(context)
        else "",
    }


def easy_published(context: ExportContext) -> bool:
    """Whether the area publishes the Leichte Sprache variant (its profile's default)."""
    area = context.area
    return area is None or Variant.EASY in area.plan_defaults.publication_variants
