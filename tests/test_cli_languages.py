"""The command line in German and in English: every command (help, success, errors) run in
both languages, and no line of one has tell-tale words of the other.

What a line may carry in any language is taken out before looking: the shipped data's own
texts (titles, names), quoted values, paths, options, command names, ids (``measure:x``,
rule ids in brackets) and the compiler-style severity (``error``/``warning``, kept for
editors). What is left must be the user's language only.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

from teilhabe_core.cli import main
from tests.conftest import MINIMAL_PLAN, ROOT

SCRIPT = Path(sys.executable).parent / "teilhabe"
BOERDE = ROOT / "counties" / "boerde" / "data"

GERMAN_WORDS = frozenset([
    "der", "die", "das", "des", "dem", "den", "und", "oder", "nicht", "ist", "sind", "wird",
    "werden", "wurde", "kein", "keine", "keinen", "ein", "eine", "einen", "einem", "mit",
    "für", "auf", "zum", "zur", "vom", "bitte", "sie", "gibt", "es", "hier", "nach", "noch",
    "als", "auch", "aus", "bei", "über", "unter", "sonst", "kann", "liegt", "datei",
    "dateien", "ordner", "fehler", "warnung", "warnungen", "gebiet", "gebiete",
    "geschrieben", "aufruf", "optionen", "angaben", "befehl", "befehle", "geändert",
    "unverändert", "fortgeführt", "überfällig", "abgeschlossen", "maßnahme", "maßnahmen",
    "fassung", "zeile", "spalte", "schreiben", "gelesen", "erwartet", "erlaubt",
    "vorhanden", "zeigen", "beenden", "ausgeben", "standard", "leer",
])
"""Words no English line says (data aside)."""

ENGLISH_WORDS = frozenset([
    "the", "of", "and", "is", "are", "not", "no", "file", "files", "folder", "folders",
    "error", "errors", "warning", "warnings", "written", "usage", "options", "show", "help",
    "message", "exit", "default", "found", "such", "directory", "exists", "already",
    "argument", "arguments", "required", "invalid", "choice", "expected", "changed",
    "unchanged", "area", "areas", "measures", "document", "documents", "county", "next",
    "with", "for", "from", "only", "none", "nothing", "please", "cannot", "must", "read",
    "write", "missing", "unknown", "allowed", "available", "overdue", "version", "title",
])
"""Words no German line says (ids and data aside; a field name such as ``title`` is an id)."""

COMMANDS = ("counties", "formats", "validate", "export", "schema", "import", "publish",
            "serve", "status", "evaluate", "diff", "new-county", "transition", "store",
            "round", "teilhabe", "start", "collect", "init")


@cache
def ids() -> frozenset[str]:
    """The documents' field names and fixed values: written as they are in any language."""
    import enum

    import attrs

    import teilhabe_core.model as model

    names: set[str] = set()
    for item in vars(model).values():
        if isinstance(item, type) and attrs.has(item):
            names.update(f.name for f in attrs.fields(item))
        elif isinstance(item, type) and issubclass(item, enum.Enum):
            names.update(str(m.value) for m in item)
    return frozenset(n for name in names for n in name.split("_"))


@cache
def data_texts() -> tuple[str, ...]:
    """Every text of the shipped YAML files (the areas' own words), longest first."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) >= 3:
            found.update({value, *value.splitlines()})
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in [*(ROOT / "counties").rglob("*.yaml"), *(ROOT / "plugins").rglob("*.yaml")]:
        walk(yaml.safe_load(path.read_text("utf-8")))
    return tuple(sorted((t.strip() for t in found if t.strip()), key=len, reverse=True))


def foreign_words(text: str, lang: str) -> list[str]:
    """The words of ``text`` that belong to the other language than ``lang``."""
    words = GERMAN_WORDS if lang == "en" else ENGLISH_WORDS
    out = []
    for line in text.splitlines():
        for data in data_texts():
            if data in line:
                line = line.replace(data, " ")
        line = re.sub(r"\"[^\"]*\"|'[^']*'|„[^“]*“|“[^”]*”|\[[^\]]*\]|\{[^}]*\}", " ", line)
        line = re.sub(r":\d+:\d+: (error|warning): ", " ", line)
        line = re.sub(r"\S*/\S*|\S+[:=@]\S+|--?[\w-]+|\w+_\w+", " ", line)  # paths, ids
        out += [w for w in re.findall(r"[A-Za-zÄÖÜäöüß]+", line)
                if w.lower() in words and w not in COMMANDS and w not in ids()]
    return out


def test_the_detector_finds_the_old_leaks():
    """The word lists catch what issue 17 found (so the tests below can fail)."""
    assert foreign_words("3 Fehler, 0 Warnungen.", "en") == ["Fehler", "Warnungen"]
    assert foreign_words("40 Dateien für 1 Gebiete geschrieben", "en") == [
        "Dateien", "für", "Gebiete", "geschrieben"]
    assert "written" in foreign_words("County plugin written to /tmp/x", "de")
    assert foreign_words("usage: teilhabe validate [-h] PATH", "de") == ["usage"]
    assert foreign_words("teilhabe status: Fehler: argument --on: not a date", "de") == [
        "argument", "not"]
    assert "No" in foreign_words("Die Datei kann nicht gelesen werden: No such file", "de")
    assert "geändert" in foreign_words("  Plan: title geändert", "en")
    # and passes what is right in each language, data and ids included
    assert foreign_words("3 Fehler, 0 Warnungen.", "de") == []
    assert foreign_words("3 errors, 0 warnings.", "en") == []
    assert foreign_words("  Mobilität: 3 measures, 0 % done (planned 1)", "en") == []
    assert foreign_words("x.yaml:1:1: warning: adoption: Der Plan ist beschlossen "
                         "[generic.adopted-without-participation]", "de") == []
    assert foreign_words("Erlaubt sind: include_examples, papers_folder.", "de") == []


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A workspace: a copy of Börde's data, a broken file, a table, a round, a store."""
    base = tmp_path_factory.mktemp("languages")
    shutil.copytree(BOERDE, base / "data")
    (base / "kaputt.yaml").write_text(MINIMAL_PLAN.replace("title: Testplan", "title: [a]")
                                      + "unbekannt: 1\nstatus: fertig\n", "utf-8")
    (base / "datei").write_text("", "utf-8")
    (base / "site").mkdir()
    (base / "site" / "fremd.txt").write_text("", "utf-8")
    return base


