"""Every mistake a clerk can make in YAML comes back as a finding with file, line and path."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import teilhabe_core as th
from teilhabe_core.documents import yamlsafe
from tests.conftest import MINIMAL_PLAN


def errors_of(path: Path) -> list[th.Finding]:
    with pytest.raises(th.DocumentError) as info:
        th.load_file(path)
    assert info.value.findings, "a DocumentError always carries findings"
    for f in info.value.findings:
        assert f.file == str(path)
        assert f.line is not None and f.line >= 1
        assert f.column is not None and f.column >= 1
    return list(info.value.findings)


def one(path: Path) -> th.Finding:
    found = errors_of(path)
    assert len(found) == 1, [f.format() for f in found]
    return found[0]


def test_minimal_plan_loads(write):
    plan = th.load(write(MINIMAL_PLAN))
    assert isinstance(plan, th.Plan)
    assert plan.measures[0].life_areas == ("bildung",)


def test_yaml_syntax_error(write):
    f = one(write(MINIMAL_PLAN + "  - id: [m2\n"))
    assert f.code == "yaml-syntax"
    assert (f.line, f.column) == (13, 9)  # the bracket that is not closed
    assert f.message == ("YAML-Syntaxfehler: Die Klammer [ in Zeile 13, Spalte 9 wird nicht "
                         "mit ] geschlossen. Schließen Sie sie am Ende des Werts: - id: [m2]")


def test_duplicate_key_names_both_lines(write):
    text = MINIMAL_PLAN.replace("    title: Erste Maßnahme\n",
                                "    title: Erste Maßnahme\n    title: Zweiter Titel\n")
    f = one(write(text))
    assert f.code == "duplicate-key"
    assert f.path == "measures[0].title"
    assert (f.line, f.column) == (12, 5)
    assert "Zeile 11 und Zeile 12" in f.message


def test_unknown_field_with_suggestion(write):
    f = one(write(MINIMAL_PLAN + "    responsable_office: Sozialamt\n"))
    assert f.code == "unknown-field"
    assert f.path == "measures[0].responsable_office"
    assert f.line == 13
    assert "Meinten Sie 'responsible_office'?" in f.message
    assert "Did you mean 'responsible_office'?" in f.message_en


def test_missing_field(write):
    f = one(write(MINIMAL_PLAN.replace("    title: Erste Maßnahme\n", "")))
    assert f.code == "missing-field"
    assert f.path == "measures[0].title"
    assert f.line == 10  # the mapping that lacks it


@pytest.mark.parametrize("raw, read_as", [
    ("no", "false"), ("on", "true"), ("NO", "false"), ("1.10", "1.10"),
    ("12:30", "750"), ("01234", "668"),
])
def test_yaml11_traps_in_text_fields_tell_to_quote(write, raw, read_as):
    f = one(write(MINIMAL_PLAN.replace("title: Erste Maßnahme", f"title: {raw}")))
    assert f.code == "expected-text"
    assert f.path == "measures[0].title"
    assert (f.line, f.column) == (11, 12)
    assert read_as in f.message
    assert "Anführungszeichen" in f.message
    assert f'Schreiben Sie: "{raw}"' in f.message
    assert "quotes" in f.message_en


def test_quoted_trap_is_text(write):
    plan = th.load(write(MINIMAL_PLAN.replace("title: Erste Maßnahme", 'title: "no"')))
    assert plan.measures[0].title == "no"


def test_invalid_date(write):
    f = one(write(MINIMAL_PLAN + "    start: 2025-13-01\n"))
    assert f.code == "invalid-date"
    assert f.path == "measures[0].start"
    assert f.line == 13
    assert "Monat 13" in f.message


def test_german_date_is_refused_with_iso_hint(write):
    f = one(write(MINIMAL_PLAN + "    start: 11.12.2019\n"))
    assert f.code == "expected-date"
    assert "2019-12-11" in f.message


def test_end_before_start(write):
    f = one(write(MINIMAL_PLAN + "    start: 2022-01-01\n    end: 2021-12-31\n"))
    assert f.code == "end-before-start"
    assert f.path == "measures[0].end"
    assert f.line == 14


def test_duplicate_ids(write):
    f = one(write(MINIMAL_PLAN + "  - id: m1\n    title: Nochmal\n    life_areas: [bildung]\n"))
    assert f.code == "duplicate-id"
    assert f.path == "measures[1].id"
    assert f.line == 13


def test_dangling_reference(write):
    f = one(write(MINIMAL_PLAN.replace("life_areas: [bildung]", "life_areas: [bildung, wohnen]")))
    assert f.code == "dangling-reference"
    assert f.path == "measures[0].life_areas[1]"
    assert f.line == 12
    assert "wohnen" in f.message and "bildung" in f.message


def test_enum_value_lists_allowed(write):
    f = one(write(MINIMAL_PLAN + "    status: fertig\n"))
    assert f.code == "enum"
    assert f.path == "measures[0].status"
    assert f.line == 13
    for allowed in ("geplant", "in Umsetzung", "abgeschlossen", "entfallen"):
        assert allowed in f.message
    for allowed in ("planned", "in_progress", "done", "dropped"):
        assert allowed in f.message_en and allowed not in f.message


def test_wrong_types(write):
    text = MINIMAL_PLAN.replace("title: Testplan", "title: Testplan\nversion: 1.5") + \
        "    ongoing: ja\n    costs: viel\n    life_areas_x: 1\n"
    found = {f.path: f for f in errors_of(write(text))}
    assert found["version"].code == "expected-int"
    assert found["measures[0].ongoing"].code == "expected-bool"
    assert found["measures[0].costs"].code == "expected-money"
    assert found["measures[0].life_areas_x"].code == "unknown-field"


def test_list_given_as_text(write):
    f = one(write(MINIMAL_PLAN.replace("life_areas: [bildung]", "life_areas: bildung")))
    assert f.code == "expected-list"
    assert f.path == "measures[0].life_areas"


def test_money_is_exact(write):
    plan = th.load(write(MINIMAL_PLAN + "    costs: 15000.10\n"))
    assert str(plan.measures[0].costs) == "15000.10"
    f = one(write(MINIMAL_PLAN + "    costs: 0.125\n"))
    assert f.code == "money-precision"


def test_non_utf8_bytes(write):
    data = MINIMAL_PLAN.replace("Erste Maßnahme", "Erste Ma\udcdfnahme").encode(
        "utf-8", "surrogateescape")
    f = one(write(data))
    assert f.code == "not-utf8"
    assert (f.line, f.column) == (11, 20)


def test_empty_file(write):
    f = one(write("# nur ein Kommentar\n\n"))
    assert f.code == "file-empty"


def test_top_level_not_a_mapping(write):
    f = one(write("- a\n- b\n"))
    assert f.code == "top-not-mapping"


def test_missing_and_unknown_document_kind(write):
    assert one(write("id: x\n")).code == "document-missing"
    f = one(write("document: planung\n"))
    assert f.code == "document-unknown"
    assert f.path == "document"


def test_oversize_file(write, monkeypatch):
    monkeypatch.setattr(yamlsafe, "MAX_BYTES", 1000)
    f = one(write(MINIMAL_PLAN + "#" * 2000 + "\n"))
    assert f.code == "file-too-large"


def test_python_object_tag(write):
    f = one(write(MINIMAL_PLAN + "    notes: !!python/object/apply:os.system ['echo hi']\n"))
    assert f.code == "tag"
    assert f.path == "measures[0].notes"
    assert f.line == 13


def test_alias_bomb_is_rejected_fast(write):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
    start = time.perf_counter()
    found = errors_of(write("document: plan\n" + "\n".join(lines) + "\n"))
    assert time.perf_counter() - start < 2
    assert found[0].code == "alias"
    assert found[0].path == "b[0]"


def test_recursive_alias_rejected(write):
    f = errors_of(write("document: plan\na: &x\n  b: *x\n"))[0]
    assert f.code == "alias"


def test_deep_nesting_does_not_crash(write):
    f = one(write("document: plan\nx: " + "[" * 100_000 + "]" * 100_000 + "\n"))
    assert f.code == "too-deep"
    deep_json = '{"document": "plan", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert one(write(deep_json, "deep.json")).code == "too-deep"


@pytest.mark.parametrize("body", [
    "x: " + "[" * 2_000 + "]" * 2_000,                          # flow lists past libyaml's limit
    "x: " + "{a: " * 1_100 + "1" + "}" * 1_100,                  # flow mappings
    "x:\n" + "".join("  " * i + "- \n" for i in range(1_200)),  # block lists
    "x:\n" + "".join("  " * i + "a:\n" for i in range(1_200)) + "  " * 1_200 + "b: 1",
])
def test_nesting_past_libyaml_limit_gives_our_german_message(write, body):
    """libyaml's own English nesting error never reaches the clerk (PyYAML 6.0.4+)."""
    f = one(write("document: plan\n" + body + "\n"))
    assert f.code == "too-deep"
    assert "zu tief verschachtelt (mehr als 64 Ebenen)" in f.message
    assert "maximum nesting" not in f.message
    assert f.line is not None and f.line >= 2


