"""The overview on an area page: measures of the current plan per status and per life
area, as an accessible bar chart (SVG with ``title``/``desc``, bars labelled with their
numbers, no colour needed to read it) and the same numbers as a table beside it."""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import MeasureStatus, Plan
from ..model.labels import label

BAR_WIDTH, ROW, LABEL_WIDTH = 300, 26, 230


def _counts(plan: Plan) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    by_status = [(label(s), sum(1 for m in plan.measures if m.status is s))
                 for s in MeasureStatus]
    by_area = [(la.name, sum(1 for m in plan.measures if la.id in m.life_areas))
               for la in plan.life_areas]
    return [row for row in by_status if row[1]], by_area


def bar_svg(rows: list[tuple[str, int]], title: str, element_id: str) -> str:
    """A horizontal bar chart of ``rows`` (label, count); every text escaped."""
    uid = escape(element_id)
    top = max((n for _, n in rows), default=0) or 1
    height = ROW * len(rows) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 50
    desc = "; ".join(f"{name}: {n}" for name, n in rows)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" '
             f'aria-labelledby="{uid}-t {uid}-d">',
             f'<title id="{uid}-t">{escape(title)}</title>',
             f'<desc id="{uid}-d">{escape(desc)}</desc>']
    for index, (name, n) in enumerate(rows):
        y = 4 + index * ROW
        bar = round(BAR_WIDTH * n / top)
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 17}" text-anchor="end" '
                     f'font-size="13" fill="#1a1a1a">{escape(name)}</text>')
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{bar}" height="18" '
                     'fill="#1a4f8b"/>')
        parts.append(f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + 17}" font-size="13" '
                     f'fill="#1a1a1a">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def overview(plan: Plan, measures: str = "Maßnahmen",
             life_area: str = "Lebensbereich") -> dict[str, Any]:
    """What the area page shows: both tables' rows and their charts (safe markup)."""
    from markupsafe import Markup

    by_status, by_area = _counts(plan)
    return {
        "total": len(plan.measures),
        "by_status": by_status,
        "by_area": by_area,
        "status_chart": Markup(bar_svg(  # noqa: S704 - bar_svg escapes every text
            by_status, f"{measures} nach Stand: {plan.title}", "uebersicht-stand")),
        "area_chart": Markup(bar_svg(  # noqa: S704 - bar_svg escapes every text
            by_area, f"{measures} je {life_area}: {plan.title}", "uebersicht-bereich")),
    }
