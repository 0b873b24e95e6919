"""Status rounds (issue 18): files per office, returns through the workflow, status."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

import teilhabe_core as th
from teilhabe_core.base import dates
from teilhabe_core.cli import main
from teilhabe_core.evaluation.evaluate import build_evaluation
from teilhabe_core.evaluation.rollup import summarise
from teilhabe_core.evaluation.round import path_between, reports_of
from teilhabe_core.model import Evaluation, MeasureStatus
from teilhabe_core.publish import round_files as files
from teilhabe_core.store.contract import Key
from teilhabe_core.store.files import FileStore
from teilhabe_core.store.opening import open_store
from teilhabe_core.store.transfer import copy_area
from teilhabe_core.tasks import rounds

BOERDE = ROOT / "counties" / "boerde" / "data"
PLAN = "boerde-aktionsplan-2"
ON = dt.date(2025, 12, 31)
ROUND = f"{PLAN}-runde-{ON.isoformat()}"
PLAN_KEY = Key("boerde", "plan", PLAN)


def seeded(url: str) -> th.Teilhabe:
    store = open_store(url, create=True)
    copy_area(FileStore({"boerde": BOERDE}), store, "boerde")
    return th.Teilhabe.discover(store=store)


@pytest.fixture
def files_app(tmp_path: Path) -> th.Teilhabe:
    return seeded(str(tmp_path / "store"))


def started(app: th.Teilhabe, out: Path, **kw: object) -> dict[str, Path]:
    result = rounds.start(app, PLAN, ON, out, due=dt.date(2026, 1, 31), **kw)
    return {share.key: path for share, path in result.files}


def fill(src: Path, dst: Path, edits: dict[str, tuple[str, str, str, str]]) -> Path:
    """The office's return: per measure (new status, progress, comment, date DD.MM.YYYY)."""
    book = load_workbook(src)
    sheet = book["Rückmeldung"]
    rows = {sheet.cell(r, 1).value: r for r in range(3, sheet.max_row + 1)}
    for measure, values in edits.items():
        for column, value in zip(range(5, 9), values, strict=True):
            if value:
                sheet.cell(rows[measure], column).value = (
                    dt.datetime.strptime(value, "%d.%m.%Y") if column == 8 else value)
    book.save(dst)
    return dst


def history_of(app: th.Teilhabe, measure: str) -> list[tuple[str, str, str, str]]:
    stored = app.store.read(PLAN_KEY)
    return [(e.transition, e.to_state, e.by, e.at.date().isoformat())
            for e in stored.history.entries if e.object == f"measure:{measure}"]


def round_doc(app: th.Teilhabe) -> Evaluation:
    document = app.store.read(Key("boerde", "evaluation", ROUND)).document
    assert isinstance(document, Evaluation)
    return document


# -- 1. start ---------------------------------------------------------------------------


def test_start_writes_one_protected_workbook_per_office_with_german_lists(files_app, tmp_path):
    out = started(files_app, tmp_path / "runde")
    plan = files_app.store.read(PLAN_KEY).document
    assert set(out) == {m.responsible_office for m in plan.measures}
    assert len(out) == 12
    sheet = load_workbook(out["sozialamt"])["Rückmeldung"]
    assert [c.value for c in sheet[1]] == ["Statusrunde", ROUND, "Plan", PLAN, "Amt",
                                           "sozialamt", "Stichtag", dt.datetime(2025, 12, 31)]
    assert sheet["H1"].number_format == "DD.MM.YYYY"  # a date cell German Excel shows German
    assert [c.value for c in sheet[2]] == [
        "Maßnahme", "Titel", "Status bisher", "Fortschritt bisher (%)", "Neuer Status",
        "Fortschritt (%)", "Kommentar", "Datum (TT.MM.JJJJ)"]
    ids = [sheet.cell(r, 1).value for r in range(3, sheet.max_row + 1)]
    assert ids == [m.id for m in plan.measures if m.responsible_office == "sozialamt"]
    assert sheet["C6"].value == "zurückgestellt"  # bo-arbeit-3, the German label
    assert sheet.protection.sheet
    assert sheet["A3"].protection.locked and sheet["D3"].protection.locked
    assert not any(sheet[f"{c}3"].protection.locked for c in "EFGH")
    lists = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert lists["E3:E9"].formula1 == ('"geplant,in Umsetzung,Daueraufgabe,zurückgestellt,'
                                       'abgeschlossen,entfallen"')
    assert (lists["F3:F9"].type, lists["F3:F9"].formula1, lists["F3:F9"].formula2) == (
        "whole", "0", "100")
    assert round_doc(files_app).reported and round_doc(files_app).due == dt.date(2026, 1, 31)
    identity = files.Identity(ROUND, PLAN, "sozialamt", ON)
    twice = [files.workbook(identity, "Sozialamt", [["m", "T", "geplant", ""]], ["geplant"],
                            None) for _ in range(2)]
    assert twice[0] == twice[1]  # deterministic bytes