def test_multiple_documents(write):
    assert one(write(MINIMAL_PLAN + "---\nid: x\n")).code == "multiple-documents"


def test_all_findings_of_a_file_at_once(write):
    text = MINIMAL_PLAN.replace("kind: action_plan", "kind: masterplan") + \
        "    status: fertig\n    statu: x\n"
    codes = sorted(f.code for f in errors_of(write(text)))
    assert codes == ["enum", "enum", "unknown-field"]


def test_json_errors_have_positions(write):
    f = one(write('{"document": "plan",\n "id": "x", "id": "y"}', "doc.json"))
    assert f.code == "duplicate-key"
    assert f.line == 2
    f = one(write('{"document": "plan",\n "id": }', "bad.json"))
    assert f.code == "json-syntax"
    assert (f.line, f.column) == (2, 8)


def test_json_field_errors_located(write):
    text = ('{\n  "document": "plan",\n  "id": "p",\n  "county": "boerde",\n'
            '  "kind": "action_plan",\n  "title": false\n}\n')
    f = one(write(text, "plan.json"))
    assert f.path == "title"
    assert f.line == 6


def test_messages_available_in_english(write):
    f = one(write(MINIMAL_PLAN + "    status: fertig\n"))
    assert f.text("en").startswith("'fertig' is not allowed here")
    assert f.format("de").endswith("Erlaubt sind: geplant, in Umsetzung, Daueraufgabe, "
                                   "abgeschlossen, zurückgestellt, entfallen.")
    assert f.format("en").endswith("Allowed: planned, in_progress, ongoing, done, postponed,"
                                   " dropped.")
    assert f.format().startswith(f"{f.file}:13:13: error: measures[0].status: ")


