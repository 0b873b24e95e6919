"""The message catalogs (docs/translating.md): in step with the source, plural forms,
operating-system errors by errno, and the rules that keep ``_`` usable."""

from __future__ import annotations

import argparse
import ast
import errno
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from teilhabe_core.base import i18n
from teilhabe_core.base.fileio import os_reason
from teilhabe_core.base.i18n import Msg, catalog, ngettext
from teilhabe_core.base.messages import MESSAGES, describe, finding
from tests.conftest import MINIMAL_PLAN, ROOT

SCRIPT = Path(sys.executable).parent / "teilhabe"


def tool():
    """``tools/catalogs.py`` as a module."""
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(*args: str, lang: str = "de") -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": lang})
    assert "Traceback" not in result.stderr, result.stderr
    return result


# -- the catalogs and the source ----------------------------------------------------------


def test_catalogs_hold_every_text_of_the_source_and_german_is_complete():
    catalogs = tool()
    template = catalogs.extract()
    assert len(template) > 500  # the extraction found the marked texts
    problems = [p for lang in catalogs.LANGUAGES for p in catalogs.problems(lang, template)]
    assert problems == []


def test_the_check_finds_what_is_out_of_step(tmp_path, monkeypatch):
    """Each kind of problem the check exists for is found (so the test above can fail)."""
    catalogs = tool()
    locale = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE, locale, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(catalogs, "LOCALE", locale)
    german = catalogs.read("de")
    gone = MESSAGES["file-empty"]
    german.delete(gone)
    german[MESSAGES["missing-field"]].flags.add("fuzzy")
    german[MESSAGES["complex-key"]].string = ""
    german[MESSAGES["duplicate-id"]].string = "Die Kennung {kennung} kommt mehrfach vor."
    german.add("A text no code has.", "Ein Text, den es im Code nicht gibt.")
    catalogs.write(german, catalogs.po_file("de"))
    found = "\n".join(catalogs.problems("de"))
    assert f"de: missing from the catalog: {gone!r}" in found
    assert f"de: fuzzy (needs review): {MESSAGES['missing-field']!r}" in found
    assert f"de: untranslated: {MESSAGES['complex-key']!r}" in found
    assert "de: placeholders differ in" in found and "['first', 'id'] → ['kennung']" in found
    assert "de: no longer in the source: 'A text no code has.'" in found


def test_argparse_asks_for_no_text_the_catalog_lacks():
    """argparse's own texts of the running Python (``cli/argparse_texts.py`` lists them)."""
    wanted = {message if isinstance(message, str) else message[0]
              for _line, message, _comments, _context in extract_from_file(
                  "python", argparse.__file__)}
    german = catalog("de")
    assert wanted and all(german.gettext(m) != m for m in wanted if m.strip())


MARKERS = {"_", "ngettext", "N_", "NN_", "Msg", "nmsg"}


def test_no_text_is_marked_inside_an_f_string():
    """Extraction skips f-strings: ``f"{_('x')}"`` would never reach the catalog."""
    offenders = [f"{path.relative_to(ROOT)}:{node.lineno}"
                 for path in sorted([*(ROOT / "teilhabe_core").rglob("*.py"),
                                     *(ROOT / "plugins").rglob("*.py")])
                 for node in ast.walk(ast.parse(path.read_text("utf-8")))
                 if isinstance(node, ast.JoinedStr) and any(
                     isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                     and call.func.id in MARKERS for call in ast.walk(node))]
    assert offenders == []


def test_no_module_that_imports_underscore_assigns_it():
    """``for name, _ in …`` in a function would hide the translation function there."""
    offenders = []
    for path in sorted([*(ROOT / "teilhabe_core").rglob("*.py"), *(ROOT / "plugins").rglob(
            "*.py")]):
        tree = ast.parse(path.read_text("utf-8"))
        if not any(isinstance(n, ast.ImportFrom) and any(a.name == "_" for a in n.names)
                   for n in ast.walk(tree)):
            continue
        for function in (n for n in ast.walk(tree)
                         if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
            todo = list(function.body)
            while todo:
                node = todo.pop()
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
                              | ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp
                              | ast.ClassDef):
                    continue
                if isinstance(node, ast.Name) and node.id == "_" \
                        and isinstance(node.ctx, ast.Store):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                todo.extend(ast.iter_child_nodes(node))
    assert offenders == []


