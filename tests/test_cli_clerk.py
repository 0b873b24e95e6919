"""The command line as a county clerk meets it (issue 17): German dates in every German
line and English ones in English, dates typed the German way, ``diff`` in words, clear
errors (concurrent edits, JSON syntax), no language change left behind by ``main()``, a
closed pipe ending quietly, and the date formatter for county plugins."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.base import i18n
from teilhabe_core.cli import build_parser, common, main
from teilhabe_core.documents.json_syntax import json_syntax_finding
from teilhabe_core.plugin import Bilingual, date_text, moment_text
from tests.conftest import MINIMAL_PLAN, ROOT
from tests.test_cli_languages import foreign_words

SCRIPT = Path(sys.executable).parent / "teilhabe"
BOERDE = ROOT / "counties" / "boerde" / "data"
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def boerde(tmp_path: Path) -> Path:
    shutil.copytree(BOERDE, tmp_path / "data")
    return tmp_path / "data"


# -- 1. dates in the lines ----------------------------------------------------------------


def test_status_speaks_german_dates_and_english_ones(capsys, boerde):
    plan = str(boerde / "aktionsplan-2.yaml")
    code, out, _ = run(capsys, "status", plan, "--on", "2024-03-01")
    assert code == 0
    assert out.startswith(f"Stand am 01.03.2024: {plan}\n")
    assert "  30.09.2022 Förderzeitraum endet: Förderzeitraum „Örtliches Teilhabemanagement“ " \
           "– überfällig\n" in out
    assert ISO.findall(out.replace(plan, "")) == []
    code, english, _ = run(capsys, "--lang", "en", "status", plan, "--on", "2024-03-01")
    assert english.startswith(f"As of 1 Mar 2024: {plan}\n")
    assert "  30 Sep 2022 funding period ends: " in english
    assert ISO.findall(english.replace(plan, "")) == []
    assert foreign_words(english, "en") == [] and foreign_words(out, "de") == []


def test_json_keeps_iso_dates(capsys, boerde):
    plan = str(boerde / "aktionsplan-2.yaml")
    data = json.loads(run(capsys, "status", plan, "--on", "01.03.2024", "--json")[1])
    assert data["on"] == "2024-03-01"
    assert {d["date"] for d in data["deadlines"]} >= {"2022-09-30", "2024-06-29"}


@pytest.mark.parametrize("typed", ["01.03.2024", "1.3.2024", " 2024-03-01 "])
def test_a_date_is_typed_the_german_way_or_iso(capsys, boerde, typed):
    plan = str(boerde / "aktionsplan-2.yaml")
    iso = run(capsys, "status", plan, "--on", "2024-03-01")
    assert run(capsys, "status", plan, "--on", typed) == iso
    assert run(capsys, "evaluate", plan, "--on", typed)[1] == \
        run(capsys, "evaluate", plan, "--on", "2024-03-01")[1]


def test_evaluate_round_and_transition_lines(capsys, boerde, tmp_path):
    plan = str(boerde / "aktionsplan-2.yaml")
    assert run(capsys, "evaluate", plan, "--on", "01.03.2024")[1].startswith(
        "Evaluation von boerde-aktionsplan-2 am 01.03.2024:\n")
    assert run(capsys, "--lang", "en", "evaluate", plan, "--on", "01.03.2024")[1].startswith(
        "Evaluation of boerde-aktionsplan-2 on 1 Mar 2024:\n")
    code, _, _ = run(capsys, "round", "start", plan, "--on", "31.12.2025", "--due",
                     "31.01.2026", "--csv", "--out", str(tmp_path / "runde"))
    assert code == 0
    out = run(capsys, "round", "status", plan, "--on", "01.02.2026")[1]
    assert out.startswith("Statusrunde boerde-aktionsplan-2-runde-2025-12-31 (Stichtag "
                          "31.12.2025, Frist 31.01.2026)\n")
    english = run(capsys, "--lang", "en", "round", "status", plan, "--on", "01.02.2026")[1]
    assert "(reference date 31 Dec 2025, due 31 Jan 2026)" in english
    code, out, _ = run(capsys, "transition", plan, "measure:bo-mobilitaet-1", "abschließen",
                       "--by", "Amt", "--at", "01.12.2023 10:00")
    assert (code, out) == (0, "measure:bo-mobilitaet-1: in Umsetzung → abgeschlossen "
                              "(abschließen, 01.12.2023, 10:00 Uhr)\n")
    code, out, _ = run(capsys, "--lang", "en", "transition", plan, "measure:bo-mobilitaet-3",
                       "finish", "--by", "Amt", "--at", "2023-12-01T10:00:30")
    assert (code, out) == (0, "measure:bo-mobilitaet-3: ongoing → done (finish, 1 Dec 2023, "
                              "10:00:30)\n")


def test_a_moment_at_the_calendars_edge_is_shown_as_written():
    edge = dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert moment_text(edge, "de") == "31.12.9999, 23:59 Uhr (UTC-05:00)"
    assert moment_text(edge, "en") == "31 Dec 9999, 23:59 (UTC-05:00)"
    assert moment_text(dt.datetime(2024, 7, 1, 7, 5, tzinfo=dt.UTC), "de") == \
        "01.07.2024, 09:05 Uhr"  # Berlin summer time


# -- 2. date options -----------------------------------------------------------------------


def date_options(lang: str) -> dict[tuple[str, str], str]:
    """Every (command, option) of the parser in ``lang`` that takes a date or a time, with
    its help text."""
    found = {}

    def walk(parser, name):
        for action in parser._actions:
            if action.type in (common.parse_date, common.parse_moment):
                found[(name, action.option_strings[0])] = " ".join(action.help.split())
            choices = action.choices if isinstance(action.choices, dict) else {}
            for sub_name, sub in choices.items():
                walk(sub, f"{name} {sub_name}".strip())

    with i18n.speaking(lang):
        walk(build_parser(), "")
    return found


@pytest.mark.parametrize(("lang", "forms"), [("de", ("TT.MM.JJJJ", "JJJJ-MM-TT")),
                                             ("en", ("DD.MM.YYYY", "YYYY-MM-DD"))])
def test_every_date_option_says_both_forms_in_its_help(lang, forms):
    options = date_options(lang)
    assert set(options) == {("status", "--on"), ("evaluate", "--on"), ("round start", "--on"),
                            ("round start", "--due"), ("round status", "--due"),
                            ("round status", "--on"), ("transition", "--at")}
    for (command, option), text in options.items():
        assert all(form in text for form in forms), (command, option, text)
        assert foreign_words(text, lang) == [], text


@pytest.mark.parametrize(("lang", "message"), [
    ("de", "--on: '30.02.2024' ist kein Datum. Bitte schreiben Sie es als TT.MM.JJJJ (z. B. "
           "01.03.2024) oder JJJJ-MM-TT."),
    ("en", "--on: '30.02.2024' is not a date. Please write it as DD.MM.YYYY (e.g. 01.03.2024) "
           "or YYYY-MM-DD.")])
def test_a_wrong_date_says_how_to_write_it(capsys, boerde, lang, message):
    code, out, err = run(capsys, "--lang", lang, "round", "status",
                         str(boerde / "aktionsplan-2.yaml"), "--on", "30.02.2024")
    assert (code, out) == (2, "") and message in err


def test_every_date_option_takes_german_dates(capsys, boerde, tmp_path):
    plan = str(boerde / "aktionsplan-2.yaml")
    assert run(capsys, "round", "start", plan, "--on", "1.12.2025", "--due", "15.1.2026",
               "--out", str(tmp_path / "r"), "--csv")[0] == 0
    state = json.loads(run(capsys, "round", "status", plan, "--on", "16.01.2026", "--due",
                           "20.01.2026", "--json")[1])
    assert (state["reference_date"], state["due"], state["overdue"]) == \
        ("2025-12-01", "2026-01-20", False)
    assert run(capsys, "transition", plan, "measure:bo-mobilitaet-1", "abschließen", "--by",
               "Amt", "--at", "01.12.2023, 10:00 Uhr")[0] == 0
    history = (boerde / "aktionsplan-2.history.yaml").read_text("utf-8")
    assert "at: 2023-12-01 10:00:00+01:00" in history


def test_the_calendar_option_takes_german_dates(capsys, boerde, tmp_path):
    plan = str(boerde / "aktionsplan-2.yaml")
    files = []
    for typed in ("01.03.2024", "2024-03-01"):
        out = tmp_path / typed
        assert run(capsys, "export", plan, "--format", "ical", "--option",
                   f"deadlines_on={typed}", "--out", str(out))[0] == 0
        files.append((out / "boerde-aktionsplan-2.ics").read_bytes())
    assert files[0] == files[1] and b"Evaluation f" in files[0]
    code, _, err = run(capsys, "export", plan, "--format", "ical", "--option",
                       "deadlines_on=gestern", "--out", str(tmp_path / "x"))
    assert code == 2 and "'gestern' ist kein Datum." in err and "isoformat" not in err


# -- 3. diff in words ----------------------------------------------------------------------

OLD = MINIMAL_PLAN + """\
    status: in_progress
    end: 2024-06-30
    costs: 2500
    partners: [Kreissportbund, VHS]
