"""Separately installed packages: an example county, an integrator's exporter, a scaffold.

All install into ONE fresh virtual environment per test session (it takes a while), next
to a regular (non-editable) install of teilhabe itself, which also proves the packaging.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def sh(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def venv(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("venv")
    sh(sys.executable, "-m", "venv", folder)
    sh(folder / "bin" / "python", "-m", "pip", "install", "-q", "-c", ROOT / "constraints.txt",
       ROOT, ROOT / "examples" / "harz_county", ROOT / "examples" / "custom_exporter", "pytest")
    return folder


def test_installed_package_is_visible_to_type_checkers(venv, tmp_path):
    """The README's install leaves teilhabe typed for a user's own ``mypy --strict``."""
    script = tmp_path / "county_script.py"
    script.write_text(
        "import teilhabe_core as th\n\n"
        "def count(app: th.Teilhabe) -> int:\n"
        "    return len(app.areas())\n\n"
        "wrong: int = th.__name__\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                             "--python-executable", str(venv / "bin" / "python"), str(script)],
                            capture_output=True, text=True, cwd=tmp_path)
    # Exactly the deliberate error: the module and its types were found.
    assert "Cannot find implementation" not in result.stdout, result.stdout
    assert 'Incompatible types in assignment (expression has type "str"' in result.stdout
    assert "Found 1 error in 1 file" in result.stdout, result.stdout


def run_tests(venv: Path, tests: Path, tmp: Path) -> str:
    ini = tmp / "pytest.ini"
    ini.write_text("[pytest]\n", "utf-8")
    return sh(venv / "bin" / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
              ini, tests, cwd=tmp).stdout


def test_external_county_is_discovered_loaded_and_its_rule_fires(venv, tmp_path):
    rows = json.loads(sh(venv / "bin" / "teilhabe", "counties", "--json").stdout)
    harz = next(r for r in rows if r["id"] == "harz")
    assert harz["ags"] == "15085" and harz["package"] == "teilhabe-county-harz"
    assert len(rows) == 6
    assert "passed" in run_tests(venv, ROOT / "examples" / "harz_county" / "tests", tmp_path)


def test_installed_copy_has_all_data_and_publishes(venv, tmp_path):
    out = tmp_path / "site"
    result = sh(venv / "bin" / "teilhabe", "publish", "--no-pdf", "--out", out)
    assert "Startseite:" in result.stdout
    assert (out / "harz" / "lang" / "index.html").exists()
    assert (out / "boerde" / "leicht" / "index.html").exists()
    # the installed YAML's modelines name the installed schema file
    where = sh(venv / "bin" / "python", "-c", "import teilhabe_counties, teilhabe_harz; "
               "print(teilhabe_counties.__path__[0]); print(teilhabe_harz.__path__[0])")
    for folder in where.stdout.split():
        files = sorted(Path(folder).rglob("*.yaml"))
        assert files
        for path in files:
            first = path.read_text("utf-8").split("\n", 1)[0]
            target = path.parent / first.removeprefix("# yaml-language-server: $schema=")
            assert target.is_file(), (path, first)


def test_custom_exporter_package(venv, tmp_path):
    listing = json.loads(sh(venv / "bin" / "teilhabe", "formats", "--json").stdout)
    assert "steckbrief" in {f["id"] for f in listing}
    assert "passed" in run_tests(venv, ROOT / "examples" / "custom_exporter" / "tests",
                                 tmp_path)


def test_new_county_scaffold_installs_and_is_listed(venv, tmp_path):
    sh(venv / "bin" / "teilhabe", "new-county", "lahn_dill", "--name", "Lahn-Dill-Kreis",
       "--state", "Hessen", "--ags", "06532", "--out", tmp_path)
    package = tmp_path / "teilhabe-county-lahn-dill"
    assert (package / "pyproject.toml").exists()
    sh(venv / "bin" / "python", "-m", "pip", "install", "-q", package)
    rows = json.loads(sh(venv / "bin" / "teilhabe", "counties", "--json").stdout)
    assert {"id": "lahn_dill", "ags": "06532"}.items() <= next(
        r for r in rows if r["id"] == "lahn_dill").items()
    validate = subprocess.run([venv / "bin" / "teilhabe", "validate", package],
                              capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout
    assert "passed" in run_tests(venv, package / "tests", tmp_path)
    again = subprocess.run([venv / "bin" / "teilhabe", "new-county", "lahn_dill", "--name", "X",
                            "--state", "Hessen", "--out", tmp_path], capture_output=True,
                           text=True)
    assert again.returncode == 1 and "nicht leer" in again.stderr
