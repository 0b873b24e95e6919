"""Goals, offices, funding per measure, participation steps and paper links (issue 19):
each rule, each shipped fact, and every new field through every round trip."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from attrs import evolve
from teilhabe_plugins.default_rules.domain import domain_findings

import teilhabe_core as th
from teilhabe_core.documents.converter import structure, unstructure
from teilhabe_core.documents.loader import dump, load_file
from teilhabe_core.evaluation.costs import cost_rollups
from teilhabe_core.evaluation.diff import diff_plans
from teilhabe_core.evaluation.rollup import summarise
from teilhabe_core.evaluation.successor import derive_successor
from teilhabe_core.model import (
    Goal,
    GoalLevel,
    MeasureFunding,
    Office,
    ParticipantGroup,
    ParticipationStep,
    RuleContext,
    YearAmount,
)
from teilhabe_core.publish.domain_data import measures_of_paper


def plan_of(app, area, ident=None):
    docs = app.documents(area)
    return docs.plan(ident) if ident else docs.current_plan()


def codes(findings, code=None):
    return [f for f in findings if code is None or f.code == code or f.rule == code]


def with_measure(plan, **changes):
    return evolve(plan, measures=(evolve(plan.measures[0], **changes), *plan.measures[1:]))


def check(app, document):
    return app.validator.check_document(document)


# -- goals ----------------------------------------------------------------------------------

def test_unknown_goal_of_a_measure_is_an_error(app):
    plan = with_measure(plan_of(app, "boerde"), goals=("gibt-es-nicht",))
    (f,) = codes(check(app, plan), "dangling-reference")
    assert f.path == "measures[0].goals[0]" and f.is_error
    assert "gleichberechtigte-teilhabe" in f.message  # the area's goals are offered


def test_goal_without_measures_warns_and_a_served_child_counts(app):
    plan = plan_of(app, "saale_orla")
    served = [f for f in check(app, plan) if f.rule == "generic.goal-without-measures"]
    assert served == []  # every Saale-Orla goal is served (the Leitziel through its Teilziele)
    unserved = evolve(plan, measures=tuple(evolve(m, goals=tuple(
        g for g in m.goals if g != "familienkompass")) for m in plan.measures))
    (f,) = [f for f in check(app, unserved) if f.rule == "generic.goal-without-measures"]
    assert "Familienkompass" in f.message and not f.is_error
    assert f.path == f"goals[{[g.id for g in plan.goals].index('familienkompass')}]"


def test_goal_tree_levels_and_life_areas_are_checked(app):
    plan = plan_of(app, "saale_orla")
    bad = evolve(plan, goals=(*plan.goals,
                              Goal(id="oben", name="x", level=GoalLevel.TEILZIEL),
                              Goal(id="unten", name="y", level=GoalLevel.LEITZIEL, parent="oben"),
                              Goal(id="irgendwo", name="z", life_area="mars")))
    messages = {f.path: f.message for f in check(app, bad) if f.is_error}
    n = len(plan.goals)
    assert "höhere Ebene" in messages[f"goals[{n + 1}].parent"]
    assert "mars" in messages[f"goals[{n + 2}].life_area"]


def test_a_goal_written_as_text_is_a_leitziel():
    area = structure({"id": "x", "name": "X", "kind": "landkreis", "state": "S",
                      "goals": ["Barrieren abbauen"]}, th.Area)
    assert area.goals == (Goal(id="barrieren-abbauen", name="Barrieren abbauen",
                               level=GoalLevel.LEITZIEL),)


def test_plan_page_groups_measures_by_goal(app):
    plan = plan_of(app, "saale_orla")
    index = next(o.content for o in app.render(plan, "html") if o.name == "index.html")
    section = index.split("<h2>Ziele</h2>")[1].split("<h2>")[0]
    assert '<span class="badge">Teilziel</span> Chancengerecht aufwachsen' in section
    assert '<a href="aufwachsen.html#m-so-aufwachsen-2">Familienkompass</a>' in section


def test_goals_roll_up_to_every_goal_above(app):
    plan = plan_of(app, "boerde", "boerde-aktionsplan-1")
    (evaluation,) = app.documents("boerde").evaluations
    rows = {r.key: r for r in summarise(evaluation, plan, app.area("boerde").area).goals}
    assert rows["un-brk-umsetzen"].total == rows["inklusion-in-der-verwaltung"].total == 3
    assert rows["gleichberechtigte-teilhabe"].total == 9


# -- offices --------------------------------------------------------------------------------

def test_office_by_id_or_name_is_accepted_and_an_unknown_one_gets_a_suggestion(app):
    plan = plan_of(app, "boerde")
    assert not [f for f in check(app, plan) if f.rule == "generic.unknown-office"]
    by_name = with_measure(plan, responsible_office="sozialamt", partner_offices=("Sozialamt",))
    assert not [f for f in check(app, by_name) if f.rule == "generic.unknown-office"]
    typo = with_measure(plan, responsible_office="Sozialamt, SG 2",
                        partner_offices=("Gesundheitsamtt",))
    found = {f.path: f for f in check(app, typo) if f.rule == "generic.unknown-office"}
    assert "Meinten Sie 'sozialamt' (Sozialamt)?" in found["measures[0].responsible_office"].message
    assert "Meinten Sie 'gesundheitsamt'" in found["measures[0].partner_offices[0]"].message
    assert all(not f.is_error for f in found.values())


def test_office_registry_is_checked_for_parents_and_cycles():
    from teilhabe_core.documents.checks import check as check_document

    area = th.Area(id="x", name="X", kind=th.AreaKind.LANDKREIS, state="S", offices=(
        Office(id="a", name="A", parent="b"), Office(id="b", name="B", parent="a"),
        Office(id="c", name="C", parent="fehlt")))
    paths = {f.path: f.message for f in check_document(area)}
    assert "selbst übergeordnet" in paths["offices[0].parent"]
    assert "fehlt" in paths["offices[2].parent"]


def test_roll_ups_and_pages_name_offices_from_the_registry(app, tmp_path):
    plan = plan_of(app, "boerde", "boerde-aktionsplan-1")
    assert plan.measures[0].responsible_office == "kreisstrassen-oepnv"
    (evaluation,) = app.documents("boerde").evaluations
    names = {r.name for r in summarise(evaluation, plan, app.area("boerde").area).offices}
    assert "Amt für Kreisstraßen und ÖPNV" in names and "kreisstrassen-oepnv" not in names
    pages = {o.name: o.content for o in app.render(plan, "html") if o.name.endswith(".html")}
    assert "<dt>Zuständig</dt><dd>Amt für Kreisstraßen und ÖPNV</dd>" in pages["mobilitaet.html"]
    assert "<h2>Zuständige Stellen</h2>" in pages["index.html"]


def test_oparl_lists_offices_as_organizations(app):
    paper = app.documents("nienburg").papers[0]
    outputs = {o.name: o.content for o in app.render(paper, "oparl")}
    orgs = [json.loads(content) for name, content in outputs.items()
            if "/organization/" in name and name.endswith(".json")]
    office = next(o for o in orgs if o["name"] == "Fachbereich Soziales")
    assert office["id"].endswith("/organization/dienststelle-fb-soziales.json")
    assert office["organizationType"] == "Verwaltungsbereich"


# -- funding --------------------------------------------------------------------------------

def funding(programme="st-oertliches-teilhabemanagement", *years):
    return (MeasureFunding(programme=programme, budget_line="1.3110.5318", amounts=tuple(
        YearAmount(y, th.Money(Decimal("1000.00"))) for y in years)),)


@pytest.mark.parametrize(("area", "end", "warns", "date"), [
    ("boerde", dt.date(2022, 9, 30), False, "30.09.2022"),
    ("boerde", dt.date(2022, 10, 1), True, "30.09.2022"),
    ("mansfeld_suedharz", dt.date(2028, 3, 31), False, "31.03.2028"),
    ("mansfeld_suedharz", dt.date(2028, 4, 30), True, "31.03.2028"),
])
def test_measure_past_the_end_of_its_funding_period_warns(app, area, end, warns, date):
    plan = with_measure(plan_of(app, area), end=end, ongoing=False,
                        status=th.MeasureStatus.IN_PROGRESS, funding=funding("st-oertliches-"
                                                                             "teilhabemanagement",
                                                                             2022))
    found = [f for f in check(app, plan) if f.rule == "generic.funding-after-period"]
    assert bool(found) is warns
    if warns:
        assert date in found[0].message and found[0].path == "measures[0].funding[0]"


def test_ongoing_measure_and_late_amounts_warn_too(app):
    plan = plan_of(app, "boerde")
    ongoing = with_measure(plan, end=None, ongoing=True, status=th.MeasureStatus.ONGOING,
                           funding=funding("st-oertliches-teilhabemanagement", 2021))
    late = with_measure(plan, end=dt.date(2022, 6, 30), status=th.MeasureStatus.IN_PROGRESS,
                        funding=funding("st-oertliches-teilhabemanagement", 2023))
    for variant in (ongoing, late):
        assert [f for f in check(app, variant) if f.rule == "generic.funding-after-period"]


def test_unknown_programme_and_duplicate_year_are_errors(app):
    plan = with_measure(plan_of(app, "boerde"), funding=funding("kein-programm", 2020))
    (f,) = codes(check(app, plan), "dangling-reference")
    assert f.path == "measures[0].funding[0].programme"
    from teilhabe_core.documents.checks import check as check_document

    twice = with_measure(plan_of(app, "boerde"), funding=funding("", 2020, 2020))
    assert [f.path for f in check_document(twice) if f.code == "duplicate-id"] == [
        "measures[0].funding[0].amounts[1].year"]


def test_costs_by_programme_year_and_life_area_are_exact(app):
    plan = plan_of(app, "saale_orla")
    extra = evolve(plan.measures[3], funding=(
        MeasureFunding(programme="th-praeventionsketten", amounts=(
            YearAmount(2024, th.Money(Decimal("0.10"))),)),
        MeasureFunding(amounts=(YearAmount(2026, th.Money(Decimal("0.20"))),))))
    plan = evolve(plan, measures=(*plan.measures[:3], extra, *plan.measures[4:]))
    costs = cost_rollups(plan, app.funding_programmes())
    assert costs.years == (2023, 2024, 2025, 2026)
    rows = {r.key: r for r in costs.programmes}
    assert rows["th-praeventionsketten"].by_year == (Decimal("4000.00"), Decimal("4000.10"),
                                                     Decimal("4000.00"), Decimal("0.00"))
    assert rows["-"].total == Decimal("0.20")
    assert costs.total.total == Decimal("12000.30")
    assert {r.key for r in costs.life_areas} == {"aufwachsen", "ankommen"}


def test_costs_appear_in_the_report_and_the_xlsx(app, tmp_path):
    from openpyxl import load_workbook

    (evaluation,) = app.documents("boerde").evaluations
    (html, *_) = app.render(evaluation, "evaluation-html")
    assert "Kosten nach Förderprogramm und Jahr" in html.content and "6.000,00" in html.content
    (md,) = app.render(evaluation, "evaluation-markdown")
    assert "| Gesamt | 6.000,00\xa0€ | 6.000,00\xa0€ | 12.000,00\xa0€ |" in md.content
    (out,) = app.render(plan_of(app, "saale_orla"), "xlsx")
    path = tmp_path / out.name
    path.write_bytes(out.data())
    summary = [r for r in load_workbook(path).worksheets[0].iter_rows(values_only=True)]
    assert tuple(next(r for r in summary if r[0] and r[0].startswith("Thüringer"))[:5]) == \
        ("Thüringer Präventionsketten (ESF Thüringen)", 4000, 4000, 4000, 12000)


# -- participation --------------------------------------------------------------------------

def test_adopted_plan_without_disabled_people_taking_part_warns(app):
    area = app.area("boerde").area
    plan = plan_of(app, "boerde")
    context = RuleContext(area=area, plans=app.documents("boerde").plans)
    (f,) = [f for f in domain_findings(plan, context)
            if f.rule == "generic.adopted-without-participation"]
    assert "Nichts über uns ohne uns" in f.message and f.path == "adoption"
    step = ParticipationStep(id="beirat", title="Sitzung", plans=(plan.id,),
                             groups=(ParticipantGroup.SELF_ADVOCACY,))
    for planned, warns in ((True, True), (False, False)):
        with_step = evolve(area, participation=(*area.participation,
                                                evolve(step, planned=planned)))
        found = [f for f in domain_findings(plan, evolve(context, area=with_step))
                 if f.rule == "generic.adopted-without-participation"]
        assert bool(found) is warns
    draft = evolve(plan, status=th.PlanStatus.DRAFT, adoption=None)
    assert not [f for f in domain_findings(draft, context)
                if f.rule == "generic.adopted-without-participation"]


def test_unknown_step_of_a_measure_and_unknown_plan_of_a_step_are_errors(app):
    plan = with_measure(plan_of(app, "boerde"), participation=("gibt-es-nicht",))
    (f,) = codes(check(app, plan), "dangling-reference")
    assert f.path == "measures[0].participation[0]"
    area = app.area("nienburg").area
    bad = evolve(area, participation=(evolve(area.participation[0], plans=("fehlt",),
                                             bodies=("niemand",)),))
    from teilhabe_core.documents.checks import check as check_document
    from teilhabe_core.documents.cross_checks import cross_checks

    assert [x.path for x in check_document(bad) if x.is_error] == ["participation[0].bodies[0]"]
    context = app.documents("nienburg").context(app.funding_programmes())
    assert [x.path for x in cross_checks(bad, context)] == ["participation[0].plans[0]"]


def test_shipped_participation_steps_are_the_sources_facts(app):
    workshop, _ = app.area("nienburg").area.participation
    assert workshop.format is th.ParticipationFormat.WORKSHOP and workshop.planned
    assert workshop.involves_disabled_people and workshop.paper == "2019/066"
    assert workshop.bodies == ("ausschuss-soziales", "beirat-behinderung", "landrat")
    assert workshop.date is None and workshop.accessibility == ()  # the paper says neither
    collection = app.area("boerde").area.participation[0]
    assert collection.format is th.ParticipationFormat.COLLECTION
    assert set(collection.groups) == {ParticipantGroup.PROFESSIONALS, ParticipantGroup.CITIZENS,
                                      ParticipantGroup.ADMINISTRATION}
    assert not collection.involves_disabled_people


@pytest.mark.parametrize("area", ["boerde", "nienburg", "saale_orla"])
def test_participation_page_in_standard_and_easy_language(app, area):
    from teilhabe_core.easy import check_text

    profile = app.area(area).area
    (page, _) = app.render(profile, "beteiligung")
    assert "<h1>So haben wir beteiligt</h1>" in page.content
    for step in profile.participation:
        assert step.title in page.content
    (easy, _) = app.render(profile, "beteiligung", variant=th.Variant.EASY)
    assert 'class="easy"' in easy.content and "Schritt 1" in easy.content
    for step in profile.participation:
        assert not [f for f in check_text(step.easy_text) if f.level == "error"]


def test_the_site_links_the_participation_pages(app, tmp_path):
    from teilhabe_core.publish.site import plan_steps

    steps, links = plan_steps(app, "nienburg")
    for step in steps:
        step.run()
    hrefs = {link["href"] for link in links}
    assert {"beteiligung/index.html", "beteiligung-leicht/leicht.html"} <= hrefs


# -- council papers -------------------------------------------------------------------------

def test_measures_and_papers_link_both_ways(app):
    docs = app.documents("nienburg")
    (paper,) = docs.papers
    linked = measures_of_paper(paper, docs.plans)
    assert len(linked) == len(docs.current_plan().measures) == 9
    (page, _) = app.render(paper, "nienburg-vorlage")
    assert "Workshop zu den Handlungsfeldern" in page.content
    assert "Wohnberatung ausbauen (Beispiel)" in page.content
    index = next(o for o in app.render(docs.current_plan(), "html") if o.name == "index.html")
    assert "Vorlage 2019/066 vom 26. April 2019: Aktionsplan Inklusion" in index.content
    unknown = with_measure(docs.current_plan(), paper="2030/001")
    (f,) = codes(check(app, unknown), "dangling-reference")
    assert f.path == "measures[0].paper"


def test_boerde_measures_name_the_adoption_that_decided_them(app, tmp_path):
    for ident, date in (("boerde-aktionsplan-1", "11. Dezember 2019"),
                        ("boerde-aktionsplan-2", "29. Juni 2022")):
        pages = app.render(plan_of(app, "boerde", ident), "html")
        text = next(o.content for o in pages if o.name == "wohnen.html")
        assert f"<dt>Beschluss</dt><dd>Kreistag des Landkreises Börde am {date}" in text


# -- round trips ----------------------------------------------------------------------------

def rich(app):
    plan = plan_of(app, "boerde")
    return with_measure(plan, goals=("gleichberechtigte-teilhabe",),
                        partner_offices=("sozialamt", "Gesundheitsamt"),
                        funding=(MeasureFunding("st-oertliches-teilhabemanagement", "1.3110",
                                                (YearAmount(2021, th.Money(Decimal("1500.50"))),
                                                 YearAmount(2022, th.Money(Decimal("99.00")))),
                                                "Landesmittel"),
                                 MeasureFunding(amounts=(YearAmount(2022, th.Money(
                                     Decimal("10.00"))),))),
                        participation=("massnahmen-erfassung",), paper="2019/001")


def test_new_fields_survive_yaml_json_csv_and_xlsx(app, tmp_path):
    plan = rich(app)
    dump(plan, tmp_path / "p.yaml")
    assert load_file(tmp_path / "p.yaml").document == plan
    (js,) = app.render(plan, "json")
    assert structure({k: v for k, v in json.loads(js.content).items() if k != "document"},
                     th.Plan) == plan
    for fmt in ("csv", "xlsx"):
        (out,) = app.render(plan, fmt)
        path = tmp_path / out.name
        path.write_bytes(out.data())
        assert app.importer(fmt)().read(path, plan) == plan


def test_a_broken_funding_cell_names_row_and_column(app, tmp_path):
    (out,) = app.render(rich(app), "csv")
    text = out.content.replace("2021: 1.500,50", "2021: viel")
    path = tmp_path / "m.csv"
    path.write_text(text, "utf-8")
    with pytest.raises(th.DocumentError) as info:
        app.importer("csv")().read(path, rich(app))
    (f,) = info.value.findings
    column = out.content.lstrip("\ufeff").split("\n")[0].split(";").index("Finanzierung")
    assert f.path == f"{chr(ord('A') + column)}2 (Finanzierung)" and f.line == 2


def test_diff_and_fortschreibung_carry_the_new_fields(app):
    old, new = plan_of(app, "boerde"), rich(app)
    changed = {c.field for item in diff_plans(old, new).changed for c in item.changes}
    assert {"goals", "partner_offices", "funding", "participation", "paper"} <= changed
    goals = evolve(new, goals=(Goal(id="neu", name="Neues Ziel"),))
    assert ("goals", ("neu",), (), ()) in diff_plans(new, goals).lists
    successor = derive_successor(goals).plan
    assert successor.goals == goals.goals
    carried = {m.id: m for m in successor.measures}[new.measures[0].id]
    assert carried.funding == new.measures[0].funding and carried.paper == "2019/001"


def test_json_schema_describes_the_new_fields():
    from teilhabe_core.documents.schema import document_schema

    defs = document_schema()["$defs"]
    assert {"goals", "partner_offices", "funding", "participation", "paper"} <= set(
        defs["Measure"]["properties"])
    area = defs["AreaDocument"]["properties"]
    assert area["goals"]["items"]["anyOf"] == [{"type": "string"}, {"$ref": "#/$defs/Goal"}]
    assert {"offices", "participation"} <= set(area)
    assert defs["ParticipationStep"]["properties"]["groups"]["items"] == {
        "$ref": "#/$defs/ParticipantGroup"}
    offered = defs["ParticipantGroup"]["anyOf"][0]["enum"]  # German names first, then ids
    assert offered[0] == "Menschen mit Behinderung" and "disabled_people" in offered
    assert unstructure(YearAmount(2022, th.Money(Decimal("1.00")))) == {
        "year": 2022, "amount": Decimal("1.00")}
