"""Saale-Orla: the work plan 2022–2025 as a timeline of its phases (SVG and table)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from teilhabe_core.model import Plan
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
WIDTH, ROW = 720, 34


def bars(plan: Plan) -> list[dict[str, Any]]:
    """Bar geometry of each phase on a time axis from the first start to the last end."""
    first = min(p.start for p in plan.phases)
    last = max(p.end for p in plan.phases)
    span = max((last - first).days, 1)
    out = []
    for index, phase in enumerate(plan.phases):
        x = 200 + (phase.start - first).days * (WIDTH - 210) / span
        w = max((phase.end - phase.start).days * (WIDTH - 210) / span, 3)
        out.append({"phase": phase, "x": round(x, 1), "y": 30 + index * ROW,
                    "w": round(w, 1)})
    return out


def years(plan: Plan) -> list[dict[str, Any]]:
    first = min(p.start for p in plan.phases)
    last = max(p.end for p in plan.phases)
    span = max((last - first).days, 1)
    return [{"year": y, "x": round(200 + (dt.date(y, 1, 1) - first).days * (WIDTH - 210) / span,
                                   1)}
            for y in range(first.year + 1, last.year + 1)]


class WorkPlanTimeline(Exporter):
    identifier = "saale-orla-zeitplan"
    name = "Arbeitsplan als Zeitleiste (Saale-Orla-Kreis)"
    description = "Die Phasen des Arbeitsplans als barrierefreie SVG-Zeitleiste mit Tabelle."
    name_en = "Work plan as a timeline (Saale-Orla-Kreis)"
    description_en = "The phases of the work plan as an accessible SVG timeline with a table."
    accepts = (Plan,)
    media_type = "text/html"
    extension = "html"

    def render(self, document: Plan, context: ExportContext) -> Sequence[Output]:
        if not document.phases:
            raise ExportError("Der Plan hat keine Phasen (phases), die Zeitleiste bleibt leer.")
        html = render_page(context, "saale_orla_zeitplan.html.j2", [TEMPLATES], plan=document,
                           bars=bars(document), years=years(document), width=WIDTH,
                           height=40 + len(document.phases) * ROW,
                           page_title=f"Zeitleiste: {document.title}")
        return [Output(f"zeitplan-{slug(document.id)}.html", html), stylesheet()]