def test_start_writes_csv_on_request_with_the_identity_row(files_app, tmp_path):
    out = started(files_app, tmp_path / "runde", csv=True)
    text = out["personalamt"].read_text("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert table[0][:2] == ["Statusrunde", ROUND] and table[0][5] == "personalamt"
    assert [r[0] for r in table[2:]] == ["bo-arbeit-2", "bo-arbeit-4"]


# -- 2. collect -------------------------------------------------------------------------


def test_a_return_becomes_transitions_by_the_office_and_reports(files_app, tmp_path):
    out = started(files_app, tmp_path / "runde")
    back = fill(out["kreisstrassen-oepnv"], tmp_path / "kreis.xlsx", {
        "bo-mobilitaet-1": ("", "80", "38 von 47 Haltestellen umgebaut", ""),
        "bo-mobilitaet-4": ("abgeschlossen", "", "Fahrplanauskunft barrierefrei",
                            "01.10.2025")})
    target = rounds.open_plan(files_app, PLAN)
    done = rounds.collect_file(files_app, target, back)
    assert [(e.transition, e.to_state) for e in done.transitions] == [
        ("start", "in_progress"), ("finish", "done")]
    assert history_of(files_app, "bo-mobilitaet-4") == [
        ("start", "in_progress", "kreisstrassen-oepnv", "2025-10-01"),
        ("finish", "done", "kreisstrassen-oepnv", "2025-10-01")]
    assert history_of(files_app, "bo-mobilitaet-1") == []  # progress only: no transition
    plan = files_app.store.read(PLAN_KEY).document
    assert {m.id: m.status for m in plan.measures}["bo-mobilitaet-4"] is MeasureStatus.DONE
    entries = {e.measure: e for e in round_doc(files_app).entries}
    assert set(entries) == {"bo-mobilitaet-1", "bo-mobilitaet-4"}
    assert (entries["bo-mobilitaet-1"].progress, entries["bo-mobilitaet-1"].comment,
            entries["bo-mobilitaet-1"].last_update) == (80, "38 von 47 Haltestellen umgebaut",
                                                       ON)
    assert (entries["bo-mobilitaet-4"].status, entries["bo-mobilitaet-4"].progress,
            entries["bo-mobilitaet-4"].last_update) == (MeasureStatus.DONE, 100,
                                                       dt.date(2025, 10, 1))
    assert [f for f in files_app.validate_stored(PLAN_KEY) if f.is_error] == []
    # collecting the same file again changes nothing
    revisions = (files_app.store.read(PLAN_KEY).revision,
                 files_app.store.read(Key("boerde", "evaluation", ROUND)).revision)
    again = rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), back)
    assert not again.changed and again.transitions == ()
    assert revisions == (files_app.store.read(PLAN_KEY).revision,
                         files_app.store.read(Key("boerde", "evaluation", ROUND)).revision)


