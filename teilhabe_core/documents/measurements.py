"""Checks of an indicator's measurements: inside its period, no date and breakdown twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence

from ..base.datetext import date_both
from ..base.errors import Finding
from ..base.messages import finding
from ..model import Indicator, Measurement

Key = tuple[tuple[str, str], ...]
"""A measurement's breakdown, e.g. ``(("gender", "female"),)``."""


def key_of(point: Measurement) -> tuple[dt.date, Key]:
    """Date and breakdown: two measurements with the same key are the same value twice."""
    return point.date, tuple(sorted(point.breakdown.items()))


def measurement_findings(indicator: Indicator, points: Sequence[Measurement],
                         where: Callable[[int], str]) -> Iterator[tuple[int, Finding]]:
    """(index, finding) for points outside the indicator's period (or before its baseline
    date when it has no period) and for repeated date/breakdown pairs; ``where(i)`` names
    point ``i`` in messages and paths."""
    low = indicator.period.start if indicator.period else indicator.baseline_date
    high = indicator.period.end if indicator.period else None
    seen: dict[tuple[dt.date, Key], int] = {}
    for i, point in enumerate(points):
        if (low is not None and point.date < low) or (high is not None and point.date > high):
            yield i, finding("measurement-outside-period", f"{where(i)}.date",
                             date=date_both(point.date), indicator=indicator.id,
                             low=date_both(low) if low else "…",
                             high=date_both(high) if high else "…")
        key = key_of(point)
        if key in seen:
            parts = ", ".join(f"{k}={v}" for k, v in key[1])
            yield i, finding("duplicate-measurement", f"{where(i)}.date",
                             date=date_both(point.date),
                             breakdown=f" ({parts})" if parts else "", first=where(seen[key]))
        else:
            seen[key] = i
