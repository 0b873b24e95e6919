"""Evaluation, Fortschreibung, diff, indicators, prevention chains and barriers (issue 7)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.cli import main
from teilhabe_core.evaluation import rollup
from teilhabe_core.evaluation.coverage import barrier_summary, chain, transition_gaps
from teilhabe_core.evaluation.diff import diff_plans, lineage
from teilhabe_core.evaluation.evaluate import build_evaluation
from teilhabe_core.evaluation.indicators import import_measurements, progress, series
from teilhabe_core.evaluation.successor import derive_successor, save_successor
from teilhabe_core.model import (
    Barrier,
    BarrierStatus,
    History,
    HistoryEntry,
    Indicator,
    LifeArea,
    Measure,
    Measurement,
    MeasureStatus,
    Period,
    Plan,
    PlanKind,
    Severity,
    Transition,
)
from teilhabe_core.publish.charts import indicator_svg
from tests.conftest import ROOT
from tests.strategies import plans, texts

DATA = ROOT / "counties"
BOERDE = DATA / "boerde" / "data"


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T10:00:00+01:00")


def entry(measure: str, old: str, new: str, day: str) -> HistoryEntry:
    return HistoryEntry(object=f"measure:{measure}", workflow="measure", transition="t",
                        from_state=old, to_state=new, at=at(day), by="Fachamt")


def small_plan(**changes: object) -> Plan:
    areas = (LifeArea(id="bildung", name="Bildung"), LifeArea(id="arbeit", name="Arbeit"))
    measures = (
        Measure(id="a", title="A", life_areas=("bildung",), responsible_office="Schulamt",
                crpd_articles=(24,), start=dt.date(2020, 1, 1), end=dt.date(2021, 6, 30),
                status=MeasureStatus.IN_PROGRESS, progress=40),
        Measure(id="b", title="B", life_areas=("bildung", "arbeit"), responsible_office="Sozialamt",
                crpd_articles=(24, 27), end=dt.date(2030, 1, 1), status=MeasureStatus.DONE),
        Measure(id="c", title="C", life_areas=("arbeit",), responsible_office="Sozialamt",
                crpd_articles=(27,), status=MeasureStatus.PLANNED),
    )
    plan = Plan(id="test-plan-1", county="boerde", kind=PlanKind.ACTION_PLAN, title="Testplan",
                life_areas=areas, measures=measures,
                adoption=th.Adoption(body="kreistag", date=dt.date(2019, 12, 11)))
    return evolve(plan, **changes)


# -- evaluation builder and roll-ups -----------------------------------------------------


def test_evaluation_without_history_takes_states_from_the_plan():
    plan = small_plan()
    ev = build_evaluation(plan, dt.date(2021, 12, 31))
    assert [(e.measure, e.status, e.progress) for e in ev.entries] == [
        ("a", MeasureStatus.IN_PROGRESS, 40), ("b", MeasureStatus.DONE, 100),
        ("c", MeasureStatus.PLANNED, 0)]
    assert ev.plan == plan.id and ev.reference_date == dt.date(2021, 12, 31)
    assert all(e.last_update is None for e in ev.entries)


def test_evaluation_replays_history_to_the_reference_date():
    plan = small_plan()
    history = History(file="plan.yaml", entries=(
        entry("a", "planned", "in_progress", "2020-03-01"),
        entry("b", "planned", "in_progress", "2020-02-01"),
        entry("b", "in_progress", "done", "2022-05-01"),
    ))
    before = build_evaluation(plan, dt.date(2020, 1, 31), history)
    assert [e.status for e in before.entries][:2] == [MeasureStatus.PLANNED] * 2
    middle = build_evaluation(plan, dt.date(2021, 6, 30), history)
    a, b, _ = middle.entries
    assert a.status is MeasureStatus.IN_PROGRESS and a.progress == 40
    assert b.status is MeasureStatus.IN_PROGRESS and b.progress == 0  # estimate is for 'done'
    assert (a.last_update, b.last_update) == (dt.date(2020, 3, 1), dt.date(2020, 2, 1))
    after = build_evaluation(plan, dt.date(2022, 12, 31), history)
    assert after.entries[1].status is MeasureStatus.DONE and after.entries[1].progress == 100
    assert after.entries[1].last_update == dt.date(2022, 5, 1)


def test_rollups_per_life_area_article_office_overdue_and_stale():
    plan = small_plan()
    history = History(file="p.yaml", entries=(entry("c", "planned", "planned", "2021-11-01"),))
    ev = build_evaluation(plan, dt.date(2021, 12, 31), history, stale_months=6)
    result = rollup.summarise(ev, plan)
    rows = {r.key: r for r in result.life_areas}
    assert (rows["bildung"].total, rows["arbeit"].total) == (2, 2)
    assert rows["bildung"].mean_progress == Decimal(70)  # (40 + 100) / 2
    assert {r.key: r.total for r in result.articles} == {"24": 2, "27": 2}
    assert {r.key: r.total for r in result.offices} == {"Schulamt": 1, "Sozialamt": 2}
    assert result.overdue == ("a",)  # ended 2021-06-30, still in progress
    # a: no history, adoption 2019-12-11 is older than 6 months; b is done; c updated recently
    assert result.stale == ("a",)
    assert result.overall.overdue == 1 and rows["arbeit"].overdue == 0
    for r in (*result.life_areas, *result.articles, *result.offices, result.overall):
        assert sum(r.counts) == r.total


def test_shipped_boerde_evaluation_rolls_up(app):
    docs = app.documents("boerde")
    ev = next(e for e in docs.evaluations if e.id == "boerde-evaluation-2020")
    plan = next(p for p in docs.plans if p.id == ev.plan)
    result = rollup.summarise(ev, plan)
    assert result.overall.total == len(ev.entries) == len(plan.measures)
    assert sum(r.total for r in result.offices) == len(ev.entries)
    html = "".join(o.data().decode() for o in app.render(ev, "evaluation-html"))
    assert "Nach Zuständigkeit" in html
    assert "Nach Artikeln der UN-Behindertenrechtskonvention" in html


def test_built_evaluation_round_trips_and_validates(app, tmp_path):
    plan = next(p for p in app.documents("boerde").plans if p.version == 2)
    ev = build_evaluation(plan, dt.date(2023, 6, 30))
    path = th.dump(ev, tmp_path / "ev.yaml")
    assert th.load(path) == ev
    assert [f for f in app.validate_file(path) if f.is_error] == []


@settings(max_examples=40, deadline=None)
@given(plan=plans(), day=st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)),
       months=st.integers(1, 48))
def test_rollup_counts_always_add_up(plan, day, months):
    ev = build_evaluation(plan, day, stale_months=months)
    result = rollup.summarise(ev, plan)
    assert result.overall.total == len(plan.measures)
    assert set(result.overdue) <= {m.id for m in plan.measures}
    for r in (*result.life_areas, *result.articles, *result.offices, result.overall):
        assert sum(r.counts) == r.total and r.overdue <= r.total and r.stale <= r.total
        assert r.mean_progress is None or 0 <= r.mean_progress <= 100


# -- Fortschreibung and diff ---------------------------------------------------------------


def test_successor_closes_done_carries_open_adds_new_and_keeps_dropped():
    plan = small_plan()
    ev = build_evaluation(plan, dt.date(2021, 12, 31))
    new = Measure(id="d", title="D", life_areas=("arbeit",))
    result = derive_successor(plan, ev, new_measures=[new], drop={"c": "Kein Träger gefunden"})
    succ = result.plan
    assert (succ.id, succ.version, succ.supersedes) == ("test-plan-2", 2, "test-plan-1")
    assert succ.status is th.PlanStatus.DRAFT and succ.adoption is None
    assert [m.id for m in succ.measures] == ["a", "c", "d"]
    assert result.closed == ("b",) and result.carried_over == ("a",)
    assert result.dropped == ("c",) and result.added == ("d",)
    dropped = succ.measures[1]
    assert dropped.status is MeasureStatus.DROPPED
    assert dropped.dropped_reason == "Kein Träger gefunden"
    diff = diff_plans(plan, succ)
    assert diff.added == ("d",) and diff.removed == ("b",)
    assert [c.id for c in diff.changed] == ["c"]
    assert {c.field for c in diff.changed[0].changes} == {"status", "dropped_reason", "progress"}
    assert lineage(succ, plan) == {"a": "continued", "c": "continued", "d": "new",
                                   "b": "completed"}


def test_successor_bad_input_is_reported_together():
    plan = small_plan()
    other = evolve(build_evaluation(plan, dt.date(2021, 1, 1)), plan="anderer-plan")
    with pytest.raises(th.DocumentError) as info:
        derive_successor(plan, other, drop={"zzz": "x", "a": " "},
                         new_measures=[Measure(id="b", title="B", life_areas=("arbeit",))])
    codes = sorted((f.code, f.path) for f in info.value.findings)
    assert codes == [("dangling-reference", "drop.zzz"), ("dropped-without-reason", "drop.a"),
                     ("duplicate-id", "new_measures[0].id"), ("invalid-value", "plan")]


@settings(max_examples=60, deadline=None)
@given(plan=plans(), data=st.data())
def test_carrying_measures_over_never_loses_history(plan, data):
    states = [s.value for s in MeasureStatus]
    entries = []
    for m in plan.measures:
        day = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
        for _ in range(data.draw(st.integers(0, 3))):
            day += dt.timedelta(days=data.draw(st.integers(0, 400)))
            old, new = data.draw(st.sampled_from(states)), data.draw(st.sampled_from(states))
            entries.append(HistoryEntry(object=f"measure:{m.id}", workflow="measure",
                                        transition="t", from_state=old, to_state=new, at=day,
                                        by=data.draw(texts)))
    history = History(file="x.yaml", entries=tuple(entries))
    result = derive_successor(plan, build_evaluation(plan, dt.date(2022, 1, 1), history),
                              history=history)
    old_ids = {m.id for m in plan.measures}
    for m in result.plan.measures:
        assert m.id in old_ids
        mine = [e for e in entries if e.object == f"measure:{m.id}"]
        assert [e for e in result.history.entries if e.object == f"measure:{m.id}"] == mine
    # every measure of version N is either carried over or closed, none vanishes
    assert {m.id for m in result.plan.measures} | set(result.closed) == old_ids


@settings(max_examples=60, deadline=None)
@given(plan=plans())
def test_diff_of_a_plan_with_itself_is_empty(plan):
    result = diff_plans(plan, plan)
    assert result.empty
    assert result.carried_over == tuple(m.id for m in plan.measures)
    json.dumps(result.as_dict())


@settings(max_examples=40, deadline=None)
@given(plan=plans(), title=texts)
def test_diff_finds_a_changed_field(plan, title):
    if not plan.measures or plan.measures[0].title == title:
        return
    changed = evolve(plan, measures=(evolve(plan.measures[0], title=title), *plan.measures[1:]))
    result = diff_plans(plan, changed)
    assert not result.empty
    (item,) = result.changed
    assert item.id == plan.measures[0].id
    assert [(c.field, c.old, c.new) for c in item.changes] == [
        ("title", plan.measures[0].title, title)]


def test_diff_of_boerde_versions_and_markers_in_the_publication(app):
    docs = app.documents("boerde")
    first, second = sorted(docs.plans, key=lambda p: p.version)
    result = diff_plans(first, second)
    assert set(result.added) == {m.id for m in second.measures} - {m.id for m in first.measures}
    assert "bo-mobilitaet-2" in result.removed and "bo-mobilitaet-1" in result.carried_over
    pages = {o.name: o.data().decode() for o in app.render(second, "html")}
    index, mobility = pages["index.html"], pages["mobilitaet.html"]
    assert "Fortschreibung" in index and "Rufbus mit Unterstützung beim Einstieg" in index
    assert '<span class="badge">neu</span>' in mobility
    assert '<span class="badge">fortgeführt</span>' in mobility


def test_save_successor_writes_plan_and_journal_and_refuses_to_overwrite(app, tmp_path):
    plan = small_plan()
    history = History(file="p.yaml", entries=(entry("a", "planned", "in_progress", "2020-03-01"),))
    result = derive_successor(plan, history=history, history_file="ignored")
    target = tmp_path / "plan-2.yaml"
    written = save_successor(result, target)
    assert [p.name for p in written] == ["plan-2.yaml", "plan-2.history.yaml"]
    journal = th.load(tmp_path / "plan-2.history.yaml")
    assert journal.file == "plan-2.yaml" and journal.entries == history.entries
    assert th.load(target) == result.plan
    before = target.read_bytes()
    with pytest.raises(th.TeilhabeError, match="gibt es schon"):
        save_successor(result, target)
    assert target.read_bytes() == before


def test_fortschreibung_example_runs(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "examples" / "fortschreibung.py"),
                          str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Diff 1. Fassung → Entwurf" in run.stdout
    assert "Prüfung des Entwurfs: 0 Fehler" in run.stdout
    draft = th.load(tmp_path / "aktionsplan-2-entwurf.yaml")
    assert draft.supersedes == "boerde-aktionsplan-1" and draft.version == 2


# -- bad input: file, line and path ---------------------------------------------------------


def test_bad_evaluation_measurement_and_version_are_located(app, write):
    plan_text = (BOERDE / "aktionsplan-2.yaml").read_text("utf-8")
    skipped = write(plan_text.replace("version: 2", "version: 3"), "ap.yaml")
    (f,) = [f for f in app.validate_file(skipped) if f.is_error]
    assert (f.path, f.line) == ("version", plan_text.splitlines().index("version: 2") + 1)
    assert "auf Fassung 1 muss Fassung 2 folgen" in f.message

    ev_text = (BOERDE / "evaluation-2020.yaml").read_text("utf-8")
    bad_ev = write(ev_text.replace("- measure: bo-bildung-2", "- measure: bo-bildung-99"),
                   "ev.yaml")
    (f,) = [f for f in app.validate_file(bad_ev) if f.is_error]
    line = ev_text.splitlines().index("- measure: bo-bildung-2") + 1
    assert (f.code, f.path, f.line, f.file) == ("dangling-reference", "entries[7].measure", line,
                                                str(bad_ev))

    so = (DATA / "saale_orla" / "data" / "arbeitsplan-2022-2025.yaml").read_text("utf-8")
    early = write(so.replace("  - date: 2024-01-01\n    value: '55'",
                             "  - date: 2021-01-01\n    value: '55'"), "so.yaml")
    (f,) = [f for f in app.validate_file(early) if f.is_error]
    assert f.code == "measurement-outside-period" and f.path == "indicators[0].measurements[1].date"
    assert f.line == so.splitlines().index("    value: '55'")  # the date line above the value


# -- indicators -----------------------------------------------------------------------------


def indicator(**changes: object) -> Indicator:
    base = Indicator(id="quote", name="Quote", unit="%", baseline=Decimal(40),
                     baseline_date=dt.date(2023, 1, 1), target=Decimal(80),
                     period=Period(dt.date(2023, 1, 1), dt.date(2025, 12, 31)))
    return evolve(base, **changes)


def test_progress_towards_target_and_series():
    ind = indicator(measurements=(
        Measurement(dt.date(2024, 1, 1), Decimal(57), {"gender": "female"}),
        Measurement(dt.date(2024, 1, 1), Decimal(55)),
        Measurement(dt.date(2025, 1, 1), Decimal(70)),
    ))
    assert [s.label for s in series(ind)] == ["gesamt", "female"]
    assert progress(ind) == Decimal(75)  # (70 - 40) / (80 - 40)
    assert progress(ind, (("gender", "female"),)) == Decimal(43)
    assert progress(indicator(target=Decimal(40), measurements=ind.measurements)) is None
    assert progress(indicator()) is None


def test_indicator_csv_import_tidy_rows_with_breakdowns(app):
    plan = small_plan(indicators=(indicator(),))
    text = ("\ufeffdate;value;gender;note\n2024-01-01;55;;\n01.01.2024;57,5;female;geschätzt\n"
            "2024-01-01;52;male;\n")
    result = import_measurements(plan, "quote", text, "werte.csv")
    points = result.indicators[0].measurements
    assert [(str(p.date), p.value, p.breakdown, p.note) for p in points] == [
        ("2024-01-01", Decimal(55), {}, ""),
        ("2024-01-01", Decimal("57.5"), {"gender": "female"}, "geschätzt"),
        ("2024-01-01", Decimal(52), {"gender": "male"}, "")]
    merged = import_measurements(result, "quote", "date,value\n2024-01-01,56\n2025-01-01,60\n",
                                 mode="merge")
    assert [(str(p.date), p.value) for p in merged.indicators[0].measurements
            if not p.breakdown] == [("2024-01-01", Decimal(56)), ("2025-01-01", Decimal(60))]
    assert len(merged.indicators[0].measurements) == 4


def test_indicator_csv_errors_name_every_row_and_change_nothing():
    plan = small_plan(indicators=(indicator(),))
    text = ("date;value\n2024-13-01;5\n2024-02-01;viel\n2022-01-01;3\n2024-03-01;4\n"
            "2024-03-01;4\n2024-04-01\n")
    with pytest.raises(th.DocumentError) as info:
        import_measurements(plan, "quote", text, "werte.csv")
    found = [(f.line, f.code) for f in info.value.findings]
    assert found == [(2, "expected-date"), (3, "expected-number"), (7, "invalid-value"),
                     ]
    text = "date;value\n2022-01-01;3\n2024-03-01;4\n2024-03-01;4\n"
    with pytest.raises(th.DocumentError) as info:
        import_measurements(plan, "quote", text, "werte.csv")
    assert [(f.line, f.code) for f in info.value.findings] == [
        (2, "measurement-outside-period"), (4, "duplicate-measurement")]
    assert all(f.file == "werte.csv" for f in info.value.findings)
    with pytest.raises(th.DocumentError, match="quote"):
        import_measurements(plan, "gibtsnicht", "date;value\n", "werte.csv")
    with pytest.raises(th.DocumentError) as info:
        import_measurements(plan, "quote", "datum;wert\n2024-01-01;1\n", "werte.csv")
    assert {f.code for f in info.value.findings} == {"missing-field"}


def test_indicator_import_through_the_cli(tmp_path, capsys):
    plan_file = DATA / "saale_orla" / "data" / "arbeitsplan-2022-2025.yaml"
    table = tmp_path / "werte.csv"
    table.write_text("date;value;gender\n2025-06-01;72;\n2025-06-01;74;female\n", "utf-8")
    out = tmp_path / "plan.yaml"
    code = main(["import", str(table), "--format", "indicator-csv", "--into", str(plan_file),
                 "--option", "indicator=uebergabegespraeche", "--option", "mode=merge",
                 "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    ind = th.load(out).indicators[0]
    assert Measurement(dt.date(2025, 6, 1), Decimal(74), {"gender": "female"}) in ind.measurements
    table.write_text("date;value\n2020-01-01;1\n", "utf-8")
    assert main(["import", str(table), "--format", "indicator-csv", "--into", str(plan_file),
                 "--option", "indicator=uebergabegespraeche", "--out", str(out)]) == 1
    assert f"{table}:2:1: error" in capsys.readouterr().err


XML_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=80, deadline=None)
@given(name=XML_TEXT, unit=XML_TEXT, label=XML_TEXT,
       values=st.lists(st.decimals(-1000, 1000, places=2, allow_nan=False), max_size=5))
def test_svg_chart_escapes_every_text_and_is_deterministic(name, unit, label, values):
    ind = indicator(name=name, unit=unit, measurements=tuple(
        Measurement(dt.date(2023, 1, 1) + dt.timedelta(days=30 * i), v,
                    {"gruppe": label} if i % 2 else {}) for i, v in enumerate(values)))
    svg = indicator_svg(ind, "c1")
    assert svg == indicator_svg(ind, "c1")
    root = ElementTree.fromstring(svg)  # well-formed: no text leaked unescaped
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-t c1-d"
    assert (root.find(f"{ns}title").text or "") == (f"{name} ({unit})" if unit else name)
    assert root.find(f"{ns}desc").text
    assert not [e for e in root.iter() if e.tag == f"{ns}script"]
    labels = [e.text for e in root.iter(f"{ns}text")]
    if label and len(values) > 1:
        assert label in labels


def test_publication_shows_indicator_chart_and_table(app):
    plan = app.documents("saale_orla").current_plan()
    index = next(o for o in app.render(plan, "html") if o.name == "index.html").data().decode()
    assert "Wirkungsindikatoren" in index and index.count("<svg") == len(plan.indicators)
    assert "<caption>Messwerte: Anteil der Schulanfänger mit Übergabegespräch</caption>" in index
    assert "Fortschritt zum Ziel" in index


# -- prevention chains and barriers -----------------------------------------------------------


def test_prevention_chain_gap_view_for_saale_orla(app):
    plan = app.documents("saale_orla").current_plan()
    stages = chain(plan)
    assert [s.id for s in stages][:1] == ["aufwachsen"]
    assert sum(len(s.transitions) for s in stages) == len(plan.transitions)
    gaps = transition_gaps(plan)
    assert gaps and all(not t.offers for t in gaps)
    assert "kindergarten-schule" not in [t.id for t in gaps]
    index = next(o for o in app.render(plan, "html") if o.name == "index.html").data().decode()
    assert "Lücken in der Präventionskette" in index
    for t in gaps:
        assert t.name in index


def test_gap_view_on_a_constructed_chain():
    plan = small_plan(transitions=(
        Transition(id="t1", name="Kita → Schule", stage="bildung", offers=("Gespräch",)),
        Transition(id="t2", name="Schule → Beruf", stage="arbeit", measures=("c",)),
        Transition(id="t3", name="Beruf → Rente", stage="arbeit"),
    ))
    assert [(s.name, [t.id for t in s.transitions]) for s in chain(plan)] == [
        ("Bildung", ["t1"]), ("Arbeit", ["t2", "t3"])]
    assert [t.id for t in transition_gaps(plan)] == ["t2", "t3"]


def test_barrier_summary_lists_open_barriers_without_measure(app):
    plan = small_plan(barriers=(
        Barrier(id="b1", title="Treppe", life_area="bildung", severity=Severity.LOW),
        Barrier(id="b2", title="Formular", life_area="arbeit", severity=Severity.HIGH),
        Barrier(id="b3", title="Rampe", life_area="arbeit", measures=("a",),
                status=BarrierStatus.ADDRESSED),
        Barrier(id="b4", title="Alt", life_area="arbeit", status=BarrierStatus.REMOVED),
    ))
    summary = barrier_summary(plan)
    assert [b.id for b in summary.without_measure] == ["b2", "b1"]  # most severe first
    assert summary.as_dict()["by_status"] == {"open": 2, "addressed": 1, "removed": 1}
    assert summary.as_dict()["by_life_area"] == {"bildung": 1, "arbeit": 3}
    msh = app.documents("mansfeld_suedharz").current_plan()
    shipped = barrier_summary(msh)
    assert shipped.total == len(msh.barriers)
    assert all(not b.measures for b in shipped.without_measure)


# -- command line -------------------------------------------------------------------------------


def test_cli_diff_and_evaluate(tmp_path, capsys):
    one, two = BOERDE / "aktionsplan-1.yaml", BOERDE / "aktionsplan-2.yaml"
    assert main(["diff", str(one), str(one)]) == 0
    assert "= 21 unverändert fortgeführt" in capsys.readouterr().out
    assert main(["diff", str(one), str(two), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert "bo-mobilitaet-4" in data["added"] and "bo-mobilitaet-2" in data["removed"]
    out = tmp_path / "ev.yaml"
    assert main(["evaluate", str(two), "--on", "2023-06-30", "--out", str(out), "--json"]) == 0
    rollups = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert rollups["overall"]["total"] == len(th.load(two).measures)
    assert th.load(out).reference_date == dt.date(2023, 6, 30)
    assert main(["diff", str(one), str(BOERDE / "evaluation-2020.yaml")]) == 2  # not a plan
    assert "ist kein Plan" in capsys.readouterr().err


def test_cli_status_reports_gaps_and_barriers(capsys):
    so = DATA / "saale_orla" / "data" / "arbeitsplan-2022-2025.yaml"
    assert main(["status", str(so), "--on", "2024-01-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["transition_gaps"] and "barriers" not in data
    msh = DATA / "mansfeld_suedharz" / "data" / "aktionsplan-entwurf.yaml"
    assert main(["status", str(msh), "--json"]) == 0
    assert "without_measure" in json.loads(capsys.readouterr().out)["barriers"]


def test_indicator_importer_rejects_bad_mode_and_non_plan_target(app, tmp_path):
    table = tmp_path / "werte.csv"
    table.write_text("date;value\n2024-01-01;1\n", "utf-8")
    importer = app.importer("indicator-csv")
    plan = small_plan(indicators=(indicator(),))
    with pytest.raises(th.DocumentError) as info:
        importer(importer.Options(indicator="quote", mode="alles")).read(table, plan)
    (f,) = info.value.findings
    assert f.path == "options.mode" and "replace, merge" in f.message
    evaluation = build_evaluation(plan, dt.date(2024, 1, 1))
    with pytest.raises(th.DocumentError, match="Messreihen gehören in einen Plan"):
        importer(importer.Options(indicator="quote")).read(table, evaluation)
