"""OParl 1.1 as a crawlable system: published as static files, served by a plain HTTP
server, crawled from the System URL; every object is validated against the OParl schemas
in ../shared/reference and every URL met must resolve."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT7

from teilhabe_core.base.errors import UsageError
from teilhabe_core.publish.api import write_outputs
from teilhabe_core.publish.oparl import PREVIEW_BASE_URL, site_base_url
from teilhabe_core.publish.site import publication_steps, write_site
from tests.conftest import SHARED, static_server

OPARL = SHARED / "reference" / "oparl-1.1-schema"
NOT_LINKS = {"type", "oparlVersion"}


def validators() -> dict[str, list[object]]:
    """Per type: the released 1.1.1 schema and the draft-07 port (embedded objects)."""
    checker = FormatChecker()
    checker.checks("url")(lambda v: not isinstance(v, str)
                          or re.fullmatch(r"https?://\S+", v) is not None)
    out: dict[str, list[object]] = {}
    for folder, spec, cls in (("v1.1.1", DRAFT4, Draft4Validator),
                              ("draft-07-branch", DRAFT7, Draft7Validator)):
        schemas = {p.stem: json.loads(p.read_text("utf-8"))
                   for p in (OPARL / folder).glob("*.json")}
        registry = Registry().with_resources(
            (uri, Resource.from_contents(s, default_specification=spec))
            for name, s in schemas.items()
            for uri in (f"https://schema.oparl.org/1.1/{name}",
                        f"https://schema.oparl.org/1.1/{name}.json"))
        for name, schema in schemas.items():
            out.setdefault(name, []).append(cls(schema, registry=registry,
                                                format_checker=checker))
    return out


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A plain static HTTP server on 127.0.0.1 over an (empty) folder, and its URL."""
    folder = tmp_path / "site"
    folder.mkdir()
    with static_server(folder) as url:
        yield folder, url


