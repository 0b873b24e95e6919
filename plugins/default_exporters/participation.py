"""The page "So haben wir beteiligt" of an area: its participation steps, in standard
German and in Leichte Sprache (``--variant easy``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from attrs import define, field

from teilhabe_core.base.i18n import N_
from teilhabe_core.model import Area, Variant
from teilhabe_core.model.easy import easy_name
from teilhabe_core.model.labels import label
from teilhabe_core.publish.api import ExportContext, Exporter, Output
from teilhabe_core.publish.domain_data import paper_page_name
from teilhabe_core.publish.templating import render_page, stylesheet

from .publication import easy_html

HERE = Path(__file__).parent / "templates"


@define
class ParticipationOptions:
    papers_folder: str = field(default="", metadata={
        "help": N_("relative path to the pages of the council papers (on the website only)")})


class ParticipationPage(Exporter):
    identifier = "beteiligung"
    name = N_("How we involved people (HTML)")
    description = N_("The area's participation steps: format, time, participants, "
                      "accessibility, result and the measures that came of it; also in Leichte "
                      "Sprache (easy-to-read German).")
    accepts = (Area,)
    media_type = "text/html"
    extension = "html"
    variants = (Variant.LONG, Variant.EASY)
    Options = ParticipationOptions

    def render(self, document: Area, context: ExportContext) -> Sequence[Output]:
        plans = context.documents.plans if context.documents else ()
        titles = {p.id: p.title for p in plans}
        bodies = {b.id: b.name for b in document.bodies}
        measures = {s.id: [m for p in plans for m in p.measures if s.id in m.participation]
                    for s in document.participation}
        papers = {p.reference: p for p in (context.documents.papers if context.documents
                                           else ()) if p.public}
        folder = self.options.papers_folder
        easy = context.variant is Variant.EASY
        html = render_page(
            context, "participation.html.j2", [HERE], area=document,
            steps=document.participation, plan_title=lambda i: titles.get(i, i),
            body_name=lambda i: bodies.get(i, i), measures_of=measures,
            paper_href=lambda ref: f"{folder}{paper_page_name(papers[ref])}"
            if folder and ref in papers else "",
            involved=any(s.involves_disabled_people for s in document.participation),
            variant="easy" if easy else "long", variant_label=label(context.variant) if easy
            else "",
            has_examples=any(s.example for s in document.participation)
            or (not easy and any(m.example for ms in measures.values() for m in ms)),
            easy_html=easy_html(context),
            page_title=(f"So haben Menschen mit·gemacht – {easy_name(document)}" if easy
                        else f"So haben wir beteiligt – {document.name}"))
        name = "leicht.html" if easy else "index.html"
        return [Output(name, html), stylesheet()]
