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
    """An evaluation of ``plan`` at ``reference_date``.

    ``reported`` says the entries are the offices' own reports for that date (a status
    round, an evaluation "in Zusammenarbeit mit den Fachämtern"): each entry then counts
    as an update on its ``last_update`` or else on the reference date, so a reported
    measure is never stale. ``due`` is the date by which the offices were asked to report
    (``teilhabe round start --due``).
    """

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
    reported: bool = False
    due: dt.date | None = None
