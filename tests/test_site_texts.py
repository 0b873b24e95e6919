"""What a citizen reads on the published site: each thing said once, in German, with
German dates and no ids; link texts that say where they lead; no heading over an empty
section; Leichte Sprache pages in large type throughout, their own words split in the
area's style, every life area with its easy name; a plan not yet in Leichter Sprache says
so instead of showing standard German. Every test reads the published pages (or the
pages an exporter renders), not the templates."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from attrs import evolve, fields
from hypothesis import given
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.base.german import date_long
from teilhabe_core.model import Measure, Plan, PlanKind, Variant
from teilhabe_core.model.easy import publishes_easy
from teilhabe_core.publish.api import ExportContext, Output
from teilhabe_core.publish.changes import FIELDS
from teilhabe_core.publish.wording import in_style, names_version, titled
from tests.conftest import MINIMAL_PLAN, static_server
from tests.pages import is_easy_page, markdown_text, visible_text
from tests.test_axe import axe_tools  # noqa: F401 - the fixture: node, Chromium, npm
from tests.test_easy_pages import checker_for, easy_pages

AREAS = ("boerde", "mansfeld_suedharz", "neuruppin", "nienburg", "saale_orla")


def pages(site: Path) -> list[tuple[str, str]]:
    """(name below the site, html) of every published HTML page."""
    return [(p.relative_to(site).as_posix(), p.read_text("utf-8"))
            for p in sorted(site.rglob("*.html"))]


class Links(HTMLParser):
    """The links of a page: (text, href), and the texts of the links in each list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.lists: list[list[str]] = []
        self.href: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.href, self.text = dict(attrs).get("href") or "", ""
        if tag in ("ul", "ol"):
            self.lists.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.href is not None:
            text = " ".join(self.text.split())
            self.links.append((text, self.href))
            if self.lists:
                self.lists[-1].append(text)
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.href is not None:
            self.text += data


def links_of(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


# -- a plan's version is said once ------------------------------------------------------


def plan(title: str, version: int = 1) -> Plan:
    return Plan(id="p", county="boerde", kind=PlanKind.ACTION_PLAN, title=title,
                version=version)


@given(st.text(max_size=60), st.integers(min_value=1, max_value=30))
def test_a_titled_plan_names_its_version_exactly_once_more_than_none(title, version):
    shown = titled(plan(title, version))
    assert names_version(shown, version)
    assert titled(plan(shown, version)) == shown  # never a second time
    if names_version(title, version):
        assert shown == title


@pytest.mark.parametrize(("title", "version", "shown"), [
    ("Aktionsplan", 1, "Aktionsplan, 1. Fassung"),
    ("Aktionsplan, 2. Fassung", 2, "Aktionsplan, 2. Fassung"),
    ("Aktionsplan (Fassung 3)", 3, "Aktionsplan (Fassung 3)"),
    ("Aktionsplan 2. Fortschreibung", 2, "Aktionsplan 2. Fortschreibung"),
    ("Aktionsplan 12. Fassung", 2, "Aktionsplan 12. Fassung, 2. Fassung"),
])
def test_titled_examples(title, version, shown):
    assert titled(plan(title, version)) == shown


def test_no_published_page_says_a_version_twice(published_site, app):
    for name, html in pages(published_site):
        text = visible_text(html)
        assert not re.search(r"(\d+)\. Fassung\W+\1\. Fassung", text), name
        assert not re.search(r"\d\. Fassung\s*\(\d+\. Fassung\)", text), name
    current = app.documents("boerde").current_plan()
    assert current.title.endswith(f"{current.version}. Fassung")  # the case of the brief
    area = visible_text((published_site / "boerde" / "index.html").read_text("utf-8"))
    kreistag = next(b.name for b in app.area("boerde").area.bodies
                    if b.id == current.adoption.body)
    assert (f"{current.title}, beschlossen am {date_long(current.adoption.date)} "
            f"vom {kreistag}.") in area.splitlines()


# -- link texts -------------------------------------------------------------------------


def test_area_pages_name_each_link_once_without_nesting_or_the_area_again(published_site, app):
    nested = re.compile(r"\([^()]*\(")
    for area_id in AREAS:
        area = app.area(area_id).area
        html = (published_site / area_id / "index.html").read_text("utf-8")
        found = links_of(html)
        for text, href in found.links:
            assert text, (area_id, href)
            assert not nested.search(text), (area_id, text)
            assert f"({area.name})" not in text, (area_id, text)
        for texts in found.lists:  # in one list every link says something else
            assert len(texts) == len(set(texts)), (area_id, texts)
    boerde = links_of((published_site / "boerde" / "index.html").read_text("utf-8"))
    (evaluation,) = app.documents("boerde").evaluations
    reports = [t for t, h in boerde.links if "evaluationsbericht/" in h]
    assert reports == [evaluation.title]


def test_no_page_nests_brackets_or_pads_them(published_site):
    for name, html in pages(published_site):
        text = visible_text(html)
        assert not re.search(r"\([^()\n]*\([^()\n]*\)[^()\n]*\)", text), name
        assert not re.search(r"\( | \)", text), name


# -- German, German dates, no ids -------------------------------------------------------


def test_pages_show_no_iso_dates_field_names_or_measure_ids(published_site, app):
    ids = {m.id for a in AREAS for p in app.documents(a).plans for m in p.measures}
    for name, html in pages(published_site):
        text = visible_text(html)
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), name
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), name  # easy_title, in_progress
        words = set(re.findall(r"[\w-]+", text))
        assert not words & ids, (name, words & ids)


