"""Pins of teilhabe_core.workflow behaviour that mutation testing showed unguarded.

See docs/mutation.md: each test here kills mutants of ``workflow.py`` that the rest of the
suite let through (object references, states from field or journal, the journal writer,
``set_field``, guards and hooks, and the replay of the journal on load).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import teilhabe_core as th
from teilhabe_core.app import Teilhabe
from teilhabe_core.model import History, HistoryEntry
from teilhabe_core.plugin import hookimpl
from teilhabe_core.workflow import (
    TransitionEvent,
    WorkflowSource,
    append_entry,
    history_path,
    journal_of,
    locate_object,
    replay,
    set_field,
    state_of,
)
from tests.conftest import MINIMAL_PLAN

T0 = dt.datetime(2023, 1, 2, 9, 0)
T1 = dt.datetime(2023, 2, 1, 9, 0)
T2 = dt.datetime(2023, 3, 1, 9, 0)

PLAN = MINIMAL_PLAN + ("  - id: m2\n    title: Zweite Maßnahme\n    life_areas: [bildung]\n"
                       "    status: in_progress\n")

REVIEW = """\
document: workflow
id: review
applies_to: measure
initial: open
states: [{id: open}, {id: checked}, {id: closed}]
transitions:
  - {name: check, sources: [open], target: checked, guards: [pin.note_refuses]}
  - {name: close, sources: [checked], target: closed, guards: [pin.false_for_x]}
  - {name: explode, sources: [open], target: closed, guards: [pin.boom]}