def _links(value: object, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _links(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _links(v, key)
    elif isinstance(value, str) and key not in NOT_LINKS and value.startswith("http"):
        yield value


def _objects(value: object) -> Iterator[dict[str, object]]:
    """Every OParl object in ``value``, embedded ones included."""
    if isinstance(value, dict):
        if "type" in value and "id" in value:
            yield value
        for v in value.values():
            yield from _objects(v)
    elif isinstance(value, list):
        for v in value:
            yield from _objects(v)


def crawl(start: str, base: str) -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    """Follow every link from ``start``; returns every JSON document by URL and every
    OParl object by id. Every URL must resolve (HTTP 200) and lie below ``base``."""
    schemas = validators()
    documents: dict[str, object] = {}
    objects: dict[str, dict[str, object]] = {}
    queue, seen = [start], set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        assert url.startswith(base), url
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                assert response.status == 200, url
                body = response.read()
                media = response.headers["Content-Type"]
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{url}: HTTP {exc.code}") from None
        if not url.endswith(".json"):
            assert body, url
            continue
        assert media.startswith("application/json"), (url, media)
        data = json.loads(body)
        documents[url] = data
        if "data" in data:
            _check_page(url, data)
        else:
            assert data["id"] == url, url
        for obj in _objects(data):
            kind = str(obj["type"]).removeprefix("https://schema.oparl.org/1.1/")
            for validator in schemas[kind]:
                errors = [e.message for e in validator.iter_errors(obj)]  # type: ignore[attr-defined]
                assert errors == [], (url, obj["id"], errors)
            objects.setdefault(str(obj["id"]), obj)
        queue.extend(_links(data))
    for url, data in documents.items():  # a list entry is the object at its own URL
        if isinstance(data, dict) and "data" in data:
            for item in data["data"]:
                assert documents[item["id"]] == item, (url, item["id"])
    return documents, objects


def _check_page(url: str, page: dict[str, object]) -> None:
    pagination, links, data = page["pagination"], page["links"], page["data"]
    assert isinstance(pagination, dict) and isinstance(links, dict)
    assert isinstance(data, list)
    assert links["self"] == url
    assert {"first", "last"} <= set(links)
    last = pagination["currentPage"] == pagination["totalPages"]
    assert ("next" in links) is not last, url
    assert ("prev" in links) is (pagination["currentPage"] > 1), url
    assert len(data) <= pagination["elementsPerPage"]
    ids = [item["id"] for item in data]
    assert ids == sorted(ids), url


@pytest.fixture
def site(app, server):
    folder, base = server
    outputs = [o for step in publication_steps(app, [a.id for a in app.areas()], base,
                                               pdf=False)
               for o in step.run()]
    write_site(outputs, folder)
    return folder, base, outputs


def test_the_published_site_is_a_crawlable_oparl_system(app, site):
    folder, base, outputs = site
    documents, objects = crawl(base + "oparl/system.json", base)
    kinds: dict[str, int] = {}
    for obj in objects.values():
        kind = str(obj["type"]).rsplit("/", 1)[1]
        kinds[kind] = kinds.get(kind, 0) + 1
    areas = len(app.areas())
    assert kinds["System"] == 1 and kinds["Body"] == areas
    assert kinds["Organization"] >= areas and kinds["Person"] >= 5
    assert kinds["Paper"] == 1 and kinds["Consultation"] == 1
    # three plan variants per area; Börde's evaluation is its own exporter's page, not a File
    assert kinds["Meeting"] >= 3 and kinds["File"] >= 3 * areas
    # every OParl file written is reachable from the System
    written = {base + o.name for o in outputs if o.name.startswith("oparl/")}
    assert written == {u for u in documents if u.startswith(base + "oparl/")}
    paper = objects[base + "oparl/body/nienburg/paper/2019-066.json"]
    (consultation,) = paper["consultation"]
    meeting = objects[consultation["meeting"]]
    assert meeting["start"] == "2019-05-14T00:00:00+02:00"
    assert meeting["organization"] == consultation["organization"] == [
        base + "oparl/body/nienburg/organization/ausschuss-soziales.json"]
    body = objects[base + "oparl/body/nienburg.json"]
    assert body["ags"] == "03256000" and body["web"] == base + "nienburg/index.html"
    adopted = objects[base + "oparl/body/boerde/meeting/kreistag-2022-06-29.json"]
    files = {f["accessUrl"] for f in adopted["auxiliaryFile"]}
    assert base + "boerde/lang/index.html" in files
    assert objects[base + "oparl/body/boerde/meeting/kreistag-2019-12-11.json"]
    area_page = (folder / "nienburg" / "index.html").read_text("utf-8")
    assert 'href="../oparl/body/nienburg.json"' in area_page


def test_paginated_lists_are_crawled_page_by_page(app, server):
    folder, base = server
    paper = app.documents("nienburg").papers[0]
    outputs = app.render(paper, "oparl", {"base_url": base, "page_size": "1"})
    write_outputs(outputs, folder)
    documents, objects = crawl(base + "oparl/system.json", base)
    area = app.area("nienburg").area
    organizations = len(area.bodies) + len(area.offices)  # bodies and the office registry
    assert (len(area.bodies), len(area.offices)) == (4, 5)
    pages = [u for u in documents if "/organization" in u and "data" in documents[u]]
    assert len(pages) == organizations  # one per page
    assert base + f"oparl/body/nienburg/organization-seite-{organizations}.json" in pages
    assert len([o for o in objects.values() if o["type"].endswith("Organization")]) \
        == organizations


def test_base_url_from_option_profile_or_preview(app):
    boerde = app.area("boerde").area
    assert site_base_url([boerde]) == PREVIEW_BASE_URL
    assert site_base_url([boerde], "https://example.de/teilhabe") == \
        "https://example.de/teilhabe/"
    from attrs import evolve

    a = evolve(boerde, base_url="https://a.example/")
    b = evolve(boerde, base_url="https://b.example/")
    assert site_base_url([a, boerde]) == "https://a.example/"
    with pytest.raises(UsageError, match="verschiedene Adressen"):
        site_base_url([a, b])
    with pytest.raises(UsageError, match="keine vollständige Web-Adresse"):
        site_base_url([boerde], "ftp://x")


def test_bad_base_url_in_profile_is_a_finding(app, tmp_path):
    from teilhabe_core.documents.checks import check

    area = app.area("nienburg").area
    from attrs import evolve

    (f,) = [f for f in check(evolve(area, base_url="www.landkreis.de")) if f.path == "base_url"]
    assert "keine vollständige Web-Adresse" in f.message


def test_oparl_output_is_deterministic(app):
    paper = app.documents("nienburg").papers[0]
    assert app.render(paper, "oparl") == app.render(paper, "oparl")


def test_publishing_one_area_keeps_every_body_in_the_system(app, server):
    from teilhabe_core import cli

    folder, base = server
    assert cli.main(["publish", "--no-pdf", "--out", str(folder), "--base-url", base]) == 0
    whole = {p.relative_to(folder).as_posix(): p.read_bytes()
             for p in folder.rglob("*") if p.is_file()}
    assert cli.main(["publish", "nienburg", "--no-pdf", "--out", str(folder)]) == 0
    areas = sorted(a.id for a in app.areas())
    documents, _ = crawl(base + "oparl/system.json", base)
    bodies = documents[base + "oparl/body.json"]["data"]
    assert sorted(b["web"].removeprefix(base).split("/")[0] for b in bodies) == areas
    index = (folder / "index.html").read_text("utf-8")
    sitemap = (folder / "sitemap.xml").read_text("utf-8")
    for area in areas:
        assert f'href="{area}/index.html"' in index
        assert f"<loc>{base}{area}/index.html</loc>" in sitemap
    again = {p.relative_to(folder).as_posix(): p.read_bytes()
             for p in folder.rglob("*") if p.is_file()}
    # the same documents give the same site, the manifest aside (it lists what was written)
    del whole[".manifest.teilhabe.json"], again[".manifest.teilhabe.json"]
    assert again == whole