def test_the_changes_page_names_every_field_in_german(published_site, app):
    from teilhabe_core.evaluation.diff import IGNORED_PLAN_FIELDS, PLAN_LISTS

    named = set(FIELDS) | {"life_areas"}
    assert {f.name for f in fields(Measure)} - {"id"} <= named
    assert {f.name for f in fields(Plan)} - set(IGNORED_PLAN_FIELDS + PLAN_LISTS) <= named
    text = visible_text((published_site / "boerde" / "aenderungen" /
                         "boerde-aktionsplan-2.html").read_text("utf-8"))
    old, new = app.documents("boerde").plans
    assert f"Vergleich von „{titled(new)}“" in text and f"mit „{titled(old)}“" in text
    assert "Leichte Sprache (in Arbeit)" in text  # a publication's state, in German
    assert "abgelöst" in text and "in Umsetzung" in text  # the plan's status
    for count in re.findall(r"^(\d+) (Maßnahmen?) ", text, re.M):
        assert (count[0] == "1") == (count[1] == "Maßnahme"), count
    html = (published_site / "boerde" / "aenderungen" / "boerde-aktionsplan-2.html").read_text(
        "utf-8")
    bodies = re.findall(r"</caption>(.*?)</table>", html, re.S)
    assert len(bodies) == len(set(bodies)) > 1  # the same changes are one table


# -- sections and Markdown -------------------------------------------------------------


