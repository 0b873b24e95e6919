"""One fact sheet (Steckbrief) page per measure, plus an index page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from attrs import define, field

from teilhabe_core.model import Plan
from teilhabe_core.plugin import (
    ExportContext,
    Exporter,
    Output,
    render_page,
    slug,
    stylesheet,
)

TEMPLATES = Path(__file__).parent / "templates"


@define
class Options:
    only_open: bool = field(default=False, metadata={
        "help": "nur Maßnahmen, die nicht abgeschlossen oder entfallen sind"})


class Steckbrief(Exporter):
    identifier = "steckbrief"
    name = "Maßnahmen-Steckbrief"
    description = "Eine druckbare Seite je Maßnahme mit allen Angaben."
    accepts = (Plan,)
    media_type = "text/html"
    extension = "html"
    Options = Options

    def render(self, document: Plan, context: ExportContext) -> Sequence[Output]:
        measures = [m for m in document.measures
                    if not self.options.only_open or m.status.value not in ("done", "dropped")]
        names = {la.id: la.name for la in document.life_areas}
        outputs = [stylesheet(), Output("index.html", render_page(
            context, "steckbrief_index.html.j2", [TEMPLATES], plan=document,
            measures=measures, slug=slug, page_title=f"Steckbriefe: {document.title}"))]
        for m in measures:
            html = render_page(context, "steckbrief.html.j2", [TEMPLATES], plan=document,
                               m=m, names=names, page_title=f"Steckbrief: {m.title}")
            outputs.append(Output(f"{slug(m.id)}.html", html))
        return outputs
