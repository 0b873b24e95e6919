"""OParl 1.1 as static files: a system that OParl clients can crawl from one URL.

Every object and every list page is one JSON file whose path below the site is its URL
below the base URL, so any static web server serves the system as it is. The scheme:

* ``oparl/system.json`` — the System; ``oparl/body.json`` — the list of bodies
* ``oparl/body/<area>.json`` — one Body per area
* ``oparl/body/<area>/<list>.json`` — the Body's lists (``organization``, ``person``,
  ``meeting``, ``paper``, ``consultation``, ``file``, ``agendaItem``, ``membership``,
  ``locationList``, ``legislativeTermList``); further pages ``<list>-seite-<n>.json``
* ``oparl/body/<area>/<kind>/<id>.json`` — every object, embedded ones included

An object's URL ends in ``.json``, its contents live in the folder of the same name, so a
file never has to be a folder too (``body.json`` beside ``body/``). Lists are paginated
list objects (``data``, ``pagination``, ``links``), sorted by id. Static files cannot
filter: a query such as ``?modified_since=…`` is ignored by the server and the full list
comes back. No timestamps are written, so the same documents give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from attrs import frozen

from ..base.errors import UsageError
from ..documents.checks import BASE_URL
from ..model import Area, BodyKind, ConsultationRole, CouncilPaper, Plan
from ..model.labels import label
from .api import Output, slug
from .domain_data import PAPERS_FOLDER, paper_page_name

SCHEMA = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 20
"""Objects per list page."""
PREVIEW_BASE_URL = "http://localhost:8000/"
"""Used when neither ``--base-url`` nor an area profile names the publication address."""
LISTS = ("organization", "person", "meeting", "paper", "consultation", "file", "agendaItem",
         "membership", "locationList", "legislativeTermList")
"""The Body's external lists, in the order of the specification."""
_BERLIN = ZoneInfo("Europe/Berlin")


@frozen
class PublishedFile:
    """A file of the publication that OParl lists as File: a plan variant or a report.

    ``path`` is relative to the site root; ``plan`` names the plan it belongs to (its
    adoption's meeting and paper are linked), ``paper`` a council paper it belongs to.
    """

    ident: str
    name: str
    path: str
    media_type: str
    date: dt.date | None = None
    plan: str = ""
    paper: str = ""


@frozen
class BodyData:
    """What one area contributes: its profile, council papers, plans and files."""

    area: Area
    papers: tuple[CouncilPaper, ...] = ()
    plans: tuple[Plan, ...] = ()
    files: tuple[PublishedFile, ...] = ()


def pad_ags(ags: str) -> str:
    """The 8-digit Gemeindeschlüssel OParl expects: a county key is padded (15083 →
    15083000)."""
    return ags.ljust(8, "0") if ags else ""


def normal_base_url(url: str) -> str:
    """``url`` with exactly one trailing slash; a :class:`UsageError` if it is no
    http(s) address."""
    if not BASE_URL.fullmatch(url):
        raise UsageError(f"Die Adresse '{url}' ist keine vollständige Web-Adresse; erwartet "
                         "wird z. B. https://www.landkreis.de/teilhabe/.")
    return url.rstrip("/") + "/"


def site_base_url(areas: Iterable[Area], override: str | None = None,
                  previous: str = "") -> str:
    """The publication address: ``override`` (``--base-url``), else the one address the
    areas' profiles name (``base_url``), else ``previous`` (the address of the site's last
    publication), else :data:`PREVIEW_BASE_URL`."""
    if override:
        return normal_base_url(override)
    named = sorted({normal_base_url(a.base_url) for a in areas if a.base_url})
    if len(named) > 1:
        raise UsageError("Die Gebiete nennen verschiedene Adressen (base_url): "
                         f"{', '.join(named)}. Bitte mit --base-url eine angeben oder die "
                         "Gebiete einzeln veröffentlichen.")
    if named:
        return named[0]
    return normal_base_url(previous) if previous else PREVIEW_BASE_URL


