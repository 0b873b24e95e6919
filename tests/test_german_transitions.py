"""Workflow transitions by their German names, and files that keep their language
(issue 17, point 1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import teilhabe_core as th
from teilhabe_core.base.errors import WorkflowUsageError
from teilhabe_core.cli import main
from teilhabe_core.workflow import history_path
from tests.conftest import MINIMAL_PLAN, ROOT

T0 = dt.datetime(2024, 3, 1, 10, 0)
T1 = dt.datetime(2024, 3, 2, 10, 0)

WORKFLOW_FILES = sorted([*(ROOT / "plugins" / "default_workflows").glob("*.yaml"),
                         *(ROOT / "counties").glob("*/workflows/*.yaml")])
TRANSITIONS = [(path, t) for path in WORKFLOW_FILES for t in th.load(path).transitions]


def test_the_shipped_workflows_are_all_found():
    assert len(WORKFLOW_FILES) == 8 and len(TRANSITIONS) >= 30


@pytest.mark.parametrize(("path", "step"), TRANSITIONS,
                         ids=[f"{p.parent.parent.name}/{p.stem}:{t.name}" for p, t in TRANSITIONS])
def test_every_shipped_transition_has_a_german_name_that_calls_it(path, step):
    flow = th.load(path)
    assert step.label, f"{step.name} in {path} has no German label"
    spelled = step.label.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    bare = step.label.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    for typed in (step.label, step.label.upper(), step.label.capitalize(), spelled,
                  spelled.replace("ß", "ss"), bare, step.name, step.name.upper()):
        assert flow.transition_named(typed) == step, typed
    assert flow.transition_named(step.label + "x") != step


def test_the_shipped_workflows_validate_without_warnings(app):
    for path in WORKFLOW_FILES:
        assert app.validate_file(path) == [], path


def test_a_workflow_without_labels_or_with_a_name_twice_is_reported():
    text = """\
document: workflow
id: w
applies_to: measure
initial: a
states: [{id: a, label: offen}, {id: b, label: Offen}]
transitions:
  - {name: go, sources: [a], target: b}
  - {name: back, label: GO, sources: [b], target: a}
"""
    with pytest.raises(th.DocumentError) as info:
        th.loads(text)
    found = {(f.code, f.path, f.level.value) for f in info.value.findings}
    assert found == {("transition-without-label", "transitions[0]", "warning"),
                     ("name-twice", "transitions[1]", "error"),
                     ("name-twice", "states[1]", "error")}
    message = next(f.message for f in info.value.findings if f.path == "transitions[1]")
    assert message.startswith("'GO' bezeichnet schon transitions[0] (Groß- und Kleinschreibung")


# -- files keep their language -------------------------------------------------------------

GERMAN = MINIMAL_PLAN + """\
    # Stand: Haushalt 2024
    status: in Umsetzung   # seit dem Frühjahr
    end: 2024-12-31
  - id: m2
    title: Zweite Maßnahme
    life_areas: [bildung]
    status: geplant
