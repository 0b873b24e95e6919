"""Exporters: API, every shipped document in every format, safety, determinism, OParl."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from attrs import define, evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.app import Teilhabe
from teilhabe_core.base.fileio import safe_join
from teilhabe_core.model import Variant
from teilhabe_core.plugin import hookimpl
from teilhabe_core.publish.api import Exporter, Output, write_outputs
from tests.conftest import SHARED
from tests.strategies import plans

OPARL = SHARED / "reference" / "oparl-1.1-schema"


def shipped(app):
    for source in app.areas():
        for loaded in app.documents(source.id).loaded:
            yield source.id, loaded.document


def doc(app, area_id, cls, ident=None):
    for item in app.documents(area_id).loaded:
        d = item.document
        if isinstance(d, cls) and (ident is None or getattr(d, "id", None) == ident):
            return d
    raise LookupError(area_id)


def test_listing_exporters_with_options_is_one_call(app):
    listing = {d["id"]: d for d in app.describe_exporters()}
    for ident in ("json", "yaml", "csv", "xlsx", "html", "markdown", "oparl", "ical",
                  "evaluation-html", "evaluation-markdown", "nienburg-vorlage",
                  "saale-orla-zeitplan", "boerde-evaluationsbericht", "msh-barrierenregister",
                  "kommune-inklusiv-auswahl"):
        assert ident in listing
    html = listing["html"]
    assert html["accepts"] == ["plan"] and html["variants"] == ["long", "short", "easy"]
    assert html["options"][0]["name"] == "include_examples"
    assert listing["nienburg-vorlage"]["areas"] == ["nienburg"]
    assert listing["json"]["areas"] == []


def test_every_shipped_document_exports_in_every_format_deterministically(app, tmp_path):
    count = 0
    for area_id, document in shipped(app):
        for cls in app.exporters(document):
            if cls.media_type == "application/pdf":
                continue  # about a second each: tests/test_pdf.py
            for variant in cls.variants or (None,):
                first = app.render(document, cls.identifier, variant=variant)
                second = app.render(document, cls.identifier, variant=variant)
                assert [(o.name, o.data()) for o in first] == \
                    [(o.name, o.data()) for o in second], cls.identifier
                out = tmp_path / area_id / cls.identifier / str(variant)
                paths = write_outputs(first, out)
                assert all(p.is_file() and out.resolve() in p.parents for p in paths)
                count += 1
    assert count >= 40


def test_bad_options_get_path_style_errors(app):
    plan = doc(app, "boerde", th.Plan, "boerde-aktionsplan-2")
    with pytest.raises(th.ExportError) as info:
        app.render(plan, "html", {"include_examples": "vielleicht"})
    (f,) = info.value.findings
    assert f.path == "options.include_examples" and f.code == "expected-bool"
    with pytest.raises(th.ExportError, match=r"Meinten Sie 'include_examples'\?"):
        app.render(plan, "html", {"include_example": "false"})
    hidden = app.render(plan, "html", {"include_examples": "false"})
    assert "Beispiel</span>" not in "".join(o.content for o in hidden
                                             if isinstance(o.content, str))


def test_unknown_format_and_wrong_document(app):
    paper = doc(app, "nienburg", th.CouncilPaper)
    with pytest.raises(th.ExportError, match="Installiert sind"):
        app.render(paper, "docx")
    with pytest.raises(th.ExportError, match="passt nicht"):
        app.render(paper, "csv")


def test_area_exporters_apply_only_to_their_area(app):
    paper = doc(app, "nienburg", th.CouncilPaper)
    foreign = evolve(paper, county="boerde", consultations=())
    assert "nienburg-vorlage" in [c.identifier for c in app.exporters(paper)]
    assert "nienburg-vorlage" not in [c.identifier for c in app.exporters(foreign)]
    with pytest.raises(th.ExportError, match="nur für nienburg"):
        app.render(foreign, "nienburg-vorlage")


@pytest.mark.parametrize("name", ["../x.html", "/etc/passwd", "a/../../b", "a\\b", "", "a\x00",
                                  "C:evil", "a/./../../x"])
def test_output_names_never_leave_the_folder(tmp_path, name):
    with pytest.raises(th.ExportError):
        safe_join(tmp_path, name)
    with pytest.raises(th.ExportError):
        write_outputs([Output("ok.txt", "a"), Output(name, "b")], tmp_path / "out")
    assert not (tmp_path / "out").exists()  # checked before anything is written


def test_exporter_crash_becomes_export_error(app):
    class Broken(Exporter):
        identifier = "broken"
        accepts = (th.Plan,)

        def render(self, document, context):
            raise KeyError("boom")

    class Plugin:
        @hookimpl
        def teilhabe_exporters(self):
            return [Broken]

    fresh = Teilhabe.discover(plugins=[Plugin()])
    with pytest.raises(th.ExportError, match="broken"):
        fresh.render(doc(app, "boerde", th.Plan), "broken")


def test_duplicate_exporter_identifier_is_a_plugin_error():
    class Twin(Exporter):
        identifier = "json"
        accepts = (th.Plan,)

    class Plugin:
        @hookimpl
        def teilhabe_exporters(self):
            return [Twin]

    with pytest.raises(th.PluginError, match="json"):
        Teilhabe.discover(plugins=[Plugin()]).exporters()


def test_json_and_yaml_round_trip_with_loader(app):
    for _, document in shipped(app):
        for fmt in ("json", "yaml"):
            (out,) = app.render(document, fmt)
            assert th.loads(out.content, fmt) == document


# -- CSV / XLSX ---------------------------------------------------------------------


def read_csv(output: Output) -> list[list[str]]:
    data = output.data()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert not text.lower().startswith("sep=")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_csv_for_german_excel(app):
    plan = doc(app, "boerde", th.Plan, "boerde-aktionsplan-2")
    (out,) = app.render(plan, "csv")
    table = read_csv(out)
    header = table[0]
    first = dict(zip(header, table[1], strict=True))
    assert first["Beginn"] == "01.01.2020" and first["Ende"] == "31.12.2023"
    assert first["Kosten (EUR)"] == "2.500,00"
    assert first["Status"] == "in Umsetzung"
    assert len(table) == len(plan.measures) + 1


def test_formula_cells_are_neutralised_and_import_restores_them(app, tmp_path):
    plan = doc(app, "boerde", th.Plan, "boerde-aktionsplan-2")
    evil = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "\nx", "'=x"]
    measures = tuple(evolve(m, title=evil[i % len(evil)], notes=evil[(i + 1) % len(evil)])
                     for i, m in enumerate(plan.measures))
    plan = evolve(plan, measures=measures)
    (out,) = app.render(plan, "csv")
    for row in read_csv(out)[1:]:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))
    path = tmp_path / "m.csv"
    path.write_bytes(out.data())
    back = app.importer("csv")().read(path, evolve(plan, measures=()))
    assert back.measures == plan.measures


def test_csv_round_trip_of_every_shipped_plan(app, tmp_path):
    for _, document in shipped(app):
        if isinstance(document, th.Plan):
            (out,) = app.render(document, "csv")
            path = tmp_path / out.name
            path.write_bytes(out.data())
            assert app.importer("csv")().read(path, document) == document


def test_xlsx_sheets_text_cells_and_round_trip(app, tmp_path):
    from openpyxl import load_workbook

    plan = doc(app, "boerde", th.Plan, "boerde-aktionsplan-2")
    plan = evolve(plan, measures=(evolve(plan.measures[0], title="=1+1"), *plan.measures[1:]))
    (out,) = app.render(plan, "xlsx")
    path = tmp_path / out.name
    path.write_bytes(out.data())
    book = load_workbook(path)
    assert book.sheetnames == ["Übersicht", *[la.name for la in plan.life_areas]]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f"
    with zipfile.ZipFile(path) as z:
        assert not any("<f>" in z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert book["Mobilität"]["B2"].value == "'=1+1"
    assert app.importer("xlsx")().read(path, plan) == plan


def test_import_reports_every_bad_row_and_changes_nothing(app, tmp_path):
    plan = doc(app, "boerde", th.Plan, "boerde-aktionsplan-2")
    (out,) = app.render(plan, "csv")
    table = read_csv(out)
    status = table[0].index("Status")
    start = table[0].index("Beginn")
    table[2][status] = "fast fertig"
    table[4][start] = "31.02.2021"
    table[5][table[0].index("Lebensbereiche")] = "weltall"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(table)
    path = tmp_path / "bad.csv"
    path.write_text("\ufeff" + buffer.getvalue(), "utf-8")
    with pytest.raises(th.DocumentError) as info:
        app.importer("csv")().read(path, plan)
    found = sorted((f.line, f.code) for f in info.value.findings)
    assert (3, "enum") in found and (5, "invalid-date") in found
    assert (6, "dangling-reference") in found
    paths = [f.path for f in info.value.findings]
    letter = {h: chr(ord("A") + i) for i, h in enumerate(table[0])}  # the cell's column
    assert f"{letter['Status']}3 (Status)" in paths
    assert f"{letter['Lebensbereiche']}6 (Lebensbereiche)" in paths


# -- HTML / Markdown ----------------------------------------------------------------

ALLOWED_TAGS = {"html", "head", "meta", "title", "link", "body", "a", "header", "main",
                "footer", "p", "nav", "ol", "li", "h1", "h2", "h3", "dl", "dt", "dd", "table",
                "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "ul", "section",
                "span", "strong", "div", "style", "figure", "figcaption", "svg", "desc",
                "line", "text", "rect", "circle", "polygon", "polyline", "dfn"}


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[int] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.captions = 0
        self.tables = 0
        self.lang = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag in ("h1", "h2", "h3", "h4"):
            self.headings.append(int(tag[1]))
        self.tables += tag == "table"
        self.captions += tag == "caption"


def check_page(html: str) -> Page:
    page = Page()
    page.feed(html)
    assert page.lang == "de"
    assert set(page.tags) <= ALLOWED_TAGS, set(page.tags) - ALLOWED_TAGS
    assert page.headings.count(1) == 1
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, page.headings
    assert page.tables == page.captions
    first_link = next(a for t, a in page.attrs if t == "a")
    assert first_link.get("href") == "#inhalt"
    for _, attrs in page.attrs:
        for name in ("href", "src"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "//", "javascript:")), value
    return page


def test_html_site_is_accessible_for_every_plan_and_variant(app):
    from teilhabe_core.model.easy import publishes_easy

    for _, document in shipped(app):
        if not isinstance(document, th.Plan):
            continue
        for variant in Variant:
            outputs = app.render(document, "html", variant=variant)
            names = [o.name for o in outputs]
            assert "index.html" in names and "style.css" in names
            area = app.area(document.county).area
            pages = 0 if variant is Variant.EASY and not publishes_easy(document, area) \
                else len(document.life_areas)  # else one page says it is not there yet
            assert len(names) == 2 + pages
            for o in outputs:
                if o.name.endswith(".html"):
                    check_page(o.content)
                    if variant is Variant.EASY:
                        assert 'class="easy"' in o.content


def test_german_dates_money_and_vocabulary(app):
    plan1 = doc(app, "boerde", th.Plan, "boerde-aktionsplan-1")
    index = {o.name: o.content for o in app.render(plan1, "html")}
    assert "am 11. Dezember 2019" in index["index.html"]
    assert "Themengebiete" in index["index.html"]
    assert "2.500,00\u00a0€" in index["mobilitaet.html"]
    work_plan = doc(app, "saale_orla", th.Plan)
    assert "Handlungsfelder" in app.render(work_plan, "html")[1].content


def test_county_can_override_templates_without_copying_an_exporter(app, tmp_path):
    import shutil

    from teilhabe_core.plugin import area_from_folder

    source = app.area("boerde")
    copy = tmp_path / "boerde"
    shutil.copytree(source.profile_file.parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (copy / "templates" / "plan_index.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block main %}<h1>Eigene Startseite</h1>'
        "{% endblock %}", "utf-8")

    class Copy:
        @hookimpl
        def teilhabe_areas(self):
            return [area_from_folder(copy)]

    fresh = Teilhabe.discover(disable=["boerde"], plugins=[Copy()])
    plan = doc(fresh, "boerde", th.Plan, "boerde-aktionsplan-2")
    pages = {o.name: o.content for o in fresh.render(plan, "html")}
    assert "Eigene Startseite" in pages["index.html"]
    assert "Eigene Startseite" not in pages["mobilitaet.html"]


def test_markdown_variants(app):
    plan = doc(app, "boerde", th.Plan, "boerde-aktionsplan-2")
    long = app.render(plan, "markdown", variant=Variant.LONG)[0].content
    short = app.render(plan, "markdown", variant=Variant.SHORT)[0].content
    easy = app.render(plan, "markdown", variant=Variant.EASY)[0].content
    assert long.startswith("# Unsere Vision für Inklusion")
    assert "Problemlage:" in long and "Problemlage:" not in short
    assert "Kreis·tag hat den neuen Plan" in easy


def test_evaluation_report_counts(app):
    evaluation = doc(app, "boerde", th.Evaluation)
    md = app.render(evaluation, "evaluation-markdown")[0].content
    total = len(evaluation.entries)
    assert f"| Gesamt | {total} |" in md
    html = app.render(evaluation, "boerde-evaluationsbericht")[0].content
    check_page(html)
    assert "4. Ausblick auf die Fortschreibung" in html and "2. Fassung" in html


# -- OParl ---------------------------------------------------------------------------


def oparl_validators(folder: str):
    from jsonschema import Draft4Validator, Draft7Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4, DRAFT7

    base = OPARL / folder
    schemas = {p.stem: json.loads(p.read_text("utf-8")) for p in base.glob("*.json")}
    spec, cls = (DRAFT7, Draft7Validator) if folder.startswith("draft") else (DRAFT4,
                                                                              Draft4Validator)
    registry = Registry().with_resources(
        (uri, Resource.from_contents(s, default_specification=spec))
        for name, s in schemas.items()
        for uri in (f"https://schema.oparl.org/1.1/{name}",
                    f"https://schema.oparl.org/1.1/{name}.json"))
    return {name: cls(schema, registry=registry) for name, schema in schemas.items()}


@pytest.mark.parametrize("folder", ["v1.1.1", "draft-07-branch"])
def test_nienburg_paper_validates_against_oparl(app, folder):
    validators = oparl_validators(folder)
    paper = doc(app, "nienburg", th.CouncilPaper)
    files = {o.name: json.loads(o.content) for o in app.render(paper, "oparl")}
    checked = 0
    for name, data in files.items():
        for obj in data.get("data", [data]):
            kind = obj["type"].rsplit("/", 1)[1]
            errors = [e.message for e in validators[kind].iter_errors(obj)]
            assert errors == [], (name, errors)
            checked += 1
    body = files["oparl/body/nienburg.json"]
    assert body["ags"] == "03256000"
    main = files["oparl/body/nienburg/paper/2019-066.json"]
    assert main["reference"] == "2019/066" and main["date"] == "2019-04-26"
    (consultation,) = main["consultation"]
    assert consultation["organization"] == [
        "http://localhost:8000/oparl/body/nienburg/organization/ausschuss-soziales.json"]
    assert checked >= 12


def test_embedded_objects_are_checked_by_draft07_schemas(app):
    validators = oparl_validators("draft-07-branch")
    paper = doc(app, "nienburg", th.CouncilPaper)
    (data,) = [json.loads(o.content) for o in app.render(paper, "oparl")
               if o.name == "oparl/body/nienburg/paper/2019-066.json"]
    data["consultation"][0]["authoritative"] = "ja"
    assert list(validators["Paper"].iter_errors(data))


def test_ags_padding(app):
    from teilhabe_plugins.default_exporters.oparl import pad_ags

    assert pad_ags("15083") == "15083000" and pad_ags("03256") == "03256000"


# -- iCalendar -----------------------------------------------------------------------


def test_icalendar_phases_with_stable_uids(app):
    from icalendar import Calendar

    plan = doc(app, "saale_orla", th.Plan)
    first = app.render(plan, "ical")[0].data()
    cal = Calendar.from_ical(first)
    events = cal.walk("VEVENT")
    phases = [e for e in events if "-phase-" in str(e["uid"])]
    assert len(phases) == 6
    assert str(phases[0]["uid"]) == \
        "saale_orla-saale-orla-arbeitsplan-2022-2025-phase-1@teilhabe.example.org"
    assert str(phases[5]["summary"]) == "Kreistagsbeschluss"
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    starts = [m for m in plan.measures if m.start]
    assert sum(str(e["summary"]).startswith("Beginn: ") for e in events) == len(starts) > 0
    assert app.render(plan, "ical")[0].data() == first  # stable UIDs, same bytes
    with_deadlines = app.render(plan, "ical", {"deadlines_on": "2023-05-01"})[0].data()
    assert len(Calendar.from_ical(with_deadlines).walk("VEVENT")) > len(events)
    paper = doc(app, "nienburg", th.CouncilPaper)
    (event,) = Calendar.from_ical(app.render(paper, "ical")[0].data()).walk("VEVENT")
    assert event["dtstart"].dt.isoformat() == "2019-05-14"


# -- Properties ------------------------------------------------------------------------


@define
class Box:
    plan: th.Plan


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plans(), st.sampled_from(["<script>alert(1)</script>", "=cmd|' /C calc'!A0",
                                 "../../etc/passwd", "\u202eevil", "😀\x00\"'&<>"]))
def test_arbitrary_text_never_breaks_an_exporter(app, tmp_path_factory, plan, nasty):
    plan = evolve(plan, title=nasty + plan.title, intro=nasty,
                  measures=tuple(evolve(m, title=nasty + m.title, notes=nasty)
                                 for m in plan.measures))
    out = tmp_path_factory.mktemp("out")
    for cls in app.exporters(plan):
        if cls.media_type == "application/pdf":
            continue  # too slow per example; tests/test_pdf.py renders nasty text once
        for variant in cls.variants or (None,):
            try:
                outputs = app.render(plan, cls.identifier, variant=variant)
            except th.ExportError:
                continue
            paths = write_outputs(outputs, out / cls.identifier / str(variant))
            assert all(out.resolve() in p.parents for p in paths)
            for o in outputs:
                if o.name.endswith(".html"):
                    check_page(o.content)
                    assert "<script" not in o.content
                if o.name.endswith(".csv"):
                    for row in read_csv(o)[1:]:
                        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))
                                       for v in row)
                if o.name.endswith(".md"):
                    assert "<script" not in o.content
                if o.name.endswith(".xlsx"):
                    with zipfile.ZipFile(io.BytesIO(o.data())) as z:
                        assert not any("<f>" in z.read(n).decode("utf-8", "replace")
                                       for n in z.namelist())
                if o.name.endswith(".json"):
                    assert th.loads(o.content, "json") == plan


def test_written_files_are_replaced_atomically(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("alt", "utf-8")
    write_outputs([Output("a.txt", "neu")], tmp_path)
    assert target.read_text("utf-8") == "neu"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temp files left


def test_paths_helper():
    assert isinstance(safe_join(Path("/tmp"), "a/b.html"), Path)


def test_importers_come_from_plugins(app, tmp_path):
    from teilhabe_core.publish.api import Importer

    class Lines(Importer):
        identifier = "lines"
        extensions = (".txt",)

        def read(self, path, target):
            titles = path.read_text("utf-8").splitlines()
            return evolve(target, measures=tuple(
                th.Measure(id=f"z{i}", title=t, life_areas=(target.life_areas[0].id,))
                for i, t in enumerate(titles)))

    class Plugin:
        @hookimpl
        def teilhabe_importers(self):
            return [Lines]

    fresh = Teilhabe.discover(plugins=[Plugin()])
    assert [c.identifier for c in fresh.importers()] == ["csv", "indicator-csv", "lines", "xlsx"]
    source = tmp_path / "t.txt"
    source.write_text("Eins\nZwei\n", "utf-8")
    plan = fresh.importer("lines")().read(source, doc(app, "boerde", th.Plan))
    assert [m.title for m in plan.measures] == ["Eins", "Zwei"]
    with pytest.raises(th.ExportError, match="Unbekannter Import"):
        fresh.importer("pdf")
