"""Roll-ups of an evaluation: per life area, goal, UN-CRPD article, responsible office,
overall. Offices are named as in the area's office registry where it has one.

Each group row counts measures by status and gives the mean progress, the number of
overdue measures (end date before the reference date and not done, dropped or ongoing)
and of stale ones (no recorded update for ``evaluation.stale_months`` months).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal

from attrs import frozen

from ..base.dates import add_months
from ..documents.domain_checks import all_goals
from ..model import Area, Evaluation, EvaluationEntry, Goal, Measure, MeasureStatus, Plan
from ..model.goals import office_label

STATUSES: tuple[MeasureStatus, ...] = tuple(MeasureStatus)
CLOSED: frozenset[MeasureStatus] = frozenset(
    {MeasureStatus.DONE, MeasureStatus.DROPPED, MeasureStatus.ONGOING})


@frozen
class Row:
    """One group (a life area, an article, an office, or everything)."""

    key: str
    name: str
    total: int
    counts: tuple[int, ...]
    mean_progress: Decimal | None
    overdue: int = 0
    stale: int = 0

    @property
    def mean(self) -> str:
        return "–" if self.mean_progress is None else f"{self.mean_progress} %"

    def as_dict(self) -> dict[str, object]:
        return {"key": self.key, "name": self.name, "total": self.total,
                "counts": {s.value: c for s, c in zip(STATUSES, self.counts, strict=True)},
                "mean_progress": None if self.mean_progress is None else int(self.mean_progress),
                "overdue": self.overdue, "stale": self.stale}


@frozen
class Rollups:
    """Every roll-up of one evaluation, plus the overdue and stale measures by id."""

    reference_date: dt.date
    overall: Row
    life_areas: tuple[Row, ...]
    articles: tuple[Row, ...]
    offices: tuple[Row, ...]
    overdue: tuple[str, ...]
    stale: tuple[str, ...]
    goals: tuple[Row, ...] = ()
    """One row per goal (a measure counts for the goals it names and every goal above)."""

    def as_dict(self) -> dict[str, object]:
        return {"reference_date": self.reference_date.isoformat(),
                "overall": self.overall.as_dict(),
                "life_areas": [r.as_dict() for r in self.life_areas],
                "articles": [r.as_dict() for r in self.articles],
                "offices": [r.as_dict() for r in self.offices],
                "goals": [r.as_dict() for r in self.goals],
                "overdue": list(self.overdue), "stale": list(self.stale)}


def is_overdue(entry: EvaluationEntry, measure: Measure | None, on: dt.date) -> bool:
    return (measure is not None and measure.end is not None and measure.end < on
            and entry.status not in CLOSED)


def is_stale(entry: EvaluationEntry, since: dt.date | None, on: dt.date, months: int) -> bool:
    """No update within ``months`` before ``on``; ``since`` is used when nothing was recorded.

    Closed measures (done, dropped) are never stale.
    """
    if entry.status in (MeasureStatus.DONE, MeasureStatus.DROPPED):
        return False
    last = entry.last_update or since
    return last is None or last <= add_months(on, -months)


def row(key: str, name: str, entries: list[EvaluationEntry],
        overdue: Iterable[str] = (), stale: Iterable[str] = ()) -> Row:
    counts = tuple(sum(1 for e in entries if e.status is s) for s in STATUSES)
    mean = None
    if entries:
        mean = (Decimal(sum(e.progress for e in entries)) / len(entries)).quantize(
            Decimal("1"), ROUND_HALF_UP)
    ids = {e.measure for e in entries}
    return Row(key, name, len(entries), counts, mean,
               overdue=len(ids & set(overdue)), stale=len(ids & set(stale)))


def _groups(evaluation: Evaluation, measures: dict[str, Measure],
            keys: Callable[[Measure], Iterable[str]]) -> dict[str, list[EvaluationEntry]]:
    out: dict[str, list[EvaluationEntry]] = {}
    for entry in evaluation.entries:
        measure = measures.get(entry.measure)
        if measure is None:
            continue
        for key in keys(measure):
            out.setdefault(key, []).append(entry)
    return out


def _goal_keys(goals: list[Goal]) -> Callable[[Measure], list[str]]:
    parents = {g.id: g.parent for g in goals}

    def keys(measure: Measure) -> list[str]:
        out: list[str] = []
        for goal in measure.goals:
            current, seen = goal, set()
            while current and current not in seen:
                seen.add(current)
                out.append(current)
                current = parents.get(current, "")
        return list(dict.fromkeys(out))

    return keys


def summarise(evaluation: Evaluation, plan: Plan, area: Area | None = None) -> Rollups:
    """All roll-ups of ``evaluation`` against the measures of ``plan`` (and the goals and
    office registry of ``area``)."""
    measures = {m.id: m for m in plan.measures}
    on = evaluation.reference_date
    since = plan.adoption.date if plan.adoption else None
    overdue = tuple(e.measure for e in evaluation.entries
                    if is_overdue(e, measures.get(e.measure), on))
    stale = tuple(e.measure for e in evaluation.entries
                  if is_stale(e, on if evaluation.reported else
                              since or _start(measures.get(e.measure)), on,
                              evaluation.stale_months))
    names = {la.id: la.name for la in plan.life_areas}
    by_area = _groups(evaluation, measures, lambda m: m.life_areas)
    by_article = _groups(evaluation, measures, lambda m: [str(a) for a in m.crpd_articles])
    offices = area.offices if area else ()
    by_office = _groups(evaluation, measures, lambda m: [
        office_label(offices, m.responsible_office) or "(ohne Zuständigkeit)"])
    goals = all_goals(plan, area)
    by_goal = _groups(evaluation, measures, _goal_keys(goals))
    return Rollups(
        reference_date=on,
        overall=row("gesamt", "Gesamt", list(evaluation.entries), overdue, stale),
        life_areas=tuple(row(la.id, names[la.id], by_area.get(la.id, []), overdue, stale)
                         for la in plan.life_areas),
        articles=tuple(row(k, f"Artikel {k}", by_article[k], overdue, stale)
                       for k in sorted(by_article, key=int)),
        offices=tuple(row(k, k, by_office[k], overdue, stale) for k in sorted(by_office)),
        overdue=overdue, stale=stale,
        goals=tuple(row(g.id, g.name, by_goal[g.id], overdue, stale) for g in goals
                    if g.id in by_goal))


def _start(measure: Measure | None) -> dt.date | None:
    return measure.start if measure is not None else None


def by_life_area(evaluation: Evaluation, plan: Plan) -> list[Row]:
    """One row per life area of ``plan`` (a measure in two areas counts in both)."""
    return list(summarise(evaluation, plan).life_areas)


def overall(evaluation: Evaluation, plan: Plan | None = None) -> Row:
    """The row over all entries (with overdue/stale counts when ``plan`` is given)."""
    if plan is None:
        return row("gesamt", "Gesamt", list(evaluation.entries))
    return summarise(evaluation, plan).overall