def test_a_newer_po_is_read_instead_of_a_stale_mo(tmp_path, monkeypatch):
    """A translator's edit counts before it is compiled (source trees only)."""
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "teilhabe_core/locale/de/LC_MESSAGES/teilhabe.po", folder)
    po = folder / "teilhabe.po"
    text = po.read_text("utf-8").replace('msgstr "Optionen"', 'msgstr "Einstellungen"')
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalog.cache_clear()
    try:
        po.write_text(text, "utf-8")
        assert i18n.catalog("de").gettext("options") == "Einstellungen"
        tool_module = tool()
        monkeypatch.setattr(tool_module, "LOCALE", tmp_path)
        with open(folder / "teilhabe.mo", "wb") as handle:  # compiled, then the .po edited
            from babel.messages.mofile import write_mo
            write_mo(handle, tool_module.read("de"))
        os.utime(po, (1, 1))
        i18n.catalog.cache_clear()
        assert i18n.catalog("de").gettext("options") == "Einstellungen"
        (folder / "teilhabe.po").unlink()
        i18n.catalog.cache_clear()
        assert i18n.catalog("de").gettext("options") == "Einstellungen"  # the .mo alone
    finally:
        i18n.catalog.cache_clear()


# -- plural forms and findings in both languages --------------------------------------------


@pytest.mark.parametrize(("singular", "plural", "german"), [
    ("{n} file", "{n} files", ("0 Dateien", "1 Datei", "2 Dateien")),
    ("{n} measure", "{n} measures", ("0 Maßnahmen", "1 Maßnahme", "2 Maßnahmen")),
    ("{n} area", "{n} areas", ("0 Gebiete", "1 Gebiet", "2 Gebiete")),
    ("{n} error", "{n} errors", ("0 Fehler", "1 Fehler", "2 Fehler")),
    ("{n} warning", "{n} warnings", ("0 Warnungen", "1 Warnung", "2 Warnungen")),
    ("{n} document", "{n} documents", ("0 Dokumente", "1 Dokument", "2 Dokumente")),
])
def test_plural_forms_for_zero_one_and_two(monkeypatch, singular, plural, german):
    for lang, expected in (("de", german), ("en", tuple(
            (singular if n == 1 else plural).format(n=n) for n in (0, 1, 2)))):
        monkeypatch.setenv("TEILHABE_LANG", lang)
        assert tuple(ngettext(singular, plural, n) for n in (0, 1, 2)) == expected


@pytest.mark.parametrize(("errors", "german", "english"), [
    (0, "0 Fehler, 0 Warnungen.", "0 errors, 0 warnings."),
    (1, "1 Fehler, 0 Warnungen.", "1 error, 0 warnings."),
    (2, "2 Fehler, 0 Warnungen.", "2 errors, 0 warnings."),
])
def test_validate_counts_in_both_languages(tmp_path, errors, german, english):
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN + "".join(f"unknown_{i}: x\n" for i in range(errors)),
                    "utf-8")
    for lang, summary in (("de", german), ("en", english)):
        result = run("validate", str(path), lang=lang)
        assert result.stderr.splitlines()[-1] == summary
        assert result.returncode == (1 if errors else 0)