"""


def boom(doc, ctx):
    assert ctx.document is doc and ctx.object.id == "m1" and ctx.event.to_state == "closed"
    assert ctx.history == () and ctx.rules is not None
    raise ValueError("kaputt")


class Extra:
    """A history-only workflow, two guards and the two transition hooks."""

    def __init__(self, flow: Path) -> None:
        self.flow = flow
        self.done: list[str] = []

    @hookimpl
    def teilhabe_workflows(self):
        return [WorkflowSource(self.flow)]

    @hookimpl
    def teilhabe_guards(self):
        return {"pin.note_refuses": lambda doc, ctx: ctx.event.note or None,
                "pin.false_for_x": lambda doc, ctx: ctx.event.by != "x",
                "pin.boom": boom}

    @hookimpl
    def teilhabe_veto_transition(self, event):
        return "Nein." if event.note == "veto" else None

    @hookimpl
    def teilhabe_transition_done(self, event):
        if event.by == "boom":
            raise RuntimeError("Postfach voll")
        self.done.append(f"{event.object}:{event.to_state}")


@pytest.fixture(scope="module")
def extra(tmp_path_factory) -> Extra:
    flow = tmp_path_factory.mktemp("flows") / "review.yaml"
    flow.write_text(REVIEW, "utf-8")
    return Extra(flow)


@pytest.fixture(scope="module")
def app2(extra) -> Teilhabe:
    return Teilhabe.discover(plugins=[extra])


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, "utf-8")
    return path


def entry(obj: str, transition: str, source: str, target: str, at: dt.datetime,
          workflow: str = "measure") -> HistoryEntry:
    return HistoryEntry(obj, workflow, transition, source, target, at, "Amt")


def write_history(plan: Path, *entries: HistoryEntry) -> Path:
    path = history_path(plan)
    for e in entries:
        path.write_bytes(append_entry(path, plan.name, e))
    return path


def history_findings(app2: Teilhabe, plan: Path) -> list[tuple[str, str]]:
    found = [f for f in app2.validate_file(plan) if f.code == "history"]
    for f in found:
        assert f.file == str(history_path(plan)) and f.line and f.is_error
    return [(f.path, f.message) for f in found]


# -- references and states ----------------------------------------------------------------------


def test_history_path_sits_beside_the_document():
    assert history_path("a/b/plan.yaml") == Path("a/b/plan.history.yaml")
    assert history_path(Path("x.json")) == Path("x.history.yaml")


def test_locate_object():
    doc = th.loads(PLAN)
    assert locate_object(doc, "plan") == (doc, "plan", "")
    obj, kind, path = locate_object(doc, "measure:m2")
    assert (obj.id, kind, path) == ("m2", "measure", "measures[1]")
    cases = {
        "paper": "Das Dokument ist kein paper.",
        "foo:x": "Unbekannte Objektart 'foo'. Erlaubt: plan, measure, barrier, paper, call.",
        "measure:zz": "'zz' gibt es nicht. Vorhanden: m1, m2.",
        "barrier:b1": "'b1' gibt es nicht. Vorhanden: (keine).",
        "call:c": "Das Dokument enthält keine Objekte der Art 'call'.",
    }
    for ref, message in cases.items():
        with pytest.raises(th.WorkflowError) as info:
            locate_object(doc, ref)
        assert str(info.value) == message


def test_state_from_field_journal_or_initial(app2):
    doc = th.loads(PLAN)
    measure_flow = app2.workflows().get("measure", "boerde")
    review = app2.workflows().get("review", "boerde")
    m2 = doc.measures[1]
    journal = (entry("measure:m2", "check", "open", "checked", T0, "review"),
               entry("measure:m1", "close", "checked", "closed", T1, "review"),
               entry("measure:m2", "start", "planned", "in_progress", T1))
    assert state_of(measure_flow, m2, "measure:m2", journal) == "in_progress"
    assert state_of(review, m2, "measure:m2", journal) == "checked"
    assert state_of(review, m2, "measure:m2", journal[1:]) == "open"
    assert state_of(review, doc.measures[0], "measure:m1", journal[:1]) == "open"
    assert replay(review, journal[:1], "measure:m1") == "open"
    other = (entry("measure:m1", "go", "a", "b", T0, "visit"),)  # another workflow's entry
    assert state_of(review, doc.measures[0], "measure:m1", other) == "open"
    assert replay(review, other, "measure:m1") == "open"
    assert replay(review, journal, "measure:m2") == "checked"
    assert replay(review, journal, "measure:m1") == "closed"
    assert replay(review, (), "measure:m1") == "open"
    assert replay(measure_flow, list(journal), "measure:m1") == "planned"


def test_workflow_lookup(app2):
    flows = app2.workflows()
    with pytest.raises(th.WorkflowError) as info:
        flows.get("nix", "boerde")
    # other areas' own workflows are not offered
    assert str(info.value) == "Unbekannter Ablauf 'nix'. Vorhanden: measure, paper, plan, review."
    assert [w.id for w in flows.for_kind("measure", None)] == ["measure", "review"]
    # an area's own workflows only for their own kind
    assert [w.id for w in flows.for_kind("measure", "mansfeld_suedharz")] == ["measure", "review"]
    assert [w.id for w in flows.for_kind("barrier", "mansfeld_suedharz")] == ["barrier"]
    assert [w.id for w in flows.for_kind("plan", "boerde")] == ["plan"]
    assert flows.default_for("measure", None).id == "measure"  # the one with a field
    with pytest.raises(th.WorkflowError, match=r"Bitte den Ablauf angeben.*'call'.*keine"):
        flows.default_for("call", None)


# -- the journal --------------------------------------------------------------------------------


def test_append_entry_starts_a_journal_and_keeps_earlier_bytes(tmp_path):
    path = tmp_path / "plan.history.yaml"
    first = append_entry(path, "plan.yaml", entry("plan", "submit", "draft", "in_consultation", T0))
    text = first.decode("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# Append-only history of plan.yaml;" in text
    assert "document: history\nfile: plan.yaml\nentries:\n- object: plan\n" in text
    assert "entries: []" not in text
    path.write_bytes(first.rstrip(b"\n"))  # hand-edited: no final newline
    second = append_entry(path, "plan.yaml",
                          entry("plan", "revise", "in_consultation", "draft", T1))
    assert second.startswith(first) and second.count(b"- object: plan") == 2
    path.write_bytes(second)
    history = journal_of(tmp_path / "plan.yaml")
    assert isinstance(history, History) and history.file == "plan.yaml"
    assert [(e.transition, e.at) for e in history.entries] == [("submit", T0), ("revise", T1)]
    assert journal_of(tmp_path / "other.yaml") is None


def test_a_journal_that_is_no_history_is_refused(app2, plan):
    history_path(plan).write_text(PLAN, "utf-8")
    with pytest.raises(th.WorkflowError, match="ist kein Verlauf"):
        app2.transition(plan, "measure:m1", "start", by="Amt", at=T0)
    assert [f for f in app2.validate_file(plan) if f.code == "history"] == []


# -- set_field ------------------------------------------------------------------------------------


def test_set_field_replaces_one_scalar_only():
    text = "a: 1  # Kommentar\nb:   x\n\nc: [1, 2]\n"
    assert set_field(text, "b", "y") == "a: 1  # Kommentar\nb:   y\n\nc: [1, 2]\n"
    assert set_field(text, "b", "no") == "a: 1  # Kommentar\nb:   'no'\n\nc: [1, 2]\n"
    assert set_field("m:\n  - id: a\n    s: x\n  - id: b\n    s: x\n", "m[1].s", "z") == \
        "m:\n  - id: a\n    s: x\n  - id: b\n    s: z\n"


def test_set_field_inserts_a_missing_key_after_the_first_one():
    text = "m:\n  - id: a\n    title: T\n"
    assert set_field(text, "m[0].status", "done") == \
        "m:\n  - id: a\n    status: done\n    title: T\n"
    assert set_field("id: a", "status", "done") == "id: a\nstatus: done"


def test_set_field_inserts_a_missing_key_before_a_nested_block():
    text = "m:\n  - info:\n      x: 1\n    title: T\n"
    assert set_field(text, "m[0].status", "done") == \
        "m:\n  - info:\n      x: 1\n    status: done\n    title: T\n"
    text = "info:\n  x: 1\n# Kommentar\ntitle: T\n"
    assert set_field(text, "status", "done") == \
        "info:\n  x: 1\n# Kommentar\nstatus: done\ntitle: T\n"


def test_transition_of_a_measure_whose_first_key_holds_a_block(app2, plan):
    """The inserted status line once ran into the next key (fixed with this test)."""
    text = PLAN + "  - life_areas:\n      - bildung\n    id: m3\n    title: Dritte\n"
    plan.write_text(text, "utf-8")
    app2.transition(plan, "measure:m3", "start", by="Amt", at=T0)
    assert plan.read_text("utf-8") == text.replace("    id: m3\n",
                                                   "    status: in_progress\n    id: m3\n")
    assert th.load(plan).measures[2].status is th.MeasureStatus.IN_PROGRESS


def test_set_field_refuses_non_scalars_and_non_mappings():
    with pytest.raises(th.WorkflowError) as info:
        set_field("a: [1]\n", "a", "x")
    assert str(info.value) == "'a' ist kein einfacher Wert."
    with pytest.raises(th.WorkflowError) as info:
        set_field("a: [1]\n", "a.b", "x")
    assert str(info.value) == "'a' ist keine Zuordnung."
    with pytest.raises(th.WorkflowError) as info:
        set_field("- 1\n", "b", "x")
    assert str(info.value) == "'Dokument' ist keine Zuordnung."


# -- transitions ----------------------------------------------------------------------------------


def test_transition_on_a_history_only_workflow_leaves_the_file_alone(app2, extra, plan):
    before = plan.read_bytes()
    result = app2.transition(plan, "measure:m1", "check", by="Amt", at=T0, workflow="review")
    assert (result.event.workflow, result.event.from_state, result.event.to_state) == \
        ("review", "open", "checked")
    assert result.warnings == () and extra.done[-1] == "measure:m1:checked"
    assert plan.read_bytes() == before
    app2.transition(plan, "measure:m1", "close", by="Amt", at=T1, workflow="review")
    assert [e.to_state for e in journal_of(plan).entries] == ["checked", "closed"]
    with pytest.raises(th.WorkflowError, match=r"im Zustand 'closed' nicht erlaubt\. Erlaubt "
                                               r"sind: keine\."):
        app2.transition(plan, "measure:m1", "check", by="Amt", at=T2, workflow="review")


def test_guards_refuse_by_text_or_false(app2, plan):
    with pytest.raises(th.WorkflowError) as info:
        app2.transition(plan, "measure:m1", "check", by="Amt", note="zu früh", at=T0,
                        workflow="review")
    assert str(info.value) == "Der Schritt 'check' ist noch nicht möglich: zu früh."
    app2.transition(plan, "measure:m1", "check", by="x", at=T0, workflow="review")
    with pytest.raises(th.WorkflowError) as info:
        app2.transition(plan, "measure:m1", "close", by="x", at=T1, workflow="review")
    assert str(info.value) == ("Der Schritt 'close' ist noch nicht möglich: Prüfung "
                               "'pin.false_for_x' nicht erfüllt.")
    assert len(journal_of(plan).entries) == 1


def test_guard_that_raises_is_named_with_its_plugin(app2, plan):
    with pytest.raises(th.WorkflowError) as info:
        app2.transition(plan, "measure:m1", "explode", by="Amt", at=T0, workflow="review")
    assert str(info.value) == ("Die Prüfung 'pin.boom' aus Plugin 'plugin-0' ist gescheitert: "
                               "ValueError: kaputt. Der Zustand bleibt unverändert.")
    assert journal_of(plan) is None


def test_event_names_its_document():
    doc = th.loads(PLAN)
    event = TransitionEvent(doc, "plan.yaml", "plan", "boerde", "plan", "submit", "draft",
                               "in_consultation", "Amt", T0)
    assert event.document_id == "test-plan" and event.note == ""
    paper = TransitionEvent(type("Paper", (), {"reference": "DS 2019/066"})(), "p.yaml",
                               "paper", None, "paper", "submit", "draft", "submitted", "Amt", T0)
    assert paper.document_id == "DS 2019/066"


def test_workflow_sources_must_be_workflows_and_guards_unique(tmp_path):
    broken, not_a_flow, other = (tmp_path / n for n in ("broken.yaml", "plan.yaml", "p2.yaml"))
    broken.write_text("document: workflow\nid: [x\n", "utf-8")
    not_a_flow.write_text(PLAN, "utf-8")
    other.write_text(PLAN, "utf-8")

    class Wrong:
        @hookimpl
        def teilhabe_workflows(self):
            return [WorkflowSource(p) for p in (broken, not_a_flow, other)]

    with pytest.raises(th.DocumentError) as info:
        Teilhabe.discover(plugins=[Wrong()]).workflows()
    yaml_error, f, g = info.value.findings  # every source is read, whatever the one before
    assert (yaml_error.code, yaml_error.file) == ("yaml-syntax", str(broken))
    assert (f.code, f.file, f.line, f.column, f.path) == (
        "document-unknown", str(not_a_flow), 1, 1, "document")
    assert (g.code, g.file) == ("document-unknown", str(other))

    class Guards:
        @hookimpl
        def teilhabe_guards(self):
            return {"core.has_measures": lambda doc, ctx: True}

    with pytest.raises(th.WorkflowError) as info:
        Teilhabe.discover(plugins=[Guards()]).workflows()
    assert str(info.value) == ("Die Prüfung 'core.has_measures' wird von zwei Plugins geliefert: "
                               "'plugin-0' und 'default_workflows'.")


def test_veto_and_failing_notification(app2, plan):
    before = plan.read_bytes()
    with pytest.raises(th.WorkflowError) as info:
        app2.transition(plan, "measure:m1", "start", by="Amt", note="veto", at=T0)
    assert str(info.value) == "Der Schritt wurde abgelehnt: Nein."
    assert plan.read_bytes() == before and journal_of(plan) is None
    result = app2.transition(plan, "measure:m1", "start", by="boom", at=T0)
    assert result.warnings == ("Benachrichtigung fehlgeschlagen: Postfach voll",)
    assert th.load(plan).measures[0].status is th.MeasureStatus.IN_PROGRESS


def test_workflow_for_another_kind_and_missing_inputs(app2, plan):
    with pytest.raises(th.WorkflowError) as info:
        app2.transition(plan, "measure:m1", "start", by="Amt", at=T0, workflow="paper")
    assert str(info.value) == "Der Ablauf 'paper' gilt für 'paper', nicht für 'measure'."
    with pytest.raises(th.WorkflowError) as info:
        app2.transition(plan, "measure:m1", "drop", at=T0)
    assert str(info.value).startswith("Für den Schritt 'streichen' fehlen Angaben: by, note (")


def test_time_may_not_go_back_for_the_same_object_only(app2, plan):
    app2.transition(plan, "measure:m2", "make_ongoing", by="Amt", at=T1)
    app2.transition(plan, "measure:m1", "start", by="Amt", at=T0)  # another object: fine
    app2.transition(plan, "measure:m2", "drop", by="Amt", note="n", at=T1)  # same time: fine
    with pytest.raises(th.WorkflowError) as info:
        app2.transition(plan, "measure:m1", "drop", by="Amt", note="n", at=T0 - dt.timedelta(1))
    assert "liegt vor dem letzten Eintrag (02.01.2023, 09:00 Uhr)" in str(info.value)


def test_history_changed_meanwhile_is_a_conflict(app2, plan, extra, monkeypatch):
    write_history(plan, entry("measure:m2", "make_ongoing", "in_progress", "ongoing", T0))
    plan.write_text(PLAN.replace("status: in_progress", "status: ongoing"), "utf-8")
    hist = history_path(plan)

    def colleague(event):
        hist.write_bytes(hist.read_bytes() + b"# Kollegin\n")

    monkeypatch.setattr(extra, "teilhabe_transition_done", extra.teilhabe_transition_done)
    monkeypatch.setattr(Extra, "teilhabe_veto_transition",
                        hookimpl(lambda self, event: colleague(event)))
    fresh = Teilhabe.discover(plugins=[Extra(extra.flow)])
    saved = plan.read_bytes()
    with pytest.raises(th.ConflictError, match=r"plan\.history\.yaml wurde seit dem Laden"):
        fresh.transition(plan, "measure:m1", "start", by="Amt", at=T1)
    assert plan.read_bytes() == saved
    assert hist.read_bytes().endswith(b"# Kollegin\n")


# -- replaying the journal on load -------------------------------------------------------------


def test_consistent_history_has_no_findings(app2, plan):
    write_history(plan, entry("measure:m2", "start", "planned", "in_progress", T0),
                  entry("measure:m1", "check", "open", "checked", T0, "review"))
    assert history_findings(app2, plan) == []


def test_time_going_back_with_two_objects_in_one_history(app2, plan):
    write_history(plan,
                  entry("measure:m1", "start", "planned", "in_progress", T1),
                  entry("measure:m2", "make_ongoing", "planned", "ongoing", T0),  # other object
                  entry("measure:m1", "postpone", "in_progress", "postponed", T2),
                  entry("measure:m2", "start", "ongoing", "in_progress", T0))
    plan.write_text(PLAN.replace("    title: Erste Maßnahme\n",
                                 "    title: Erste Maßnahme\n    status: postponed\n"), "utf-8")
    assert history_findings(app2, plan) == [
        ("entries[3].transition", "Der Schritt 'beginnen' von 'Daueraufgabe' nach 'in Umsetzung' "
                                  "ist im Ablauf 'measure' nicht erlaubt.")]
    write_history(plan, entry("measure:m1", "drop", "postponed", "dropped", T1))
    plan.write_text(PLAN.replace("    title: Erste Maßnahme\n",
                                 "    title: Erste Maßnahme\n    status: dropped\n"), "utf-8")
    found = history_findings(app2, plan)
    assert ("entries[4].at", "Die Zeitpunkte der Einträge dürfen nicht zurückgehen.") in found
    assert [p for p, _ in found] == ["entries[3].transition", "entries[4].at"]


def test_file_and_history_disagree_in_both_directions(app2, plan):
    write_history(plan, entry("measure:m1", "start", "planned", "in_progress", T0))
    assert history_findings(app2, plan) == [
        ("entries", "Laut Verlauf ist 'measure:m1' im Zustand 'in Umsetzung', in der Datei "
                    "steht 'geplant'.")]
    plan.write_text(PLAN.replace("status: in_progress", "status: done"), "utf-8")
    write_history(plan, entry("measure:m1", "drop", "in_progress", "dropped", T1))
    plan.write_text(PLAN.replace("    title: Erste Maßnahme\n",
                                 "    title: Erste Maßnahme\n    status: in_progress\n"), "utf-8")
    assert history_findings(app2, plan) == [
        ("entries", "Laut Verlauf ist 'measure:m1' im Zustand 'entfallen', in der Datei steht "
                    "'in Umsetzung'.")]


def test_from_state_must_follow_the_previous_entry(app2, plan):
    write_history(plan, entry("measure:m2", "postpone", "planned", "postponed", T0),
                  entry("measure:m2", "start", "planned", "in_progress", T1))
    found = history_findings(app2, plan)
    assert found == [("entries[1].from_state", "Erwartet wurde der Zustand 'zurückgestellt', "
                                               "eingetragen ist 'geplant'.")]
    lines = history_path(plan).read_text("utf-8").splitlines()
    (f,) = [f for f in app2.validate_file(plan) if f.code == "history"]
    assert lines[f.line - 1] == "  from_state: planned" and f.line > lines.index("- object: "
                                                                                  "measure:m2") + 1


def test_history_naming_an_unknown_workflow_or_object(app2, plan):
    write_history(plan, entry("measure:m1", "start", "planned", "in_progress", T0, "nix"),
                  entry("measure:zz", "start", "planned", "in_progress", T0),
                  entry("barrier:b", "start", "planned", "in_progress", T0))
    assert history_findings(app2, plan) == [
        ("entries[0].workflow",
         "Unbekannter Ablauf 'nix'. Vorhanden: measure, paper, plan, review."),
        ("entries", "'zz' gibt es nicht. Vorhanden: m1, m2."),
        ("entries", "'b' gibt es nicht. Vorhanden: (keine).")]


def test_broken_history_file_reports_its_own_findings(app2, plan):
    history_path(plan).write_text("document: history\nfile: plan.yaml\nentries: 5\n", "utf-8")
    found = [f for f in app2.validate_file(plan) if f.file == str(history_path(plan))]
    assert [(f.code, f.path) for f in found] == [("expected-list", "entries")]