"""
ENGLISH = GERMAN.replace("status: in Umsetzung", "status: in_progress").replace(
    "status: geplant", "status: planned")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(("text", "name", "old", "new"), [
    (GERMAN, "abschließen", "status: in Umsetzung", "status: abgeschlossen"),
    (GERMAN, "Abschliessen", "status: in Umsetzung", "status: abgeschlossen"),
    (GERMAN, "finish", "status: in Umsetzung", "status: abgeschlossen"),
    (GERMAN.replace("in Umsetzung", "In umsetzung"), "abschließen", "status: In umsetzung",
     "status: abgeschlossen"),
    (GERMAN.replace("in Umsetzung", '"in Umsetzung"'), "abschließen",
     'status: "in Umsetzung"', "status: abgeschlossen"),
    (ENGLISH, "finish", "status: in_progress", "status: done"),
    (ENGLISH, "abschließen", "status: in_progress", "status: done"),
    (GERMAN, "als Daueraufgabe führen", "status: in Umsetzung", "status: Daueraufgabe"),
    (ENGLISH, "als Daueraufgabe fuehren", "status: in_progress", "status: ongoing"),
])
def test_a_transition_writes_the_status_in_the_language_of_the_file(
        app, tmp_path, text, name, old, new):
    path = write(tmp_path, text)
    result = app.transition(path, "measure:m1", name, by="Amt", note="fertig", at=T0)
    assert result.event.transition in ("finish", "make_ongoing")
    after = path.read_text("utf-8")
    assert after == text.replace(old, new, 1)  # only the status line changed
    assert [e.transition for e in th.load(history_path(path)).entries] == [
        result.event.transition]
    assert app.validate_file(path) == []


@pytest.mark.parametrize(("text", "inserted"), [
    (GERMAN.replace("    status: geplant\n", ""), "    status: in Umsetzung\n"),
    (ENGLISH.replace("    status: planned\n", ""), "    status: in_progress\n"),
])
def test_an_inserted_status_follows_the_other_measures(app, tmp_path, text, inserted):
    path = write(tmp_path, text)
    app.transition(path, "measure:m2", "beginnen", by="Amt", at=T0)
    lines = path.read_text("utf-8").splitlines(keepends=True)
    assert inserted in lines and lines.index(inserted) == lines.index("  - id: m2\n") + 1
    assert [line for line in lines if line != inserted] == text.splitlines(keepends=True)


def test_a_merged_transition_of_another_measure_keeps_the_file_german(store_url, app):
    """Replaying the other writer's step (to see it was the only change) writes German too."""
    store = th.open_store(store_url)
    view = store.write("boerde", "plan.yaml", GERMAN, None)
    app = th.Teilhabe(app.registry, store)
    app.transition("test-plan", "measure:m1", "abschließen", by="Amt", at=T0, view=view)
    app.transition("test-plan", "measure:m2", "beginnen", by="Amt", at=T1, view=view)
    text = store.read(view.key).text
    assert text == GERMAN.replace("status: in Umsetzung", "status: abgeschlossen").replace(
        "status: geplant", "status: in Umsetzung")
    assert app.validate_stored("test-plan") == []
    store.close()


def test_a_transition_in_json_keeps_the_german_value(app, tmp_path):
    plan = th.loads(GERMAN)
    path = tmp_path / "plan.json"
    path.write_text(th.dumps(plan, "json").replace('"in_progress"', '"in Umsetzung"'), "utf-8")
    app.transition(path, "measure:m1", "abschließen", by="Amt", at=T0)
    text = path.read_text("utf-8")
    assert '"status": "abgeschlossen"' in text and "in Umsetzung" not in text


def test_transition_messages_name_steps_and_states_in_german(app, tmp_path):
    path = write(tmp_path, ENGLISH)
    with pytest.raises(th.WorkflowError) as info:
        app.transition(path, "measure:m2", "abschließen", by="Amt", at=T0)
    assert str(info.value) == (
        "Der Schritt 'abschließen' ist im Zustand 'geplant' nicht erlaubt. Erlaubt sind: "
        "beginnen (→ in Umsetzung), als Daueraufgabe führen (→ Daueraufgabe), zurückstellen "
        "(→ zurückgestellt), streichen (→ entfallen).")
    with pytest.raises(WorkflowUsageError, match="Vorhanden: beginnen, als Daueraufgabe"):
        app.transition(path, "measure:m2", "fertigmachen", by="Amt", at=T0)


def test_the_cli_takes_the_german_name_and_prints_german_states(tmp_path, capsys):
    path = write(tmp_path, GERMAN)
    code = main(["transition", str(path), "measure:m1", "Abschließen", "--by", "Amt",
                 "--at", "2024-03-01T10:00"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out == "measure:m1: in Umsetzung → abgeschlossen (abschließen, 01.03.2024, 10:00 Uhr)\n"
    assert "status: abgeschlossen   # seit dem Frühjahr" in path.read_text("utf-8")


def test_a_phase_of_saale_orla_is_completed_by_its_german_name(app, tmp_path):
    flow = app.workflows().get("saale-orla-phases", "saale_orla")
    assert flow.transition_named("Phase 1 abschliessen").name == "complete_phase_1"
    assert flow.transition_named("phase 6 Abschließen").name == "complete_phase_6"
