""""Was hat sich geändert?": a citizen-facing page per plan update, from the diff between
two consecutive versions (:mod:`teilhabe_core.evaluation.diff`): new, continued,
completed and dropped measures (with the reason) and changed fields with old and new
value."""

from __future__ import annotations

from typing import Any

from ..evaluation.diff import COMPLETED, CONTINUED, DROPPED, NEW, diff_plans, lineage
from ..model import MeasureStatus, Plan
from ..model.labels import label
from .api import ExportContext
from .templating import format_date, render_page

FIELDS = {
    "title": "Titel", "status": "Stand", "progress": "Fortschritt (%)",
    "responsible_office": "Zuständig", "start": "Beginn", "end": "Ende",
    "ongoing": "Daueraufgabe", "problem": "Ausgangslage", "approach": "Vorgehen",
    "partners": "Partner", "target_groups": "Zielgruppen", "life_areas": "Lebensbereiche",
    "priority": "Priorität", "costs": "Kosten", "dropped_reason": "Grund für das Ende",
    "easy_text": "Text in Leichter Sprache", "notes": "Hinweise", "period": "Zeitraum",
    "intro": "Einleitung", "adoption": "Beschluss", "review_interval_months":
    "Fortschreibung alle … Monate", "indicators": "Indikatoren", "crpd_articles":
    "Artikel der UN-BRK", "example": "Beispiel",
}


def _value(field: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if field == "status" and isinstance(value, str):
        try:
            return label(MeasureStatus(value))
        except ValueError:
            return value
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return ", ".join(_value(field, v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(k, v)}" for k, v in value.items())
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        import datetime as dt

        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def changes_data(old: Plan, new: Plan) -> dict[str, Any]:
    diff = diff_plans(old, new)
    marks = lineage(new, old)
    before = {m.id: m for m in old.measures}
    after = {m.id: m for m in new.measures}

    def of(kind: str) -> list[Any]:
        pool = before if kind in (COMPLETED, DROPPED) else after
        return [pool[i] for i, mark in marks.items() if mark == kind]

    changed = [{"measure": after[c.id],
                "fields": [{"name": FIELDS.get(f.field, f.field), "old": _value(f.field, f.old),
                            "new": _value(f.field, f.new)} for f in c.changes]}
               for c in diff.changed]
    plan_fields = [{"name": FIELDS.get(f.field, f.field), "old": _value(f.field, f.old),
                    "new": _value(f.field, f.new)} for f in diff.plan_changes]
    return {"old": old, "new": new, "added": of(NEW), "continued": of(CONTINUED),
            "completed": of(COMPLETED), "dropped": of(DROPPED), "changed": changed,
            "plan_fields": plan_fields}


def changes_page(context: ExportContext, old: Plan, new: Plan) -> str:
    area = context.area
    bodies = {b.id: b.name for b in area.bodies} if area else {}
    return render_page(context, "site_changes.html.j2", **changes_data(old, new),
                       root="../../", body_name=lambda i: bodies.get(i, i),
                       page_title=f"Was hat sich geändert? {new.title}, {new.version}. Fassung")