def test_findings_carry_both_languages_whatever_the_current_one(monkeypatch):
    for lang in ("de", "en"):
        monkeypatch.setenv("TEILHABE_LANG", lang)
        f = finding("expected-text", "title", found=describe(True), quote="")
        assert f.message == "Hier wird ein Text erwartet, gelesen wurde der Wahrheitswert true."
        assert f.message_en == "Text is expected here, read the boolean true."
        assert f.format("en").endswith(": error: title: " + f.message_en)
    assert finding("x", de="Eigener Text.", en="Own text.").message_en == "Own text."
    paired = finding("invalid-value", reason="zu spät", reason_en="too late")
    assert (paired.message, paired.message_en) == ("Ungültiger Wert: zu spät.",
                                                   "Invalid value: too late.")


def test_a_dangling_reference_reads_well_in_german():
    from teilhabe_core.documents.refs import LIFE_AREA, ref

    (f,) = ref("freizeit", ["bildung"], "measures[0].life_areas[0]", LIFE_AREA)
    assert f.message == ("'freizeit' verweist auf einen Lebensbereich, aber diese Kennung gibt "
                         "es nicht. Vorhanden: bildung.")
    assert f.message_en == ("'freizeit' refers to a life area, but there is no such id. "
                            "Available: bildung.")


def test_a_message_renders_lazily_in_the_language_of_the_moment(monkeypatch):
    counted = i18n.nmsg("{n} file", "{n} files", 3)
    error = ValueError(Msg("The store {store} reports an error: {reason}", store="s",
                           reason=Msg("permission denied")))
    monkeypatch.setenv("TEILHABE_LANG", "de")
    assert str(counted) == "3 Dateien" and counted.text("en") == "3 files"
    assert str(error) == "Der Speicher s meldet einen Fehler: Keine Berechtigung"
    monkeypatch.setenv("TEILHABE_LANG", "en")
    assert str(error) == "The store s reports an error: permission denied"


# -- operating-system errors: by errno, with the file name -----------------------------------


@pytest.mark.parametrize(("code", "german", "english"), [
    (errno.ENOENT, "Datei oder Ordner nicht gefunden", "no such file or folder"),
    (errno.EEXIST, "Datei oder Ordner existiert bereits", "the file or folder exists already"),
    (errno.ENOTDIR, "Ein Teil des Pfads ist kein Ordner", "a part of the path is not a folder"),
])
def test_os_reasons_by_errno(code, german, english):
    exc = OSError(code, "Anything the C library says")
    assert os_reason(exc, "de") == german and os_reason(exc, "en") == english


def test_a_missing_file_in_both_languages(tmp_path):
    missing = tmp_path / "fehlt.yaml"
    german = run("validate", str(missing)).stdout
    english = run("validate", str(missing), lang="en").stdout
    assert german.startswith(f"{missing}:1:1: error: (Dokument): Die Datei kann nicht gelesen "
                             "werden: Datei oder Ordner nicht gefunden.")
    assert english.startswith(f"{missing}:1:1: error: (document): The file cannot be read: "
                              "no such file or folder.")


def test_a_folder_where_a_file_is_expected(tmp_path):
    folder = tmp_path / "plan.yaml"
    folder.mkdir()
    german = run("status", str(folder))
    english = run("status", str(folder), lang="en")
    assert german.returncode == english.returncode == 2
    assert f"{folder}:1:1: error: (Dokument): Die Datei kann nicht gelesen werden: keine " \
           "normale Datei, sondern ein Ordner." in german.stderr
    assert f"{folder}:1:1: error: (document): The file cannot be read: not a regular file " \
           "but a folder." in english.stderr


def test_an_existing_file_in_the_way(tmp_path):
    blocker = tmp_path / "speicher"
    blocker.write_text("", "utf-8")
    german = run("store", "init", str(blocker))
    english = run("store", "init", str(blocker), lang="en")
    assert german.stderr == (f"teilhabe: Fehler: Problem mit {blocker}: Datei oder Ordner "
                             "existiert bereits.\n")
    assert english.stderr == (f"teilhabe: error: Problem with {blocker}: the file or folder "
                              "exists already.\n")
    below = blocker / "unten"
    assert run("store", "init", str(below), lang="en").stderr == (
        f"teilhabe: error: Problem with {below}: a part of the path is not a folder.\n")
