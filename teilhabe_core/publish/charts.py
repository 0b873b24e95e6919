"""Inline SVG line charts of indicators: no JavaScript, with title and description.

Each breakdown is its own line with its own dash pattern and marker shape, so series are
told apart without colour (WCAG 1.4.1); baseline and target are dashed reference lines.
Every text is escaped. The same data is always published as a table beside the chart.
Dates and numbers are German (``31.12.2023``, ``57,5``); breakdown values are shown with the
area's German labels (``breakdown_labels`` of the area profile: ``female`` → ``weiblich``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from html import escape

from ..base.german import date_long, date_short
from ..base.german import number as _de
from ..evaluation.indicators import series
from ..model import Indicator

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 16, 40
STYLES = (  # colour (≥ 3:1 on white), dash pattern, marker
    ("#1a4f8b", "", "circle"),
    ("#a51d2d", "6 3", "square"),
    ("#1e6b3a", "2 3", "diamond"),
    ("#5b2a86", "8 3 2 3", "triangle"),
    ("#333333", "1 2", "circle"),
)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return (f'<rect x="{_num(x - 4)}" y="{_num(y - 4)}" width="8" height="8" '
                f'fill="{colour}"/>')
    if kind == "diamond":
        pts = f"{_num(x)},{_num(y - 5)} {_num(x + 5)},{_num(y)} {_num(x)},{_num(y + 5)} " \
              f"{_num(x - 5)},{_num(y)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    if kind == "triangle":
        pts = f"{_num(x)},{_num(y - 5)} {_num(x + 5)},{_num(y + 4)} {_num(x - 5)},{_num(y + 4)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="{colour}"/>'


def indicator_svg(indicator: Indicator, element_id: str,
                  labels: Mapping[str, str] | None = None) -> str:
    """An accessible SVG chart of ``indicator``; ``element_id`` makes its ids unique,
    ``labels`` name the breakdown values (the area's ``breakdown_labels``)."""
    groups = series(indicator)
    points = [p for s in groups for p in s.points]
    uid = escape(element_id)
    title = escape(f"{indicator.name} ({indicator.unit})" if indicator.unit else indicator.name)
    values = [p.value for p in points]
    for ref in (indicator.baseline, indicator.target):
        if ref is not None:
            values.append(ref)
    dates = [p.date for p in points]
    if not points:
        desc = "Es liegen noch keine Messwerte vor."
    else:
        desc = (f"{len(points)} Messwerte vom {date_long(min(dates))} bis "
                f"{date_long(max(dates))}"
                + (f"; Ausgangswert {_de(indicator.baseline)}"
                   if indicator.baseline is not None else "")
                + (f"; Zielwert {_de(indicator.target)}" if indicator.target is not None else "")
                + ". Die Werte stehen in der Tabelle unter der Grafik.")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
           f'aria-labelledby="{uid}-t {uid}-d">',
           f'<title id="{uid}-t">{title}</title>',
           f'<desc id="{uid}-d">{escape(desc)}</desc>']
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    out.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#ffffff" '
               f'stroke="#555555"/>')
    if points:
        low = float(min(min(values), Decimal(0)))
        high = float(max(values))
        if high == low:
            high = low + 1
        first, last = min(dates), max(dates)
        span = max((last - first).days, 1)

        def x_of(day: dt.date) -> float:
            if first == last:
                return LEFT + plot_w / 2
            return LEFT + plot_w * (day - first).days / span

        def y_of(value: Decimal) -> float:
            return TOP + plot_h - plot_h * (float(value) - low) / (high - low)

        for text, value in ((_de(Decimal(str(low))), low), (_de(Decimal(str(high))), high)):
            y = y_of(Decimal(str(value)))
            out.append(f'<text x="{LEFT - 6}" y="{_num(y + 4)}" text-anchor="end" '
                       f'font-size="12" fill="#222222">{escape(text)}</text>')
        for day, anchor in ((first, "start"), (last, "end")):
            out.append(f'<text x="{_num(x_of(day))}" y="{HEIGHT - BOTTOM + 18}" '
                       f'text-anchor="{anchor}" font-size="12" fill="#222222">'
                       f'{date_short(day)}</text>')
        legend_y = TOP + 12
        for label, ref in (("Ausgangswert", indicator.baseline), ("Ziel", indicator.target)):
            if ref is None:
                continue
            y = y_of(ref)
            out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{_num(y)}" y2="{_num(y)}" '
                       f'stroke="#555555" stroke-dasharray="4 4"/>')
            out.append(f'<text x="{LEFT + plot_w + 6}" y="{_num(y + 4)}" font-size="12" '
                       f'fill="#222222">{escape(label)} {escape(_de(ref))}</text>')
        for index, s in enumerate(groups):
            colour, dash, marker = STYLES[index % len(STYLES)]
            coords = " ".join(f"{_num(x_of(p.date))},{_num(y_of(p.value))}" for p in s.points)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                       f'stroke-width="2"{dash_attr}/>')
            out.extend(_marker(marker, x_of(p.date), y_of(p.value), colour) for p in s.points)
            if len(groups) > 1:
                y = legend_y + 40 + 18 * index
                out.append(_marker(marker, LEFT + plot_w + 12, y - 4, colour))
                out.append(f'<text x="{LEFT + plot_w + 22}" y="{y}" font-size="12" '
                           f'fill="#222222">{escape(s.labelled(labels or {}))}</text>')
    out.append("</svg>")
    return "".join(out)