class _Urls:
    """URLs (and with them the file names) of one system below ``base``."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.root = base + "oparl/"

    def system(self) -> str:
        return self.root + "system.json"

    def body(self, area: str) -> str:
        return f"{self.root}body/{slug(area)}.json"

    def list(self, area: str | None, kind: str, page: int = 1) -> str:
        stem = f"{self.root}body/{slug(area)}/{kind}" if area else f"{self.root}body"
        return f"{stem}.json" if page == 1 else f"{stem}-seite-{page}.json"

    def item(self, area: str, kind: str, ident: str) -> str:
        return f"{self.root}body/{slug(area)}/{kind}/{slug(ident, kind)}.json"

    def name(self, url: str) -> str:
        return url.removeprefix(self.base)


def system_outputs(base_url: str, bodies: Sequence[BodyData], name: str = "",
                   page_size: int = PAGE_SIZE, site: bool = False) -> list[Output]:
    """Every file of the OParl system for ``bodies`` below ``base_url``; with ``site``,
    System and Bodies link (``web``) the site's start page and area pages."""
    url = _Urls(normal_base_url(base_url))
    files: dict[str, Any] = {}
    body_objects = []
    for data in sorted(bodies, key=lambda b: b.area.id):
        body, objects = _body(url, data)
        if site:  # the site's HTML pages of the Body and its papers
            body["web"] = f"{url.base}{data.area.id}/index.html"
            for paper, obj in zip(data.papers, objects["paper"], strict=True):
                obj["web"] = (f"{url.base}{data.area.id}/{PAPERS_FOLDER}/"
                              f"{paper_page_name(paper)}")
        body_objects.append(body)
        for kind in LISTS:
            _pages(url, files, data.area.id, kind, objects.get(kind, []), page_size)
        for items in objects.values():
            files.update((obj["id"], obj) for obj in items)
        files[body["id"]] = body
    outputs = [Output(url.name(u), _dump(files[u])) for u in sorted(files)]
    return sorted([*outputs, *system_files(url.base, body_objects, name, page_size, site)],
                  key=lambda o: o.name)


def system_files(base_url: str, bodies: Sequence[dict[str, Any]], name: str = "",
                 page_size: int = PAGE_SIZE, site: bool = False) -> list[Output]:
    """The System and its paginated Body list for the Body objects ``bodies`` (each as
    :func:`system_outputs` writes it to ``oparl/body/<area>.json``).

    A site rebuilds these from every Body on it, also those not published in this run."""
    url = _Urls(normal_base_url(base_url))
    system: dict[str, Any] = {
        "id": url.system(), "type": SCHEMA + "System", "oparlVersion": SCHEMA,
        "body": url.list(None, ""),
    }
    if site:
        system["web"] = url.base + "index.html"
    if name:
        system["name"] = name
    files: dict[str, Any] = {url.system(): system}
    _pages(url, files, None, "", list(bodies), page_size)
    return [Output(url.name(u), _dump(files[u])) for u in sorted(files)]


def body_file(area_id: str) -> str:
    """The file (below the site) of an area's OParl Body; its objects are below
    ``body_file(area_id).removesuffix(".json") + "/"``."""
    return f"oparl/body/{slug(area_id)}.json"