def test_bad_cells_refuse_the_whole_file_naming_sheet_row_and_column(files_app,
                                                                          tmp_path):
    out = started(files_app, tmp_path / "runde")
    before = files_app.store.read(PLAN_KEY).revision
    # every cell error of every row; the workflow is only asked when all cells are readable
    back2 = fill(out["sozialamt"], tmp_path / "sozial2.xlsx", {
        "bo-bildung-2": ("abgeschlossen", "100", "Verfahren eingeführt", "15.11.2025"),
        "bo-gesundheit-4": ("fertig", "200", "", "01.01.2999")})
    with pytest.raises(rounds.ReturnRefused) as cells:
        rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), back2)
    assert [(f.line, f.column, f.path) for f in cells.value.findings] == [
        (9, 5, "Rückmeldung!E9 (Neuer Status)"), (9, 6, "Rückmeldung!F9 (Fortschritt (%))"),
        (9, 8, "Rückmeldung!H9 (Datum (TT.MM.JJJJ))")]
    assert "Möglich sind: geplant, in Umsetzung" in cells.value.findings[0].message
    assert files_app.store.read(PLAN_KEY).revision == before  # nothing of either file
    assert round_doc(files_app).entries == ()
    assert history_of(files_app, "bo-bildung-2") == []


def test_the_refused_rows_are_exactly_the_two_workflow_refusals(files_app, tmp_path):
    out = started(files_app, tmp_path / "runde")
    back = fill(out["sozialamt"], tmp_path / "s.xlsx", {
        "bo-bildung-2": ("abgeschlossen", "100", "Verfahren eingeführt", "15.11.2025"),
        "bo-gesundheit-2": ("abgeschlossen", "", "", ""),
        "bo-arbeit-3": ("entfallen", "", "", "")})
    with pytest.raises(rounds.ReturnRefused) as refused:
        rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), back)
    assert [(f.line, f.column) for f in refused.value.findings] == [(6, 5), (8, 5)]
    assert "braucht ein Enddatum" in refused.value.findings[1].message
    assert "Spalte G (Kommentar)" in refused.value.findings[0].message


@pytest.mark.parametrize("cell, value, expected", [
    (4, "boerde-aktionsplan-1", "gehört zum Plan 'boerde-aktionsplan-1'"),
    (2, f"{PLAN}-runde-2024-12-31", "gehört zur Runde"),
    (6, "jugendamt-x", "ist für keine Maßnahme dieses Plans zuständig"),
])
def test_a_return_for_another_plan_round_or_office_is_refused(files_app, tmp_path, cell,
                                                              value, expected):
    out = started(files_app, tmp_path / "runde")
    book = load_workbook(out["jugendamt"])
    book["Rückmeldung"].cell(1, cell).value = value
    book["Rückmeldung"]["E3"] = "in Umsetzung"
    book.save(tmp_path / "j.xlsx")
    with pytest.raises(rounds.ReturnRefused, match=expected):
        rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), tmp_path / "j.xlsx")
    assert history_of(files_app, "bo-bildung-4") == []


def test_a_row_of_another_offices_measure_is_refused(files_app, tmp_path):
    out = started(files_app, tmp_path / "runde")
    book = load_workbook(out["jugendamt"])
    book["Rückmeldung"]["A3"] = "bo-mobilitaet-1"
    book.save(tmp_path / "j.xlsx")
    with pytest.raises(rounds.ReturnRefused, match="gehört nicht zu Jugendamt"):
        rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), tmp_path / "j.xlsx")


@pytest.mark.parametrize(("content", "reason"), [
    (b"ID;Titel\n", "kein ZIP-Archiv"),
    ({"word/document.xml": "<w/>"}, "ein ZIP-Archiv ohne Excel-Arbeitsmappe darin"),
    ({"xl/workbook.xml": "<kaputt"}, "die Arbeitsmappe darin ist beschädigt"),
])
def test_a_return_that_is_no_workbook_is_one_german_finding(files_app, tmp_path, content,
                                                            reason):
    path = tmp_path / "j.xlsx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in content.items():
                archive.writestr(name, text)
    with pytest.raises(th.DocumentError) as caught:
        files.read_return(path)
    [found] = caught.value.findings
    assert (found.code, found.line) == ("not-xlsx", 1)
    assert found.message.startswith("Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx): "
                                    + reason)
    assert "Error" not in found.message and "Error" not in found.message_en


# -- 3. status and staleness --------------------------------------------------------------


