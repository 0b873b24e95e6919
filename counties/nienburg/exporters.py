"""Nienburg: the council paper as a print document in the layout of paper 2019/066."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teilhabe_core.model import CouncilPaper
from teilhabe_core.plugin import (
    ExportContext,
    Exporter,
    Output,
    measures_of_paper,
    render_page,
    slug,
    stylesheet,
)

TEMPLATES = Path(__file__).parent / "templates"


class PaperPrint(Exporter):
    identifier = "nienburg-vorlage"
    name = "Vorlage als Druckdokument (Landkreis Nienburg/Weser)"
    description = ("Vorlage im Layout des Landkreises: Kopf mit Behörde und Fachbereich, "
                   "Nummer, Datum, öffentlich/nichtöffentlich, Beschlussvorschlag, "
                   "Beratungsfolge, Sachverhalt, finanzielle Auswirkungen, Anlagen.")
    name_en = "Council paper as a print document (Landkreis Nienburg/Weser)"
    description_en = ("Council paper in the county's layout: head with authority and "
                      "department, number, date, public/non-public, proposed resolution, "
                      "consultations, facts, financial impact, annexes.")
    accepts = (CouncilPaper,)
    media_type = "text/html"
    extension = "html"

    def render(self, document: CouncilPaper, context: ExportContext) -> Sequence[Output]:
        bodies = {b.id: b.name for b in context.area.bodies} if context.area else {}
        plans = context.documents.plans if context.documents else ()
        steps = [s for s in (context.area.participation if context.area else ())
                 if s.paper == document.reference]
        linked = measures_of_paper(document, plans)
        html = render_page(context, "nienburg_vorlage.html.j2", [TEMPLATES], paper=document,
                           body_name=lambda i: bodies.get(i, i),
                           plans=[p for p in plans if document.reference in p.papers],
                           linked=linked, steps=steps,
                           has_examples=any(m.example for _, m in linked),
                           page_title=f"Vorlage {document.reference}: {document.title}")
        return [Output(f"vorlage-{slug(document.reference)}.html", html), stylesheet()]
