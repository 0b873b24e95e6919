"""The area's "Erklärung zur Barrierefreiheit" (BITV 2.0 § 7, EU Directive 2016/2102,
model statement of Implementing Decision (EU) 2018/1523), in standard and Leichte Sprache.

Built only from the area's profile (``site.accessibility``, and ``site.enforcement`` for the
state's enforcement body as a public source names it); where the profile names no status,
contact or enforcement body, the page says so and ``validate`` warns: teilhabe invents no
address.
"""

from __future__ import annotations

from typing import Any

from ..model import Conformity
from ..model.easy import easy_name
from ..model.labels import LABELS
from .api import ExportContext, Output
from .navigation import EASY_LINKS
from .templating import render_page

STATUS = {c: LABELS[c] for c in Conformity}
STATUS_EASY = {
    Conformity.FULL: "Diese Internet·seiten sind barriere·frei.",
    Conformity.PARTIAL: "Diese Internet·seiten sind zum Teil barriere·frei.",
    Conformity.NONE: "Diese Internet·seiten sind noch nicht barriere·frei.",
}


def accessibility_pages(context: ExportContext) -> list[Output]:
    """``barrierefreiheit.html`` and ``barrierefreiheit-leicht.html`` of the area."""
    area = context.area
    assert area is not None
    statement = area.site.accessibility
    contact = ""
    if statement is not None:
        contact = statement.contact_email
    if not contact and area.project is not None:
        contact = area.project.contact_email
    data: dict[str, Any] = {"area": area, "statement": statement, "contact": contact,
                            "root": "../", "status": STATUS, "status_easy": STATUS_EASY,
                            "enforcement": area.site.enforcement}
    return [
        Output("barrierefreiheit.html", render_page(
            context, "site_accessibility.html.j2", **data,
            page_title=f"Erklärung zur Barrierefreiheit – {area.name}")),
        Output("barrierefreiheit-leicht.html", render_page(
            context, "site_accessibility_easy.html.j2", **data, variant="easy",
            variant_label="Leichte Sprache",
            easy_legal=EASY_LINKS,
            page_title="Erklärung zur Barriere·freiheit in Leichter Sprache – "
            f"{easy_name(area)}")),
    ]
