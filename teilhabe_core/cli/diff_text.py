"""``teilhabe diff`` as lines a clerk reads: fields by their names, values as the user
writes them (German dates, labels for fixed values, names for ids, "–" for nothing), in
the current language; ``--json`` keeps the data's own form
(:meth:`~teilhabe_core.evaluation.diff.PlanDiff.as_dict`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from ..base.datetext import EN_LOCALE, date_text, moment_text
from ..base.i18n import _, language, ngettext
from ..evaluation.diff import FieldChange, ItemChange, PlanDiff
from ..model import Adoption, Area, Period, Plan, Publication
from .words import field_name, status_name

LONGEST = 60
"""Characters of a value shown in a line (a longer text is cut with "…")."""
NOTHING = "–"
"""What an empty value is shown as (in both languages)."""


class Names:
    """What the plans' and the area's ids stand for: life areas, goals, indicators,
    participation steps and bodies by their names."""

    def __init__(self, plans: tuple[Plan, ...], area: Area | None) -> None:
        self.table: dict[str, dict[str, str]] = {
            "life_areas": {la.id: la.name for p in plans for la in p.life_areas},
            "goals": {g.id: g.name for p in plans for g in p.goals},
            "indicators": {i.id: i.name for p in plans for i in p.indicators},
            "participation": {s.id: s.title for s in area.participation} if area else {},
            "body": {b.id: b.name for b in area.bodies} if area else {},
        }
        self.table["life_area"] = self.table["life_areas"]
        self.table["parent"] = self.table["goals"]
        self.table["indicator"] = self.table["indicators"]

    def of(self, field: str, ident: str) -> str:
        return self.table.get(field, {}).get(ident, ident)


def shown(field: str, value: Any, names: Names) -> str:
    """``value`` of ``field`` in a line: never ``None``, a Python repr or a field id."""
    if value is None or value == "" or value == () or value == {}:
        return NOTHING
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Enum):
        return status_name(value)
    if isinstance(value, dt.datetime):
        return moment_text(value)
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, Decimal | int | float):
        return _number(value, money=field in ("costs", "amount"))
    if isinstance(value, Period):
        return _period(value)
    if isinstance(value, Adoption):
        text = _("{body} on {date}", body=names.of("body", value.body),
                 date=date_text(value.date))
        return text + (_(" (council paper {paper})", paper=value.paper) if value.paper else "")
    if isinstance(value, Publication):
        return status_name(value.variant) + (
            "" if value.state.value == "published" else f" ({status_name(value.state)})")
    if isinstance(value, tuple | list):
        parts = [shown(field, item, names) for item in value]
        return ("; " if any(attrs.has(type(item)) for item in value) else ", ").join(parts)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {shown(field, item, names)}" for key, item in value.items())
    if attrs.has(type(value)):
        filled = ((f.name, shown(f.name, getattr(value, f.name), names))
                  for f in attrs.fields(type(value)))
        return ", ".join(f"{field_name(name)} {text}" for name, text in filled
                         if text != NOTHING) or NOTHING
    return _quoted(names.of(field, str(value)))


def _number(value: Decimal | int | float, money: bool) -> str:
    from babel.numbers import format_currency, format_decimal

    from ..base.german import money as german_money
    from ..base.german import number as german_number

    if language() == "de":
        return german_money(Decimal(value)) if money else german_number(value)
    if money:
        return str(format_currency(value, "EUR", locale=EN_LOCALE))
    return str(format_decimal(value, locale=EN_LOCALE, decimal_quantization=False))


def _period(period: Period) -> str:
    if period.start and period.end:
        return _("{start} to {end}", start=date_text(period.start), end=date_text(period.end))
    if period.start:
        return _("from {start}", start=date_text(period.start))
    return _("until {end}", end=date_text(period.end)) if period.end else NOTHING


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > LONGEST:
        text = text[:LONGEST - 1].rstrip() + "…"
    return f"„{text}“" if language() == "de" else f"“{text}”"


class Sides:
    """The names of the old version (for old values) and of the new one (for new values):
    a life area renamed is shown by its old name before the arrow."""

    def __init__(self, old: Plan, new: Plan, area: Area | None) -> None:
        self.old, self.new = Names((new, old), area), Names((old, new), area)


def _changes(changes: tuple[FieldChange, ...], old: Any, new: Any, sides: Sides) -> str:
    return "; ".join(field_name(c.field) + ": "
                     + _change(c.field, getattr(old, c.field), getattr(new, c.field), sides)
                     for c in changes)


def _change(field: str, old: Any, new: Any, sides: Sides) -> str:
    """``old → new``; two long texts that would look the same when cut are shown from a
    little before where they differ."""
    before, after = shown(field, old, sides.old), shown(field, new, sides.new)
    if before == after and isinstance(old, str) and isinstance(new, str):
        old, new = " ".join(old.split()), " ".join(new.split())
        same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                    min(len(old), len(new)))
        start = max(0, same - LONGEST // 3)
        before, after = (_quoted("…" + text[start:]) for text in (old, new))
    return f"{before} → {after}"


def _title(item: Any) -> str:
    text = getattr(item, "title", None) or getattr(item, "name", None)
    return f"{item.id}: {text}" if text else str(item.id)


def diff_lines(result: PlanDiff, old: Plan, new: Plan, area: Area | None) -> Iterator[str]:
    """The lines of ``teilhabe diff`` after its heading."""
    names = Sides(old, new, area)
    before = {m.id: m for m in old.measures}
    after = {m.id: m for m in new.measures}
    for sign, ids, pool in (("+", result.added, after), ("-", result.removed, before)):
        for ident in ids:
            yield f"  {sign} {_title(pool[ident])}"
    for change in result.changed:
        text = _changes(change.changes, before[change.id], after[change.id], names)
        yield f"  ~ {change.id}: {text}"
    unchanged = len(result.carried_over) - len(result.changed)
    yield "  = " + ngettext("{n} carried over unchanged", "{n} carried over unchanged",
                            unchanged)
    for field_change in result.plan_changes:
        yield "  " + _("Plan: {changes}", changes=_changes((field_change,), old, new, names))
    for name, added, removed, changed in result.lists:
        yield from _list_lines(name, added, removed, changed, old, new, names)


def _list_lines(name: str, added: tuple[str, ...], removed: tuple[str, ...],
                changed: tuple[ItemChange, ...], old: Plan, new: Plan,
                names: Sides) -> Iterator[str]:
    before = {item.id: item for item in getattr(old, name)}
    after = {item.id: item for item in getattr(new, name)}
    yield "  " + _("{list}: {added}, {removed}, {changed}", list=field_name(name),
                   added=ngettext("{n} new", "{n} new", len(added)),
                   removed=ngettext("{n} removed", "{n} removed", len(removed)),
                   changed=ngettext("{n} changed", "{n} changed", len(changed)))
    for ident in added:
        yield f"    + {_title(after[ident])}"
    for ident in removed:
        yield f"    - {_title(before[ident])}"
    for item in changed:
        yield f"    ~ {item.id}: {_changes(item.changes, before[item.id], after[item.id], names)}"