def cases(work: Path) -> list[tuple[str, ...]]:
    """Every command, with success and error paths (run in order: later ones use the
    files earlier ones write)."""
    plan, old = str(work / "data" / "aktionsplan-2.yaml"), str(work / "data" /
                                                               "aktionsplan-1.yaml")
    out, store = str(work / "out"), f"sqlite:///{work / 'store.db'}"
    helps = [(c, "--help") for c in COMMANDS[:15]] + [
        ("--help",), ("round", "start", "--help"), ("round", "collect", "--help"),
        ("round", "status", "--help"), ("store", "init", "--help"),
        ("store", "import", "--help"), ("store", "export", "--help")]
    return [*helps,
            (), ("frobnicate",), ("export", plan), ("status", plan, "--on", "2020-13-01"),
            ("status", plan, "--window", "-3"), ("serve", str(work), "--port", "70000"),
            ("counties",), ("formats",),
            ("validate", str(BOERDE)), ("validate", str(work / "kaputt.yaml")),
            ("validate", str(work / "fehlt.yaml")), ("validate", str(work / "site")),
            ("status", plan, "--on", "2023-01-01"), ("status", str(work / "data")),
            ("evaluate", plan, "--on", "2023-01-01"), ("evaluate", str(work / "kaputt.yaml")),
            ("diff", old, plan), ("diff", old, str(work / "fehlt.yaml")),
            ("schema", "--out", str(work / "datei" / "schema.json")),
            ("export", plan, "--format", "csv", "--out", out),
            ("export", plan, "--format", "frob", "--out", out),
            ("export", plan, "--format", "html", "--variant", "easy", "--option", "x=1",
             "--out", out),
            ("import", str(work / "datei"), "--format", "csv", "--into", plan, "--out",
             str(work / "neu.yaml")),
            ("transition", plan, "measure:bo-mobilitaet-1", "finish", "--by", "Amt", "--at",
             "2023-12-01T10:00:00"),
            ("transition", plan, "plan", "adopt"), ("transition", plan, "measure:nix", "x"),
            ("round", "start", plan, "--on", "2025-12-31", "--due", "2026-01-31", "--csv",
             "--out", str(work / "runde")),
            ("round", "status", plan, "--on", "2026-02-01"),
            ("round", "collect", plan, str(work / "kaputt.yaml")),
            ("new-county", "harz", "--name", "Landkreis Harz", "--state", "Sachsen-Anhalt",
             "--out", str(work / "neu")),
            ("new-county", "harz", "--name", "X", "--state", "Y", "--out", str(work / "neu")),
            ("new-county", "Harz!", "--name", "X", "--state", "Y", "--out", out),
            ("store", "init", store), ("store", "import", store, "boerde"),
            ("store", "export", store, "--out", str(work / "export")),
            ("store", "import", store, "nirgendwo"), ("store", "init", str(work / "datei")),
            ("--store", store, "status", "boerde", "--on", "2023-01-01"),
            ("serve", str(work / "data")),
            ("publish", "boerde", "--no-pdf", "--out", str(work / "site")),
            ("publish", "boerde", "--no-pdf", "--out", str(work / "web"))]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_command_speaks_one_language(work, lang):
    folder = work / lang
    shutil.copytree(work, folder, ignore=shutil.ignore_patterns("de", "en"))
    leaks = []
    for args in cases(folder):
        result = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True,
                                env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": lang})
        assert "Traceback" not in result.stderr, (args, result.stderr)
        found = foreign_words(result.stdout + result.stderr, lang)
        if found:
            leaks.append((" ".join(args), sorted(set(found))))
    assert leaks == []


