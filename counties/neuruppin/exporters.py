"""Kommune Inklusiv Neuruppin: the selection stages of the funding call."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teilhabe_core.model import FundingCall
from teilhabe_core.plugin import (
    ExportContext,
    Exporter,
    Output,
    render_page,
    slug,
    stylesheet,
)

TEMPLATES = Path(__file__).parent / "templates"


class SelectionStages(Exporter):
    identifier = "kommune-inklusiv-auswahl"
    name = "Auswahlverfahren (Kommune Inklusiv)"
    description = "Die Stufen des Auswahlverfahrens mit der Zahl der Bewerbungen je Runde."
    name_en = "Selection procedure (Kommune Inklusiv)"
    description_en = ("The stages of the selection procedure with the number of applications "
                      "per round.")
    accepts = (FundingCall,)
    media_type = "text/html"
    extension = "html"

    def render(self, document: FundingCall, context: ExportContext) -> Sequence[Output]:
        programme = None
        if context.app is not None:
            programme = next((p for p in context.app.funding_programmes()
                              if p.id == document.programme), None)
        first = document.stages[0].candidates if document.stages else 0
        html = render_page(context, "neuruppin_auswahl.html.j2", [TEMPLATES], call=document,
                           programme=programme, first=first or 1,
                           page_title=document.name)
        return [Output(f"auswahl-{slug(document.id)}.html", html), stylesheet()]
