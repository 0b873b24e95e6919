"""The publication site as a county would put it online: navigation without dead ends,
calendars with events, the archive, legal pages, publishing into an existing site, one bad
area not blocking the others, and exporters only where opted in."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from teilhabe_core import cli
from teilhabe_core.app import Teilhabe
from teilhabe_core.model import Variant
from teilhabe_core.plugin import area_from_folder, hookimpl

AREAS = ("boerde", "mansfeld_suedharz", "neuruppin", "nienburg", "saale_orla")


class Page(HTMLParser):
    """The links and landmarks of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.crumbs = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("href", "src"):
            if values.get(key):
                self.refs.append(str(values[key]))
        if tag == "nav" and values.get("aria-label") == "Brotkrumen":
            self.crumbs = True


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    return page


def local(ref: str) -> bool:
    return not ref.startswith(("mailto:", "#", "https://", "http://"))


@pytest.fixture
def site(published_site: Path) -> Path:
    return published_site


def test_every_page_links_its_area_and_the_start_page_and_no_link_is_dead(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 120
    for path in pages:
        name = path.relative_to(site).as_posix()
        page = parse(path)
        targets = set()
        for ref in filter(local, page.refs):
            target = (path.parent / ref.split("#")[0]).resolve()
            assert target.is_file(), (name, ref)
            targets.add(target)
        html_links = {t for t in targets if t.suffix == ".html" and t != path.resolve()}
        assert html_links, f"{name} is a dead end"
        if name == "index.html":
            continue
        assert page.crumbs, f"{name} has no breadcrumbs"
        assert (site / "index.html").resolve() in targets, f"{name} does not link home"
        area = name.split("/")[0]
        if name != f"{area}/index.html":
            assert (site / area / "index.html").resolve() in targets, name


def test_every_area_calendar_has_events_with_unique_stable_uids(site, app):
    from icalendar import Calendar

    for area in AREAS:
        ics = site / area / "kalender" / f"{area.replace('_', '-')}.ics"
        events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
        assert events, area
        uids = [str(e["uid"]) for e in events]
        assert len(set(uids)) == len(uids)
        assert all(u.startswith(f"{area}-") for u in uids)
        again = app.render(app.area(area).area, "ical")[0].data()
        assert again == ics.read_bytes()  # stable UIDs and bytes
    plans = list((site / "boerde" / "kalender").glob("boerde-aktionsplan-*.ics"))
    assert len(plans) == 2  # one calendar per plan version


def test_archive_publishes_every_version_with_a_changes_page(site):
    area = (site / "boerde" / "index.html").read_text("utf-8")
    current = area.index("2. Fassung")
    earlier = area.index("1. Fassung, beschlossen am 11. Dezember 2019 vom Kreistag")
    assert current < earlier
    assert (site / "boerde/fassungen/boerde-aktionsplan-1/lang/index.html").is_file()
    assert (site / "boerde/fassungen/boerde-aktionsplan-1/leicht/index.html").is_file()
    changes = (site / "boerde/aenderungen/boerde-aktionsplan-2.html").read_text("utf-8")
    assert "<h1>Was hat sich geändert?</h1>" in changes
    for heading in ("Neue", "Fortgeführte", "Abgeschlossene", "Nicht weitergeführte"):
        assert f"<h2>{heading} " in changes
    assert "<th scope=\"col\">Bisher</th>" in changes
    # one evaluation report per evaluation: the county's own replaces the generic one
    assert area.count("Evaluationsbericht zum Aktionsplan für das Jahr 2020") == 1


def test_accessibility_statement_and_overview_on_every_area(site):
    for area in AREAS:
        statement = (site / area / "barrierefreiheit.html").read_text("utf-8")
        assert "<h1>Erklärung zur Barrierefreiheit</h1>" in statement
        assert "Schlichtungs" in statement and "Barrieren melden" in statement
        easy = (site / area / "barrierefreiheit-leicht.html").read_text("utf-8")
        assert 'class="easy"' in easy
        page = (site / area / "index.html").read_text("utf-8")
        assert 'href="barrierefreiheit.html"' in page
        assert page.count('role="img"') == 2 and "<title id=\"uebersicht-stand-t\">" in page
        assert "<caption>" in page and "nach Stand</caption>" in page
    assert "mailto:teilhabe@landkreis-boerde.de" in (
        site / "boerde" / "barrierefreiheit.html").read_text("utf-8")


def test_sitemap_robots_and_manifest(site):
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://teilhabe.example.org/boerde/index.html</loc>" in sitemap
    assert sitemap.count("<loc>") == len(list(site.rglob("*.html")))
    assert "Sitemap: https://teilhabe.example.org/sitemap.xml" in (
        site / "robots.txt").read_text("utf-8")
    manifest = json.loads((site / ".manifest.teilhabe.json").read_text("utf-8"))
    assert sorted(manifest["areas"]) == list(AREAS)
    assert "boerde/index.html" in manifest["areas"]["boerde"]["files"]


def test_publishing_one_area_keeps_the_others_and_removes_only_its_stale_files(site, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(site, out)
    manifest_path = out / ".manifest.teilhabe.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest["areas"]["nienburg"]["files"].append("nienburg/alt/weg.html")
    manifest_path.write_text(json.dumps(manifest), "utf-8")
    (out / "nienburg" / "alt").mkdir()
    (out / "nienburg" / "alt" / "weg.html").write_text("alt", "utf-8")
    (out / "nienburg" / "eigene-datei.html").write_text("von Hand", "utf-8")
    assert cli.main(["publish", "nienburg", "--out", str(out)]) == 0
    index = (out / "index.html").read_text("utf-8")
    for area in AREAS:
        assert f'href="{area}/index.html"' in index
    assert not (out / "nienburg" / "alt").exists()  # stale, written by teilhabe: removed
    assert (out / "nienburg" / "eigene-datei.html").read_text("utf-8") == "von Hand"
    assert (out / "boerde" / "lang" / "index.html").read_bytes() == (
        site / "boerde" / "lang" / "index.html").read_bytes()
    assert (out / "sitemap.xml").read_bytes() == (site / "sitemap.xml").read_bytes()


def test_one_bad_area_is_reported_and_left_as_it_was(site, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    shutil.copytree(site, out)
    copy = tmp_path / "boerde"
    shutil.copytree(Teilhabe.discover().area("boerde").profile_file.parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    bad = copy / "data" / "aktionsplan-2.yaml"
    bad.write_text(bad.read_text("utf-8").replace("status: ", "status: kaputt-", 1), "utf-8")

    class Copy:
        @hookimpl
        def teilhabe_areas(self):
            return [area_from_folder(copy)]

    broken = Teilhabe.discover(disable=["boerde"], plugins=[Copy()])
    monkeypatch.setattr(cli.common, "make_app", lambda: broken)
    before = (out / "boerde" / "lang" / "index.html").read_bytes()
    assert cli.main(["publish", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "boerde: nicht veröffentlicht" in err
    assert "aktionsplan-2.yaml:" in err and ": error: " in err  # file, line, message
    assert (out / "boerde" / "lang" / "index.html").read_bytes() == before
    assert 'href="boerde/index.html"' in (out / "index.html").read_text("utf-8")
    assert (out / "nienburg" / "index.html").is_file()


def test_installed_exporters_are_published_only_where_opted_in(app, site):
    from teilhabe_core.publish.site import published_on

    areas = [s.id for s in app.areas()]
    assert published_on(app, app.exporter("boerde-evaluationsbericht"), areas) == ["boerde"]
    assert published_on(app, app.exporter("json"), areas) == []
    assert published_on(app, app.exporter("html"), areas) == areas
    assert (site / "boerde" / "boerde-evaluationsbericht").is_dir()
    assert not any(p.name == "json" for p in site.rglob("*"))


def test_standalone_exports_have_no_broken_links(app, tmp_path):
    from teilhabe_core.publish.api import write_outputs

    checked = 0
    for source in app.areas():
        docs = app.documents(source.id)
        for document in [source.area, *docs.plans, *docs.evaluations, *docs.papers,
                         *docs.calls]:
            for cls in app.exporters(document):
                for variant in cls.variants or (None,):
                    out = tmp_path / f"{source.id}-{cls.identifier}-{checked}"
                    write_outputs(app.render(document, cls.identifier, variant=variant), out)
                    for path in out.rglob("*.html"):
                        for ref in filter(local, parse(path).refs):
                            target = path.parent / ref.split("#")[0]
                            assert target.is_file(), (cls.identifier, variant, path.name, ref)
                    checked += 1
    assert checked > 40


def test_markdown_escapes_only_what_markdown_needs(app):
    from teilhabe_core.publish.templating import md_escape

    assert md_escape("neu geschrieben.") == "neu geschrieben."
    assert md_escape("Kita-Plätze (neu)!") == "Kita-Plätze (neu)!"
    assert md_escape("1. Fassung") == "1\\. Fassung"
    assert md_escape("# Kopf\n- Punkt") == "\\# Kopf  \n\\- Punkt"
    assert md_escape("a*b_c [x](y) | <b>") == "a\\*b\\_c \\[x\\](y) \\| &lt;b&gt;"
    plan = app.documents("boerde").current_plan()
    long = app.render(plan, "markdown")[0].content
    assert "inklusiv ausgeschrieben.\n" in long and "\\." not in long
    easy = app.render(plan, "markdown", variant=Variant.EASY)[0].content
    assert "neu geschrieben." in easy and "geschrieben\\." not in easy


def test_serve_answers_a_real_request_and_ends_cleanly_on_ctrl_c(site):
    import re
    import signal
    import subprocess
    import sys
    import urllib.error
    import urllib.request

    script = Path(sys.executable).parent / "teilhabe"
    proc = subprocess.Popen([str(script), "serve", str(site), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": "de"})
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/ \(Beenden mit Strg\+C\)", first)
        assert found, first
        base = f"http://127.0.0.1:{found.group(1)}/"
        with urllib.request.urlopen(base + "boerde/index.html", timeout=10) as answer:
            assert answer.status == 200
            assert answer.read() == (site / "boerde" / "index.html").read_bytes()
        try:
            urllib.request.urlopen(base + "gibt-es-nicht.html", timeout=10)
            raise AssertionError("404 expected")
        except urllib.error.HTTPError as exc:
            assert exc.code == 404
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "GET /boerde/index.html → 200 ok" in err
    assert "GET /gibt-es-nicht.html → 404 nicht gefunden" in err
    assert "Vorschau beendet." in err and "Traceback" not in err


def test_serve_refuses_a_folder_without_a_site(tmp_path, capsys):
    assert cli.main(["serve", str(tmp_path)]) == 2
    assert "keine Veröffentlichung" in capsys.readouterr().err


def test_validate_warns_about_missing_legal_facts_and_scaffold_placeholders(tmp_path, capsys):
    from teilhabe_core.cli.scaffold import scaffold

    profile = str(Teilhabe.discover().area("nienburg").profile_file)
    assert cli.main(["validate", profile]) == 0
    err = capsys.readouterr()
    text = err.out + err.err
    for field in ("site.imprint_url", "site.privacy_url", "site.accessibility"):
        assert f"warning: {field}:" in text
    assert cli.main(["validate", "--strict", profile]) == 1
    capsys.readouterr()
    written = scaffold("lahn_dill", "Lahn-Dill-Kreis", "Hessen", "06532", tmp_path)
    area = next(p for p in written if p.name == "area.yaml")
    assert cli.main(["validate", "--strict", str(area)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert text.count("ist ein Platzhalter") == 5
    assert "site.accessibility.date" in text


def test_formats_says_where_each_exporter_is_published(capsys):
    assert cli.main(["formats", "--json"]) == 0
    items = {i["id"]: i for i in json.loads(capsys.readouterr().out) if i["role"] == "export"}
    assert items["boerde-evaluationsbericht"]["site"] == ["boerde"]
    assert "boerde" not in items["evaluation-html"]["site"]
    assert items["json"]["site"] == [] and "nienburg" in items["html"]["site"]


class Structure(HTMLParser):
    """What an automated WCAG structure check can see without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.headings: list[int] = []
        self.tables = self.captions = 0
        self.links: list[str] = []
        self.navs: list[str] = []
        self.svgs: list[tuple[str | None, str | None]] = []
        self.svg_parts: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag in ("h1", "h2", "h3", "h4"):
            self.headings.append(int(tag[1]))
        self.tables += tag == "table"
        self.captions += tag == "caption"
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag == "nav":
            self.navs.append(values.get("aria-label") or "")
        if tag == "svg":
            self.svgs.append((values.get("role"), values.get("aria-labelledby")))
        if tag in ("title", "desc") and self.svgs:
            self.svg_parts.add(values.get("id") or "")


def test_every_site_page_has_an_accessible_structure(site):
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        page = Structure()
        page.feed(path.read_text("utf-8"))
        assert page.lang == "de", name
        assert page.headings.count(1) == 1, name
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, (name, page.headings)
        assert page.tables == page.captions, name
        assert page.links[0] == "#inhalt", name
        assert len(set(page.navs)) == len(page.navs) and all(page.navs), (name, page.navs)
        for role, labelled in page.svgs:
            assert role == "img" and labelled, name
            assert set(labelled.split()) <= page.svg_parts, name


def test_every_statement_names_the_state_enforcement_body_from_its_source(app, site):
    import re

    for area in AREAS:
        body = app.area(area).area.site.enforcement
        assert body is not None and body.source.startswith(("https://", "http://")), area
        statement = (site / area / "barrierefreiheit.html").read_text("utf-8")
        easy = (site / area / "barrierefreiheit-leicht.html").read_text("utf-8")
        for page, name in ((statement, body.name), (easy, body.easy_name)):
            assert name and str(escape(name)) in page
            assert "Durchsetzungsstelle des Landes" not in page  # "… noch nicht angegeben"
            assert "Die Stelle für Beschwerden steht hier noch nicht." not in page
            assert ('href="' + body.url + '"' in page) is bool(body.url)
        if body.source != body.url:  # where it was looked up is for maintainers
            assert body.source not in statement
        if body.legal_basis:
            assert f"Rechtsgrundlage: {escape(body.legal_basis)}." in statement
    states = {app.area(a).area.state: app.area(a).area.site.enforcement for a in AREAS}
    assert len(states) == 4  # one body per state, the same for both Sachsen-Anhalt areas
    assert re.search(r"§ 16d", states["Sachsen-Anhalt"].legal_basis)


class Text(HTMLParser):
    """The text of a page's ``<main>``, one string per block element."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.blocks: list[str] = [""]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag == "main"
        if tag in ("p", "h1", "h2", "h3", "li", "dt", "dd", "th", "td"):
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "main"

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.blocks[-1] += data


def main_text(path: Path) -> list[str]:
    page = Text()
    page.feed(path.read_text("utf-8"))
    return [" ".join(b.split()) for b in page.blocks if b.strip()]


def test_each_public_paper_has_a_page_linked_both_ways_with_every_fact(app, site):
    paper = app.documents("nienburg").papers[0]
    folder = site / "nienburg" / "vorlagen"
    page = folder / "vorlage-2019-066.html"
    text = main_text(page)
    html = page.read_text("utf-8")
    for fact in ("2019/066", "Aktionsplan Inklusion", "26. April 2019", "Mitteilungsvorlage",
                 "Der Landrat", "Fachbereich Soziales", "öffentlich",
                 paper.decision_proposal, paper.facts.split("\n\n")[0],
                 paper.financial_impact.description, "Ausschuss für Soziales, Gesundheit und "
                 "Senioren", "14. Mai 2019", "Kenntnisnahme", "offen", "Keine."):
        assert any(fact in block for block in text), fact
    assert "15.000,00\u00a0€" in html  # the history's amount, German EUR
    for plan_page in ("lang/wohnen.html", "lang/index.html"):  # measures and plan link it
        assert 'href="../vorlagen/vorlage-2019-066.html"' in (
            site / "nienburg" / plan_page).read_text("utf-8")
    linked = [ref for ref in parse(page).refs if "#m-" in ref]
    assert len(linked) == len(app.documents("nienburg").current_plan().measures) > 0
    area = (site / "nienburg" / "index.html").read_text("utf-8")
    assert 'href="vorlagen/vorlage-2019-066.html"' in area
    assert 'href="vorlagen/vorlage-2019-066-leicht.html"' in area
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    for name in ("vorlage-2019-066.html", "vorlage-2019-066-leicht.html"):
        assert f"<loc>https://teilhabe.example.org/nienburg/vorlagen/{name}</loc>" in sitemap


def test_the_easy_paper_summary_passes_the_checker(app, site):
    from teilhabe_core.base.errors import Level
    from teilhabe_core.easy import check_text

    area = app.area("nienburg").area
    page = site / "nienburg" / "vorlagen" / "vorlage-2019-066-leicht.html"
    text = main_text(page)
    assert "Die Gruppe hört sich die Vorlage an." in text
    assert "Nein. Das kostet kein Geld." in text
    assert "Die Maß·nahmen sind nur Beispiele." in text  # Nienburg's measures are examples
    errors = [(block, f.rule, f.message) for block in text
              for f in check_text(block, area.easy_language, app.glossary("nienburg"))
              if f.level is Level.ERROR]
    assert errors == []


def test_a_non_public_paper_is_published_nowhere(tmp_path, monkeypatch):
    copy = tmp_path / "nienburg"
    shutil.copytree(Teilhabe.discover().area("nienburg").profile_file.parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    paper = copy / "data" / "vorlage-2019-066.yaml"
    paper.write_text(paper.read_text("utf-8").replace("public: true", "public: false"),
                     "utf-8")

    class Copy:
        @hookimpl
        def teilhabe_areas(self):
            return [area_from_folder(copy)]

    secret = Teilhabe.discover(disable=["nienburg"], plugins=[Copy()])
    assert not secret.documents("nienburg").papers[0].public
    monkeypatch.setattr(cli.common, "make_app", lambda: secret)
    out = tmp_path / "site"
    assert cli.main(["publish", "nienburg", "--no-pdf", "--out", str(out)]) == 0
    written = [p for p in out.rglob("*") if p.is_file()]
    assert not any("2019-066" in p.name or "vorlage" in p.parent.name for p in written)
    facts = secret.documents("nienburg").papers[0].decision_proposal
    for path in written:  # its content is nowhere (the plan's own intro may name its number)
        text = path.read_text("utf-8", "replace")
        assert facts not in text and "Beratung Vorlage" not in text, path
        assert "Vorlagen zu diesem" not in text, path
    papers = json.loads((out / "oparl/body/nienburg/paper.json").read_text("utf-8"))
    assert papers["data"] == []
