"""What changed between two versions of a plan (Fortschreibung).

Measures are matched by their stable ``id``: added (only in the new version), removed
(only in the old one), carried over (in both) and, of those, changed field by field.
Plan-level fields (title, status, period …) are compared too; the lists of measures,
life areas and the rest are compared item by item by id.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
from attrs import frozen

from ..documents.converter import unstructure
from ..model import Measure, MeasureStatus, Plan

PLAN_LISTS = ("life_areas", "cross_cutting_goals", "goals", "phases", "indicators", "transitions",
              "barriers")
IGNORED_PLAN_FIELDS = ("measures", "id", "version", "supersedes")


@frozen
class FieldChange:
    """One field that differs; values are plain data as in the JSON form of a document."""

    field: str
    old: Any
    new: Any


@frozen
class ItemChange:
    """An item (measure, life area, …) present in both versions with changed fields."""

    id: str
    changes: tuple[FieldChange, ...]


@frozen
class PlanDiff:
    old: str
    new: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    carried_over: tuple[str, ...] = ()
    changed: tuple[ItemChange, ...] = ()
    plan_changes: tuple[FieldChange, ...] = ()
    lists: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[ItemChange, ...]], ...] = ()
    """Per other list (life areas, phases …): (name, added ids, removed ids, changed)."""

    @property
    def empty(self) -> bool:
        """No measure added, removed or changed and no other field changed."""
        return not (self.added or self.removed or self.changed or self.plan_changes
                    or self.lists)

    def as_dict(self) -> dict[str, Any]:
        def items(changes: tuple[ItemChange, ...]) -> list[dict[str, Any]]:
            return [{"id": c.id, "changes": [attrs.asdict(f) for f in c.changes]}
                    for c in changes]

        return {
            "old": self.old, "new": self.new,
            "added": list(self.added), "removed": list(self.removed),
            "carried_over": list(self.carried_over), "changed": items(self.changed),
            "plan_changes": [attrs.asdict(f) for f in self.plan_changes],
            "other": [{"list": name, "added": list(a), "removed": list(r),
                       "changed": items(c)} for name, a, r, c in self.lists],
        }


def plain(value: Any) -> Any:
    """A value as JSON-ready data: enums by value, dates as ISO text, money as text."""
    if isinstance(value, dt.date | Decimal):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if attrs.has(type(value)) or isinstance(value, Enum):
        return plain(unstructure(value))
    return value


def _fields(old: Any, new: Any, skip: tuple[str, ...] = ()) -> tuple[FieldChange, ...]:
    out = []
    for name in (f.name for f in attrs.fields(type(old))):
        if name in skip:
            continue
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            out.append(FieldChange(name, plain(before), plain(after)))
    return tuple(out)


def _items(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[
        tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[ItemChange, ...]]:
    before = {item.id: item for item in old}
    after = {item.id: item for item in new}
    added = tuple(i for i in after if i not in before)
    removed = tuple(i for i in before if i not in after)
    both = tuple(i for i in after if i in before)
    changed = tuple(ItemChange(i, ch) for i in both if (ch := _fields(before[i], after[i])))
    return added, removed, both, changed


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Compare two plans (usually version N and N+1 of one plan)."""
    added, removed, carried, changed = _items(old.measures, new.measures)
    lists = []
    for name in PLAN_LISTS:
        a, r, _, c = _items(getattr(old, name), getattr(new, name))
        if a or r or c:
            lists.append((name, a, r, c))
    return PlanDiff(old=old.id, new=new.id, added=added, removed=removed,
                    carried_over=carried, changed=changed,
                    plan_changes=_fields(old, new, IGNORED_PLAN_FIELDS + PLAN_LISTS),
                    lists=tuple(lists))


NEW, CONTINUED, COMPLETED, DROPPED = "new", "continued", "completed", "dropped"


def lineage(plan: Plan, predecessor: Plan | None) -> dict[str, str]:
    """Per measure id of ``plan``: ``new`` or ``continued``; for measures of the
    predecessor that are not carried over: ``completed`` (done) or ``dropped``."""
    if predecessor is None:
        return {}
    before = {m.id: m for m in predecessor.measures}
    out = {m.id: CONTINUED if m.id in before else NEW for m in plan.measures}
    ids = {m.id for m in plan.measures}
    for m in predecessor.measures:
        if m.id not in ids:
            out[m.id] = COMPLETED if m.status is MeasureStatus.DONE else DROPPED
    return out


def measures_of(plan: Plan, ids: tuple[str, ...]) -> list[Measure]:
    by_id = {m.id: m for m in plan.measures}
    return [by_id[i] for i in ids if i in by_id]
