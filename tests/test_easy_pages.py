"""The Leichte Sprache publication passes the checker as a whole page (issue 17, point 5).

Not only the data's easy texts: the test publishes the site, takes the visible text of
every easy page the site produces (``<body class="easy">``: plan pages of every version,
participation, the accessibility statement, and any page added later) and the easy
Markdown files, and runs the checker over all of it: headings, labels, breadcrumbs,
navigation, footer, glossary explanations, link and alt texts. No error finding is
allowed; warnings are counted and printed. Beside it: every measure of a plan published in
Leichte Sprache has an easy title (a validate error otherwise), and glossary explanations
explain the word the reader sees without using that word.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from attrs import evolve

import teilhabe_core as th
from teilhabe_core.easy import Checker, EasyFinding
from teilhabe_core.easy.explanations import circular_words, own_stems, shown_term
from teilhabe_core.model import Checked, Glossary, GlossaryEntry, Variant
from teilhabe_core.model.context import RuleContext
from teilhabe_core.publish.easy_markup import GlossaryMarker
from tests.conftest import MINIMAL_PLAN, ROOT
from tests.pages import is_easy_page, markdown_text, visible_text

GLOSSARIES = [ROOT / "plugins" / "default_glossary" / "glossary.yaml",
              *sorted((ROOT / "counties").glob("*/glossary.yaml"))]


def easy_pages(site: Path) -> list[tuple[str, str, str]]:
    """(area, page, visible text) of every Leichte Sprache page and Markdown file."""
    pages = []
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            html = path.read_text("utf-8")
            if is_easy_page(html):
                pages.append((name.split("/")[0], name, visible_text(html)))
        elif path.suffix == ".md" and path.stem.endswith("-leicht"):
            pages.append((name.split("/")[0], name, markdown_text(path.read_text("utf-8"))))
    return pages


def checker_for(app: th.Teilhabe, area_id: str) -> Checker:
    """A checker with the area's settings, glossary and known names (as validate uses)."""
    from teilhabe_plugins.default_rules.easy_language import known_words

    area = app.area(area_id).area
    docs = app.documents(area_id)
    words = [w for plan in docs.plans
             for w in known_words(plan, RuleContext(area=area, plans=tuple(docs.plans)))]
    return Checker(area.easy_language, app.glossary(area_id), words)


def _line(text: str, finding: EasyFinding) -> str:
    start = text.rfind("\n", 0, finding.start) + 1
    end = text.find("\n", finding.end)
    return text[start:end if end >= 0 else None]


def check_pages(app: th.Teilhabe, pages: list[tuple[str, str, str]]) -> dict[str, list]:
    """Findings by level: ``error`` as (page, rule, line), ``warning`` as rule ids."""
    checkers: dict[str, Checker] = {}
    found: dict[str, list] = {"error": [], "warning": []}
    for area, name, text in pages:
        checker = checkers.setdefault(area, checker_for(app, area))
        for f in checker.check(text):
            if f.level == "error":
                found["error"].append((name, f.rule, f.excerpt, _line(text, f)))
            else:
                found["warning"].append(f.rule)
    return found


def test_every_easy_page_passes_the_checker_as_a_whole(app, published_site):
    pages = easy_pages(published_site)
    names = [name for _, name, _ in pages]
    kinds = {"leicht/index.html", "barrierefreiheit-leicht.html", "beteiligung-leicht/leicht.html",
             "fassungen/", "-leicht.md"}
    assert all(any(k in n for n in names) for k in kinds), kinds
    assert len(pages) >= 48
    found = check_pages(app, pages)
    warnings = collections.Counter(found["warning"])
    by_rule = ", ".join(f"{rule} {n}" for rule, n in sorted(warnings.items()))
    print(f"\n{len(pages)} Seiten in Leichter Sprache geprüft: {len(found['error'])} Fehler, "
          f"{sum(warnings.values())} Hinweise ({by_rule})")
    assert found["error"] == []


def test_the_page_check_finds_standard_language_in_a_template(app, published_site, tmp_path):
    """The check is not blind: a standard-language heading in an easy page is an error."""
    page = published_site / "boerde" / "leicht" / "index.html"
    html = page.read_text("utf-8").replace(
        "<h2>Die Themen im Plan</h2>",
        "<h2>Übersicht der Themengebiete des Aktionsplans (Stand: 2023)</h2>")
    found = check_pages(app, [("boerde", "x", visible_text(html))])
    assert {rule for _, rule, _, _ in found["error"]} >= {"ls.genitive", "ls.special-character"}


