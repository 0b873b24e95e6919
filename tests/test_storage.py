"""Stores (issue 14): the same contract for files, SQLite and a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import teilhabe_core as th
from teilhabe_core.cli import main
from teilhabe_core.documents.kinds import DOCUMENT_KINDS
from teilhabe_core.store.contract import Key
from teilhabe_core.store.transfer import export_store

SAMPLES = {
    "area": "counties/boerde/area.yaml",
    "plan": "counties/boerde/data/aktionsplan-2.yaml",
    "evaluation": "counties/boerde/data/evaluation-2020.yaml",
    "paper": "counties/nienburg/data/vorlage-2019-066.yaml",
    "funding_programmes": "plugins/default_funding/programmes.yaml",
    "funding_call": "counties/neuruppin/data/kommune-inklusiv-2016.yaml",
    "workflow": "plugins/default_workflows/measure.yaml",
    "glossary": "plugins/default_glossary/glossary.yaml",
}
HISTORY = """\
document: history
file: verlauf.yaml
entries:
- object: plan
  workflow: plan
  transition: submit
  from_state: draft
  to_state: submitted
  at: 2024-01-02 10:00:00+01:00
  by: Amt
"""
PLAN = """\
# Aktionsplan zum Testen; Kommentare bleiben.
document: plan
id: race-plan
county: boerde
kind: action_plan
title: Testplan
life_areas:
  - id: bildung
    name: Bildung
measures:
""" + "".join(f"""  - id: m{i}   # Maßnahme {i}
    title: Maßnahme {i}
    life_areas: [bildung]
    status: planned