"""
NEW = MINIMAL_PLAN.replace("title: Testplan", "title: Testplan 2025") + """\
    status: done
    easy_title: Eine Maßnahme
    partners: [Kreissportbund]
  - id: m2
    title: Neue Maßnahme
    life_areas: [bildung]
period:
  start: 2025-01-01
  end: 2026-12-31
"""


def test_diff_shows_values_in_words(capsys, tmp_path):
    old, new = tmp_path / "alt.yaml", tmp_path / "neu.yaml"
    old.write_text(OLD, "utf-8")
    new.write_text(NEW.replace("version: 1", "version: 2") if "version: 1" in NEW else NEW,
                   "utf-8")
    code, out, err = run(capsys, "diff", str(old), str(new))
    assert code == 1, err
    lines = out.splitlines()
    assert "  + m2: Neue Maßnahme" in lines
    change = next(line for line in lines if line.startswith("  ~ m1: "))
    for part in ("Stand: in Umsetzung → abgeschlossen", "Ende: 30.06.2024 → –",
                 "Kosten: 2.500,00\xa0€ → –", "Partner: „Kreissportbund“, „VHS“ → „Kreissportbund“",
                 "Titel in Leichter Sprache: – → „Eine Maßnahme“"):
        assert part in change, (part, change)
    assert "  Plan: Zeitraum: – → 01.01.2025 bis 31.12.2026" in lines
    assert "  Plan: Titel: „Testplan“ → „Testplan 2025“" in lines
    for leak in ("None", "[", "{", "Decimal", "datetime", "easy_title", "_", "'"):
        assert leak not in out.replace(str(old), "").replace(str(new), ""), leak
    assert foreign_words(out, "de") == []
    english = run(capsys, "--lang", "en", "diff", str(old), str(new))[1]
    assert "status: in progress → done" in english and "end: 30 Jun 2024 → –" in english
    assert "costs: €2,500.00 → –" in english
    assert "  Plan: period: – → 1 Jan 2025 to 31 Dec 2026" in english.splitlines()
    assert foreign_words(english, "en") == []


INDICATOR = """\
indicators:
  - id: quote
    name: Quote
    baseline: 10.5
    measurements:
      - {date: 2024-01-01, value: 12, breakdown: {geschlecht: weiblich}}
