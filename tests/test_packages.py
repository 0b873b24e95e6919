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


def test_installed_copy_has_compiled_catalogs_and_speaks_both_languages(venv, tmp_path):
    """The build compiled the .po files (docs/translating.md); the wheel ships the .mo only,
    and they hold what the source catalogs say."""
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    site = Path(sh(venv / "bin" / "python", "-c", "import teilhabe_core, os; "
                   "print(os.path.dirname(teilhabe_core.__file__))", cwd=tmp_path).stdout.strip())
    assert site.is_relative_to(venv)
    locale = site / "locale"
    assert sorted(p.relative_to(locale).as_posix() for p in locale.rglob("*.*")) == [
        "de/LC_MESSAGES/teilhabe.mo", "en/LC_MESSAGES/teilhabe.mo"]
    def plain(text: str | list[str] | tuple[str, ...]) -> str | tuple[str, ...]:
        return text if isinstance(text, str) else tuple(text)

    with open(ROOT / "teilhabe_core/locale/de/LC_MESSAGES/teilhabe.po", "rb") as f:
        source = {plain(m.id): plain(m.string) for m in read_po(f) if m.id}
    with open(locale / "de" / "LC_MESSAGES" / "teilhabe.mo", "rb") as f:
        built = {plain(m.id): plain(m.string) for m in read_mo(f) if m.id}
    assert built == source and len(built) > 500
    with open(locale / "en" / "LC_MESSAGES" / "teilhabe.mo", "rb") as f:
        english = [m for m in read_mo(f) if m.id]  # the source language: msgid = text
    assert all(plain(m.string) == plain(m.id) for m in english)
    german = sh(venv / "bin" / "teilhabe", "validate", "--help").stdout
    english = sh(venv / "bin" / "teilhabe", "--lang", "en", "validate", "--help").stdout
    assert german.startswith("Aufruf: teilhabe validate") and "Optionen:" in german
    assert english.startswith("usage: teilhabe validate") and "options:" in english


@pytest.mark.parametrize("mode", ["lenient", "strict"])
def test_editable_installs_compile_the_catalogs_in_place(tmp_path, mode):
    """``pip install -e`` (setuptools' default, and the strict mode the README names for
    type checkers) writes the .mo files beside the .po files, which the package reads."""
    tree = tmp_path / "src"
    files = sh("git", "ls-files", cwd=ROOT).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            (tree / name).write_bytes((ROOT / name).read_bytes())
    assert not list(tree.rglob("*.mo"))
    folder = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", folder)
    sh(folder / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps",
       "--config-settings", f"editable_mode={mode}", "-e", tree)
    compiled = tree / "teilhabe_core/locale/de/LC_MESSAGES/teilhabe.mo"
    assert compiled.is_file()
    probe = ("from teilhabe_core.base import i18n; "
             "print(i18n.catalog_file('de')); print(i18n.catalog('de').gettext('options'))")
    where, text = sh(folder / "bin" / "python", "-c", probe, cwd=tmp_path).stdout.split()
    assert text == "Optionen" and Path(where).resolve() == compiled.resolve()