def test_status_names_returned_and_missing_offices_and_overdue(files_app, tmp_path):
    out = started(files_app, tmp_path / "runde")
    rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), fill(
        out["jugendamt"], tmp_path / "j.xlsx", {"bo-bildung-4": ("in Umsetzung", "", "", "")}))
    state = rounds.status(files_app, PLAN, today=dt.date(2026, 1, 15))
    assert [s.key for s in state.returned] == ["jugendamt"]
    assert len(state.missing) == 11 and not state.overdue
    assert "bo-bildung-4" not in state.unreported and len(state.unreported) == 20
    assert rounds.status(files_app, PLAN, today=dt.date(2026, 2, 1)).overdue
    assert not rounds.status(files_app, PLAN, today=dt.date(2026, 2, 1),
                             due=dt.date(2026, 3, 1)).overdue


def test_a_measure_reported_in_a_round_is_not_stale(files_app, tmp_path):
    out = started(files_app, tmp_path / "runde")
    rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), fill(
        out["sozialamt"], tmp_path / "s.xlsx", {"bo-wohnen-2": ("", "60", "läuft", "")}))
    stored = files_app.store.read(PLAN_KEY)
    plan = stored.document
    reports = reports_of([round_doc(files_app)], PLAN, ON)
    fresh = summarise(build_evaluation(plan, ON, stored.history, reports=reports), plan)
    old = summarise(build_evaluation(plan, ON, stored.history), plan)
    assert "bo-wohnen-2" in old.stale and "bo-wohnen-2" not in fresh.stale
    # every row of a returned file is a report, changed or not
    sozialamt = {m.id for m in plan.measures if m.responsible_office == "sozialamt"}
    assert set(old.stale) - set(fresh.stale) == sozialamt


def test_the_boerde_2020_report_no_longer_calls_reported_measures_stale(app):
    evaluation = th.load(BOERDE / "evaluation-2020.yaml")
    plan = th.load(BOERDE / "aktionsplan-1.yaml")
    assert evaluation.reported
    assert summarise(evaluation, plan).stale == ()


# -- 5. every store, and two offices at once on PostgreSQL -------------------------------


def test_a_round_on_every_store(store_url, tmp_path):
    app = seeded(store_url)
    out = started(app, tmp_path / "runde")
    back = fill(out["personalamt"], tmp_path / "p.xlsx", {
        "bo-arbeit-4": ("zurückgestellt", "", "Stelle nicht besetzt", "01.12.2025")})
    done = rounds.collect_file(app, rounds.open_plan(app, PLAN), back)
    assert [(e.transition, e.by) for e in done.transitions] == [("postpone", "personalamt")]
    assert history_of(app, "bo-arbeit-4") == [
        ("postpone", "postponed", "personalamt", "2025-12-01")]
    assert [e.measure for e in round_doc(app).entries] == ["bo-arbeit-2", "bo-arbeit-4"]
    assert not rounds.collect_file(app, rounds.open_plan(app, PLAN), back).changed
    app.store.close()