"""


def test_diff_names_each_side_by_its_own_names_and_lists_other_lists(capsys, tmp_path):
    old, new = tmp_path / "alt.yaml", tmp_path / "neu.yaml"
    old.write_text(MINIMAL_PLAN.replace("measures:", INDICATOR + "measures:")
                   + "    crpd_articles: [24]\n    priority: high\n", "utf-8")
    new.write_text(MINIMAL_PLAN.replace("    name: Bildung\n", "    name: Bildung und Schule\n"
                                        "  - id: arbeit\n    name: Arbeit\n")
                   .replace("measures:", INDICATOR.replace("10.5", "11").replace(
                       "value: 12,", "value: 12.5,") + "      - {date: 2025-01-01, value: 13}\n"
                       "measures:").replace("life_areas: [bildung]\n",
                                             "life_areas: [bildung, arbeit]\n")
                   + "    crpd_articles: [24, 27]\n    priority: low\n", "utf-8")
    lines = run(capsys, "diff", str(old), str(new))[1].splitlines()
    assert lines[1:] == [
        "  ~ m1: Lebensbereiche: „Bildung“ → „Bildung und Schule“, „Arbeit“; Priorität: hoch → "
        "niedrig; Artikel der UN-BRK: 24 → 24, 27",
        "  = 0 unverändert fortgeführt",
        "  Lebensbereiche: 1 neu, 0 entfallen, 1 geändert",
        "    + arbeit: Arbeit",
        "    ~ bildung: Name: „Bildung“ → „Bildung und Schule“",
        "  Indikatoren: 0 neu, 0 entfallen, 1 geändert",
        "    ~ quote: Ausgangswert: 10,5 → 11; Messwerte: Datum 01.01.2024, Wert 12, "
        "Aufschlüsselung geschlecht: „weiblich“ → Datum 01.01.2024, Wert 12,5, Aufschlüsselung "
        "geschlecht: „weiblich“; Datum 01.01.2025, Wert 13"]
    english = run(capsys, "--lang", "en", "diff", str(old), str(new))[1].splitlines()
    assert english[3:5] == ["  life areas: 1 new, 0 removed, 1 changed", "    + arbeit: Arbeit"]
    assert english[-1].startswith("    ~ quote: baseline: 10.5 → 11; measurements: date 1 Jan "
                                  "2024, value 12, breakdown")


def test_diff_of_two_versions_cuts_long_texts_where_they_differ(capsys):
    out = run(capsys, "diff", str(BOERDE / "aktionsplan-1.yaml"),
              str(BOERDE / "aktionsplan-2.yaml"))[1]
    assert "  Plan: Titel: „…es Landkreises Börde“ → „…es Landkreises Börde, 2. Fassung“" in out
    assert "Beschluss: Kreistag des Landkreises Börde am 11.12.2019 → Kreistag des " \
           "Landkreises Börde am 29.06.2022" in out
    assert "Beteiligung: „Erfassung der Maßnahmen zu den Themengebieten“ → –" in out
    assert "easy_title" not in out and "[" not in out


# -- 4. errors a clerk meets ---------------------------------------------------------------


def test_a_concurrent_edit_of_the_same_measure_names_it_in_german(app, tmp_path):
    store = th.open_store(str(tmp_path / "store"), create=True)
    view = store.write("boerde", "plan.yaml", MINIMAL_PLAN, None)
    app = th.Teilhabe(app.registry, store)
    app.transition("test-plan", "measure:m1", "beginnen", by="Kollegin",
                   at=dt.datetime(2023, 5, 2, 9, 0), view=view)
    with pytest.raises(th.ConflictError) as info:
        app.transition("test-plan", "measure:m1", "zurückstellen", by="Amt",
                       at=dt.datetime(2023, 5, 3), view=view)
    assert str(info.value) == (
        f"'measure:m1' in {tmp_path / 'store' / 'boerde' / 'plan.yaml'} wurde seit dem Laden "
        "geändert: 'beginnen' von Kollegin (geplant → in Umsetzung, 02.05.2023, 09:00 Uhr). "
        "Es wurde nichts geschrieben; bitte neu laden.")
    with i18n.speaking("en"):
        assert str(info.value).endswith(
            ": 'start' by Kollegin (planned → in_progress, 2 May 2023, 09:00). Nothing was "
            "written; please load it again.")
    assert len(store.read(view.key).history.entries) == 1
    store.close()


JSON_CASES = [
    ('{"document": "plan",\n "id": "x",\n}\n', (2, 11),
     "In Zeile 2 steht nach dem letzten Eintrag ein Komma vor '}'. JSON erlaubt dort kein "
     "Komma: Löschen Sie es.", "line 2 has a comma after the last entry"),
    ('{"life_areas": [1, 2,]}', (1, 21), "nach dem letzten Eintrag ein Komma vor ']'",
     "before ']'"),
    ('{"document": "plan", "id: "x"}', (1, 28),
     "Dem Feldnamen 'id' in Zeile 1 fehlt das schließende Anführungszeichen. Schreiben Sie "
     '"id": und dann den Wert.', "lacks its closing quote"),
    ('{"document": "plan" "id": "x"}', (1, 21),
     "Vor '\"id\"' in Zeile 1, Spalte 21 fehlt ein Komma.", "a comma is missing before"),
    ('{"document": "plan", "id": "x"', (1, 1),
     "Die Klammer { in Zeile 1, Spalte 1 wird nicht geschlossen. Schließen Sie sie nach "
     "ihrem letzten Eintrag mit }.", "the bracket { in line 1, column 1 is not closed"),
    ('{"a": [1, 2\n}', (1, 7), "Die Klammer [ in Zeile 1, Spalte 7 wird nicht geschlossen",
     "Close it with ]"),
    ("{'document': 'plan'}", (1, 2), 'nicht in einfache (Zeile 1). Schreiben Sie: "document"',
     "not in single ones"),
    ('{document: "plan"}', (1, 2), 'Der Feldname document in Zeile 1 steht nicht in doppelten '
     'Anführungszeichen. Schreiben Sie: "document":', "is not in double quotes"),
    ('{"document": plan}', (1, 14), 'Der Wert plan in Zeile 1 ist weder eine Zahl noch true, '
     'false oder null', "a text stands in double quotes"),
    ('{"document": "plan",\n "title": "abc\n"}', (2, 11),
     "Der Text ab Zeile 2, Spalte 11 geht über das Zeilenende hinaus.", "runs past the end"),
    ('{"title": "C:\\Daten"}', (1, 14), "'\\D' in Zeile 1 ist keines", "'\\D' in line 1 is none"),
    ('{"document": "plan"}\n{"x": 1}', (2, 1),
     "In Zeile 2 steht nach dem Ende des Dokuments noch '{\"x\": 1}'.", "after the end of"),
    ('{"document": "plan", "title": "abc', (1, 31),
     "Das Anführungszeichen \" in Zeile 1, Spalte 31 wird nicht geschlossen.", "not closed"),
    ('{"document": ', (1, 14), "Die Datei endet, wo noch ein Wert erwartet wird.",
     "the file ends where a value is expected"),
]


@pytest.mark.parametrize(("text", "where", "german", "english"), JSON_CASES)
def test_json_syntax_errors_in_a_clerks_words(capsys, tmp_path, text, where, german, english):
    path = tmp_path / "plan.json"
    path.write_text(text, "utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert out.startswith(f"{path}:{where[0]}:{where[1]}: error: (Dokument): JSON-Syntaxfehler: ")
    assert german in out and "Expecting" not in out
    english_out = run(capsys, "--lang", "en", "validate", str(path))[1]
    assert english_out.startswith(f"{path}:{where[0]}:{where[1]}: error: (document): JSON "
                                  "syntax error: ") and english in english_out
    assert foreign_words(english_out, "en") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='{}[]",:\\\' \n\tab1.-', max_size=40))
def test_every_json_syntax_error_gets_a_place_and_words(text):
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        found = json_syntax_finding(exc, "x.json")
        assert found.code == "json-syntax" and found.line >= 1 and found.column >= 1
        assert found.message.startswith("JSON-Syntaxfehler: ")
        assert found.message_en.startswith("JSON syntax error: ")


def test_os_errors_are_german_with_the_file_name(capsys, tmp_path):
    (tmp_path / "datei").write_text("", "utf-8")
    code, _, err = run(capsys, "schema", "--out", str(tmp_path / "datei" / "s.json"))
    assert code == 2 and str(tmp_path / "datei") in err and "Not a directory" not in err
    assert "kein Ordner" in err


# -- 5. main() leaves the caller's language and store alone --------------------------------


def test_main_leaves_no_language_or_store_behind(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv(i18n.ENV, raising=False)
    environ = dict(os.environ)
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN, "utf-8")
    code, _, err = run(capsys, "--lang", "en", "--store", str(tmp_path / "nirgends"),
                       "validate", str(path))
    assert "error" in err or code in (0, 2)
    code, _, err = run(capsys, "--lang", "en", "validate", str(path))
    assert (code, err) == (0, "0 errors, 0 warnings.\n")
    assert dict(os.environ) == environ
    assert i18n.language() == "de" and i18n._("Total") == "Gesamt"
    assert common.store_url() is None
    assert run(capsys, "validate", str(path))[2] == "0 Fehler, 0 Warnungen.\n"
    monkeypatch.setenv(i18n.ENV, "en")
    run(capsys, "--lang", "de", "validate", str(path))
    assert os.environ[i18n.ENV] == "en" and i18n._("Total") == "Total"


def test_speaking_nests_and_restores():
    with i18n.speaking("en"):
        assert i18n.language() == "en"
        with i18n.speaking("de"):
            assert i18n._("Total") == "Gesamt"
        with i18n.speaking(None):
            assert i18n.language() == "en"
    assert i18n.language() == i18n.language(os.environ.get(i18n.ENV))


# -- 6. a closed pipe ----------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("status", str(BOERDE / "aktionsplan-2.yaml"), "--on", "2024-03-01"),
    ("validate", str(ROOT / "counties")),
    ("--lang", "en", "status", str(BOERDE / "aktionsplan-2.yaml"), "--json")])
def test_a_reader_that_goes_away_ends_it_quietly(args):
    proc = subprocess.Popen([str(SCRIPT), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the command writes anything: every write meets EPIPE
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait() == common.EXIT_BROKEN_PIPE
    for text in ("Traceback", "BrokenPipe", "Broken Pipe", "Broken pipe", "Exception"):
        assert text not in err, err


def test_head_reads_the_first_line_and_nothing_complains():
    plan = BOERDE / "aktionsplan-2.yaml"
    result = subprocess.run(["bash", "-c", f"'{SCRIPT}' status '{plan}' --on 01.03.2024 "
                             "| head -1; exit ${PIPESTATUS[0]}"], capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.stdout == f"Stand am 01.03.2024: {plan}\n"
    assert result.stderr == "" and result.returncode in (0, common.EXIT_BROKEN_PIPE)


# -- 7. dates for county plugins ------------------------------------------------------------


def test_plugins_format_dates_like_the_command_line():
    day = dt.date(2022, 7, 1)
    assert (date_text(day, "de"), date_text(day, "en")) == ("01.07.2022", "1 Jul 2022")
    assert str(Bilingual("a", "b")) in ("a", "b")


def test_saale_orla_guard_and_rule_name_german_dates(capsys, tmp_path, app, write):
    shutil.copytree(ROOT / "counties" / "saale_orla" / "data", tmp_path / "so")
    plan = str(tmp_path / "so" / "arbeitsplan-2022-2025.yaml")
    args = ("transition", plan, "plan", "Phase 1 abschließen", "--workflow",
            "saale-orla-phases", "--by", "Amt", "--at", "01.06.2022 09:00")
    code, _, err = run(capsys, *args)
    assert code == 1 and err == (
        "teilhabe: Fehler: Der Schritt 'Phase 1 abschließen' ist noch nicht möglich: die Phase "
        "'Auftaktveranstaltung' beginnt erst am 01.07.2022.\n")
    english = run(capsys, "--lang", "en", *args)[2]
    assert english == ("teilhabe: error: The step 'complete_phase_1' is not possible yet: the "
                       "phase 'Auftaktveranstaltung' begins only on 1 Jul 2022.\n")
    source = (ROOT / "counties" / "saale_orla" / "data" / "arbeitsplan-2022-2025.yaml")
    gap = source.read_text("utf-8").replace("start: 2023-07-01", "start: 2023-07-15")
    found = [f for f in app.validate_file(write(gap)) if f.rule == "saale_orla.phases"]
    assert "die Phase sollte am 01.07.2023 beginnen." in found[0].message
    assert found[0].message_en.endswith("expected start 1 Jul 2023.")


def test_an_os_error_is_a_sentence_with_its_files_and_never_the_systems_english():
    import errno

    from teilhabe_core.base.oserrors import os_error_text, os_reason

    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "/srv/plan.yaml")
    moved = OSError(errno.EXDEV, "Invalid cross-device link", "/a", None, "/b")
    odd = OSError(errno.ENOTSOCK, "Socket operation on non-socket")
    with i18n.speaking("de"):
        assert os_error_text(missing) == \
            "Problem mit /srv/plan.yaml: Datei oder Ordner nicht gefunden."
        assert os_error_text(moved) == ("Problem mit /a → /b: Verschieben zwischen "
                                        "verschiedenen Dateisystemen nicht möglich.")
        assert os_error_text(odd) == ("Das Betriebssystem meldet ein Problem: Fehler des "
                                      "Betriebssystems ENOTSOCK.")
        assert os_reason(OSError(errno.EADDRINUSE, "Address already in use")) == \
            "die Adresse ist schon belegt"
    with i18n.speaking("en"):
        assert os_error_text(odd) == ("The operating system reports a problem: operating "
                                      "system error ENOTSOCK (Socket operation on non-socket).")
        assert os_error_text(missing) == "Problem with /srv/plan.yaml: no such file or folder."


def test_formats_names_document_kinds_and_variants_in_words(capsys):
    german = run(capsys, "formats")[1]
    assert "für: Gebietsprofil; Datei: .html; Fassungen: Langfassung, Leichte Sprache" in german
    assert "für: Plan, Vorlage, Gebietsprofil; Datei: .ics" in german
    assert "für: area" not in german and "long" not in german
    english = run(capsys, "--lang", "en", "formats")[1]
    assert "for: area profile; file: .html; variants: long, easy" in english
    assert json.loads(run(capsys, "formats", "--json")[1])[0]["accepts"] == ["area"]


def test_the_variant_is_offered_in_the_users_words(capsys, boerde, tmp_path):
    assert "--variant lang|kurz|leicht" in run(capsys, "export", "--help")[1]
    assert "--variant long|short|easy" in run(capsys, "--lang", "en", "export", "--help")[1]
    assert run(capsys, "export", str(boerde / "aktionsplan-2.yaml"), "--format", "html",
               "--variant", "leicht", "--out", str(tmp_path / "x"))[0] == 0
