"""Evaluations (Evaluationsberichte) of a plan at a reference date."""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from .enums import MeasureStatus


@frozen
class EvaluationEntry:
    """Status and progress (0–100 %) of one measure at the reference date.

    ``last_update`` is the date of the last recorded change of the measure (from its
    history) on or before the reference date, if known.
    """

    measure: str
    status: MeasureStatus
    progress: int = 0
    comment: str = ""
    last_update: dt.date | None = None


@frozen
class Evaluation:
    id: str
    plan: str
    county: str
    reference_date: dt.date
    title: str = ""
    period: str = ""
    authors: str = ""
    summary: str = ""
    entries: tuple[EvaluationEntry, ...] = ()
    stale_months: int = 12
    example: bool = False
