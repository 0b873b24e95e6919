"""Accessible PDF: each plan variant and each evaluation report as tagged PDF/UA-1, read
back with pypdf from the real file (structure tree, language, bookmarks, alt texts)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pypdf
from attrs import evolve
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

import teilhabe_core as th
from teilhabe_core.publish.site import publication_steps, write_site
from tests.conftest import MINIMAL_PLAN
from tests.test_oparl import crawl, server  # noqa: F401 - the fixture


def _tags(node: object) -> Iterator[tuple[str, object]]:
    """Every structure element (tag, alt text) below ``node``."""
    node = node.get_object() if isinstance(node, IndirectObject) else node
    if not isinstance(node, DictionaryObject):
        return
    if "/S" in node:
        yield str(node["/S"]), node.get("/Alt")
    kids = node.get("/K")
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        if isinstance(kid, IndirectObject | DictionaryObject):
            yield from _tags(kid)


def _outline(items: list[object]) -> Iterator[str]:
    for item in items:
        if isinstance(item, list):
            yield from _outline(item)
        else:
            yield " ".join(str(item["/Title"]).split())  # type: ignore[index]


def check_tagged(data: bytes) -> pypdf.PdfReader:
    """The PDF/UA basics: tagged, marked, German, title shown, PDF/UA-1 declared."""
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert root["/Lang"] == "de"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert reader.metadata is not None and reader.metadata.title
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", xmp), xmp[:400]
    tags = [t for t, _ in _tags(root["/StructTreeRoot"])]
    assert "/H1" in tags and "/Sect" in tags
    return reader


def test_plan_pdf_is_tagged_with_bookmarks_alt_texts_and_measure_titles(app):
    plan = app.documents("saale_orla").current_plan()
    (first,) = app.render(plan, "pdf", variant=th.Variant.LONG)
    assert first.name == "saale-orla-arbeitsplan-2022-2025-lang.pdf"
    data = first.data()
    reader = check_tagged(data)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    bookmarks = list(_outline(reader.outline))
    for measure in plan.measures:
        title = " ".join(measure.title.split())
        assert title in text, title
        assert any(b.startswith(title) for b in bookmarks), title
    for life_area in plan.life_areas:
        assert life_area.name in bookmarks
    assert bookmarks[0].startswith(plan.title)
    figures = [alt for tag, alt in _tags(reader.trailer["/Root"]["/StructTreeRoot"])
               if tag == "/Figure"]
    assert len(figures) == len(plan.indicators) > 0
    assert all(alt and str(alt).strip() for alt in figures)
    assert reader.metadata["/CreationDate"] == "D:" + plan.period.start.strftime("%Y%m%d")
    # the same input gives the same bytes (no clock, no random ids)
    assert app.render(plan, "pdf", variant=th.Variant.LONG)[0].data() == data


def test_published_area_links_its_pdfs_and_lists_them_in_oparl(app, server):  # noqa: F811
    folder, base = server
    outputs = [o for step in publication_steps(app, ["boerde"], base) for o in step.run()]
    write_site(outputs, folder)
    page = (folder / "boerde" / "index.html").read_text("utf-8")
    pdfs = sorted(re.findall(r'href="(pdf/[^"]+\.pdf)"', page))
    assert pdfs == ["pdf/boerde-aktionsplan-2-kurz.pdf", "pdf/boerde-aktionsplan-2-lang.pdf",
                    "pdf/boerde-aktionsplan-2-leicht.pdf", "pdf/boerde-evaluation-2020.pdf"]
    plan = app.documents("boerde").current_plan()
    for href in pdfs:
        reader = check_tagged((folder / "boerde" / href).read_bytes())
        if "evaluation" in href:
            assert reader.metadata["/CreationDate"] == "D:20201231"
        else:
            assert reader.metadata["/CreationDate"] == "D:20220629"  # adopted
            text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
            first = plan.measures[0]
            assert (first.easy_title if "leicht" in href else first.title) in text
    _, objects = crawl(base + "oparl/system.json", base)  # every accessUrl resolves
    files = {o["accessUrl"] for o in objects.values() if o.get("mimeType") == "application/pdf"}
    assert files == {f"{base}boerde/{href}" for href in pdfs}


def test_nasty_text_is_escaped_in_the_pdf(app):
    nasty = "<script>alert(1)</script> \u202eevil 😀\x00\"'&"
    plan = th.loads(MINIMAL_PLAN)
    plan = evolve(plan, title=nasty, measures=(evolve(plan.measures[0], title=nasty),))
    (out,) = app.render(plan, "pdf", variant=th.Variant.SHORT)
    reader = check_tagged(out.data())
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "<script>alert(1)</script>" in text
