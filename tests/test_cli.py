"""The `teilhabe` command line, run as a subprocess on the installed script."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = Path(sys.executable).parent / "teilhabe"
BOERDE = ROOT / "counties" / "boerde" / "data"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd,
                            env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": "de"})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_script_is_installed():
    assert SCRIPT.exists()


COMMANDS = ["counties", "formats", "validate", "export", "publish", "status", "evaluate",
            "diff", "schema", "new-county", "transition", "import", "round", "serve"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_everywhere(command):
    result = run(*([command] if command else []), "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Aufruf: teilhabe")
    english = run("--lang", "en", *([command] if command else []), "--help")
    assert english.returncode == 0
    assert english.stdout.startswith("usage: teilhabe")


def test_version_and_module_entry():
    assert run("--version").stdout.startswith("teilhabe 0.")
    out = subprocess.run([sys.executable, "-m", "teilhabe_core", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.startswith("teilhabe 0.")


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("export", "x.yaml").returncode == 2  # --format and --out missing


def test_help_does_not_import_exporters():
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "teilhabe_core", "--help"],
                         capture_output=True, text=True, check=True)
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
    for heavy in ("jinja2", "openpyxl", "babel", "icalendar", "wordfreq", "pyphen",
                  "teilhabe_plugins.default_exporters"):
        assert heavy not in imported, heavy
    plain = subprocess.run([sys.executable, "-X", "importtime", "-c", "import teilhabe_core"],
                           capture_output=True, text=True, check=True)
    assert "jinja2" not in plain.stderr and "pluggy" not in {
        line.split("|")[-1].strip() for line in plain.stderr.splitlines()}


START_UP = """
import sys
before = set(sys.modules)
from teilhabe_core.cli import main
main(["--help"])
new = sorted(set(sys.modules) - before)
print("--- modules ---")
print("\\n".join(f"{n}|{getattr(sys.modules[n], '__file__', None) or ''}" for n in new))
"""


def test_help_imports_no_library_beyond_the_standard_one():
    """``teilhabe --help`` stays within ~60 ms of a bare interpreter (docs/benchmark.md):
    no third-party package (attrs, cattrs, yaml, pluggy …) and none of the library's layers
    (model, documents, …) is imported for it; the standard library is (argparse, gettext …)."""
    import sysconfig

    out = subprocess.run([sys.executable, "-c", START_UP], capture_output=True, text=True,
                         check=True).stdout.split("--- modules ---")[-1]
    files = dict(line.split("|", 1) for line in out.splitlines() if "|" in line)
    names = set(files)
    assert "teilhabe_core.cli" in names
    site_packages = sysconfig.get_paths()["purelib"]
    assert not [n for n, f in files.items()
                if not n.startswith("teilhabe_core") and f.startswith(site_packages)]
    layers = ("model", "documents", "store", "workflow", "evaluation", "easy", "publish",
              "hooks", "app", "plugin")
    assert not [n for n in names if n.startswith("teilhabe_core.") and n.split(".")[1] in layers]
    assert not {"attr", "attrs", "cattrs", "yaml", "pluggy", "sqlite3"} & names


def test_counties_json():
    result = run("counties", "--json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert {r["id"]: r["ags"] for r in rows} == {
        "boerde": "15083", "mansfeld_suedharz": "15087", "neuruppin": "12068",
        "nienburg": "03256", "saale_orla": "16075"}
    assert all({"id", "name", "state", "ags", "package"} <= set(r) for r in rows)
    assert "Landkreis Börde" in run("counties").stdout


def test_formats():
    listing = json.loads(run("formats", "--json").stdout)
    assert {"html", "csv", "oparl", "nienburg-vorlage"} <= {f["id"] for f in listing}
    assert "--option include_examples" in run("formats").stdout


def test_validate_clean_files_and_folders():
    result = run("validate", str(ROOT / "counties" / "nienburg"))
    assert result.returncode == 0, result.stdout
    assert "0 Fehler" in result.stderr


def test_validate_reports_compiler_style(tmp_path):
    bad = tmp_path / "plan.yaml"
    bad.write_text("document: plan\nid: p\ncounty: boerde\nkind: action_plan\ntitle: no\n",
                   "utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    line = result.stdout.strip().splitlines()[0]
    assert re.fullmatch(rf"{re.escape(str(bad))}:5:8: error: title: .*Anführungszeichen.*", line)
    data = json.loads(run("validate", "--json", str(bad)).stdout)
    assert data[0]["line"] == 5 and data[0]["column"] == 8 and data[0]["severity"] == "error"
    assert {"file", "line", "column", "severity", "path", "message"} <= set(data[0])
    english = run("--lang", "en", "validate", str(bad)).stdout
    assert "Put the value in quotes" in english


def test_validate_warnings_and_strict():
    plan = str(BOERDE / "aktionsplan-2.yaml")
    result = run("validate", plan)
    assert result.returncode == 0
    assert ": warning: adoption.date:" in result.stdout
    assert run("validate", "--strict", plan).returncode == 1


def test_validate_unreadable_file_exits_2(tmp_path):
    result = run("validate", str(tmp_path / "fehlt.yaml"))
    assert result.returncode == 2
    assert "kann nicht gelesen werden" in result.stdout


def test_validate_garbage_never_tracebacks(tmp_path):
    for i, text in enumerate(["[" * 50_000, "a: &x [*x]", "\x00\x01", "document: plan\n" * 3,
                              "!!python/object:os.system {}"]):
        path = tmp_path / f"g{i}.yaml"
        path.write_text(text, "utf-8")
        assert run("validate", str(path)).returncode == 1


def test_export(tmp_path):
    result = run("export", str(BOERDE / "aktionsplan-2.yaml"), "--format", "csv",
                 "--out", str(tmp_path))
    assert result.returncode == 0
    (csv_file,) = tmp_path.iterdir()
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    result = run("export", str(BOERDE / "aktionsplan-2.yaml"), "--format", "html",
                 "--variant", "easy", "--option", "include_examples=false", "--out",
                 str(tmp_path / "leicht"))
    assert result.returncode == 0 and (tmp_path / "leicht" / "index.html").exists()
    bad = run("export", str(BOERDE / "aktionsplan-2.yaml"), "--format", "html", "--option",
              "include_examples=vielleicht", "--out", str(tmp_path / "x"))
    assert bad.returncode == 1 and "options.include_examples" in bad.stderr
    unknown = run("export", str(BOERDE / "aktionsplan-2.yaml"), "--format", "docx", "--out",
                  str(tmp_path))
    assert unknown.returncode == 2 and "Unbekanntes Format 'docx'" in unknown.stderr


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.refs.append(value)


def site_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_publish_main_job(tmp_path):
    out = tmp_path / "site"
    result = run("publish", "--no-pdf", "--out", str(out))  # PDFs: tests/test_pdf.py
    assert result.returncode == 0, result.stderr
    index = out / "index.html"
    assert f"Startseite: {index}" in result.stdout
    assert "[1/" in result.stderr  # plain progress lines when not a terminal
    first = site_files(out)
    for area in ("boerde", "mansfeld_suedharz", "saale_orla", "nienburg", "neuruppin"):
        assert f"{area}/index.html" in first
        assert f"{area}/lang/index.html" in first
        assert f"{area}/leicht/index.html" in first
    assert "boerde/boerde-evaluationsbericht/boerde-evaluation-2020-bericht.html" in first
    assert "oparl/body/nienburg/paper/2019-066.json" in first
    assert "schema/teilhabe.schema.json" in first
    assert any(name.startswith("saale_orla/saale-orla-zeitplan/") for name in first)
    # every relative link resolves
    for name in first:
        if name.endswith(".html"):
            parser = Links()
            parser.feed(first[name].decode("utf-8"))
            for ref in parser.refs:
                if ref.startswith(("mailto:", "#", "https://", "http://")):
                    continue  # only relative links (the enforcement bodies' pages are not)
                target = (out / name).parent / ref.split("#")[0]
                assert target.resolve().exists(), (name, ref)
    assert run("publish", "--no-pdf", "--out", str(out)).returncode == 0
    assert site_files(out) == first  # byte-identical on a second run


def test_publish_one_area_and_unknown_area(tmp_path):
    result = run("publish", "nienburg", "--no-pdf", "--out", str(tmp_path))
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".manifest.teilhabe.json", "index.html", "nienburg", "oparl", "robots.txt", "schema",
        "style.css"]
    result = run("publish", "harz", "--out", str(tmp_path / "x"))
    assert result.returncode == 1 and "boerde" in result.stderr
    assert not (tmp_path / "x").exists()


def test_status(tmp_path):
    plan = ROOT / "counties" / "saale_orla" / "data" / "arbeitsplan-2022-2025.yaml"
    data = json.loads(run("status", str(plan), "--on", "2023-05-01", "--json").stdout)
    assert data["current_phase"]["id"] == "phase-2"
    assert [r["life_area"] for r in data["life_areas"]] == ["aufwachsen", "ankommen", "altern"]
    assert any(d["kind"] == "phase_overdue" for d in data["deadlines"])
    text = run("status", str(plan), "--on", "2023-05-01").stdout
    assert "Aktuelle Phase: Übergänge" in text
    assert run("status", str(plan), "--on", "gestern").returncode == 2


def test_transition_and_import_commands(tmp_path):
    shutil.copytree(ROOT / "counties" / "boerde" / "data", tmp_path / "data")
    plan = tmp_path / "data" / "aktionsplan-2.yaml"
    result = run("transition", str(plan), "measure:bo-mobilitaet-1", "finish", "--by", "Amt",
                 "--at", "2023-12-01T10:00:00")
    assert result.returncode == 0
    assert result.stdout == ("measure:bo-mobilitaet-1: in Umsetzung → abgeschlossen "
                             "(abschließen, 01.12.2023, 10:00 Uhr)\n")
    refused = run("transition", str(plan), "plan", "adopt", "--by", "Kreistag")
    assert refused.returncode == 1 and "Erlaubt sind" in refused.stderr
    run("export", str(plan), "--format", "csv", "--out", str(tmp_path / "t"))
    (table,) = (tmp_path / "t").iterdir()
    result = run("import", str(table), "--format", "csv", "--into", str(plan), "--out",
                 str(tmp_path / "neu.yaml"))
    assert result.returncode == 0, result.stderr
    assert run("validate", str(tmp_path / "neu.yaml")).returncode == 0


def test_schema_out(tmp_path):
    result = run("schema", "--out", str(tmp_path / "s.json"))
    assert result.returncode == 0
    schema = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(run("schema").stdout) == schema


def test_diff_and_evaluate_on_the_installed_script(tmp_path):
    one, two = BOERDE / "aktionsplan-1.yaml", BOERDE / "aktionsplan-2.yaml"
    same = run("diff", str(two), str(two))
    assert same.returncode == 0 and "unverändert fortgeführt" in same.stdout
    changed = run("diff", str(one), str(two))
    assert changed.returncode == 1
    assert "+ bo-mobilitaet-4: Barrierefreie Informationen zum Nahverkehr" in changed.stdout
    assert "- bo-mobilitaet-2: Rufbus mit Unterstützung beim Einstieg" in changed.stdout
    missing = run("diff", str(one), str(tmp_path / "fehlt.yaml"))
    assert missing.returncode == 2 and "fehlt.yaml" in missing.stderr
    assert run("diff", str(one)).returncode == 2
    out = tmp_path / "evaluation.yaml"
    result = run("evaluate", str(two), "--on", "2023-06-30", "--out", str(out))
    assert result.returncode == 0 and "UN-BRK-Artikel:" in result.stdout
    assert run("validate", str(out)).returncode == 0  # refers to the installed Börde plan
    not_a_plan = run("evaluate", str(BOERDE / "evaluation-2020.yaml"))
    assert not_a_plan.returncode == 2 and "ist kein Plan (document: plan)" in not_a_plan.stderr
