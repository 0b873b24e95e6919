""""Was hat sich geändert?": a citizen-facing page per plan update, from the diff between
two consecutive versions (:mod:`teilhabe_core.evaluation.diff`): new, continued,
completed and dropped measures (with the reason) and changed fields with old and new
value, each named and shown in German as the plan pages show it (names for ids, labels
for fixed values, German dates), never as the data's field names or ids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

from ..documents.domain_checks import all_goals
from ..evaluation.diff import COMPLETED, CONTINUED, DROPPED, NEW, diff_plans, lineage
from ..model import Adoption, Area, Checked, MeasureFunding, Period, Plan, Publication
from ..model.goals import office_label
from ..model.labels import label, vocabulary
from .api import ExportContext
from .templating import format_date, format_money, render_page
from .wording import time_span, titled

FIELDS = {
    "title": "Titel", "easy_title": "Titel in Leichter Sprache", "kind": "Art",
    "status": "Stand", "progress": "Fortschritt (%)", "responsible_office": "Zuständig",
    "partner_offices": "Beteiligte Stellen", "start": "Beginn", "end": "Ende",
    "ongoing": "Daueraufgabe", "problem": "Problemlage", "approach": "Lösungsansatz",
    "partners": "Partner", "target_groups": "Zielgruppen", "priority": "Priorität",
    "costs": "Kosten", "funding": "Finanzierung", "dropped_reason": "Grund für Entfallen",
    "easy_text": "Text in Leichter Sprache", "notes": "Hinweise", "period": "Zeitraum",
    "intro": "Einleitung", "adoption": "Beschluss", "review_interval_months":
    "Fortschreibung alle … Monate", "indicators": "Indikatoren", "crpd_articles":
    "Artikel der UN-Behindertenrechtskonvention", "example": "Beispiel", "goals": "Ziele",
    "participation": "Entstanden aus", "paper": "Beschlossen mit Vorlage",
    "papers": "Vorlagen zum Plan", "publications": "Veröffentlichte Fassungen",
    "easy_checked": "Von einer Prüfgruppe gelesen", "county": "Gebiet",
}
"""The German name of every field of a plan and a measure the page may show (the life
areas' name comes from the area's vocabulary)."""


class Names:
    """What ids stand for, in words: bodies, offices, goals, participation steps, life
    areas, funding programmes and indicators of the plans compared."""

    def __init__(self, area: Area | None, plans: tuple[Plan, ...],
                 programmes: dict[str, str]) -> None:
        self.area = area
        self.bodies = {b.id: b.name for b in area.bodies} if area else {}
        self.goals = {g.id: g.name for p in plans for g in all_goals(p, area)}
        self.steps = {s.id: s.title for s in area.participation} if area else {}
        self.life_areas = {la.id: la.name for p in plans for la in p.life_areas}
        self.indicators = {i.id: i.name for p in plans for i in p.indicators}
        self.programmes = programmes

    def body(self, ident: str) -> str:
        return self.bodies.get(ident, ident)

    def office(self, text: str) -> str:
        return office_label(self.area.offices, text) if self.area else text

    def of(self, field: str) -> Callable[[str], str]:
        """How to name one entry of the list field ``field``."""
        table = {"goals": self.goals, "participation": self.steps,
                 "life_areas": self.life_areas, "indicators": self.indicators}.get(field)
        if table is not None:
            return lambda ident: table.get(ident, ident)
        if field == "partner_offices":
            return self.office
        if field == "papers":
            return lambda ref: f"Vorlage {ref}"
        return str


def shown(field: str, value: Any, names: Names) -> str:
    """``value`` of ``field`` as the plan pages show it ("–" for nothing)."""
    if value is None or value == "" or value == ():
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, Adoption):
        return (f"{names.body(value.body)} am {format_date(value.date)}"
                + (f" (Vorlage {value.paper})" if value.paper else ""))
    if isinstance(value, Period):
        return time_span(value.start, value.end) or "–"
    if isinstance(value, Checked):
        return f"{value.by} am {format_date(value.date)}"
    if isinstance(value, Publication):
        state = "" if value.state.value == "published" else f" ({label(value.state)})"
        return label(value.variant) + state
    if isinstance(value, MeasureFunding):
        programme = names.programmes.get(value.programme, value.programme) or "Eigenmittel"
        amounts = ", ".join(f"{a.year} {format_money(a.amount)}" for a in value.amounts)
        return f"{programme}: {amounts}" if amounts else programme
    if isinstance(value, tuple):
        if field == "crpd_articles":
            return ", ".join(str(v) for v in value)
        named = names.of(field)
        return "; ".join(shown(field, named(v) if isinstance(v, str) else v, names)
                         for v in value)
    if field == "responsible_office":
        return names.office(str(value))
    if field == "paper":
        return f"Vorlage {value}"
    return str(value)


def changes_data(old: Plan, new: Plan, area: Area | None = None,
                 programmes: dict[str, str] | None = None) -> dict[str, Any]:
    diff = diff_plans(old, new)
    marks = lineage(new, old)
    before = {m.id: m for m in old.measures}
    after = {m.id: m for m in new.measures}
    names = Names(area, (old, new), programmes or {})
    fields = {**FIELDS, "life_areas": vocabulary(area).life_areas}

    def of(kind: str) -> list[Any]:
        pool = before if kind in (COMPLETED, DROPPED) else after
        return [pool[i] for i, mark in marks.items() if mark == kind]

    def rows(was: Any, now: Any, changes: Any) -> list[dict[str, str]]:
        return [{"name": fields[c.field],
                 "old": shown(c.field, getattr(was, c.field), names),
                 "new": shown(c.field, getattr(now, c.field), names)} for c in changes]

    changed: dict[tuple[tuple[str, str, str], ...], dict[str, Any]] = {}
    for c in diff.changed:  # measures with the very same changes share one table
        fields_ = rows(before[c.id], after[c.id], c.changes)
        key = tuple((f["name"], f["old"], f["new"]) for f in fields_)
        changed.setdefault(key, {"measures": [], "fields": fields_})["measures"].append(
            after[c.id])
    return {"old": old, "new": new, "added": of(NEW), "continued": of(CONTINUED),
            "completed": of(COMPLETED), "dropped": of(DROPPED),
            "changed": list(changed.values()),
            "plan_fields": rows(old, new, diff.plan_changes)}


def changes_page(context: ExportContext, old: Plan, new: Plan) -> str:
    area = context.area
    programmes = {p.id: p.name for p in context.app.funding_programmes()} \
        if context.app else {}
    names = Names(area, (old, new), programmes)
    data = changes_data(old, new, area, programmes)
    shown = [*data["added"], *data["continued"], *data["completed"], *data["dropped"]]
    return render_page(context, "site_changes.html.j2", **data,
                       has_examples=any(m.example for m in shown),
                       root="../../", body_name=names.body,
                       page_title=f"Was hat sich geändert? {titled(new)}")
