"""Roll-ups of an evaluation: counts by status and mean progress, per life area and overall."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from attrs import frozen

from .model import Evaluation, EvaluationEntry, MeasureStatus, Plan


@frozen
class Row:
    """One group (a life area, or everything): how many measures in which status."""

    key: str
    name: str
    total: int
    counts: tuple[int, ...]
    mean_progress: Decimal | None

    @property
    def mean(self) -> str:
        return "–" if self.mean_progress is None else f"{self.mean_progress} %"


STATUSES: tuple[MeasureStatus, ...] = tuple(MeasureStatus)


def row(key: str, name: str, entries: list[EvaluationEntry]) -> Row:
    counts = tuple(sum(1 for e in entries if e.status is s) for s in STATUSES)
    mean = None
    if entries:
        mean = (Decimal(sum(e.progress for e in entries)) / len(entries)).quantize(
            Decimal("1"), ROUND_HALF_UP)
    return Row(key, name, len(entries), counts, mean)


def by_life_area(evaluation: Evaluation, plan: Plan) -> list[Row]:
    """One row per life area of ``plan`` (a measure in two areas counts in both)."""
    measures = {m.id: m for m in plan.measures}
    return [row(la.id, la.name, [e for e in evaluation.entries if e.measure in measures
                                 and la.id in measures[e.measure].life_areas])
            for la in plan.life_areas]


def overall(evaluation: Evaluation) -> Row:
    return row("gesamt", "Gesamt", list(evaluation.entries))