def _pages(url: _Urls, files: dict[str, Any], area: str | None, kind: str,
           items: list[dict[str, Any]], page_size: int) -> None:
    items = sorted(items, key=lambda o: str(o["id"]))
    total = max(1, -(-len(items) // page_size))
    for page in range(1, total + 1):
        links = {"first": url.list(area, kind), "self": url.list(area, kind, page),
                 "last": url.list(area, kind, total)}
        if page > 1:
            links["prev"] = url.list(area, kind, page - 1)
        if page < total:
            links["next"] = url.list(area, kind, page + 1)
        files[links["self"]] = {
            "data": items[(page - 1) * page_size:page * page_size],
            "pagination": {"totalElements": len(items), "elementsPerPage": page_size,
                           "currentPage": page, "totalPages": total},
            "links": links,
        }


def _start(day: dt.date) -> str:
    """A meeting's start when only its day is known: midnight, German local time."""
    return dt.datetime.combine(day, dt.time(), _BERLIN).isoformat()


def _body(url: _Urls, data: BodyData) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    area = data.area
    aid = area.id
    body_url = url.body(aid)
    bodies = {b.id: b for b in area.bodies}
    objects: dict[str, list[Any]] = {k: [] for k in LISTS}
    objects["organization"] = [{
        "id": url.item(aid, "organization", b.id), "type": SCHEMA + "Organization",
        "body": body_url, "name": b.name, "organizationType": label(b.kind),
        "classification": label(b.kind)} for b in area.bodies]
    for office in area.offices:  # the office registry, as administrative units
        org: dict[str, Any] = {
            "id": url.item(aid, "organization", f"dienststelle-{office.id}"),
            "type": SCHEMA + "Organization", "body": body_url, "name": office.name,
            "organizationType": "Verwaltungsbereich", "classification": "Dienststelle"}
        if office.parent:
            org["subOrganizationOf"] = url.item(aid, "organization",
                                                f"dienststelle-{office.parent}")
        if office.short_name:
            org["shortName"] = office.short_name
        if office.website:
            org["website"] = office.website
        objects["organization"].append(org)
    roles = area.project.roles if area.project else ()
    seen: set[str] = set()
    for role in roles:
        ident = slug(role.title, "person")
        while ident in seen:
            ident += "-2"
        seen.add(ident)
        person: dict[str, Any] = {"id": url.item(aid, "person", ident),
                                  "type": SCHEMA + "Person", "body": body_url,
                                  "name": role.title}
        if role.office:
            person["status"] = [role.office]
        if role.email:
            person["email"] = [role.email]
        if role.phone:
            person["phone"] = [role.phone]
        objects["person"].append(person)
    meetings: dict[str, dict[str, Any]] = {}

    def meeting(body_id: str, day: dt.date) -> str:
        ident = f"{body_id}-{day.isoformat()}"
        meeting_url = url.item(aid, "meeting", ident)
        if meeting_url not in meetings:
            name = bodies[body_id].name if body_id in bodies else body_id
            meetings[meeting_url] = {
                "id": meeting_url, "type": SCHEMA + "Meeting", "name": f"Sitzung: {name}",
                "start": _start(day),
                "organization": ([url.item(aid, "organization", body_id)]
                                 if body_id in bodies else [])}
        return meeting_url

    paper_urls = {p.reference: url.item(aid, "paper", p.reference) for p in data.papers}
    adoptions = {p.id: p.adoption for p in data.plans if p.adoption is not None}
    for plan in data.plans:
        if plan.adoption is not None:
            meeting(plan.adoption.body, plan.adoption.date)
    file_objects: dict[str, list[dict[str, Any]]] = {}
    for f in data.files:
        obj: dict[str, Any] = {
            "id": url.item(aid, "file", f.ident), "type": SCHEMA + "File", "name": f.name,
            "fileName": f.path.rsplit("/", 1)[-1], "mimeType": f.media_type,
            "accessUrl": url.base + f.path}
        if f.date is not None:
            obj["date"] = f.date.isoformat()
        adoption = adoptions.get(f.plan)
        if adoption is not None:
            obj["meeting"] = [meeting(adoption.body, adoption.date)]
            if adoption.paper in paper_urls:
                obj["paper"] = [paper_urls[adoption.paper]]
        if f.paper in paper_urls:
            obj["paper"] = [paper_urls[f.paper]]
        objects["file"].append(obj)
        for key in obj.get("meeting", []):
            file_objects.setdefault(key, []).append(obj)
    leading = [url.item(aid, "organization", b.id) for b in area.bodies
               if b.kind is BodyKind.ADMINISTRATION][:1]
    for paper in data.papers:
        objects["paper"].append(_paper(url, aid, paper, body_url, paper_urls, leading,
                                       meeting, objects))
    for meeting_url, files in file_objects.items():
        meetings[meeting_url]["auxiliaryFile"] = files
    objects["meeting"] = list(meetings.values())
    body: dict[str, Any] = {
        "id": body_url, "type": SCHEMA + "Body", "system": url.system(), "name": area.name,
        "classification": label(area.kind), "legislativeTerm": [],
        **{kind: url.list(aid, kind) for kind in LISTS},
    }
    if area.ags:
        body["ags"] = pad_ags(area.ags)
    if area.website:
        body["website"] = area.website
    if area.project is not None and area.project.contact_email:
        body["contactEmail"] = area.project.contact_email
    return body, objects


def _paper(url: _Urls, aid: str, paper: CouncilPaper, body_url: str,
           paper_urls: dict[str, str], leading: list[str], meeting: Any,
           objects: dict[str, list[Any]]) -> dict[str, Any]:
    paper_url = paper_urls[paper.reference]
    consultations = []
    for index, c in enumerate(paper.consultations):
        item: dict[str, Any] = {
            "id": url.item(aid, "consultation", f"{paper.reference}-{index + 1}"),
            "type": SCHEMA + "Consultation", "paper": paper_url,
            "organization": [url.item(aid, "organization", c.body)],
            "authoritative": c.role is ConsultationRole.DECISION, "role": label(c.role),
        }
        if c.date is not None:
            item["meeting"] = meeting(c.body, c.date)
        consultations.append(item)
        objects["consultation"].append(item)
    obj: dict[str, Any] = {
        "id": paper_url, "type": SCHEMA + "Paper", "body": body_url, "name": paper.title,
        "reference": paper.reference, "date": paper.date.isoformat(),
        "paperType": label(paper.paper_type),
        "relatedPaper": [paper_urls[r] for r in paper.related_papers if r in paper_urls],
        "consultation": consultations,
    }
    if leading:
        obj["underDirectionOf"] = leading
    if not paper.public:
        obj["keyword"] = ["nichtöffentlich"]
    return obj


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