def test_the_lang_option_wins_over_the_environment(work):
    result = subprocess.run([str(SCRIPT), "--lang", "en", "validate", "--help"],
                            capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": "de"})
    assert result.stdout.startswith("usage: teilhabe validate")
    german = subprocess.run([str(SCRIPT), "--lang=de", "validate", "--help"],
                            capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": "en"})
    assert german.stdout.startswith("Aufruf: teilhabe validate")


def error_cases(work: Path) -> list[tuple[str, ...]]:
    """The common error paths of every command: a missing file, a wrong id, a wrong option
    value, an unknown area, an unknown format."""
    plan, missing = str(work / "data" / "aktionsplan-2.yaml"), str(work / "fehlt.yaml")
    out, store = str(work / "out"), f"sqlite:///{work / 'leer.db'}"
    empty = f"sqlite:///{work / 'eingerichtet.db'}"  # set up by the test first
    return [
        # a missing file
        ("status", missing), ("evaluate", missing), ("diff", missing, plan),
        ("diff", plan, str(work / "data")), ("export", missing, "--format", "csv", "--out", out),
        ("import", str(work / "fehlt.csv"), "--format", "csv", "--into", plan, "--out",
         str(work / "neu.yaml")),
        ("transition", missing, "plan", "adopt"),
        ("round", "start", missing, "--on", "01.01.2025", "--out", str(work / "runde")),
        ("serve", str(work / "fehlt")), ("validate", missing),
        ("schema", "--out", str(work / "datei" / "schema.json")),
        # a wrong id
        ("transition", plan, "measure:nix", "beginnen"), ("transition", plan, "plan", "fliegen"),
        ("transition", plan, "plan", "adopt", "--workflow", "nix"),
        ("round", "status", plan), ("--store", store, "status", "nix"),
        ("new-county", "Harz!", "--name", "X", "--state", "Y", "--out", out),
        # a wrong option value
        ("status", plan, "--on", "30.02.2024"), ("status", plan, "--window", "viel"),
        ("evaluate", plan, "--stale-months", "x"), ("serve", str(work), "--port", "abc"),
        ("transition", plan, "measure:bo-mobilitaet-1", "abschließen", "--at", "gestern"),
        ("export", plan, "--format", "csv", "--variant", "kaputt", "--out", out),
        ("export", plan, "--format", "csv", "--option", "foo=1", "--out", out),
        ("export", plan, "--format", "ical", "--option", "deadlines_on=gestern", "--out", out),
        ("new-county", "harz", "--name", "X", "--state", "Y", "--kind", "bundesland", "--out",
         out),
        ("round", "start", plan, "--on", "31.12.2025", "--due", "01.12.2025", "--out", out),
        # an unknown area or format
        ("publish", "nirgendwo", "--out", str(work / "web")),
        ("store", "import", empty, "nirgendwo"), ("--store", empty, "status", "nirgendwo"),
        ("export", plan, "--format", "frob", "--out", out),
        ("import", plan, "--format", "frob", "--into", plan, "--out", str(work / "neu.yaml")),
    ]


ERROR_LINE = re.compile(r"^teilhabe(?: [\w -]+)?: (?:Fehler|error): (.+)$", re.MULTILINE)
FINDING_LINE = re.compile(r"^\S+:\d+:\d+: error: \([^)]*\): (.+)$", re.MULTILINE)
PYTHON = re.compile(r"\b\w+(?:Error|Exception)\b|Errno|None|\bTrue\b|\bFalse\b|\\n|<\w+|"
                    r"isoformat|strerror")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_error_path_says_one_clear_sentence_in_one_language(work, lang):
    folder = work / f"errors-{lang}"
    shutil.copytree(work, folder, ignore=shutil.ignore_patterns("de", "en", "errors-*"))
    assert main(["store", "init", f"sqlite:///{folder / 'eingerichtet.db'}"]) == 0
    problems = []
    for args in error_cases(folder):
        result = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True,
                                env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": lang})
        output = result.stdout + result.stderr
        said = ERROR_LINE.findall(output) + FINDING_LINE.findall(output)
        name = " ".join(args).replace(str(folder), "…")
        if result.returncode not in (1, 2) or "Traceback" in result.stderr or not said:
            problems.append((name, "exit/traceback/no message", result.stderr))
            continue
        for message in said:
            bad = PYTHON.findall(message.replace(str(folder), ""))
            foreign = foreign_words(message, lang)
            text = re.sub(r"^(?:argument )?--[\w-]+: ", "", message)  # argparse's prefix
            starts = text[:1].isupper() or text.startswith(("'", "/"))
            ends = text.endswith((".", ")")) or re.search(r": teilhabe [a-z -]+\S*$", text)
            if bad or foreign or not starts or not ends:
                problems.append((name, bad, foreign, message))
    assert problems == [], "\n".join(map(repr, problems))
