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
        "help": "Adresse, unter der der Ausgabeordner veröffentlicht wird (Vorgabe: "
                "base_url des Gebietsprofils, sonst http://localhost:8000/)"})
    page_size: int = field(default=PAGE_SIZE, metadata={
        "help": "Objekte je Listenseite"})


class OparlExporter(Exporter):
    identifier = "oparl"
    name = "OParl 1.1 (JSON)"
    description = ("Die Vorlage mit Beratungsfolge, Sitzungen, Gremien, Ansprechpersonen und "
                   "der Körperschaft als OParl-1.1-System für Ratsinformationssysteme "
                   "(statische Dateien, Einstieg oparl/system.json).")
    accepts = (CouncilPaper,)
    media_type = "application/json"
    extension = "json"
    Options = OparlOptions

    def render(self, document: CouncilPaper, context: ExportContext) -> Sequence[Output]:
        area = context.area
        if area is None:
            raise ExportError("Für OParl wird das Gebietsprofil der Vorlage benötigt.")
        if self.options.page_size < 1:
            raise ExportError("Die Option page_size muss mindestens 1 sein.")
        docs = context.documents
        others = [p for p in docs.papers if p.reference != document.reference] if docs else []
        papers = tuple(sorted([document, *others], key=lambda p: p.reference))
        plans = docs.plans if docs else ()
        base = site_base_url([area], self.options.base_url or None)
        return system_outputs(base, [BodyData(area, papers, plans)],
                              page_size=self.options.page_size)
