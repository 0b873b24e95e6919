"""What the Leichte Sprache publication shows of a document: its easy title or name, and
whether a plan is published in Leichte Sprache at all."""

from __future__ import annotations

from .area import Area, LifeArea, PlanDefaults
from .enums import Variant
from .plan import Measure, Plan


def easy_title(item: Plan | Measure) -> str:
    """The title in Leichte Sprache, else the title (``validate`` reports the gap)."""
    return item.easy_title or item.title


def easy_name(item: Area | LifeArea | None, fallback: str = "") -> str:
    """The name in Leichte Sprache, else the name (``fallback`` without an item)."""
    if item is None:
        return fallback
    return item.easy_name or item.name


def publishes_easy(plan: Plan, area: Area | None) -> bool:
    """Whether ``plan`` is published in Leichte Sprache: its ``publications`` name the easy
    variant, or (without that list) the area publishes the easy variant
    (``plan_defaults.publication_variants``) and the plan has its text in Leichter
    Sprache. A plan with neither is not yet in Leichter Sprache; its easy page says so."""
    if plan.publications:
        return any(p.variant is Variant.EASY for p in plan.publications)
    defaults = area.plan_defaults if area is not None else PlanDefaults()
    return Variant.EASY in defaults.publication_variants and bool(plan.easy_text.strip())
