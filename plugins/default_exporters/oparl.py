"""OParl 1.1 for council papers: the crawlable system of the paper's area (System, Body,
its organizations, people, meetings, papers with their consultations), as static files
below the ``base_url`` option; see :mod:`teilhabe_core.publish.oparl` for the URL scheme.

``teilhabe publish`` writes the same system for every published area, with the plan
documents as File objects; this exporter is the single-document form of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import define, field

from teilhabe_core.base.errors import ExportError
from teilhabe_core.base.i18n import N_, _
from teilhabe_core.model import CouncilPaper
from teilhabe_core.publish.api import ExportContext, Exporter, Output
from teilhabe_core.publish.oparl import (
    PAGE_SIZE,
    BodyData,
    pad_ags,
    site_base_url,
    system_outputs,
)

__all__ = ["OparlExporter", "OparlOptions", "pad_ags"]


@define
class OparlOptions:
    base_url: str = field(default="", metadata={
        "help": N_("address the output folder is published at (default: base_url of the area "
                   "profile, else http://localhost:8000/)")})
    page_size: int = field(default=PAGE_SIZE, metadata={
        "help": N_("objects per list page")})


class OparlExporter(Exporter):
    identifier = "oparl"
    name = "OParl 1.1 (JSON)"
    description = N_("The council paper with its consultations, meetings, bodies, contact "
                      "persons and the body corporate as an OParl 1.1 system for council "
                      "information systems (static files, entry oparl/system.json).")
    accepts = (CouncilPaper,)
    media_type = "application/json"
    extension = "json"
    Options = OparlOptions

    def render(self, document: CouncilPaper, context: ExportContext) -> Sequence[Output]:
        area = context.area
        if area is None:
            raise ExportError(_("OParl needs the area profile of the council paper."))
        if self.options.page_size < 1:
            raise ExportError(_("The option page_size must be at least 1."))
        docs = context.documents
        others = [p for p in docs.papers if p.reference != document.reference] if docs else []
        papers = tuple(sorted([document, *others], key=lambda p: p.reference))
        plans = docs.plans if docs else ()
        base = site_base_url([area], self.options.base_url or None)
        return system_outputs(base, [BodyData(area, papers, plans)],
                              page_size=self.options.page_size)
