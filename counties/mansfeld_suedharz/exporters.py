"""Mansfeld-Südharz: the barrier register (Teilhabebarrieren and the measures against them)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teilhabe_core.model import BarrierStatus, Plan
from teilhabe_core.plugin import (
    ExportContext,
    Exporter,
    ExportError,
    Output,
    render_page,
    slug,
    stylesheet,
)

TEMPLATES = Path(__file__).parent / "templates"


class BarrierRegister(Exporter):
    identifier = "msh-barrierenregister"
    name = "Barrierenregister (Landkreis Mansfeld-Südharz)"
    description = "Alle erfassten Teilhabebarrieren mit Ort, Schwere, Stand und Maßnahmen."
    name_en = "Barrier register (Landkreis Mansfeld-Südharz)"
    description_en = ("Every recorded barrier to participation with place, severity, state and "
                      "measures.")
    accepts = (Plan,)
    media_type = "text/html"
    extension = "html"

    def render(self, document: Plan, context: ExportContext) -> Sequence[Output]:
        if not document.barriers:
            raise ExportError("Der Plan enthält kein Barrierenregister (barriers).")
        names = {la.id: la.name for la in document.life_areas}
        titles = {m.id: m.title for m in document.measures}
        without = [b for b in document.barriers if not b.measures]
        html = render_page(context, "msh_barrieren.html.j2", [TEMPLATES], plan=document,
                           names=names, titles=titles, without=without,
                           open_count=sum(1 for b in document.barriers
                                          if b.status is BarrierStatus.OPEN),
                           has_examples=any(b.example for b in document.barriers),
                           page_title=f"Barrierenregister: {document.title}")
        return [Output(f"barrieren-{slug(document.id)}.html", html), stylesheet()]
