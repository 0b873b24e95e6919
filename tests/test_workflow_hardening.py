"""Hardening of workflows, times and command-line arguments (issue 20).

Mixed naive/aware ``at`` values, future times, out-of-calendar dates and numbers, byte-exact
edits of hand-written files (CRLF, BOM, comments, flow style), status replaying the history,
exit codes of diff/export/evaluate, and one German message for every bad argument.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import hashlib
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core import workflow
from teilhabe_core.base.dates import BERLIN, add_days, add_months, parse_moment
from teilhabe_core.base.errors import UsageError, WorkflowUsageError
from teilhabe_core.cli import main
from teilhabe_core.documents import yamlsafe
from teilhabe_core.evaluation.deadlines import deadlines
from teilhabe_core.store import files as workflow_engine  # appends the journal entry
from teilhabe_core.workflow import history_path, set_field
from tests.conftest import MINIMAL_PLAN, ROOT

PLAN = MINIMAL_PLAN.replace("  - id: m1\n", "  - id: m1  # wichtig\n") + """\
    end: 2030-12-31
  - {id: m2, title: Zweite Maßnahme, life_areas: [bildung]}
"""

HISTORY_HEAD = "document: history\nfile: plan.yaml\nentries:\n"
EMPTY_HISTORY = "document: history\nfile: plan.yaml\nentries: []\n"


def entry(obj: str, transition: str, source: str, target: str, at: str,
          flow: str = "measure") -> str:
    return (f"- object: {obj}\n  workflow: {flow}\n  transition: {transition}\n"
            f"  from_state: {source}\n  to_state: {target}\n  at: {at}\n  by: Amt\n")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, "utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# -- 1. one time convention ----------------------------------------------------------------


def test_naive_and_aware_at_on_one_object_are_stored_as_berlin_times(app, plan):
    app.transition(plan, "measure:m1", "start", by="Amt", at=dt.datetime(2025, 2, 1, 9, 0))
    app.transition(plan, "measure:m1", "postpone", by="Amt", note="Haushalt",
                   at=dt.datetime(2025, 2, 1, 10, 0, tzinfo=dt.UTC))
    app.transition(plan, "measure:m1", "start", by="Amt", at=dt.datetime(2025, 7, 1, 9, 0))
    text = history_path(plan).read_text("utf-8")
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("at:")] == [
        "at: 2025-02-01 09:00:00+01:00", "at: 2025-02-01 11:00:00+01:00",
        "at: 2025-07-01 09:00:00+02:00"]
    assert [f for f in app.validate_file(plan) if f.code == "history"] == []


def test_default_time_is_now_in_berlin(app, plan):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    result = app.transition(plan, "measure:m1", "start", by="Amt")
    assert result.event.at.tzinfo is BERLIN
    assert before <= result.event.at <= dt.datetime.now(dt.UTC)
    (stored,) = th.load(history_path(plan)).entries
    assert stored.at == result.event.at and stored.at.utcoffset() is not None


def started_naive_postponed_aware(plan: Path, postponed: str) -> None:
    """m1 started at a naive 10:00 (Berlin) and postponed at the aware time ``postponed``."""
    history_path(plan).write_text(HISTORY_HEAD + entry(
        "measure:m1", "start", "planned", "in_progress", "2025-02-01 10:00:00") + entry(
        "measure:m1", "postpone", "in_progress", "postponed", postponed), "utf-8")
    plan.write_text(PLAN.replace("  # wichtig\n", "  # wichtig\n    status: postponed\n"),
                    "utf-8")


def test_existing_history_mixing_naive_and_aware_is_compared_safely(app, plan, capsys):
    # naive 10:00 is Berlin time (09:00 UTC); 09:30+00:00 is later (10:30 in Berlin)
    started_naive_postponed_aware(plan, "2025-02-01 09:30:00+00:00")
    assert [f for f in app.validate_file(plan) if f.code == "history"] == []
    with pytest.raises(th.WorkflowError, match="liegt vor dem letzten Eintrag"):
        app.transition(plan, "measure:m1", "start", by="Amt", at=dt.datetime(2025, 2, 1, 10, 15))
    app.transition(plan, "measure:m1", "start", by="Amt", at=dt.datetime(2025, 2, 1, 10, 45))
    assert cli(capsys, "evaluate", str(plan), "--on", "2025-03-01")[0] == 0
    assert cli(capsys, "status", str(plan), "--on", "2025-03-01")[0] == 0


def test_naive_time_before_an_aware_one_goes_backwards(app, plan):
    started_naive_postponed_aware(plan, "2025-02-01 08:30:00+00:00")  # 09:30 in Berlin
    found = [f for f in app.validate_file(plan) if f.code == "history"]
    assert [(f.path, f.message) for f in found] == [
        ("entries[1].at", "Die Zeitpunkte der Einträge dürfen nicht zurückgehen.")]


@pytest.mark.parametrize("value", ["gestern", "2025-13-01", "", "31.2.2025 9:00", "1.2.25"])
def test_unparsable_at_is_a_german_usage_error(plan, capsys, value):
    before = snapshot(plan.parent)
    code, out, err = cli(capsys, "transition", str(plan), "measure:m1", "start", "--by", "Amt",
                         "--at", value)
    assert code == 2 and out == ""
    assert f"teilhabe transition: Fehler: --at: '{value}' ist kein Zeitpunkt." in err
    assert "error" not in err and "invalid" not in err
    assert snapshot(plan.parent) == before


def test_parse_moment_takes_naive_text_as_berlin_time():
    assert parse_moment("2025-07-01T09:00") == dt.datetime(2025, 7, 1, 7, 0, tzinfo=dt.UTC)
    assert parse_moment(" 2025-01-01T09:00+00:00 ").isoformat() == "2025-01-01T10:00:00+01:00"
    with pytest.raises(UsageError, match="'morgen' ist kein Zeitpunkt"):
        parse_moment("morgen")


def test_future_at_is_refused_beyond_the_clock_tolerance(app, plan, capsys):
    before = snapshot(plan.parent)
    soon = dt.datetime.now(dt.UTC) + workflow.CLOCK_TOLERANCE + dt.timedelta(minutes=1)
    with pytest.raises(WorkflowUsageError, match="liegt in der Zukunft"):
        app.transition(plan, "measure:m1", "start", by="Amt", at=soon)
    code, _, err = cli(capsys, "transition", str(plan), "measure:m1", "start", "--by", "Amt",
                       "--at", "2999-01-01T00:00")
    assert code == 2
    assert "Fehler: Der Zeitpunkt 01.01.2999, 00:00 Uhr liegt in der Zukunft." in err
    assert snapshot(plan.parent) == before
    within = dt.datetime.now(dt.UTC) + workflow.CLOCK_TOLERANCE - dt.timedelta(minutes=1)
    assert app.transition(plan, "measure:m1", "start", by="Amt", at=within).event.to_state \
        == "in_progress"


@pytest.mark.parametrize(("value", "message"), [
    ("0001-01-01", "Der Zeitpunkt 01.01.0001, 00:00 Uhr liegt vor 1900"),
    ("1899-12-31T23:00+00:00", "Der Zeitpunkt 01.01.1900, 00:00 Uhr liegt vor 1900"),
    ("0001-01-01T00:00+01:00",
     "--at: Der Zeitpunkt 01.01.0001, 00:00 Uhr (UTC+01:00) liegt außerhalb"),
    ("01.01.0001 00:00", "Der Zeitpunkt 01.01.0001, 00:00 Uhr liegt vor 1900"),
])
def test_at_before_1900_is_refused(plan, capsys, value, message):
    before = snapshot(plan.parent)
    code, _, err = cli(capsys, "transition", str(plan), "measure:m1", "start", "--by", "Amt",
                       "--at", value)
    assert code == 2 and message in err
    assert snapshot(plan.parent) == before


def test_missing_document_exits_2(tmp_path, capsys):
    for args in (["transition", "measure:m1", "start"], ["status"], ["evaluate"]):
        command, *rest = args
        code, _, err = cli(capsys, command, str(tmp_path / "fehlt.yaml"), *rest)
        assert code == 2 and "fehlt.yaml:1:1: error: (Dokument): Die Datei kann nicht " \
                             "gelesen werden" in err


# -- 2. numbers and dates out of range -------------------------------------------------------

OUT_OF_RANGE = [
    (["status", "--window", "999999999999"], "außerhalb des Kalenders"),
    (["status", "--window", "-5"], "--window: '-5' ist keine ganze Zahl ab 0."),
    (["status", "--window", "viel"], "--window: 'viel' ist keine ganze Zahl ab 0."),
    (["status", "--on", "0001-01-01"], "Die Datumsrechnung 01.01.0001 - 365 Tage liegt außerhalb"),
    (["status", "--on", "31.12.9999"], "31.12.9999 + 365 Tage liegt außerhalb des Kalenders "
                                      "(Jahre 1 bis 9999)."),
    (["status", "--on", "gestern"], "--on: 'gestern' ist kein Datum. Bitte schreiben Sie es "
                                  "als TT.MM.JJJJ (z. B. 01.03.2024) oder JJJJ-MM-TT."),
    (["evaluate", "--stale-months", "999999999999"], "- 999999999999 Monate liegt außerhalb"),
    (["evaluate", "--stale-months", "-3"], "--stale-months: '-3' ist keine ganze Zahl ab 1."),
    (["evaluate", "--stale-months", "0"], "--stale-months: '0' ist keine ganze Zahl ab 1."),
    (["evaluate", "--on", "0001-01-01"], "Die Datumsrechnung 01.01.0001 - 12 Monate"),
    (["evaluate", "--on", "2025-02-30"], "--on: '2025-02-30' ist kein Datum."),
    (["evaluate", "--on", "30.02.2025"], "--on: '30.02.2025' ist kein Datum."),
]


@pytest.mark.parametrize(("args", "message"), OUT_OF_RANGE)
def test_out_of_range_options_are_german_usage_errors(plan, capsys, args, message):
    command, *options = args
    code, out, err = cli(capsys, command, str(plan), *options)
    assert (code, out) == (2, "")
    assert "teilhabe" in err and "Fehler: " in err and message in err
    assert "error:" not in err


def test_date_arithmetic_raises_german_usage_errors(app):
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(9999, 12, 1), -12) == dt.date(9998, 12, 1)
    assert add_days(dt.date(1, 1, 2), -1) == dt.date(1, 1, 1)
    for call in (lambda: add_months(dt.date(1, 1, 1), -1),
                 lambda: add_months(dt.date(9999, 12, 1), 1),
                 lambda: add_months(dt.date(2025, 1, 1), 10**12),
                 lambda: add_days(dt.date(9999, 12, 31), 1),
                 lambda: add_days(dt.date(2025, 1, 1), 10**12)):
        with pytest.raises(UsageError, match="liegt außerhalb des Kalenders"):
            call()
    with pytest.raises(UsageError, match="0 oder mehr Tage"):
        deadlines(app, "boerde", dt.date(2025, 1, 1), -1)
    with pytest.raises(UsageError, match="außerhalb des Kalenders"):
        deadlines(app, "boerde", dt.date(2025, 1, 1), 10**12)


# -- 3. the hand-written file stays as it was ------------------------------------------------


def test_crlf_file_stays_crlf(app, plan):
    plan.write_bytes(PLAN.replace("\n", "\r\n").encode("utf-8"))
    app.transition(plan, "measure:m1", "start", by="Amt", at=dt.datetime(2025, 2, 1, 9))
    assert plan.read_bytes() == PLAN.replace(
        "  # wichtig\n", "  # wichtig\n    status: in_progress\n").replace(
        "\n", "\r\n").encode("utf-8")
    app.transition(plan, "measure:m1", "postpone", by="Amt", note="x",
                   at=dt.datetime(2025, 2, 2, 9))
    assert b"    status: postponed\r\n" in plan.read_bytes()
    assert plan.read_bytes().count(b"\n") == plan.read_bytes().count(b"\r\n")


def test_bom_stays(app, plan):
    plan.write_bytes(codecs.BOM_UTF8 + PLAN.encode("utf-8"))
    app.transition(plan, "measure:m2", "start", by="Amt", at=dt.datetime(2025, 2, 1, 9))
    assert plan.read_bytes() == codecs.BOM_UTF8 + PLAN.replace(
        "life_areas: [bildung]}", "life_areas: [bildung], status: in_progress}").encode("utf-8")


def test_comment_on_the_id_line_stays_there(app, plan):
    app.transition(plan, "measure:m1", "start", by="Amt", at=dt.datetime(2025, 2, 1, 9))
    lines = plan.read_text("utf-8").splitlines()
    at = lines.index("  - id: m1  # wichtig")
    assert lines[at + 1] == "    status: in_progress"
    assert plan.read_text("utf-8") == PLAN.replace(
        "  # wichtig\n", "  # wichtig\n    status: in_progress\n")


def test_flow_style_measure_without_status_can_be_transitioned(app, plan):
    app.transition(plan, "measure:m2", "start", by="Amt", at=dt.datetime(2025, 2, 1, 9))
    assert plan.read_text("utf-8") == PLAN.replace(
        "life_areas: [bildung]}", "life_areas: [bildung], status: in_progress}")
    assert th.load(plan).measures[1].status is th.MeasureStatus.IN_PROGRESS


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1  # c\nb: 2\n", "a: 1  # c\nstatus: done\nb: 2\n"),
    ("a: 1  # c", "a: 1  # c\nstatus: done"),
    ("a: 1\r\nb: 2\r\n", "a: 1\r\nstatus: done\r\nb: 2\r\n"),
    ("a:\n  x: 1\nb: 2\n", "a:\n  x: 1\nstatus: done\nb: 2\n"),
    ("{a: 1,\n b: 2,}  # c\n", "{a: 1,\n b: 2, status: done,}  # c\n"),
    ("a: 1\nstatus: planned  # c\n", "a: 1\nstatus: done  # c\n"),
    ("{a: 1, status: planned}\n", "{a: 1, status: done}\n"),
])
def test_set_field_inserts_or_replaces_exactly(text, expected):
    assert set_field(text, "status", "done") == expected


def test_set_field_refuses_empty_and_nested_targets():
    with pytest.raises(th.WorkflowError, match="ist leer"):
        set_field("m: {}\n", "m.status", "done")
    with pytest.raises(th.WorkflowError, match="kein einfacher Wert"):
        set_field("status: [a]\n", "status", "done")


WORDS = st.sampled_from(["Beratung", "Bus", "Kita", "Schule", "Wohnen", "Arbeit", "Sport"])


@st.composite
def measure_files(draw: st.DrawFn) -> tuple[bytes, int, bool, bool]:
    """A plan file: measures in block or flow style, CRLF or LF, BOM or not, comments."""
    count = draw(st.integers(1, 3))
    lines = ["# Aktionsplan (von Hand)", "document: plan", "id: p", "county: boerde",
             "kind: action_plan", "title: Plan", "life_areas:", "  - {id: la, name: Bildung}",
             "measures:"]
    for i in range(count):
        title = draw(WORDS)
        status = draw(st.sampled_from([None, "planned"]))
        comment = draw(st.sampled_from(["", "  # Kommentar", " #x"]))
        if draw(st.booleans()):
            pairs = [f"id: m{i}", f"title: {title}", "life_areas: [la]"]
            if status:
                pairs.insert(draw(st.integers(1, len(pairs))), f"status: {status}")
            lines.append("  - {" + ", ".join(pairs) + "}" + comment)
        else:
            lines.append(f"  - id: m{i}{comment}")
            if draw(st.booleans()):
                lines.append("    # eine Zeile Kommentar")
            lines += [f"    title: {title}", "    life_areas:", "      - la"]
            if status:  # before the title, before life_areas or at the end
                at = draw(st.sampled_from([len(lines) - 3, len(lines) - 2, len(lines)]))
                lines.insert(at, f"    status: {status}")
        if draw(st.booleans()):
            lines.append("")
    crlf, bom = draw(st.booleans()), draw(st.booleans())
    text = ("\r\n" if crlf else "\n").join(lines) + draw(st.sampled_from(["", "\n"]))
    if crlf:
        text = text.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    return data, draw(st.integers(0, count - 1)), crlf, bom


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(measure_files())
def test_property_transition_changes_only_the_status(app, tmp_path_factory, case):
    data, index, crlf, bom = case
    path = tmp_path_factory.mktemp("prop") / "plan.yaml"
    path.write_bytes(data)
    app.transition(path, f"measure:m{index}", "start", by="Amt", at=dt.datetime(2025, 2, 1, 9))
    after = path.read_bytes()
    assert after.startswith(codecs.BOM_UTF8) is bom
    assert (after.count(b"\n") == after.count(b"\r\n")) if crlf else b"\r" not in after
    old = data.decode("utf-8-sig").splitlines(keepends=True)
    new = after.decode("utf-8-sig").splitlines(keepends=True)
    changes = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    assert len(changes) == 1
    tag, i1, i2, j1, j2 = changes[0]
    if tag == "insert":
        assert j2 - j1 == 1 and new[j1].strip() == "status: in_progress"
    else:
        assert (tag, i2 - i1, j2 - j1) == ("replace", 1, 1)
        assert new[j1] in (old[i1].replace("status: planned", "status: in_progress"),
                           old[i1].replace("}", ", status: in_progress}", 1))
    expected = yamlsafe.parse_yaml(data.decode("utf-8-sig"))
    expected["measures"][index]["status"] = "in_progress"
    assert yamlsafe.parse_yaml(after.decode("utf-8-sig")) == expected


# -- 4. wrong results ------------------------------------------------------------------------


def test_status_replays_the_history_like_evaluate(plan, capsys):
    plan.write_text(PLAN.replace("  # wichtig\n", "  # wichtig\n    status: done\n"), "utf-8")
    history_path(plan).write_text(HISTORY_HEAD + entry(
        "measure:m1", "start", "planned", "in_progress", "2025-02-01 09:00:00+01:00") + entry(
        "measure:m1", "finish", "in_progress", "done", "2025-06-01 09:00:00+02:00"), "utf-8")
    shown = {}
    for on in ("2025-01-15", "2025-03-01", "2025-07-01"):
        code, out, _ = cli(capsys, "status", str(plan), "--on", on)
        assert code == 0
        shown[on] = next(line.strip() for line in out.splitlines() if "Bildung:" in line)
    assert shown == {
        "2025-01-15": "Bildung: 2 Maßnahmen, 0 % abgeschlossen (geplant 2)",
        "2025-03-01": "Bildung: 2 Maßnahmen, 0 % abgeschlossen (geplant 1, in Umsetzung 1)",
        "2025-07-01": "Bildung: 2 Maßnahmen, 50 % abgeschlossen (geplant 1, abgeschlossen 1)",
    }
    cli(capsys, "evaluate", str(plan), "--on", "2025-01-15", "--out",
        str(plan.parent / "ev.yaml"))
    evaluation = th.load(plan.parent / "ev.yaml")
    assert [e.status for e in evaluation.entries] == [th.MeasureStatus.PLANNED] * 2


def test_overdue_measures_follow_the_replayed_status():
    from teilhabe_core.evaluation.deadlines import _plan_deadlines

    plan = th.loads(PLAN.replace("  # wichtig\n", "  # wichtig\n    status: done\n")
                    .replace("end: 2030-12-31", "end: 2025-03-31"))
    history = th.loads(HISTORY_HEAD + entry(
        "measure:m1", "start", "planned", "in_progress", "2025-01-10 09:00:00+01:00") + entry(
        "measure:m1", "finish", "in_progress", "done", "2025-06-01 09:00:00+02:00"))

    class Docs:
        def __init__(self, journal: th.History | None) -> None:
            self.journal = journal

        def history_of(self, _: object) -> th.History | None:
            return self.journal

    def overdue(on: dt.date, journal: th.History | None) -> list[str]:
        found: list[str] = []
        _plan_deadlines(plan, Docs(journal), on,  # type: ignore[arg-type]
                        lambda *a: found.append(a[3]) if a[1] == "measure_overdue" else None)
        return found

    assert overdue(dt.date(2025, 4, 15), history) == ["m1"]
    assert overdue(dt.date(2025, 7, 1), history) == []
    assert overdue(dt.date(2025, 4, 15), None) == []


def test_json_document_can_be_transitioned(app, tmp_path):
    path = tmp_path / "plan.json"
    text = ('{"document": "plan", "id": "p", "county": "boerde", "kind": "action_plan",\n'
            ' "title": "T", "life_areas": [{"id": "la", "name": "Bildung"}],\n'
            ' "measures": [{"id": "m1", "title": "A", "life_areas": ["la"]},\n'
            '   {"id": "m2", "status": "planned", "title": "B", "life_areas": ["la"]}]}\n')
    path.write_text(text, "utf-8")
    app.transition(path, "measure:m1", "start", by="Amt", at=dt.datetime(2025, 2, 1, 9))
    app.transition(path, "measure:m2", "start", by="Amt", at=dt.datetime(2025, 2, 1, 9))
    assert path.read_text("utf-8") == text.replace(
        '["la"]},', '["la"], "status": "in_progress"},').replace(
        '"status": "planned"', '"status": "in_progress"')
    assert history_path(path).name == "plan.history.yaml"


def test_diff_of_a_plan_and_an_area_is_a_usage_error(plan, capsys):
    code, out, err = cli(capsys, "diff", str(plan), str(ROOT / "counties/boerde/area.yaml"))
    assert code == 2 and out == ""
    assert "counties/boerde/area.yaml ist kein Plan (document: plan)." in err


def test_export_in_a_format_the_document_does_not_accept_exits_2(plan, tmp_path, capsys):
    code, _, err = cli(capsys, "export", str(plan), "--format", "oparl", "--out",
                       str(tmp_path / "out"))
    assert code == 2
    assert "teilhabe: Fehler: Das Format 'oparl' passt nicht zu diesem Dokument" in err
    assert not (tmp_path / "out").exists()


# -- 5. one German message for every bad argument ---------------------------------------------

BAD_TRANSITIONS = [
    (["measure:nope", "start"], 2, "'nope' gibt es nicht. Vorhanden: m1, m2."),
    (["frosch:m1", "start"], 2, "Unbekannte Objektart 'frosch'. Erlaubt: plan, measure"),
    (["measure", "start"], 2, "Das Dokument ist kein measure."),
    (["paper", "submit"], 2, "Das Dokument ist kein paper."),
    (["measure:m1", "fliegen"], 2, "Den Schritt 'fliegen' gibt es im Ablauf 'measure' nicht. "
                                   "Vorhanden: beginnen, als Daueraufgabe führen, "
                                   "zurückstellen, abschließen, streichen."),
    (["measure:m1", "start", "--workflow", "nope"], 2, "Unbekannter Ablauf 'nope'."),
    (["measure:m1", "start", "--workflow", "plan"], 2,
     "Der Ablauf 'plan' gilt für 'plan', nicht für 'measure'."),
    (["measure:m1", "finish"], 1, "Der Schritt 'abschließen' ist im Zustand 'geplant' nicht "
                                  "erlaubt. Erlaubt sind: beginnen (→ in Umsetzung), als "
                                  "Daueraufgabe führen (→ Daueraufgabe), zurückstellen "
                                  "(→ zurückgestellt), streichen (→ entfallen)."),
]


@pytest.mark.parametrize(("args", "code", "message"), BAD_TRANSITIONS)
def test_bad_transition_arguments_end_in_one_german_message(plan, capsys, args, code, message):
    before = snapshot(plan.parent)
    got, out, err = cli(capsys, "transition", str(plan), *args, "--by", "Amt")
    assert (got, out) == (code, "")
    assert err.startswith("teilhabe: Fehler: ") and message in err
    assert err.count("\n") == 1
    assert snapshot(plan.parent) == before


def test_time_going_backwards_is_checked_per_object(app, plan):
    plan.write_text(PLAN.replace("  # wichtig\n", "  # wichtig\n    status: postponed\n")
                    .replace("life_areas: [bildung]}", "life_areas: [bildung], "
                             "status: in_progress}"), "utf-8")
    hist = history_path(plan)
    m1 = entry("measure:m1", "start", "planned", "in_progress", "2025-03-01 09:00:00+01:00")
    m2 = entry("measure:m2", "start", "planned", "in_progress", "2025-01-01 09:00:00+01:00")
    back = entry("measure:m1", "postpone", "in_progress", "postponed",
                 "2025-02-01 09:00:00+01:00")
    later = back.replace("2025-02-01", "2025-04-01")
    hist.write_text(HISTORY_HEAD + m1 + m2 + later, "utf-8")
    assert [f for f in app.validate_file(plan) if f.code == "history"] == []
    hist.write_text(HISTORY_HEAD + m1 + m2 + back, "utf-8")
    found = [f for f in app.validate_file(plan) if f.code == "history"]
    assert [(f.path, f.file, f.line) for f in found] == [("entries[2].at", str(hist), 23)]


def test_history_naming_an_unknown_workflow_or_object(app, plan, capsys):
    hist = history_path(plan)
    hist.write_text(HISTORY_HEAD + entry("measure:m1", "start", "planned", "in_progress",
                                         "2025-01-01 09:00:00", flow="zauber") + entry(
        "measure:geist", "start", "planned", "in_progress", "2025-01-01 09:00:00"), "utf-8")
    found = {f.path: f.message for f in app.validate_file(plan) if f.code == "history"}
    assert found["entries[0].workflow"].startswith("Unbekannter Ablauf 'zauber'.")
    assert found["entries"] == "'geist' gibt es nicht. Vorhanden: m1, m2."
    code, out, _ = cli(capsys, "validate", str(plan))
    assert code == 1 and "Unbekannter Ablauf 'zauber'" in out
    for command in ("status", "evaluate"):  # the document is checked with its history
        code, out, err = cli(capsys, command, str(plan))
        assert (code, out) == (1, "")
        assert "entries[0].workflow: Unbekannter Ablauf 'zauber'." in err


def test_history_times_before_1900_or_in_the_future_are_findings(app, plan, capsys):
    hist = history_path(plan)
    hist.write_text(HISTORY_HEAD + entry(
        "measure:m1", "start", "planned", "in_progress", "1899-06-01 09:00:00+01:00") + entry(
        "measure:m1", "postpone", "in_progress", "postponed", "2999-01-01 09:00:00") + entry(
        "measure:m1", "start", "postponed", "in_progress", "9999-12-31 23:59:00-05:00"), "utf-8")
    plan.write_text(PLAN.replace("  # wichtig\n", "  # wichtig\n    status: in_progress\n"),
                    "utf-8")
    found = [(f.path, f.line, f.message) for f in app.validate_file(plan) if f.code == "history"]
    assert found == [
        ("entries[0].at", 9, "Der Zeitpunkt 01.06.1899, 09:00 Uhr liegt vor 1900 und kann "
                             "nicht stimmen."),
        ("entries[1].at", 16, "Der Zeitpunkt 01.01.2999, 09:00 Uhr liegt in der Zukunft. "
                              "Eingetragen wird nur, was geschehen ist."),
        ("entries[2].at", 23, "Der Zeitpunkt 31.12.9999, 23:59 Uhr (UTC-05:00) liegt außerhalb des "
                              "Kalenders.")]
    for command in ("status", "evaluate"):
        code, _, err = cli(capsys, command, str(plan))
        assert code == 1 and f"{hist}:23:7: error: entries[2].at: Der Zeitpunkt" in err


def test_history_of_another_file_is_reported(app, plan):
    history_path(plan).write_text("document: history\nfile: anderer-plan.yaml\nentries: []\n",
                                  "utf-8")
    found = [f for f in app.validate_file(plan) if f.code == "history"]
    assert [(f.path, f.message) for f in found] == [
        ("file", "Der Verlauf gehört zu 'anderer-plan.yaml', nicht zu 'plan.yaml'.")]


def test_file_and_history_disagree_in_both_directions(app, plan):
    hist = history_path(plan)
    hist.write_text(HISTORY_HEAD + entry("measure:m1", "start", "planned", "in_progress",
                                         "2025-01-01 09:00:00+01:00"), "utf-8")
    for status, message in ((None, "Laut Verlauf ist 'measure:m1' im Zustand 'in Umsetzung', "
                                   "in der Datei steht 'geplant'."),
                            ("done", "Laut Verlauf ist 'measure:m1' im Zustand 'in Umsetzung', "
                                     "in der Datei steht 'abgeschlossen'.")):
        text = PLAN if status is None else PLAN.replace(
            "  # wichtig\n", f"  # wichtig\n    status: {status}\n")
        plan.write_text(text, "utf-8")
        found = [f.message for f in app.validate_file(plan) if f.code == "history"]
        assert found == [message]


def test_file_changed_since_loading_is_a_conflict(app, plan, capsys):
    loaded = app.load(plan)
    plan.write_text(PLAN + "# Kollegin\n", "utf-8")
    before = snapshot(plan.parent)
    with pytest.raises(th.ConflictError, match=r"plan\.yaml wurde seit dem Laden geändert"):
        app.workflows().transition(plan, "measure:m1", "start", by="Amt", loaded=loaded)
    assert snapshot(plan.parent) == before


def test_history_changed_since_loading_is_a_conflict(app, plan, monkeypatch):
    hist = history_path(plan)
    original = workflow_engine.append_entry

    def colleague_saves_first(path: Path, name: str, item: th.HistoryEntry) -> bytes:
        data = original(path, name, item)
        hist.write_text(EMPTY_HISTORY, "utf-8")  # a colleague's journal appears meanwhile
        return data

    monkeypatch.setattr(workflow_engine, "append_entry", colleague_saves_first)
    digest = hashlib.sha256(plan.read_bytes()).hexdigest()
    with pytest.raises(th.ConflictError, match=r"plan\.history\.yaml wurde seit dem Laden"):
        app.transition(plan, "measure:m1", "start", by="Amt")
    assert hashlib.sha256(plan.read_bytes()).hexdigest() == digest
    assert hist.read_text("utf-8") == EMPTY_HISTORY


def test_history_that_is_not_a_history_is_one_message(plan, capsys):
    history_path(plan).write_text(PLAN, "utf-8")
    code, _, err = cli(capsys, "transition", str(plan), "measure:m1", "start", "--by", "Amt")
    assert code == 1 and err == f"teilhabe: Fehler: {history_path(plan)} ist kein Verlauf " \
                                "(document: history).\n"


def test_workflow_field_missing_on_the_object_is_a_workflow_error(app):
    flow = th.load(ROOT / "plugins" / "default_workflows" / "measure.yaml")
    broken = evolve(flow, field="farbe")
    with pytest.raises(th.WorkflowError, match="in das Feld 'farbe', das 'measure:m1' nicht"):
        workflow.state_of(broken, th.loads(PLAN).measures[0], "measure:m1", ())


def test_parser_errors_are_german(capsys):
    code, _, err = cli(capsys, "transition", "x.yaml")
    assert code == 2 and "teilhabe transition: Fehler: es fehlt: OBJEKT, SCHRITT" in err
    code, _, err = cli(capsys, "export", "x.yaml", "--format", "csv", "--out", "o",
                       "--variant", "fett")
    assert code == 2 and ("--variant: 'fett' ist nicht erlaubt. Erlaubt sind: Langfassung, "
                          "Kurzfassung, Leichte Sprache (oder long, short, easy)." in err)
    code, _, err = cli(capsys, "status", "x.yaml", "--frosch")
    assert code == 2 and "teilhabe: Fehler: unbekannte Angaben: --frosch" in err