def test_two_offices_collected_at_once_on_postgresql_lose_nothing(pg_url, tmp_path):
    from conftest import fresh_pg

    url = fresh_pg(pg_url)
    app = seeded(url)
    out = started(app, tmp_path / "runde")
    returns = {
        "sozialamt": fill(out["sozialamt"], tmp_path / "s.xlsx", {
            "bo-bildung-2": ("abgeschlossen", "100", "eingeführt", "15.11.2025"),
            "bo-gesundheit-4": ("in Umsetzung", "10", "Konzept", "")}),
        "kreisstrassen-oepnv": fill(out["kreisstrassen-oepnv"], tmp_path / "k.xlsx", {
            "bo-mobilitaet-4": ("abgeschlossen", "", "fertig", "01.10.2025"),
            "bo-mobilitaet-1": ("", "80", "", "")})}
    app.store.close()
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def collect(office: str) -> None:
        own = th.Teilhabe.discover(store=open_store(url))
        try:
            target = rounds.open_plan(own, PLAN)
            barrier.wait()
            rounds.collect_file(own, target, returns[office])
        except BaseException as exc:
            errors.append(exc)
        finally:
            own.store.close()

    threads = [threading.Thread(target=collect, args=(o,)) for o in returns]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    check = th.Teilhabe.discover(store=open_store(url))
    stored = check.store.read(PLAN_KEY)
    moved = sorted((e.object, e.transition, e.by) for e in stored.history.entries)
    assert moved == [("measure:bo-bildung-2", "finish", "sozialamt"),
                     ("measure:bo-gesundheit-4", "start", "sozialamt"),
                     ("measure:bo-mobilitaet-4", "finish", "kreisstrassen-oepnv"),
                     ("measure:bo-mobilitaet-4", "start", "kreisstrassen-oepnv")]
    status = {m.id: m.status.value for m in stored.document.measures}
    assert (status["bo-bildung-2"], status["bo-gesundheit-4"], status["bo-mobilitaet-4"]) == (
        "done", "in_progress", "done")
    both = {m.id for m in stored.document.measures
            if m.responsible_office in ("sozialamt", "kreisstrassen-oepnv")}
    assert {e.measure for e in round_doc(check).entries} == both and len(both) == 9
    assert [f for f in check.validate_stored(PLAN_KEY) if f.is_error] == []
    check.store.close()


# -- 4. the table import goes through the workflow -----------------------------------------


def _table_with_status(app: th.Teilhabe, plan_path: Path, measure: str, status: str,
                       tmp_path: Path) -> Path:
    rendered = app.render(th.load(plan_path), "csv")[0].data()
    text = rendered.decode("utf-8-sig") if isinstance(rendered, bytes) else rendered
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    column = table[0].index("Status")
    for row in table[1:]:
        if row[0] == measure:
            row[column] = status
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(table)
    path = tmp_path / "massnahmen.csv"
    path.write_text("\ufeff" + buffer.getvalue(), "utf-8")
    return path


def _import_finished(app: th.Teilhabe, tmp_path: Path, measure: str, out: Path) -> int:
    """Import the Börde table with ``measure`` set to abgeschlossen; the exit code."""
    plan = tmp_path / "aktionsplan-2.yaml"
    plan.write_bytes((BOERDE / "aktionsplan-2.yaml").read_bytes())
    table = _table_with_status(app, plan, measure, "abgeschlossen", tmp_path)
    return main(["import", str(table), "--format", "csv", "--into", str(plan), "--out",
                 str(out)])


def test_the_table_import_records_status_changes_as_transitions(app, tmp_path, capsys):
    out = tmp_path / "neu.yaml"
    assert _import_finished(app, tmp_path, "bo-gesundheit-3", out) == 0
    loaded = th.load(out)
    assert {m.id: m.status for m in loaded.measures}["bo-gesundheit-3"] is MeasureStatus.DONE
    journal = (tmp_path / "neu.history.yaml").read_text("utf-8")
    assert "object: measure:bo-gesundheit-3" in journal and "transition: finish" in journal
    assert "by: Tabellenimport" in journal
    assert main(["validate", str(out)]) == 0


def test_the_table_import_refuses_a_state_the_workflow_forbids(app, tmp_path, capsys):
    out = tmp_path / "neu.yaml"
    assert _import_finished(app, tmp_path, "bo-gesundheit-2", out) == 1
    err = capsys.readouterr().err
    assert "bo-gesundheit-2 (Status)" in err and "Enddatum" in err
    assert not out.exists()


def test_the_table_import_into_a_store_keeps_history(files_app, tmp_path, capsys):
    plan = tmp_path / "p.yaml"
    plan.write_text(files_app.store.read(PLAN_KEY).text, "utf-8")
    table = _table_with_status(files_app, plan, "bo-arbeit-4", "in Umsetzung", tmp_path)
    url = str(files_app.store.url)
    assert main(["--store", url, "import", str(table), "--format", "csv", "--into",
                 PLAN]) == 0
    fresh = open_store(url)
    entries = fresh.read(PLAN_KEY).history.entries
    assert [(e.object, e.transition, e.by) for e in entries] == [
        ("measure:bo-arbeit-4", "start", "Tabellenimport")]


