"""OParl 1.1 JSON for council papers: the Paper with its consultations, the meetings and
organizations (bodies) they name, and the county as Body.

OParl's ``ags`` has 8 digits: a county key is padded (15083 → 15083000). Object ids are
URLs below the ``base_url`` option; no timestamps are written, so output is deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from attrs import define, field

from teilhabe_core.base.errors import ExportError
from teilhabe_core.model import Area, BodyKind, ConsultationRole, CouncilPaper
from teilhabe_core.model.labels import label
from teilhabe_core.publish.api import ExportContext, Exporter, Output, slug

SCHEMA = "https://schema.oparl.org/1.1/"


@define
class OparlOptions:
    base_url: str = field(default="https://oparl.example.org/", metadata={
        "help": "Adresse, unter der die OParl-Objekte veröffentlicht werden"})


def pad_ags(ags: str) -> str:
    """The 8-digit Gemeindeschlüssel OParl expects."""
    return ags.ljust(8, "0") if ags else ""


class OparlExporter(Exporter):
    identifier = "oparl"
    name = "OParl 1.1 (JSON)"
    description = ("Vorlage mit Beratungsfolge, Sitzungen, Gremien und der Körperschaft als "
                   "OParl-1.1-Objekte für Ratsinformationssysteme.")
    accepts = (CouncilPaper,)
    media_type = "application/json"
    extension = "json"
    Options = OparlOptions

    def render(self, document: CouncilPaper, context: ExportContext) -> Sequence[Output]:
        area = context.area
        if area is None:
            raise ExportError("Für OParl wird das Gebietsprofil der Vorlage benötigt.")
        base = self.options.base_url.rstrip("/") + f"/{slug(area.id)}"
        url = _Urls(base)
        bodies = {b.id: b for b in area.bodies}
        paper_url = url("paper", document.reference)
        consultations = []
        meetings: dict[str, dict[str, Any]] = {}
        for index, c in enumerate(document.consultations):
            org = url("organization", c.body)
            item: dict[str, Any] = {
                "id": f"{paper_url}/consultation/{index + 1}",
                "type": SCHEMA + "Consultation",
                "paper": paper_url,
                "organization": [org],
                "authoritative": c.role is ConsultationRole.DECISION,
                "role": label(c.role),
            }
            if c.date is not None:
                meeting_url = url("meeting", f"{c.body}-{c.date.isoformat()}")
                item["meeting"] = meeting_url
                meetings[meeting_url] = {
                    "id": meeting_url, "type": SCHEMA + "Meeting",
                    "name": f"Sitzung {bodies[c.body].name if c.body in bodies else c.body}",
                    "start": f"{c.date.isoformat()}T00:00:00+00:00",
                    "organization": [org],
                }
            consultations.append(item)
        paper: dict[str, Any] = {
            "id": paper_url,
            "type": SCHEMA + "Paper",
            "body": url("body"),
            "name": document.title,
            "reference": document.reference,
            "date": document.date.isoformat(),
            "paperType": label(document.paper_type),
            "relatedPaper": [url("paper", r) for r in document.related_papers],
            "consultation": consultations,
        }
        leading = [url("organization", b.id) for b in area.bodies
                   if b.kind is BodyKind.ADMINISTRATION]
        if leading:
            paper["underDirectionOf"] = leading[:1]
        if not document.public:
            paper["keyword"] = ["nichtöffentlich"]
        outputs = [
            Output(f"oparl/paper-{slug(document.reference)}.json", _dump(paper)),
            Output("oparl/body.json", _dump(body_object(area, url, context))),
            Output("oparl/organizations.json", _dump(
                [organization(b, url) for b in area.bodies]
                + [office_organization(o, url) for o in area.offices])),
        ]
        if meetings:
            outputs.append(Output("oparl/meetings.json",
                                  _dump([meetings[k] for k in sorted(meetings)])))
        return outputs


class _Urls:
    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, kind: str, ident: str = "") -> str:
        return f"{self.base}/{kind}" + (f"/{slug(ident)}" if ident else "")


def organization(body: Any, url: _Urls) -> dict[str, Any]:
    return {
        "id": url("organization", body.id),
        "type": SCHEMA + "Organization",
        "body": url("body"),
        "name": body.name,
        "organizationType": label(body.kind),
    }


def office_organization(office: Any, url: _Urls) -> dict[str, Any]:
    """An office of the area's registry as OParl Organization (a Verwaltungsbereich)."""
    data = {"id": url("organization", f"dienststelle-{office.id}"),
            "type": SCHEMA + "Organization", "body": url("body"), "name": office.name,
            "organizationType": "Verwaltungsbereich", "classification": "Dienststelle"}
    if office.parent:
        data["subOrganizationOf"] = url("organization", f"dienststelle-{office.parent}")
    if office.short_name:
        data["shortName"] = office.short_name
    if office.website:
        data["website"] = office.website
    return data


def body_object(area: Area, url: _Urls, context: ExportContext) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": url("body"),
        "type": SCHEMA + "Body",
        "name": area.name,
        "organization": url("organizations"),
        "person": url("people"),
        "meeting": url("meetings"),
        "paper": url("papers"),
        "legislativeTerm": [],
        "classification": label(area.kind),
    }
    if area.ags:
        body["ags"] = pad_ags(area.ags)
    if area.website:
        body["website"] = area.website
    if area.project is not None and area.project.contact_email:
        body["contactEmail"] = area.project.contact_email
    return body


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