def test_every_easy_page_has_german_lang_and_ordered_headings(published_site):
    for path in sorted(published_site.rglob("*.html")):
        html = path.read_text("utf-8")
        if not is_easy_page(html):
            continue
        assert '<html lang="de">' in html, path
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", html)]
        assert levels.count(1) == 1 and levels[0] == 1, path
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (path, levels)


def test_easy_pages_show_easy_titles_names_and_navigation(published_site, app):
    html = (published_site / "nienburg" / "leicht" / "mobilitaet.html").read_text("utf-8")
    text = visible_text(html)
    plan = app.documents("nienburg").current_plan()
    measure = next(m for m in plan.measures if "mobilitaet" in m.life_areas)
    assert measure.easy_title in text and measure.title not in text
    assert "Land·kreis Nienburg an der Weser" in text and "Nienburg/Weser" not in text
    assert plan.easy_title in text and plan.title not in text
    assert 'href="../barrierefreiheit-leicht.html">Barriere·freiheit in Leichter Sprache' in html
    assert "Erklärung zur Barrierefreiheit" not in text and "Erstellt mit" not in text


def test_the_pruefgruppe_note_is_easy_language_in_both_states(app):
    plan = app.documents("boerde").current_plan()
    checked = evolve(plan, easy_checked=Checked(by="Prüf·gruppe vom Verein Lebens·hilfe",
                                                date=dt.date(2024, 3, 5)))
    checker = checker_for(app, "boerde")
    for version in (plan, checked):
        page = next(o for o in app.render(version, "html", variant=Variant.EASY)
                    if o.name == "index.html")
        text = visible_text(page.data().decode())
        assert "Prüf·gruppe" in text
        assert [f for f in checker.check(text) if f.level == "error"] == []
    assert "Sie hat den Text am 5. März 2024 gelesen." in text


# -- easy titles ------------------------------------------------------------------------


def test_every_shipped_measure_has_an_easy_title_that_passes(app):
    count = 0
    for source in app.areas():
        checker = checker_for(app, source.id)
        for plan in app.documents(source.id).plans:
            assert plan.easy_title, plan.id
            for measure in plan.measures:
                count += 1
                assert measure.easy_title, measure.id
                errors = [f for f in checker.check(measure.easy_title) if f.level == "error"]
                assert errors == [], (measure.id, measure.easy_title, errors)
    assert count == 87


def missing_titles(app: th.Teilhabe, plan: th.Plan) -> list:
    return [f for f in app.check_document(plan) if f.rule == "generic.easy-title-missing"]


def test_a_missing_easy_title_is_a_validate_error_where_the_easy_variant_is_published(app):
    plan = th.loads(MINIMAL_PLAN.replace("title: Erste Maßnahme",
                                         "title: Erste Maßnahme\n    easy_title: Erste Aufgabe")
                    .replace("title: Testplan", "title: Testplan\neasy_title: Test·plan\n"
                             "easy_text: Das ist ein Plan."))
    assert missing_titles(app, plan) == []
    bare = evolve(plan, easy_title="", measures=(evolve(plan.measures[0], easy_title=""),))
    missing = missing_titles(app, bare)
    assert [(f.path, f.is_error) for f in missing] == [("easy_title", True),
                                                      ("measures[0].easy_title", True)]
    assert "Leichter Sprache" in missing[1].message and "m1" in missing[1].message
    # Boerde publishes the easy variant: a plan naming it among its publications needs the
    # titles even before its easy text is written; one published only long does not.
    listed = evolve(bare, easy_text="", publications=(th.Publication(Variant.EASY),))
    assert len(missing_titles(app, listed)) == 2
    assert missing_titles(app, evolve(bare, publications=(th.Publication(Variant.LONG),))) == []
    # Without a publications list and without any easy text the plan is not yet in
    # Leichter Sprache (its easy page says so): no error.
    assert missing_titles(app, evolve(bare, easy_text="")) == []


def test_validate_of_the_shipped_data_has_no_easy_title_error(capsys):
    from teilhabe_core import cli

    files = sorted(str(p) for p in (ROOT / "counties").glob("*/data/*.yaml"))
    cli.main(["validate", *files])
    assert "easy-title-missing" not in capsys.readouterr().out