def test_keys_are_literal_text(write):
    # `on:` as a key stays the text "on" (YAML 1.1 would make it True) → unknown field
    f = one(write(MINIMAL_PLAN + "    on: 1\n"))
    assert f.path == "measures[0].on"


def test_finding_at_keeps_every_other_field():
    """``Finding.at`` builds the positioned finding field by field (it runs for every
    finding): every field it does not set is kept, also one added later."""
    import attrs

    from teilhabe_core.base.findings import Finding, Level

    values = {"code": "c", "message": "m", "message_en": "e", "path": "p", "level":
              Level.WARNING, "file": "f", "line": 3, "column": 4, "rule": "r"}
    assert set(values) == {a.name for a in attrs.fields(Finding)}
    finding = Finding(**values)
    assert finding.at() == finding
    assert finding.at("g", 5, 6) == attrs.evolve(finding, file="g", line=5, column=6)
    assert finding.at(line=7) == attrs.evolve(finding, line=7)


def test_only_comments_beyond_the_first_lines_is_still_empty():
    """``check_not_empty`` reads the first 64 KiB first; what decides may come later."""
    comments = "# Kommentar\n" * 8000  # about 96 KB
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.check_not_empty(comments + "---\n...\n" + "   \n", "x.yaml")
    assert info.value.findings[0].code == "file-empty"
    yamlsafe.check_not_empty(comments + "document: plan\n", "x.yaml")
    yamlsafe.check_not_empty(comments[:65532] + "-----\n", "x.yaml")  # a line across the cut
    for cut in ("---\n", "\n\n---\n"):  # inside the head, and "--" of it in the head
        with pytest.raises(th.DocumentError):
            yamlsafe.check_not_empty(comments[:65532] + cut, "x.yaml")