class Sections(HTMLParser):
    """The headings of ``main`` and whether anything stands between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[int, str]] = []  # (level, heading) or (0, content)
        self.main = 0
        self.level = 0
        self.heading = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.main += tag == "main"
        if self.main and re.fullmatch(r"h[1-6]", tag):
            self.level, self.heading = int(tag[1]), ""
        elif self.main and not self.level and tag in ("table", "img", "svg", "li", "dd"):
            self.events.append((0, tag))

    def handle_endtag(self, tag: str) -> None:
        self.main -= tag == "main"
        if self.level and tag == f"h{self.level}":
            self.events.append((self.level, " ".join(self.heading.split())))
            self.level = 0

    def handle_data(self, data: str) -> None:
        if self.level:
            self.heading += data
        elif self.main and data.strip():
            self.events.append((0, data.strip()))


def empty_sections(html: str) -> list[str]:
    parser = Sections()
    parser.feed(html)
    events = parser.events
    return [heading for i, (level, heading) in enumerate(events) if level and (
        i + 1 == len(events) or 0 < events[i + 1][0] <= level)]


def test_no_heading_stands_over_an_empty_section(published_site):
    for name, html in pages(published_site):
        assert empty_sections(html) == [], name
    assert empty_sections("<main><h1>A</h1><h2>B</h2><p>x</p><h2>C</h2></main>") == ["C"]


def test_markdown_downloads_keep_their_blocks_apart(published_site):
    for path in sorted(published_site.rglob("*.md")):
        lines = path.read_text("utf-8").splitlines()
        for before, line in itertools.pairwise(lines):
            if line.startswith("#"):
                assert before == "", (path.name, line)
            if before.startswith("- ") and line and not line.startswith("- "):
                raise AssertionError((path.name, before, line))  # lazy continuation
        text = "\n".join(lines)
        assert not re.search(r"\S- (Ziele|Beschluss|Finanzierung|UN-BRK)", text), path.name
        assert "Kennung" not in text, path.name


def test_the_example_note_stands_exactly_where_examples_are_marked(published_site, app):
    titles = [p.title for a in AREAS for p in app.documents(a).plans]
    for name, html in pages(published_site):
        text = visible_text(html)
        for title in titles:  # a title saying "(Beispiel)" marks itself
            text = text.replace(title, "")
        note = "erfundene Beispiele" in text or "Diese Beispiele haben wir erfunden." in text
        marked = 'class="badge">Beispiel<' in html or "(Beispiel)" in text
        assert note == marked, (name, note, marked)


# -- plan pages -------------------------------------------------------------------------


def test_versions_link_each_other_and_an_old_one_says_it_is_old(published_site, app):
    old, _ = app.documents("boerde").plans
    current = (published_site / "boerde" / "lang" / "index.html").read_text("utf-8")
    assert (titled(old), "../fassungen/boerde-aktionsplan-1/lang/index.html") in \
        links_of(current).links
    for variant in ("lang", "kurz", "leicht"):
        page = published_site / "boerde" / "fassungen" / "boerde-aktionsplan-1" / variant
        html = (page / "index.html").read_text("utf-8")
        hrefs = [h for _, h in links_of(html).links]
        assert f"../../../{variant}/index.html" in hrefs
        assert ("Das ist ein alter Plan." if variant == "leicht"
                else "Diese Fassung ist nicht mehr aktuell.") in visible_text(html)
    assert "nicht mehr aktuell" not in visible_text(current)


def test_a_period_says_from_when_and_until_when(published_site, app):
    plan = app.documents("boerde").current_plan()
    for measure in plan.measures:
        page = published_site / "boerde" / "kurz" / f"{measure.life_areas[0]}.html"
        text = visible_text(page.read_text("utf-8"))
        if measure.start and not measure.end:
            assert f"ab {date_long(measure.start)}" in text, measure.id
        elif measure.start and measure.end:
            assert f"{date_long(measure.start)} bis {date_long(measure.end)}" in text


def test_the_participation_page_links_each_public_paper(published_site, app):
    from teilhabe_core.publish.domain_data import paper_page_name

    linked = 0
    for area_id in AREAS:
        area = app.area(area_id).area
        if not area.participation:
            continue
        page = published_site / area_id / "beteiligung" / "index.html"
        found = links_of(page.read_text("utf-8")).links
        public = {p.reference: p for p in app.documents(area_id).papers if p.public}
        for step in area.participation:
            if step.paper in public:
                href = f"../vorlagen/{paper_page_name(public[step.paper])}"
                assert (f"Vorlage {step.paper}", href) in found
                assert (page.parent / href).resolve().is_file()
                linked += 1
    assert linked >= 2


# -- Leichte Sprache --------------------------------------------------------------------


def test_every_shipped_life_area_has_an_easy_name_that_passes_and_is_shown(
        app, published_site):
    count = 0
    for area_id in AREAS:
        checker = checker_for(app, area_id)
        owners = [app.area(area_id).area, *app.documents(area_id).plans]
        for owner in owners:
            for life_area in owner.life_areas:
                count += 1
                assert life_area.easy_name, (area_id, life_area.id)
                errors = [f for f in checker.check(life_area.easy_name) if f.level == "error"]
                assert errors == [], (area_id, life_area.easy_name, errors)
        plan = app.documents(area_id).current_plan()
        if not publishes_easy(plan, app.area(area_id).area):
            continue
        for life_area in plan.life_areas:
            html = (published_site / area_id / "leicht" / f"{life_area.id}.html").read_text(
                "utf-8")
            assert f"<h1>{life_area.easy_name}" in html  # (with a badge for an example)
    assert count == 51  # five profiles and six plans


def test_easy_pages_write_their_own_words_split(published_site):
    seen = 0
    for _, name, text in easy_pages(published_site):
        assert "Maßnahme" not in text, name
        seen += "Maß·nahme" in text
    assert seen >= 6  # every plan index in Leichter Sprache, the paper summary


def test_an_area_writing_with_hyphens_gets_hyphens_on_its_easy_pages(app):
    from teilhabe_plugins.default_exporters.publication import plan_pages

    from teilhabe_core.publish.navigation import navigable

    source = app.area("boerde").area
    hyphen = evolve(source, easy_language=evolve(source.easy_language,
                                                 compound_style="hyphen"))
    plan = app.documents("boerde").current_plan()
    context = ExportContext(app=app, area=hyphen, documents=app.documents("boerde"),
                            variant=Variant.EASY)
    html = dict(plan_pages(plan, context, True, True))["index.html"]
    (page,) = navigable([Output("boerde/leicht/index.html", html)], hyphen)
    text = visible_text(page.data().decode())
    assert "Maß-Nahmen" in text and "Prüf-Gruppe" in text and "Land-Kreis Börde" in text
    assert "Barriere-Freiheit in Leichter Sprache" in text  # the footer link
    assert not re.search(r"[^\W\d_]·[^\W\d_]", text)
    assert in_style("Land·kreis · barriere·frei", "mediopunkt") == "Land·kreis · barriere·frei"
    assert in_style("Land·kreis · barriere·frei", "hyphen") == "Land-Kreis · barriere-frei"


def test_a_plan_not_in_leichter_sprache_gets_one_easy_page_that_says_so(app):
    from teilhabe_plugins.default_rules.easy_language import missing_titles

    bare = th.loads(MINIMAL_PLAN)  # no easy text at all; Börde publishes the easy variant
    written = evolve(bare, easy_text="Das ist ein Plan.")
    listed = evolve(bare, publications=(th.Publication(Variant.EASY),))
    context = app.documents("boerde").context()
    checker = checker_for(app, "boerde")
    for version in (bare, written, listed):
        outputs = app.render(version, "html", {"variant_links": True}, variant=Variant.EASY)
        html = {o.name: str(o.content) for o in outputs if o.name.endswith(".html")}
        text = visible_text(html["index.html"])
        in_easy = publishes_easy(version, app.area("boerde").area)
        # the page and `validate` agree on which plans are in Leichter Sprache
        assert bool(list(missing_titles(version, context))) is in_easy
        if in_easy:
            assert "bildung.html" in html
            continue
        assert set(html) == {"index.html"}
        assert "Diesen Plan gibt es noch nicht in Leichter Sprache." in text
        assert "Testplan" not in text and "Erste Maßnahme" not in text
        assert "Die lange Fassung" in text and "Die kurze Fassung" in text
        assert [f for f in checker.check(text) if f.level == "error"] == []
        (markdown,) = app.render(version, "markdown", variant=Variant.EASY)
        md = markdown_text(str(markdown.content))
        assert "Diesen Plan gibt es noch nicht in Leichter Sprache." in md
        assert "Erste Maßnahme" not in md


def test_the_site_says_where_a_plan_is_not_yet_in_leichter_sprache(app, tmp_path, monkeypatch):
    """Nienburg's draft with its publications naming only the long version: its easy
    page, the area page and the paper's easy summary say the plan is not yet in Leichter
    Sprache (the easy titles and texts stay unused)."""
    from teilhabe_core import cli
    from teilhabe_core.plugin import area_from_folder, hookimpl

    copy = tmp_path / "nienburg"
    shutil.copytree(app.area("nienburg").profile_file.parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    data = copy / "data" / "aktionsplan-entwurf.yaml"
    text = data.read_text("utf-8")
    assert text.endswith("- variant: easy\n  state: planned\n")
    data.write_text(text.removesuffix("- variant: easy\n  state: planned\n"), "utf-8")

    class Copy:
        @hookimpl
        def teilhabe_areas(self):
            return [area_from_folder(copy)]

    long_only = th.Teilhabe.discover(disable=["nienburg"], plugins=[Copy()])
    plan = long_only.documents("nienburg").current_plan()
    assert not publishes_easy(plan, long_only.area("nienburg").area)
    monkeypatch.setattr(cli.common, "make_app", lambda: long_only)
    site = tmp_path / "site"
    assert cli.main(["publish", "nienburg", "--no-pdf", "--out", str(site)]) == 0
    easy = site / "nienburg" / "leicht"
    assert [p.name for p in easy.glob("*.html")] == ["index.html"]
    page = visible_text((easy / "index.html").read_text("utf-8"))
    assert "Diesen Plan gibt es noch nicht in Leichter Sprache." in page
    assert not any(m.easy_title in page or m.title in page for m in plan.measures)
    area = links_of((site / "nienburg" / "index.html").read_text("utf-8")).links
    assert ("Leichte Sprache (noch nicht erschienen)", "leicht/index.html") in area
    paper = visible_text((site / "nienburg" / "vorlagen" /
                          "vorlage-2019-066-leicht.html").read_text("utf-8"))
    assert "Den Plan gibt es noch nicht in Leichter Sprache." in paper
    assert "Hier ist der Plan in Leichter Sprache." not in paper
    shipped = (site / "nienburg" / "leicht" / "index.html").read_text("utf-8")
    assert "Die Themen im Plan" not in shipped


# -- the type a reader gets (real browser) ----------------------------------------------


def test_easy_pages_are_large_type_everywhere(axe_tools, published_site, tmp_path):  # noqa: F811
    """In Chromium: on every Leichte Sprache page no visible text (breadcrumbs, footer,
    badges included) is smaller than the page's body text, which is at least 20 px; a
    standard page's footer is smaller, so the check sees a difference."""
    from tests.test_axe import BROWSER_TOOLS, CHROMIUM

    easy = [n for n, html in pages(published_site) if is_easy_page(html)]
    standard = ["boerde/lang/index.html"]
    with static_server(published_site) as base:
        listing = tmp_path / "urls.json"
        listing.write_text(json.dumps([base + n for n in easy + standard]), "utf-8")
        done = subprocess.run(["node", str(BROWSER_TOOLS / "type-sizes.mjs"), str(listing),
                               CHROMIUM], cwd=BROWSER_TOOLS, capture_output=True, text=True,
                              timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result = {p["url"][len(base):]: p for p in json.loads(done.stdout)["pages"]}
    assert len(result) == len(easy) + 1 > 40
    for name in easy:
        page = result[name]
        assert page["body"] >= 20, name
        small = [(t["tag"], t["text"][:40], t["size"]) for t in page["texts"]
                 if t["size"] < page["body"]]
        assert small == [], name
    footer = result["boerde/lang/index.html"]
    assert min(t["size"] for t in footer["texts"]) < footer["body"]
