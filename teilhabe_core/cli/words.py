"""Names the command line shows for document fields and statuses, in the user's language.

Field names are catalog msgids (German in the catalog); statuses use the model's German
labels (``model.labels``, the same words the publication shows) and, in English, the
value itself (``in_progress`` → "in progress").
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from ..base.i18n import N_, language, translate

if TYPE_CHECKING:
    from ..model import Workflow

FIELDS = {
    "adoption": N_("adoption"),
    "amount": N_("amount"),
    "amounts": N_("amounts"),
    "approach": N_("approach"),
    "barriers": N_("barriers"),
    "baseline": N_("baseline"),
    "baseline_date": N_("date of the baseline"),
    "body": N_("body"),
    "breakdown": N_("breakdown"),
    "budget_line": N_("budget line"),
    "by": N_("by"),
    "costs": N_("costs"),
    "county": N_("area"),
    "cross_cutting_goals": N_("cross-cutting goals"),
    "crpd_articles": N_("articles of the UN-CRPD"),
    "date": N_("date"),
    "description": N_("description"),
    "dropped_reason": N_("reason for dropping"),
    "easy_checked": N_("Leichte Sprache checked"),
    "easy_name": N_("name in Leichte Sprache"),
    "easy_text": N_("text in Leichte Sprache"),
    "easy_title": N_("title in Leichte Sprache"),
    "end": N_("end"),
    "example": N_("example"),
    "from_stage": N_("from stage"),
    "funding": N_("funding"),
    "goals": N_("goals"),
    "identified": N_("identified on"),
    "indicator": N_("indicator"),
    "indicators": N_("indicators"),
    "intro": N_("introduction"),
    "items": N_("items"),
    "kind": N_("kind"),
    "level": N_("level"),
    "life_area": N_("life area"),
    "life_areas": N_("life areas"),
    "measurements": N_("measurements"),
    "measures": N_("measures"),
    "name": N_("name"),
    "note": N_("note"),
    "notes": N_("notes"),
    "offers": N_("offers"),
    "ongoing": N_("ongoing task"),
    "paper": N_("council paper"),
    "papers": N_("council papers"),
    "parent": N_("parent goal"),
    "participation": N_("participation"),
    "partner_offices": N_("partner offices"),
    "partners": N_("partners"),
    "period": N_("period"),
    "phases": N_("phases"),
    "place": N_("place"),
    "priority": N_("priority"),
    "problem": N_("starting point"),
    "programme": N_("funding programme"),
    "progress": N_("progress (%)"),
    "publications": N_("publications"),
    "responsible_office": N_("responsible office"),
    "review_interval_months": N_("update every … months"),
    "severity": N_("severity"),
    "source": N_("source"),
    "stage": N_("stage"),
    "start": N_("start"),
    "state": N_("state"),
    "status": N_("status"),
    "target": N_("target"),
    "target_date": N_("target date"),
    "target_groups": N_("target groups"),
    "title": N_("title"),
    "to_stage": N_("to stage"),
    "transitions": N_("transitions"),
    "unit": N_("unit"),
    "value": N_("value"),
    "variant": N_("variant"),
    "year": N_("year"),
}
"""Field (and list) names of plans and their items, as the CLI shows them."""

KINDS = {
    "area": N_("area profile"),
    "plan": N_("plan"),
    "evaluation": N_("evaluation"),
    "paper": N_("council paper"),
    "funding_programmes": N_("funding programmes"),
    "funding_call": N_("funding call"),
    "history": N_("history"),
    "workflow": N_("workflow"),
    "glossary": N_("glossary"),
}
"""Document kinds (``document:``) as the CLI names them."""


def kind_name(kind: str) -> str:
    """A document kind in the current language (an unknown one: its id)."""
    return translate(KINDS[kind]) if kind in KINDS else kind


def variant_name(value: str) -> str:
    """A variant (``long``, ``short``, ``easy``) by its label, in English by its id."""
    from ..model import Variant

    return status_name(Variant(value))


def field_name(name: str) -> str:
    """A field's name in the current language (an unknown field: its id)."""
    return translate(FIELDS[name]) if name in FIELDS else name


def status_name(status: Enum) -> str:
    """A status in the current language: the German label, or the value in English."""
    if language() == "en":
        return str(status.value).replace("_", " ")
    from ..model.labels import label

    return label(status)


def state_word(flow: Workflow, state: str) -> str:
    """A workflow state as a clerk names it (its German label), in English its id."""
    return flow.state_label(state) if language() == "de" else state


def step_word(flow: Workflow, name: str) -> str:
    """A workflow step by its German label, in English by its name (id)."""
    return flow.step_title(name) if language() == "de" else name