# -- the command line -------------------------------------------------------------------


def test_round_commands(files_app, tmp_path, capsys):
    url = str(files_app.store.url)
    assert main(["--store", url, "round", "start", PLAN, "--on", "2025-12-31", "--due",
                 "2026-01-31", "--out", str(tmp_path / "r")]) == 0
    assert "12 Dateien" in capsys.readouterr().out
    src = next((tmp_path / "r").glob("*-bauordnungsamt.xlsx"))
    back = fill(src, tmp_path / "b.xlsx", {"bo-wohnen-3": ("in Umsetzung", "30", "", "")})
    assert main(["--store", url, "round", "collect", PLAN, str(back)]) == 0
    printed = capsys.readouterr().out
    assert "bauordnungsamt: 1 Statuswechsel, 2 Meldungen übernommen" in printed
    assert "  measure:bo-wohnen-3: beginnen (geplant → in Umsetzung), 31.12.2025, von " \
           "bauordnungsamt\n" in printed
    assert main(["--store", url, "round", "collect", PLAN, str(back)]) == 0
    assert "bereits übernommen" in capsys.readouterr().out
    assert main(["--store", url, "round", "status", PLAN, "--on", "2026-02-01"]) == 0
    printed = capsys.readouterr().out
    assert "Zurückgemeldet (1): Bauordnungsamt" in printed and "überfällig" in printed
    assert "(Stichtag 31.12.2025, Frist 31.01.2026)" in printed
    assert main(["--lang", "en", "--store", url, "round", "status", PLAN, "--on",
                 "01.02.2026"]) == 0
    assert "(reference date 31 Dec 2025, due 31 Jan 2026)" in capsys.readouterr().out


# -- the shortest way through the workflow --------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([s.value for s in MeasureStatus]),
       st.sampled_from([s.value for s in MeasureStatus]))
def test_path_between_is_a_valid_walk(app, start, target):
    flow = app.workflows().get("measure", None)
    names = path_between(flow, start, target)
    reachable, todo = {start}, [start]
    while todo:
        for step in flow.allowed(todo.pop()):
            if step.target not in reachable:
                reachable.add(step.target)
                todo.append(step.target)
    assert (names is None) == (target not in reachable)
    if names is None:
        return
    state = start
    for name in names:
        step = next(t for t in flow.allowed(state) if t.name == name)
        state = step.target
    assert state == target


def test_the_evaluation_report_of_a_round_names_who_has_answered(files_app, tmp_path):
    out = started(files_app, tmp_path / "runde")
    rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), fill(
        out["jugendamt"], tmp_path / "j.xlsx", {"bo-bildung-4": ("in Umsetzung", "", "", "")}))
    text = files_app.render(round_doc(files_app), "evaluation-markdown")[0].data()
    text = text.decode("utf-8") if isinstance(text, bytes) else text
    assert "## Rückmeldungen der Ämter (Statusrunde)" in text
    assert "Rückmeldung erbeten bis 31. Januar 2026." in text
    assert "- Zurückgemeldet (1): Jugendamt" in text
    assert "- Noch ohne Rückmeldung (11): Amt für Kreisstraßen und ÖPNV, Sozialamt" in text
    assert "Ohne Aktualisierung seit 12 Monaten\n\nKeine." in text
    html = files_app.render(round_doc(files_app), "evaluation-html")[0].data()
    html = html.decode("utf-8") if isinstance(html, bytes) else html
    assert "<li>Zurückgemeldet (1): Jugendamt</li>" in html


def test_a_round_started_before_its_reference_date_records_today(files_app, tmp_path):
    ahead = dates.today() + dt.timedelta(days=20)
    result = rounds.start(files_app, PLAN, ahead, tmp_path / "r")
    src = next(p for s, p in result.files if s.key == "jugendamt")
    back = fill(src, tmp_path / "j.xlsx", {"bo-bildung-4": ("in Umsetzung", "", "", "")})
    done = rounds.collect_file(files_app, rounds.open_plan(files_app, PLAN), back)
    assert [e.at.date() for e in done.transitions] == [dates.today()]