# -- glossary explanations --------------------------------------------------------------


def shipped_entries() -> list[tuple[str, GlossaryEntry]]:
    out = []
    for path in GLOSSARIES:
        document = th.load(path)
        assert isinstance(document, Glossary)
        out += [(path.parent.name, entry) for entry in document.entries]
    return out


@pytest.mark.parametrize(("where", "entry"), shipped_entries(),
                         ids=lambda v: v.term if isinstance(v, GlossaryEntry) else v)
def test_no_explanation_uses_its_own_word_or_a_part_of_it(where, entry):
    assert circular_words(entry) == [], (where, entry.term, entry.explanation)


@pytest.mark.parametrize(("term", "explanation", "words"), [
    ("Behinderung", "Ein Mensch hat eine Behinderung.", ["Behinderung"]),
    ("Aktions·plan", "Ein Aktions·plan ist ein Plan.", ["Aktions·plan", "Plan"]),
    ("Beirat", "Die Gruppe gibt der Verwaltung Rat.", []),
    ("Bei·rat", "Die Gruppe gibt der Verwaltung Rat.", ["Rat"]),
    ("Kreis·tag", "Die Menschen im Land·kreis wählen ihn.", ["Land·kreis"]),
    ("Leichte Sprache", "Texte mit leichten Wörtern.", ["leichten"]),
    ("Barriere", "Etwas ist im Weg.", []),
])
def test_circular_explanations_are_found(term, explanation, words):
    assert circular_words(GlossaryEntry(term=term, explanation=explanation)) == words


def test_every_form_is_explained_as_the_word_the_reader_sees(app):
    """Where the text has an inflection or spelling of the term, the explanation names
    the term; where it has another word, that word. 'Nah·verkehr' is never explained as
    'ÖPNV'."""
    for area in [None, *(a.id for a in app.areas())]:
        entries = app.glossary(area)
        for entry in entries:
            for written in (entry.term, *entry.forms):
                html = GlossaryMarker(entries).html(f"Hier steht {written} im Satz.")
                shown = re.findall(r"<dfn>(.*?)</dfn>", html)
                assert shown == [shown_term(entry, written)], (entry.term, written, html)
                if shown[0] != written:  # an inflection or spelling of the term
                    assert own_stems(entry) & own_stems(GlossaryEntry(written, "x"))
    html = GlossaryMarker(app.glossary("boerde")).html("Infos zum Nah·verkehr.")
    assert "<dfn>Nah·verkehr</dfn> bedeutet: Busse" in html and "ÖPNV" not in html


def test_a_form_that_is_another_word_is_explained_under_that_word():
    entry = GlossaryEntry(term="ÖPNV", explanation="Busse und Bahnen.", forms=("Nahverkehr",))
    html = GlossaryMarker([entry]).html("Der Nahverkehr fährt oft.")
    assert "<dfn>Nahverkehr</dfn> bedeutet: Busse und Bahnen." in html
    markdown = GlossaryMarker([entry]).markdown("Der Nahverkehr fährt oft.")
    assert "> **Nahverkehr** bedeutet: Busse und Bahnen." in markdown
    plural = GlossaryEntry(term="Barriere", explanation="Etwas ist im Weg.", forms=("Barrieren",))
    assert "<dfn>Barriere</dfn>" in GlossaryMarker([plural]).html("Viele Barrieren.")


def test_the_saale_orla_glossary_passes_every_error_rule(app):
    document = th.load(ROOT / "counties" / "saale_orla" / "glossary.yaml")
    checker = checker_for(app, "saale_orla")
    for entry in document.entries:
        errors = [f.rule for f in checker.check(entry.explanation) if f.level == "error"]
        assert errors == [], (entry.term, entry.explanation, errors)


def test_validate_warns_about_a_circular_explanation(app, tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("document: glossary\nid: g\ntitle: G\nentries:\n- term: Behinderung\n"
                    "  explanation: Ein Mensch hat eine Behinderung.\n", "utf-8")
    found = [f for f in app.validate_file(str(path)) if f.rule == "generic.glossary-circular"]
    assert len(found) == 1 and not found[0].is_error and found[0].line == 6
    assert "Behinderung" in found[0].message
