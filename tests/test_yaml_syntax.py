"""YAML syntax errors in words a clerk understands (issue 17, point 3): each case with line,
column and the German fix, on the command line too; libyaml's English never in the German
message; the fixes the messages propose make the line readable."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.cli import main
from teilhabe_core.documents import yamlsafe
from tests.conftest import MINIMAL_PLAN, ROOT

LIBYAML_WORDS = re.compile(
    r"\b(found|expected|while|scanning|parsing|allowed|mapping values|sequence entries|token|"
    r"context|stream|indicator|character that|simple key|unacceptable|block end)\b")


def syntax_error(text: str) -> th.Finding:
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.parse_yaml(text, "plan.yaml")
    (f,) = info.value.findings
    assert f.code == "yaml-syntax"
    assert not LIBYAML_WORDS.search(f.message), f.message
    return f


M = MINIMAL_PLAN  # measure fields at 4 spaces from line 10; line 12 is "life_areas: [bildung]"

CASES = [
    # (name, text, line, column, the German message)
    ("tab", M + "\tnotes: x\n", 13, 1,
     "YAML-Syntaxfehler: Zeile 13 ist mit einem Tabulator eingerückt. YAML erlaubt zum "
     "Einrücken nur Leerzeichen: nutzen Sie Leerzeichen statt des Tabulators, hier wohl 4 "
     "Leerzeichen (wie Zeile 12)."),
    ("tab below a field name", "a:\n\tb: c\n", 2, 1,
     "YAML-Syntaxfehler: Zeile 2 ist mit einem Tabulator eingerückt. YAML erlaubt zum "
     "Einrücken nur Leerzeichen: nutzen Sie Leerzeichen statt des Tabulators, hier wohl 2 "
     "Leerzeichen (tiefer als Zeile 1)."),
    ("tab in a continued line", "a: b\n\tc: d\n", 2, 1,
     "YAML-Syntaxfehler: Zeile 2 ist mit einem Tabulator eingerückt. YAML erlaubt zum "
     "Einrücken nur Leerzeichen: nutzen Sie Leerzeichen statt des Tabulators, hier wohl 0 "
     "Leerzeichen (wie Zeile 1)."),
    ("colon in a value", M + "    notes: Termin: 12 Uhr\n", 13, 18,
     "YAML-Syntaxfehler: Der Wert von 'notes' enthält einen Doppelpunkt mit Leerzeichen "
     "danach; YAML liest das als neues Feld. Setzen Sie den Wert in Anführungszeichen: "
     "notes: \"Termin: 12 Uhr\""),
    ("colon in a value with quotes", M + '    notes: Motto: "Alle dabei"  # Kreistag\n', 13,
     17, "YAML-Syntaxfehler: Der Wert von 'notes' enthält einen Doppelpunkt mit Leerzeichen "
     "danach; YAML liest das als neues Feld. Setzen Sie den Wert in Anführungszeichen: "
     "notes: 'Motto: \"Alle dabei\"'  # Kreistag"),
    ("unclosed double quote", M + '    notes: "Termin am Montag\n    start: 2024-01-01\n', 13,
     12, "YAML-Syntaxfehler: Das Anführungszeichen \" in Zeile 13, Spalte 12 wird nicht "
     "geschlossen. Setzen Sie ans Ende des Werts ebenfalls \" (z. B. notes: \"Termin am "
     "Montag\") oder löschen Sie es, wenn es nicht dazugehört."),
    ("unclosed single quote", M + "    notes: 'offen\n", 13, 12,
     "YAML-Syntaxfehler: Das Anführungszeichen ' in Zeile 13, Spalte 12 wird nicht "
     "geschlossen. Setzen Sie ans Ende des Werts ebenfalls ' (z. B. notes: 'offen') oder "
     "löschen Sie es, wenn es nicht dazugehört."),
    ("text after a closing quote", M + '    notes: "Haus" der Familie\n', 13, 19,
     "YAML-Syntaxfehler: In Zeile 13 steht nach dem schließenden Anführungszeichen (\") noch "
     "'der Familie'. Gehört es nicht dazu, löschen Sie es; ist der ganze Wert ein Text, setzen "
     "Sie ihn in Anführungszeichen. Schreiben Sie: notes: '\"Haus\" der Familie'"),
    ("unclosed bracket", M.replace("[bildung]", "[bildung, arbeit") + "    notes: x\n", 12, 17,
     "YAML-Syntaxfehler: Die Klammer [ in Zeile 12, Spalte 17 wird nicht mit ] geschlossen. "
     "Schließen Sie sie am Ende des Werts: life_areas: [bildung, arbeit]"),
    ("unclosed brace", M + "    funding: {amount: 5\n", 13, 14,
     "YAML-Syntaxfehler: Die Klammer { in Zeile 13, Spalte 14 wird nicht mit } geschlossen. "
     "Schließen Sie sie am Ende des Werts: funding: {amount: 5}"),
    ("a bracket too many", M.replace("[bildung]", "[bildung]]"), 12, 26,
     "YAML-Syntaxfehler: Das Zeichen ']' in Zeile 12 schließt keine Klammer. Löschen Sie es, "
     "oder setzen Sie den Wert in Anführungszeichen."),
    ("indented deeper than the field above", M + "    notes: Text\n      start: 2024-01-01\n",
     14, 7, "YAML-Syntaxfehler: Zeile 14 ist weiter eingerückt (6 Leerzeichen) als Zeile 13 (4 "
     "Leerzeichen), darum liest YAML sie als Fortsetzung des Werts darüber. Felder derselben "
     "Ebene stehen genau untereinander: rücken Sie 'start' mit 4 Leerzeichen ein."),
    ("indented deeper after a list value", M + "      notes: x\n", 13, 7,
     "YAML-Syntaxfehler: Zeile 13 ist mit 6 Leerzeichen eingerückt, die Felder hier (ab Zeile "
     "10) mit 4. Felder derselben Ebene stehen genau untereinander: rücken Sie die Zeile mit 4 "
     "Leerzeichen ein."),
    ("indented between the levels", M + "   notes: x\n", 13, 4,
     "YAML-Syntaxfehler: Zeile 13 (3 Leerzeichen eingerückt) passt nicht zur Liste, die in "
     "Zeile 10 beginnt: neue Einträge beginnen wie dort mit 2 Leerzeichen und '- ', die Felder "
     "eines Eintrags stehen genau unter seinem ersten Feld (4 Leerzeichen)."),
    ("indented less than the fields", "a:\n  b: 1\n c: 2\n", 3, 2,
     "YAML-Syntaxfehler: Zeile 3 ist mit 1 Leerzeichen eingerückt; passend sind hier 0 "
     "Leerzeichen (wie ab Zeile 1) oder 2 (wie die Zeile davor). Felder derselben Ebene stehen "
     "genau untereinander."),
    ("a list entry out of place", M + "    - id: m2\n", 13, 5,
     "YAML-Syntaxfehler: Zeile 13 beginnt einen Listeneintrag ('- '), wo YAML ein Feld (name: "
     "Wert) erwartet. Ist sie ein weiterer Eintrag der Liste ab Zeile 10, beginnen Sie sie wie "
     "dort mit 2 Leerzeichen."),
    ("missing colon", M + "    notes Termin im Mai\n    start: 2024-01-01\n", 13, 5,
     "YAML-Syntaxfehler: In Zeile 13 fehlt nach dem Feldnamen der Doppelpunkt ('notes Termin im "
     "Mai'). Schreiben Sie 'name: Wert' (hier wohl notes: Termin im Mai). Ist die Zeile die "
     "Fortsetzung des Textes darüber, rücken Sie sie weiter ein als dessen Feldnamen."),
    ("a continued text not indented", M + "    notes: Termin im Mai,\n    danach im Juni\n",
     14, 5, "YAML-Syntaxfehler: Zeile 14 ('danach im Juni') steht so weit eingerückt wie das "
     "Feld 'notes' in Zeile 13, hat aber keinen Doppelpunkt. Ist sie die Fortsetzung des "
     "Textes von 'notes', rücken Sie sie weiter ein (z. B. mit 6 Leerzeichen); ist sie ein "
     "eigenes Feld, schreiben Sie 'name: Wert'."),
    ("no space after the colon", "document: plan\nid:test-plan\n", 2, 3,
     "YAML-Syntaxfehler: In Zeile 2 ('id:test-plan') fehlt das Leerzeichen nach dem "
     "Doppelpunkt; erst mit ihm wird daraus ein Feld. Schreiben Sie: id: test-plan"),
    ("a list on the line of its field", M + "    crpd_articles: - 24\n", 13, 20,
     "YAML-Syntaxfehler: Ein Listeneintrag ('- ') kann nicht in der Zeile des Feldnamens "
     "stehen. Schreiben Sie die Liste in eckigen Klammern: crpd_articles: [24] – oder jeden "
     "Eintrag eingerückt in eine eigene Zeile unter 'crpd_articles:'."),
    ("backslash in double quotes", M + '    notes: "Ordner C:\\Users\\Amt"\n', 13, 22,
     "YAML-Syntaxfehler: In doppelten Anführungszeichen leitet der Rückstrich (\\) ein "
     "Sonderzeichen ein; '\\U' in Zeile 13 ist keines. Nehmen Sie einfache Anführungszeichen: "
     "notes: 'Ordner C:\\Users\\Amt'"),
    ("a value starting with @", M + "    notes: @Amt\n", 13, 12,
     "YAML-Syntaxfehler: Ein Wert darf in YAML nicht mit '@' beginnen (Zeile 13). Setzen Sie "
     "ihn in Anführungszeichen: notes: \"@Amt\""),
    ("a value starting with *", M + "    notes: * wichtig\n", 13, 12,
     "YAML-Syntaxfehler: Ein Wert darf in YAML nicht mit '*' beginnen (Zeile 13). Setzen Sie "
     "ihn in Anführungszeichen: notes: \"* wichtig\""),
    ("text after |", M + "    notes: |Termin\n", 13, 12,
     "YAML-Syntaxfehler: Nach '|' (Beginn eines mehrzeiligen Textes) muss die Zeile enden; der "
     "Text steht eingerückt in den Zeilen darunter. Gehört '|' zum Wert, setzen Sie ihn in "
     "Anführungszeichen: notes: \"|Termin\""),
    ("a comment without #", "Entwurf vom Mai\ndocument: plan\n", 1, 1,
     "YAML-Syntaxfehler: Zeile 1 ('Entwurf vom Mai') ist weder ein Feld (name: Wert) noch ein "
     "Listeneintrag (- …) noch ein Kommentar. Beginnen Sie einen Kommentar mit '#'; einen Wert "
     "schreiben Sie hinter seinen Feldnamen (name: Wert)."),
    ("a multi-line text indented less", "a:\n  b: >-\n     eins\n    zwei\n", 4, 5,
     "YAML-Syntaxfehler: Zeile 4 gehört zum mehrzeiligen Text von 'b' (ab Zeile 2), ist aber "
     "mit 4 Leerzeichen weniger eingerückt als die Zeilen davor (5). Rücken Sie alle Zeilen des "
     "Textes gleich weit ein."),
    ("a field name over 1024 characters", "document: plan\n" + "k" * 1100 + ": 1\n", 2, 1,
     "YAML-Syntaxfehler: Der Feldname in Zeile 2 ist 1100 Zeichen lang; YAML liest Feldnamen "
     "nur bis 1024 Zeichen. Kürzen Sie ihn. Ist es ein Text, schreiben Sie ihn als Wert hinter "
     "einen Feldnamen (notes: \"…\")."),
    ("a control character", M + "    notes: Ende\x07\n", 13, 16,
     "YAML-Syntaxfehler: In Zeile 13, Spalte 16 steht das unsichtbare Steuerzeichen U+0007, das "
     "in YAML nicht stehen darf (es kommt oft beim Kopieren aus anderen Programmen mit). "
     "Löschen Sie es."),
]


@pytest.mark.parametrize(("name", "text", "line", "column", "message"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_syntax_error_has_its_german_message_and_position(name, text, line, column,
                                                                message):
    f = syntax_error(text)
    assert (f.line, f.column) == (line, column)
    assert f.message == message
    assert f.message_en.startswith("YAML syntax error: ")


@pytest.mark.parametrize(("name", "text", "line", "column", "message"), CASES[:12],
                         ids=[c[0] for c in CASES[:12]])
def test_validate_prints_the_german_message(tmp_path: Path, capsys, monkeypatch, name, text,
                                            line, column, message):
    monkeypatch.setenv("TEILHABE_LANG", "de")  # --lang en below sets it for the process
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{line}:{column}: error: (Dokument): {message}\n" in out
    assert main(["--lang", "en", "validate", str(path)]) == 1
    assert "YAML syntax error: " in capsys.readouterr().out


FIXES = {
    "colon in a value": r"Anführungszeichen: (.*)$",
    "colon in a value with quotes": r"Anführungszeichen: (.*)$",
    "unclosed double quote": r"\(z\. B\. (.*)\) oder",
    "unclosed single quote": r"\(z\. B\. (.*)\) oder",
    "text after a closing quote": r"Schreiben Sie: (.*)$",
    "unclosed bracket": r"Ende des Werts: (.*)$",
    "unclosed brace": r"Ende des Werts: (.*)$",
    "no space after the colon": r"Schreiben Sie: (.*)$",
    "a list on the line of its field": r"Klammern: (.*?) – oder",
    "backslash in double quotes": r"Anführungszeichen: (.*)$",
    "a value starting with @": r"Anführungszeichen: (.*)$",
    "a value starting with *": r"Anführungszeichen: (.*)$",
    "text after |": r"Anführungszeichen: (.*)$",
}


def apply_fix(text: str, f: th.Finding, fix: str) -> str:
    """``text`` with line ``f.line`` replaced by ``fix`` at the line's indentation (a list
    dash kept)."""
    lines = text.split("\n")
    old = lines[f.line - 1]
    lead = re.match(r"[ ]*(?:- )?", old).group()
    lines[f.line - 1] = lead + fix
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(FIXES))
def test_the_proposed_fix_makes_the_file_readable(name):
    text = next(c[1] for c in CASES if c[0] == name)
    f = syntax_error(text)
    fix = re.search(FIXES[name], f.message).group(1)
    fixed = apply_fix(text, f, fix)
    yamlsafe.parse_yaml(fixed)  # no finding: the file reads


value_text = st.text(st.sampled_from("abc XYZ:#\"'-,.!?äöß\\1"), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[a-z]{1,8}", fullmatch=True), value_text, value_text)
@example("notes", "Termin", "12 Uhr")
@example("motto", "Leitsatz", '"Alle dabei"')
@example("pfad", "Ordner", "C:\\Daten\\Amt")
@example("titel", "Teil 1", "Wohnen, Arbeit - und mehr!")
def test_property_a_quoted_value_with_a_colon_reads_back_as_written(key, before, after):
    """Whatever the text around ': ', the proposed quoting gives exactly that text back."""
    value = before.strip() + ": " + after.strip()
    text = f"vorher: 1\nf_{key}: {value}\n"
    key = f"f_{key}"
    try:
        data = yamlsafe.parse_yaml(text)
    except th.DocumentError as exc:
        f = exc.findings[0]
        fix = re.search(r"Setzen Sie den Wert in Anführungszeichen: (.*)$", f.message)
        if fix is None or "  #" in fix.group(1) or f.line != 2:
            return  # another problem came first (a quote at the start, a comment)
        data = yamlsafe.parse_yaml(apply_fix(text, f, fix.group(1)))
        assert data[key] == value.split(" #")[0].rstrip()
    else:
        assert key in data


def test_no_libyaml_english_in_german_messages_of_broken_shipped_files():
    """Mutated shipped files (characters inserted, deleted, lines re-indented): every
    syntax finding is German, has a position and no libyaml wording."""
    rnd = random.Random(17)
    files = sorted((ROOT / "counties").glob("*/data/*.yaml"))
    texts = [p.read_text("utf-8") for p in files]
    inserts = ["\t", ": ", '"', "'", "[", "]", "{", "}", "- ", " ", "@", "`", "%", "|", "*",
               "\\", "\x07", "\n", "k" * 1100]
    seen = 0
    for _ in range(1500):
        text = rnd.choice(texts)
        pos = rnd.randrange(len(text))
        if rnd.random() < 0.7:
            text = text[:pos] + rnd.choice(inserts) + text[pos:]
        else:
            lines = text.split("\n")
            k = rnd.randrange(len(lines))
            lines[k] = " " * rnd.choice([1, 2, 3]) + lines[k]
            text = "\n".join(lines)
        try:
            yamlsafe.parse_yaml(text, "f.yaml")
        except th.DocumentError as exc:
            for f in exc.findings:
                if f.code == "yaml-syntax":
                    seen += 1
                    assert not LIBYAML_WORDS.search(f.message), f.message
                    assert f.message.startswith("YAML-Syntaxfehler: ")
                    assert f.line and f.column
                    assert "Ab hier kann die Datei nicht gelesen werden" not in f.message
    assert seen > 500
