"""What the site adds to the areas' own pages: the OParl system, the PDF files and the
JSON Schema for editors (see :mod:`teilhabe_core.publish.oparl` for the URL scheme)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..model import Variant
from ..model.labels import label
from .api import Output, file_stem
from .oparl import BodyData, PublishedFile, system_outputs
from .pdf import PDF_FOLDER, plan_pdf_name

FOLDERS = {Variant.LONG: "lang", Variant.SHORT: "kurz", Variant.EASY: "leicht"}
"""Folder of each plan variant on the site (:mod:`.site` uses the same)."""

if TYPE_CHECKING:
    from .api import Host

VARIANTS = (Variant.LONG, Variant.SHORT, Variant.EASY)
SITE_NAME = "Teilhabe: Aktionspläne und Arbeitspläne"
OPARL_LABEL = "Ratsinformationen als OParl 1.1 (JSON)"


def oparl_href(area_id: str) -> str:
    """The area page's link to its OParl Body."""
    from .api import slug

    return f"../oparl/body/{slug(area_id)}.json"


def published_files(app: Host, area_id: str, pdf: bool = True) -> list[PublishedFile]:
    """The plan variants and evaluation reports the site publishes for ``area_id``."""
    docs = app.documents(area_id)
    plan = docs.current_plan()
    files: list[PublishedFile] = []
    if plan is not None:
        date = plan.adoption.date if plan.adoption else None
        for variant in VARIANTS:
            name = f"{plan.title} – {label(variant)}"
            ident = f"{plan.id}-{FOLDERS[variant]}"
            files.append(PublishedFile(ident + "-html", name,
                                       f"{area_id}/{FOLDERS[variant]}/index.html",
                                       "text/html", date, plan=plan.id))
            if pdf:
                files.append(PublishedFile(
                    ident + "-pdf", name,
                    f"{area_id}/{PDF_FOLDER}/{plan_pdf_name(plan.id, variant)}",
                    "application/pdf", date, plan=plan.id))
    chosen = set(app.area(area_id).area.site.exporters)
    for evaluation in docs.evaluations:
        stem = file_stem(evaluation)
        name = evaluation.title or "Evaluationsbericht"
        own = any(cls.media_type == "text/html" and cls.identifier in chosen
                  for cls in app.exporters(evaluation))
        if not own:  # an area's own report replaces the generic page (site.plan_steps)
            files.append(PublishedFile(stem + "-html", name,
                                       f"{area_id}/evaluation/{stem}.html", "text/html",
                                       evaluation.reference_date))
        if pdf:
            files.append(PublishedFile(stem + "-pdf", name,
                                       f"{area_id}/{PDF_FOLDER}/{stem}.pdf",
                                       "application/pdf", evaluation.reference_date))
    return files


def oparl_site(app: Host, area_ids: Sequence[str], base_url: str,
               pdf: bool = True) -> list[Output]:
    """The OParl system of the site: one Body per area, below ``oparl/``."""
    return oparl_outputs([body_data(app, area_id, pdf) for area_id in area_ids], base_url)


def body_data(app: Host, area_id: str, pdf: bool = True) -> BodyData:
    """What ``area_id`` contributes to the site's OParl system: its public council papers
    (never a non-public one), plans and published files."""
    docs = app.documents(area_id)
    papers = tuple(p for p in docs.papers if p.public)
    return BodyData(app.area(area_id).area, papers, tuple(docs.plans),
                    tuple(published_files(app, area_id, pdf)))


def oparl_outputs(bodies: Sequence[BodyData], base_url: str) -> list[Output]:
    """The OParl system of the site from the areas' :func:`body_data`."""
    return system_outputs(base_url, list(bodies), SITE_NAME, site=True)


SCHEMA_PATH = "schema/teilhabe.schema.json"
"""Where the site offers the JSON Schema of the documents."""


def extras_step(app: Host, area_ids: Sequence[str], base_url: str,
                pdf: bool = True) -> Callable[[], list[Output]]:
    """The build step writing the OParl system and the JSON Schema."""
    from ..documents.schema import schema_text

    return lambda: [*oparl_site(app, area_ids, base_url, pdf),
                    Output(SCHEMA_PATH, schema_text())]