""" for i in range(1, 9))
AT = dt.datetime(2025, 3, 1, 9, 0)


def test_every_document_kind_round_trips(store_url, tmp_path):
    assert set(SAMPLES) | {"history"} == set(DOCUMENT_KINDS)
    store = th.open_store(store_url)
    texts = {kind: (ROOT / path).read_text("utf-8") for kind, path in SAMPLES.items()}
    texts["history"] = HISTORY
    for kind, text in texts.items():
        stored = store.write("boerde", f"{kind}.yaml", text, None)
        assert stored.key.kind == kind and stored.text == text
    keys = store.list("boerde")
    assert sorted(k.kind for k in keys) == sorted(texts)
    for key in keys:
        stored = store.read(key)
        assert stored.text == texts[key.kind]
        assert stored.document == th.loads(texts[key.kind])
    assert store.list("boerde", "plan") == [Key("boerde", "plan", "boerde-aktionsplan-2")]
    paths = export_store(store, tmp_path / "out")
    assert {p.name for p in paths} == {f"{k}.yaml" for k in texts}
    for kind, text in texts.items():
        assert (tmp_path / "out" / "boerde" / f"{kind}.yaml").read_text("utf-8") == text
    store.close()


def test_areas_are_isolated(store_url):
    store = th.open_store(store_url)
    store.write("boerde", "plan.yaml", PLAN, None)
    store.write("nienburg", "plan.yaml", PLAN.replace("county: boerde", "county: nienburg"),
                None)
    assert store.areas() == ["boerde", "nienburg"]
    assert [k.area for k in store.list("boerde")] == ["boerde"]
    assert store.list("harz") == []
    with pytest.raises(th.TeilhabeError, match="gibt es im Gebiet 'harz' nicht"):
        store.read(Key("harz", "plan", "race-plan"))
    store.close()


def test_write_needs_the_revision_it_read(store_url):
    store = th.open_store(store_url)
    first = store.write("boerde", "plan.yaml", PLAN, None)
    with pytest.raises(th.ConflictError, match="gibt es schon"):
        store.write("boerde", "plan.yaml", PLAN, None)
    second = store.write("boerde", "plan.yaml", PLAN.replace("Testplan", "Zweiter"),
                         first.revision)
    assert second.revision != first.revision
    with pytest.raises(th.ConflictError, match="seit dem Laden geändert"):
        store.write("boerde", "plan.yaml", PLAN, first.revision)
    assert store.read(second.key).document.title == "Zweiter"
    with pytest.raises(th.DocumentError):
        store.write("boerde", "bad.yaml", "document: plan\nid: x\n", None)
    assert len(store.list("boerde")) == 1
    store.close()


def test_transitions_merge_for_other_objects_and_conflict_for_the_same(store_url, app):
    store = th.open_store(store_url)
    view = store.write("boerde", "plan.yaml", PLAN, None)
    app = th.Teilhabe(app.registry, store)
    app.transition("race-plan", "measure:m1", "start", by="Amt", at=AT, view=view)
    # another object than the one changed since the view: merges, comments stay
    app.transition("race-plan", "measure:m2", "start", by="Amt", at=AT, view=view)
    with pytest.raises(th.ConflictError, match=r"'measure:m1' .* seit dem Laden geändert"):
        app.transition("race-plan", "measure:m1", "start", by="Kollegin", at=AT, view=view)
    stored = store.read(view.key)
    assert [e.object for e in stored.history.entries] == ["measure:m1", "measure:m2"]
    assert "  - id: m1   # Maßnahme 1\n" in stored.text
    assert [m.status.value for m in stored.document.measures[:3]] == \
        ["in_progress", "in_progress", "planned"]
    assert app.validate_stored("race-plan") == []
    store.close()


def test_hand_edit_since_loading_is_a_conflict(store_url, app):
    store = th.open_store(store_url)
    view = store.write("boerde", "plan.yaml", PLAN, None)
    store.write("boerde", "plan.yaml", PLAN + "# Kollegin\n", view.revision)
    app = th.Teilhabe(app.registry, store)
    with pytest.raises(th.ConflictError, match="seit dem Laden geändert"):
        app.transition("race-plan", "measure:m1", "start", by="Amt", at=AT, view=view)
    assert store.read(view.key).history.entries == ()
    store.close()


def test_history_is_only_ever_continued(store_url):
    store = th.open_store(store_url)
    plan = th.loads(PLAN)
    entry = th.HistoryEntry("measure:m1", "measure", "start", "planned", "in_progress", AT, "A")
    first = store.write("boerde", "plan.yaml", PLAN, None, history=[entry])
    with pytest.raises(th.ConflictError, match="nur fortgeschrieben"):
        store.write("boerde", "plan.yaml", PLAN, first.revision, history=[])
    later = th.HistoryEntry("measure:m2", "measure", "start", "planned", "in_progress", AT, "B")
    again = store.write("boerde", "plan.yaml", PLAN, first.revision, history=[entry, later])
    assert again.history.entries == (entry, later) and again.document == plan
    store.close()


def test_sql_history_table_refuses_updates(tmp_path):
    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path / 's.db'}"
    store = th.open_store(url, create=True)
    entry = th.HistoryEntry("measure:m1", "measure", "start", "planned", "in_progress", AT, "A")
    store.write("boerde", "plan.yaml", PLAN, None, history=[entry])
    with sa.create_engine(url).begin() as conn, pytest.raises(sa.exc.DatabaseError,
                                                              match="append-only"):
        conn.exec_driver_sql("DELETE FROM teilhabe_history")
    store.close()


def test_unset_database_and_unknown_scheme_are_german_usage_errors(tmp_path):
    with pytest.raises(th.StoreError, match=r"nicht eingerichtet.*teilhabe store init"):
        th.open_store(f"sqlite:///{tmp_path / 'leer.db'}")
    with pytest.raises(th.StoreError, match="nicht erreichbar"):
        th.open_store("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(th.TeilhabeError, match="Unbekannte Art von Speicher 'ftp://'"):
        th.open_store("ftp://example.org/x")


def test_cli_store_round_trip_is_byte_identical(store_url, tmp_path, capsys):
    assert main(["store", "import", store_url, "boerde", "nienburg"]) == 0
    assert main(["--store", store_url, "transition", "boerde-aktionsplan-2",
                 "measure:bo-bildung-3", "start", "--by", "Amt"]) == 0
    assert main(["store", "export", store_url, "--out", str(tmp_path / "e1")]) == 0
    second = tmp_path / "second"
    assert main(["store", "init", str(second)]) == 0
    assert main(["store", "import", str(second), "--from", str(tmp_path / "e1")]) == 0
    assert main(["store", "export", str(second), "--out", str(tmp_path / "e2")]) == 0
    first = sorted(p.relative_to(tmp_path / "e1") for p in (tmp_path / "e1").rglob("*.yaml"))
    assert first == sorted(p.relative_to(tmp_path / "e2")
                           for p in (tmp_path / "e2").rglob("*.yaml"))
    assert Path("boerde/aktionsplan-2.history.yaml") in first
    for rel in first:
        assert (tmp_path / "e1" / rel).read_bytes() == (tmp_path / "e2" / rel).read_bytes()
    capsys.readouterr()
    assert main(["--store", store_url, "status", "boerde", "--json"]) == 0
    import json

    status = json.loads(capsys.readouterr().out)
    row = next(m for m in status["measures"] if m["id"] == "bo-bildung-3")
    assert row["state"] == "in_progress" and row["last"]["by"] == "Amt"
    assert main(["--store", store_url, "validate", "boerde"]) == 0
    assert main(["--store", store_url, "transition", "boerde-aktionsplan-2",
                 "measure:bo-bildung-3", "start", "--by", "Amt"]) == 1
    assert main(["--store", store_url, "transition", "gibt-es-nicht", "plan", "adopt"]) == 2
    assert "Ein Dokument 'gibt-es-nicht' gibt es in" in capsys.readouterr().err


def test_publish_from_a_store_equals_publish_from_files(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    assert main(["store", "init", url]) == 0
    assert main(["store", "import", url, "nienburg"]) == 0
    assert main(["publish", "nienburg", "--out", str(tmp_path / "files")]) == 0
    assert main(["--store", url, "publish", "nienburg", "--out", str(tmp_path / "db")]) == 0
    files = sorted(p.relative_to(tmp_path / "files") for p in (tmp_path / "files").rglob("*")
                   if p.is_file())
    assert files and files == sorted(p.relative_to(tmp_path / "db")
                                     for p in (tmp_path / "db").rglob("*") if p.is_file())
    for rel in files:
        assert (tmp_path / "files" / rel).read_bytes() == (tmp_path / "db" / rel).read_bytes()


def test_publish_from_a_store_with_worker_processes(tmp_path, store_url):
    """Workers get the documents the main process read from the store (they never use its
    connections): the same site as from the files in one process."""
    url = store_url
    assert main(["store", "import", url, "nienburg"]) == 0
    assert main(["store", "import", url, "saale_orla"]) == 0
    areas = ["nienburg", "saale_orla", "--no-pdf"]
    assert main(["publish", *areas, "--jobs", "1", "--out", str(tmp_path / "files")]) == 0
    assert main(["--store", url, "publish", *areas, "--jobs", "2", "--out",
                 str(tmp_path / "db")]) == 0
    files = {p.relative_to(tmp_path / "files"): p.read_bytes()
             for p in (tmp_path / "files").rglob("*") if p.is_file()}
    assert files == {p.relative_to(tmp_path / "db"): p.read_bytes()
                     for p in (tmp_path / "db").rglob("*") if p.is_file()}


def test_store_from_the_environment(tmp_path):
    store = tmp_path / "fs"
    assert main(["store", "import", str(store), "boerde"]) == 2  # not set up yet
    assert main(["store", "init", str(store)]) == 0
    assert main(["store", "import", str(store), "boerde"]) == 0
    run = subprocess.run([sys.executable, "-m", "teilhabe_core", "validate",
                          "boerde-aktionsplan-2"], capture_output=True, text=True,
                         env={**__import__("os").environ, "TEILHABE_STORE": str(store)})
    assert run.returncode == 0, run.stderr
    assert "fs/boerde/aktionsplan-2.yaml" in run.stdout


def test_successor_and_import_go_through_the_store(tmp_path, app):
    from teilhabe_core.evaluation.successor import derive_successor, save_successor_to

    shutil.copytree(ROOT / "counties" / "boerde" / "data", tmp_path / "fs" / "boerde")
    store = th.open_store(tmp_path / "fs")
    plan = store.read(Key("boerde", "plan", "boerde-aktionsplan-2"))
    successor = derive_successor(plan.document, plan_id="boerde-aktionsplan-3")
    saved = save_successor_to(store, "boerde", successor, "aktionsplan-3.yaml")
    assert saved.document.supersedes == "boerde-aktionsplan-2"
    with pytest.raises(th.ConflictError, match="gibt es schon"):
        save_successor_to(store, "boerde", successor, "aktionsplan-3.yaml")
