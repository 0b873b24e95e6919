"""Names the command line shows for document fields and statuses, in the user's language.

Field names are catalog msgids (German in the catalog); statuses use the model's German
labels (``model.labels``, the same words the publication shows) and, in English, the
value itself (``in_progress`` → "in progress").
"""

from __future__ import annotations

from enum import Enum

from ..base.i18n import N_, language, translate

FIELDS = {
    "adoption": N_("adoption"),
    "approach": N_("approach"),
    "baseline": N_("baseline"),
    "barriers": N_("barriers"),
    "costs": N_("costs"),
    "county": N_("area"),
    "crpd_articles": N_("articles of the UN-CRPD"),
    "cross_cutting_goals": N_("cross-cutting goals"),
    "description": N_("description"),
    "dropped_reason": N_("reason for dropping"),
    "easy_checked": N_("Leichte Sprache checked"),
    "easy_text": N_("text in Leichte Sprache"),
    "end": N_("end"),
    "example": N_("example"),
    "funding": N_("funding"),
    "goals": N_("goals"),
    "indicators": N_("indicators"),
    "intro": N_("introduction"),
    "kind": N_("kind"),
    "life_area": N_("life area"),
    "life_areas": N_("life areas"),
    "measurements": N_("measurements"),
    "measures": N_("measures"),
    "name": N_("name"),
    "notes": N_("notes"),
    "ongoing": N_("ongoing task"),
    "paper": N_("council paper"),
    "papers": N_("council papers"),
    "participation": N_("participation"),
    "partner_offices": N_("partner offices"),
    "partners": N_("partners"),
    "period": N_("period"),
    "phases": N_("phases"),
    "priority": N_("priority"),
    "problem": N_("starting point"),
    "progress": N_("progress (%)"),
    "publications": N_("publications"),
    "responsible_office": N_("responsible office"),
    "review_interval_months": N_("update every … months"),
    "start": N_("start"),
    "status": N_("status"),
    "target": N_("target"),
    "target_groups": N_("target groups"),
    "title": N_("title"),
    "transitions": N_("transitions"),
}
"""Field (and list) names of plans and their items, as the CLI shows them."""


def field_name(name: str) -> str:
    """A field's name in the current language (an unknown field: its id)."""
    return translate(FIELDS[name]) if name in FIELDS else name


def status_name(status: Enum) -> str:
    """A status in the current language: the German label, or the value in English."""
    if language() == "en":
        return str(status.value).replace("_", " ")
    from ..model.labels import label

    return label(status)
