"""Workflows: transitions, guards, vetoes, history journal, conflicts, deadlines."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.app import Teilhabe
from teilhabe_core.evaluation.deadlines import deadlines
from teilhabe_core.plugin import area_from_folder, hookimpl
from teilhabe_core.workflow import WorkflowSource, history_path, replay
from tests.conftest import ROOT

T0 = dt.datetime(2023, 1, 2, 9, 0)


@pytest.fixture
def areas(tmp_path: Path, app: Teilhabe):
    """Copies of all five areas in a temp folder, served instead of the installed ones."""
    copies = {}
    for source in app.areas():
        target = tmp_path / source.id
        shutil.copytree(source.profile_file.parent, target,
                        ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        copies[source.id] = target

    class Copies:
        @hookimpl
        def teilhabe_areas(self):
            return [area_from_folder(p) for p in copies.values()]

    import teilhabe_counties.boerde.hooks as b
    import teilhabe_counties.mansfeld_suedharz.hooks as m
    import teilhabe_counties.neuruppin.hooks as r
    import teilhabe_counties.nienburg.hooks as n
    import teilhabe_counties.saale_orla.hooks as s

    fresh = Teilhabe.discover(disable=list(copies), plugins=[Copies()])
    # re-register each county's other hooks under a plugin that owns its copied area
    for module, area_id in ((b, "boerde"), (m, "mansfeld_suedharz"), (r, "neuruppin"),
                            (n, "nienburg"), (s, "saale_orla")):
        holder = type(f"{area_id}_hooks", (), {})()
        for name in ("teilhabe_validate", "teilhabe_workflows", "teilhabe_guards"):
            if hasattr(module, name):
                setattr(holder, name, getattr(module, name))
        fresh.register(holder, f"{area_id}-copy", areas=[area_id])
    fresh.copies = copies  # type: ignore[attr-defined]
    return fresh


def data(areas, area_id: str, name: str) -> Path:
    return areas.copies[area_id] / "data" / name


def test_measure_to_done_keeps_comments_and_layout(areas):
    path = data(areas, "boerde", "aktionsplan-2.yaml")
    original = path.read_text("utf-8").replace(
        "- id: bo-mobilitaet-1\n", "- id: bo-mobilitaet-1  # wichtig!\n")
    path.write_text(original, "utf-8")
    result = areas.transition(path, "measure:bo-mobilitaet-1", "finish", by="Amt", at=T0)
    assert (result.event.from_state, result.event.to_state) == ("in_progress", "done")
    changed = path.read_text("utf-8")
    diff = [(a, b) for a, b in zip(original.splitlines(), changed.splitlines(), strict=True)
            if a != b]
    assert diff == [("  status: in_progress", "  status: done")]
    assert "# wichtig!" in changed
    plan = th.load(path)
    assert plan.measures[0].status is th.MeasureStatus.DONE
    history = th.load(history_path(path))
    assert [(e.object, e.transition, e.from_state, e.to_state, e.by) for e in history.entries] \
        == [("measure:bo-mobilitaet-1", "finish", "in_progress", "done", "Amt")]
    assert areas.validate_file(path) == [f for f in areas.validate_file(path) if not f.is_error]


def test_missing_status_field_is_inserted(areas):
    path = data(areas, "nienburg", "vorlage-2019-066.yaml")
    before = path.read_text("utf-8")
    areas.transition(path, "paper", "submit", by="Fachbereich Soziales", at=T0)
    after = path.read_text("utf-8")
    assert after.replace("status: in_consultation\n", "", 1) == before
    assert th.load(path).status is th.PaperStatus.IN_CONSULTATION


def test_transition_not_allowed_lists_allowed(areas):
    path = data(areas, "boerde", "aktionsplan-2.yaml")
    with pytest.raises(th.WorkflowError) as info:
        areas.transition(path, "plan", "adopt", by="Kreistag", at=T0)
    assert str(info.value) == ("Der Schritt 'beschließen' ist im Zustand 'in Umsetzung' nicht "
                               "erlaubt. Erlaubt sind: evaluieren (→ evaluiert).")


def test_area_workflow_replaces_generic(areas):
    flows = areas.workflows()
    generic = {t.name: t.sources for t in flows.get("plan", None).transitions}
    boerde = {t.name: t.sources for t in flows.get("plan", "boerde").transitions}
    assert "in_implementation" in generic["supersede"]
    assert boerde["supersede"] == ("evaluated",)
    path = data(areas, "boerde", "aktionsplan-2.yaml")
    with pytest.raises(th.WorkflowError, match="'durch die Fortschreibung ablösen' ist im "
                                               "Zustand 'in Umsetzung' nicht erlaubt"):
        areas.transition(path, "plan", "supersede", by="Kreistag", at=T0)


def test_guard_refuses_with_reason_and_state_unchanged(areas):
    path = data(areas, "boerde", "aktionsplan-2.yaml")
    before = path.read_bytes()
    with pytest.raises(th.WorkflowError, match="keine Evaluation"):
        areas.transition(path, "plan", "evaluate", by="Projektteam", at=T0)
    assert path.read_bytes() == before
    assert not history_path(path).exists()


def test_required_inputs(areas):
    path = data(areas, "boerde", "aktionsplan-2.yaml")
    with pytest.raises(th.WorkflowError, match="note"):
        areas.transition(path, "measure:bo-mobilitaet-1", "postpone", by="Amt", at=T0)


def test_paper_consultation_order(areas):
    path = data(areas, "nienburg", "vorlage-2019-066.yaml")
    areas.transition(path, "paper", "submit", by="landrat", at=T0)
    with pytest.raises(th.WorkflowError, match="ausschuss-soziales"):
        areas.transition(path, "paper", "note", by="landrat", at=T0)
    with pytest.raises(th.WorkflowError, match="als Nächstes berät 'ausschuss-soziales'"):
        areas.transition(path, "paper", "consult", by="kreistag", at=T0)
    areas.transition(path, "paper", "consult", by="ausschuss-soziales", at=T0)
    areas.transition(path, "paper", "note", by="landrat", at=T0)
    assert th.load(path).status is th.PaperStatus.NOTED


def test_saale_orla_phases_in_history_only(areas):
    path = data(areas, "saale_orla", "arbeitsplan-2022-2025.yaml")
    before = path.read_bytes()
    with pytest.raises(th.WorkflowError, match=r"beginnt erst am 01\.07\.2022"):
        areas.transition(path, "plan", "complete_phase_1", workflow="saale-orla-phases",
                         by="Planungskoordinatorin", at=dt.datetime(2022, 6, 1))
    areas.transition(path, "plan", "complete_phase_1", workflow="saale-orla-phases",
                     by="Planungskoordinatorin", at=dt.datetime(2023, 3, 31, 12))
    assert path.read_bytes() == before  # journal-only workflow
    on = dt.date(2023, 5, 1)
    kinds = {(d.kind, d.ref) for d in deadlines(areas, "saale_orla", on, 90)}
    assert ("phase_current", "phase-2") in kinds
    assert ("phase_overdue", "phase-1") not in kinds


def test_saale_orla_overdue_phase_without_history(app):
    kinds = {(d.kind, d.ref) for d in deadlines(app, "saale_orla", dt.date(2023, 5, 1), 90)}
    assert ("phase_overdue", "phase-1") in kinds and ("phase_current", "phase-2") in kinds


def test_mansfeld_suedharz_barrier_tracking(areas):
    path = data(areas, "mansfeld_suedharz", "aktionsplan-entwurf.yaml")
    with pytest.raises(th.WorkflowError, match="Maßnahme zu"):
        areas.transition(path, "barrier:b-kino", "address", by="Teilhabemanagerin", at=T0)
    areas.transition(path, "barrier:b-praxen", "address", by="Teilhabemanagerin", at=T0)
    plan = th.load(path)
    assert {b.id: b.status for b in plan.barriers}["b-praxen"] is th.BarrierStatus.ADDRESSED


def test_neuruppin_selection(areas):
    path = data(areas, "neuruppin", "kommune-inklusiv-2016.yaml")
    areas.transition(path, "call", "shortlist", by="Aktion Mensch",
                     at=dt.datetime(2016, 10, 20))
    areas.transition(path, "call", "select", by="Aktion Mensch", at=dt.datetime(2017, 1, 10))
    entries = th.load(history_path(path)).entries
    assert [e.to_state for e in entries] == ["round_two", "selected"]
    with pytest.raises(th.WorkflowError, match="nicht erlaubt"):
        areas.transition(path, "call", "decline", by="x", at=dt.datetime(2017, 2, 1))


def test_nienburg_preparation_procedure(areas):
    path = data(areas, "nienburg", "aktionsplan-entwurf.yaml")
    flow = "nienburg-preparation"
    areas.transition(path, "plan", "present_concept", workflow=flow, by="landrat", at=T0)
    areas.transition(path, "plan", "hold_workshop", workflow=flow, by="landrat", at=T0)
    entries = th.load(history_path(path)).entries
    assert replay(areas.workflows().get(flow, "nienburg"), entries, "plan") == "working_groups"


def test_conflict_refuses_write(areas):
    path = data(areas, "boerde", "aktionsplan-2.yaml")
    loaded = areas.load(path)
    path.write_text(path.read_text("utf-8") + "# Kollegin hat gespeichert\n", "utf-8")
    saved = path.read_bytes()
    with pytest.raises(th.ConflictError, match="geändert"):
        areas.workflows().transition(path, "measure:bo-mobilitaet-1", "finish", by="Amt",
                                     at=T0, loaded=loaded)
    assert path.read_bytes() == saved
    assert not history_path(path).exists()


def test_history_is_checked_on_load(areas):
    path = data(areas, "boerde", "aktionsplan-2.yaml")
    areas.transition(path, "measure:bo-mobilitaet-1", "finish", by="Amt", at=T0)
    hist = history_path(path)
    good = hist.read_text("utf-8")
    # the file says in_progress but the history says done
    path.write_text(path.read_text("utf-8").replace("status: done", "status: in_progress", 1))
    found = [f for f in areas.validate_file(path) if f.code == "history"]
    assert found and found[0].file == str(hist)
    # the states by their German labels, in English by their ids
    assert "'abgeschlossen'" in found[0].message and "'in Umsetzung'" in found[0].message
    assert "'done'" in found[0].message_en and "in_progress" in found[0].message_en
    path.write_text(path.read_text("utf-8").replace("status: in_progress", "status: done", 1))
    assert not [f for f in areas.validate_file(path) if f.code == "history"]
    # an entry that goes back in time, and a transition the workflow does not allow
    hist.write_text(good + good.split("entries:\n")[1].replace("finish", "start").replace(
        "2023-01-02 09:00:00", "2022-01-01 09:00:00"), "utf-8")
    found = {f.path for f in areas.validate_file(path) if f.code == "history"}
    assert {"entries[1].from_state", "entries[1].transition", "entries[1].at"} <= found


def test_guard_that_raises_names_plugin_and_guard(areas, tmp_path):
    flow = tmp_path / "flow.yaml"
    flow.write_text("document: workflow\nid: measure\napplies_to: measure\nfield: status\n"
                    "initial: planned\nstates: [{id: planned}, {id: in_progress}]\n"
                    "transitions:\n  - {name: start, sources: [planned], target: in_progress,"
                    " guards: [x.boom]}\n", "utf-8")

    class Boom:
        @hookimpl
        def teilhabe_workflows(self):
            return [WorkflowSource(flow)]

        @hookimpl
        def teilhabe_guards(self):
            return {"x.boom": lambda doc, ctx: 1 / 0}

    areas.register(Boom(), "boom-plugin", areas=["nienburg"])
    path = data(areas, "nienburg", "aktionsplan-entwurf.yaml")
    before = path.read_bytes()
    with pytest.raises(th.WorkflowError) as info:
        areas.transition(path, "measure:ni-wohnen-1", "start", by="x", at=T0)
    assert "x.boom" in str(info.value) and "boom-plugin" in str(info.value)
    assert path.read_bytes() == before


def test_bad_workflow_yaml_points_at_file_line_path(tmp_path):
    flow = tmp_path / "bad.yaml"
    flow.write_text("document: workflow\nid: w\napplies_to: measure\ninitial: planned\n"
                    "states: [{id: planned}]\ntransitions:\n"
                    "  - name: go\n    sources: [planned]\n    target: nowhere\n"
                    "    guards: [no.such.guard]\n", "utf-8")

    class Bad:
        @hookimpl
        def teilhabe_workflows(self):
            return [WorkflowSource(flow)]

    with pytest.raises(th.DocumentError) as info:
        Teilhabe.discover(plugins=[Bad()]).workflows()
    found = {(f.path, f.line) for f in info.value.findings}
    assert ("transitions[0].target", 9) in found


def test_unknown_guard_points_at_file_line_path(tmp_path):
    flow = tmp_path / "bad.yaml"
    flow.write_text("document: workflow\nid: w\napplies_to: measure\ninitial: planned\n"
                    "states: [{id: planned}]\ntransitions:\n"
                    "  - name: go\n    sources: [planned]\n    target: planned\n"
                    "    guards: [no.such.guard]\n", "utf-8")

    class Bad:
        @hookimpl
        def teilhabe_workflows(self):
            return [WorkflowSource(flow)]

    with pytest.raises(th.DocumentError) as info:
        Teilhabe.discover(plugins=[Bad()]).workflows()
    (f,) = info.value.findings
    assert (f.file, f.path, f.line) == (str(flow), "transitions[0].guards[0]", 10)
    assert "core.has_measures" in f.message


def test_veto_and_notification_hooks(areas):
    seen = []

    class Recorder:
        @hookimpl
        def teilhabe_veto_transition(self, event):
            if event.to_state == "dropped":
                return "Streichen nur mit Beschluss des Kreistages."
            return None

        @hookimpl
        def teilhabe_transition_done(self, event):
            seen.append((event.object, event.from_state, event.to_state, event.by))

    areas.register(Recorder(), "recorder")
    path = data(areas, "boerde", "aktionsplan-2.yaml")
    with pytest.raises(th.WorkflowError, match="Beschluss des Kreistages"):
        areas.transition(path, "measure:bo-mobilitaet-1", "drop", by="Amt", note="x", at=T0)
    areas.transition(path, "measure:bo-mobilitaet-1", "finish", by="Amt", at=T0)
    assert seen == [("measure:bo-mobilitaet-1", "in_progress", "done", "Amt")]


def test_deadlines_funding_and_consultations(app):
    boerde = deadlines(app, "boerde", dt.date(2022, 6, 1), 180)
    assert [(d.date, d.kind) for d in boerde if d.kind == "funding_ends"] == \
        [(dt.date(2022, 9, 30), "funding_ends")]
    msh = deadlines(app, "mansfeld_suedharz", dt.date(2027, 6, 1), 365)
    assert any(d.kind == "funding_ends" and d.date == dt.date(2028, 3, 31) for d in msh)
    assert not any(d.kind == "funding_ends"
                   for d in deadlines(app, "mansfeld_suedharz", dt.date(2026, 1, 1), 365))
    before = deadlines(app, "nienburg", dt.date(2019, 5, 1), 30)
    assert ("consultation", dt.date(2019, 5, 14)) in {(d.kind, d.date) for d in before}
    after = deadlines(app, "nienburg", dt.date(2019, 6, 1), 30)
    assert any(d.kind == "consultation_overdue" and d.overdue for d in after)
    dates = [d.date for d in after]
    assert dates == sorted(dates)


def test_deadlines_update_and_evaluation_due(app):
    due = {d.kind: d.date for d in deadlines(app, "boerde", dt.date(2024, 1, 1), 365)}
    assert due["update_due"] == dt.date(2024, 6, 29)  # 24 months after 2022-06-29
    assert due["evaluation_due"] == dt.date(2023, 6, 29)  # no evaluation of version 2 yet


def test_measures_past_end_are_overdue(app):
    overdue = [d for d in deadlines(app, "boerde", dt.date(2024, 1, 1), 0)
               if d.kind == "measure_overdue"]
    assert overdue and all(d.overdue and d.date < dt.date(2024, 1, 1) for d in overdue)


NAMES = ["start", "make_ongoing", "postpone", "finish", "drop", "submit", "nonsense"]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from(NAMES), max_size=8))
def test_random_transitions_never_leave_defined_states(areas, tmp_path_factory, steps):
    folder = tmp_path_factory.mktemp("run")
    path = folder / "plan.yaml"
    shutil.copy(data(areas, "nienburg", "aktionsplan-entwurf.yaml"), path)
    flow = areas.workflows().get("measure", "nienburg")
    ref = "measure:ni-wohnen-1"
    done = 0
    for i, name in enumerate(steps):
        try:
            areas.workflows().transition(path, ref, name, by="x", note="n",
                                         at=T0 + dt.timedelta(hours=i))
            done += 1
        except th.WorkflowError:
            pass
        state = th.load(path).measures[0].status.value
        assert state in flow.state_ids()
    entries = th.load(history_path(path)).entries if history_path(path).exists() else ()
    assert len(entries) == done
    assert replay(flow, entries, ref) == th.load(path).measures[0].status.value or done == 0
    loaded = th.load_file(path)
    assert areas.workflows().check_history(loaded) == []


def test_workflow_example_runs(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "workflow_demo.py"),
                          "--workdir", str(tmp_path)], capture_output=True, text=True,
                         check=True)
    assert "Vorlage 2019/066: in_consultation → noted" in out.stdout
    assert "measure:bo-mobilitaet-1: in_progress → done" in out.stdout
    assert "2019-05-14  Beratung" in out.stdout
    assert "Validation after the changes: ok" in out.stdout
