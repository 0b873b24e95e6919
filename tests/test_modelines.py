"""The schema modeline of every YAML file names a schema file an editor can open offline:
the package's copy, the one ``teilhabe schema --out`` writes, or the scaffold's."""

from __future__ import annotations

import subprocess
from pathlib import Path

import teilhabe_core as th
from teilhabe_core.cli import main
from teilhabe_core.cli.scaffold import scaffold
from teilhabe_core.documents.loader import PACKAGE_SCHEMA, SCHEMA_FILE, schema_reference
from teilhabe_core.documents.schema import schema_text
from teilhabe_core.store.journal import append_entry
from tests.conftest import ROOT

PREFIX = "# yaml-language-server: $schema="


def modeline_target(path: Path) -> Path | None:
    first = path.read_text("utf-8").split("\n", 1)[0]
    if not first.startswith(PREFIX):
        return None
    return path.parent / first.removeprefix(PREFIX)


def repo_yaml() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                             "*.yaml", "*.yml"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.split()
    return [ROOT / name for name in listed]


def test_every_modeline_in_the_repository_resolves():
    checked = 0
    for path in repo_yaml():
        target = modeline_target(path)
        if target is not None:
            assert target.is_file(), (path, target)
            checked += 1
    assert checked >= 25


def test_the_package_ships_the_schema_that_teilhabe_schema_writes(tmp_path, capsys):
    assert PACKAGE_SCHEMA.read_text("utf-8") == schema_text()
    out = tmp_path / SCHEMA_FILE
    assert main(["schema", "--out", str(out)]) == 0
    assert out.read_bytes() == PACKAGE_SCHEMA.read_bytes()


def test_every_schema_copy_in_the_repository_is_current():
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                             f"*{SCHEMA_FILE}"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.split()
    assert len(listed) >= 2
    for name in listed:
        assert (ROOT / name).read_text("utf-8") == schema_text(), name


def test_dump_names_the_nearest_schema(app, tmp_path, capsys):
    plan = app.documents("boerde").current_plan()
    lone = tmp_path / "lone" / "plan.yaml"
    lone.parent.mkdir()
    th.dump(plan, lone)
    assert modeline_target(lone) == lone.parent / SCHEMA_FILE  # where `schema --out` writes
    assert main(["schema", "--out", str(lone.parent / SCHEMA_FILE)]) == 0
    deep = tmp_path / "county" / "data" / "plan.yaml"
    deep.parent.mkdir(parents=True)
    (tmp_path / "county" / SCHEMA_FILE).write_text(schema_text(), "utf-8")
    th.dump(plan, deep)
    assert modeline_target(deep).resolve() == (tmp_path / "county" / SCHEMA_FILE)
    shipped = ROOT / "counties" / "boerde" / "data" / "x.yaml"
    assert (shipped.parent / schema_reference(shipped)).resolve() == PACKAGE_SCHEMA


def test_scaffold_and_journal_modelines_resolve(tmp_path, app):
    written = scaffold("harz", "Landkreis Harz", "Sachsen-Anhalt", "15085", tmp_path)
    yaml_files = [p for p in written if p.suffix == ".yaml"]
    assert yaml_files
    for path in yaml_files:
        target = modeline_target(path)
        assert target is not None and target.is_file(), path
    history = yaml_files[0].parent / "plan.history.yaml"
    entry = th.HistoryEntry(object="plan", workflow="w", transition="t", from_state="a",
                            to_state="b", at=__import__("datetime").datetime(2024, 1, 1),
                            by="x")
    history.write_bytes(append_entry(history, "plan.yaml", entry))
    assert modeline_target(history).is_file()


def test_validate_of_a_scaffolded_folder_skips_the_schema_file(tmp_path, capsys):
    scaffold("harz", "Landkreis Harz", "Sachsen-Anhalt", "15085", tmp_path)
    package = tmp_path / "teilhabe-county-harz" / "teilhabe_county_harz"
    main(["validate", str(package)])
    assert SCHEMA_FILE not in capsys.readouterr().out
