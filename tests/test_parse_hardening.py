"""Hostile and unlucky input at the parsing layer: explicit tags, huge numbers, lone
surrogates, YAML 1.1 number forms in money and number fields, positions in linear time,
and quoting advice only where quoting helps (issue 20)."""

from __future__ import annotations

import datetime as dt
import enum
import glob
import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs.errors import BaseValidationError

import teilhabe_core as th
from teilhabe_core.app import Teilhabe
from teilhabe_core.documents import converter, loader, yamlsafe
from tests.conftest import MINIMAL_PLAN, ROOT, SHARED
from tests.test_cli import run

TITLE = "title: Erste Maßnahme"  # line 11, value at column 12


def findings(text: str, fmt: str = "yaml") -> list[th.Finding]:
    """The findings of text that must be refused with a DocumentError and nothing else."""
    with pytest.raises(th.DocumentError) as info:
        th.loads(text, fmt)
    found = list(info.value.findings)
    assert found
    for f in found:
        f.format().encode("utf-8")  # printable: no lone surrogate in message or path
        assert f.line is not None and f.column is not None
    return found


def only(text: str, fmt: str = "yaml") -> th.Finding:
    found = findings(text, fmt)
    assert len(found) == 1, [f.format() for f in found]
    return found[0]


def with_measure_line(line: str) -> str:
    """MINIMAL_PLAN with one more line in the measure (line 13, value at column 5+)."""
    return MINIMAL_PLAN + f"    {line}\n"


# -- 1. explicit tags ------------------------------------------------------------------

BAD_TAGS = ["!!int abc", "!!bool maybe", "!!int ''", "!!float '1:x'", "!!int 0x", "!!int 0b_",
            "!!float abc", "!!float ''", "!!null x", "!!timestamp x", "!!int 1.5", "!!bool 1"]


@pytest.mark.parametrize("tagged", BAD_TAGS)
@pytest.mark.parametrize("field", ["title", "costs"])
def test_explicit_tag_with_bad_value_is_a_finding(tagged, field):
    text = (MINIMAL_PLAN.replace(TITLE, f"title: {tagged}") if field == "title"
            else with_measure_line(f"costs: {tagged}"))
    f = only(text)
    assert f.code == "tag-value"
    assert f.path == f"measures[0].{field}"
    assert (f.line, f.column) == ((11, 12) if field == "title" else (13, 12))
    tag = tagged.split()[0]
    assert f"passt nicht zum YAML-Tag '{tag}'" in f.message
    assert "ohne Tag" in f.message


@pytest.mark.parametrize("line, field, value", [
    ("progress: !!int 15", "progress", 15),
    ("costs: !!float 1500.50", "costs", Decimal("1500.50")),
    ("costs: !!float 1500", "costs", 1500),
    ("costs: !!null ''", "costs", None),
    ("ongoing: !!bool true", "ongoing", True),
    ("notes: !!str 5", "notes", "5"),
    ("start: !!timestamp 2020-01-01", "start", dt.date(2020, 1, 1)),
])
def test_explicit_tag_with_fitting_value_is_read(line, field, value):
    measure = th.loads(with_measure_line(line)).measures[0]
    assert getattr(measure, field) == value


def test_explicit_tag_cli_message_and_exit_code(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(with_measure_line("progress: !!int abc"), encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert (f"{path}:13:15: error: measures[0].progress: Der Wert 'abc' passt nicht zum "
            "YAML-Tag '!!int'; erwartet wird eine ganze Zahl wie 15.") in result.stdout


# -- 2. numbers too long for Python (4,300 digits) ---------------------------------------

HUGE = "9" * 5000


@pytest.mark.parametrize("line, path, column", [
    (f"progress: {HUGE}", "measures[0].progress", 15),
    (f"costs: {HUGE}", "measures[0].costs", 12),
    (f"costs: {HUGE}.5", "measures[0].costs", 12),
    (f"costs: 1.{HUGE}", "measures[0].costs", 12),
    ("costs: 1.0e+999999999", "measures[0].costs", 12),
    (f"crpd_articles: [1, {HUGE}]", "measures[0].crpd_articles[1]", 24),
    (f"notes: {{a: {{b: {HUGE}}}}}", "measures[0].notes.a.b", 20),
])
def test_yaml_number_too_long(line, path, column):
    f = only(with_measure_line(line))
    assert f.code == "number-too-long"
    assert f.path == path
    assert (f.line, f.column) == (13, column)
    assert "zu lang oder zu groß (höchstens 100 Stellen)" in f.message
    written = line.split(": ")[-1].strip("[]{}").split(", ")[-1]
    shown = written if len(written) <= 20 else written[:17] + "..."
    assert f"Die Zahl {shown} ist" in f.message


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_long_number_in_quotes_is_a_finding_not_a_crash(fmt):
    """A quoted number longer than the limit in an amount field: the converter's refusal
    names the number (its message parameter ``value`` is kept)."""
    text = with_measure_line(f'costs: "{HUGE}"') if fmt == "yaml" else json_plan(costs=HUGE)
    f = only(text, fmt)
    assert (f.code, f.path) == ("number-too-long", "measures[0].costs")
    assert f"Die Zahl {HUGE[:17]}... ist zu lang" in f.message
    assert f"The number {HUGE[:17]}... is too long" in f.message_en


def test_long_number_as_a_key_stays_text():
    f = only(with_measure_line(f"{'7' * 200}: x"))
    assert f.code == "unknown-field"
    assert f.path == f"measures[0].{'7' * 200}"
    assert len(f.message) < 600  # the key is shortened in the message


def json_plan(**fields: Any) -> str:
    data: dict[str, Any] = {"document": "plan", "id": "p", "county": "boerde",
                            "kind": "action_plan", "title": "T",
                            "life_areas": [{"id": "bildung", "name": "Bildung"}],
                            "measures": [{"id": "m1", "title": "M", "life_areas": ["bildung"]}]}
    data["measures"][0].update(fields)
    return json.dumps(data, indent=1, ensure_ascii=True)


@pytest.mark.parametrize("raw, path", [
    (HUGE, "measures[0].progress"),
    (f"-{HUGE}", "measures[0].progress"),
    (f"{HUGE}.25", "measures[0].progress"),
    ("1e999999999", "measures[0].progress"),
])
def test_json_number_too_long(raw, path):
    text = json_plan(progress="@").replace('"@"', raw)
    f = only(text, "json")
    assert f.code == "number-too-long"
    assert f.path == path
    line = text[: text.index(raw)].count("\n") + 1
    assert f.line == line


def test_json_long_numbers_in_lists_money_and_nested():
    text = json_plan(crpd_articles=[1, "@"], costs="@", notes={"a": ["@"]}).replace('"@"', HUGE)
    found = findings(text, "json")
    assert [(f.code, f.path) for f in found] == [
        ("number-too-long", "measures[0].crpd_articles[1]"),
        ("number-too-long", "measures[0].costs"),
        ("number-too-long", "measures[0].notes.a[0]"),
    ]
    assert len({f.line for f in found}) == 3


def test_json_nan_and_infinity_are_refused():
    text = json_plan(progress="@").replace('"@"', "NaN")
    f = only(text, "json")
    assert f.code == "json-syntax"
    assert "NaN ist in JSON keine Zahl" in f.message


def test_resolve_plain_never_raises_on_long_numbers():
    assert yamlsafe.resolve_plain(HUGE) == HUGE  # stays text
    assert yamlsafe.resolve_plain("15") == 15


def test_long_number_cli(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json_plan(progress="@").replace('"@"', HUGE), encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "error: measures[0].progress: Die Zahl 99999999999999999... ist zu lang" \
        in result.stdout


# -- 3. lone surrogates ------------------------------------------------------------------

def test_json_lone_surrogates_in_value_key_and_document():
    f = only(json_plan(title="a\ud800b"), "json")
    assert (f.code, f.path) == ("bad-character", "measures[0].title")
    assert "Ungültiges Zeichen \\ud800" in f.message
    assert f.line == json_plan(title="x").splitlines().index('   "title": "x",') + 1
    f = only(json_plan(**{"no\udc00te": "x"}), "json")
    assert (f.code, f.path) == ("bad-character", "measures[0].no\\udc00te")
    f = only('{"document": "plan\\ud800"}', "json")
    assert (f.code, f.path, f.line, f.column) == ("bad-character", "document", 1, 14)


def test_json_raw_surrogate_in_text_is_refused():
    f = only('{"document": "plan", "id": "\ud800"}', "json")
    assert (f.code, f.path) == ("bad-character", "id")


def test_json_surrogate_pair_is_a_character_and_keeps_positions():
    plan = th.loads(json_plan(title="\U0001F600"), "json")  # written as \ud83d\ude00
    assert plan.measures[0].title == "\U0001F600"
    text = json_plan(title="\U0001F600", progress="viel")
    assert "\\ud83d\\ude00" in text
    f = only(text, "json")
    assert f.path == "measures[0].progress"
    assert f.line == text.splitlines().index('   "progress": "viel"') + 1


def test_yaml_surrogate_escape_and_raw_surrogate():
    f = only(MINIMAL_PLAN.replace(TITLE, 'title: "a\\ud800b"'))
    assert (f.code, f.path, f.line) == ("bad-character", "measures[0].title", 11)
    assert "\\ud800" in f.message
    f = only(MINIMAL_PLAN.replace(TITLE, "title: 'a\ud800b'"))
    assert (f.code, f.line, f.column) == ("bad-character", 11, 14)
    f = only(MINIMAL_PLAN.replace("document: plan", 'document: "plan\\udfff"'))
    assert (f.code, f.line) == ("bad-character", 1)


def test_pure_python_parser_refuses_surrogate_escapes(monkeypatch):
    monkeypatch.setattr(yamlsafe, "_Loader", yamlsafe._PyLoader)
    key, value = findings(MINIMAL_PLAN.replace(TITLE, '"ti\\ud800tle": "x\\udc00"'))
    assert (key.code, key.path, key.column) == ("bad-character", "measures[0]", 5)
    assert (value.code, value.path) == ("bad-character", "measures[0].ti\\ud800tle")
    assert "\\udc00" in value.message
    f = only(MINIMAL_PLAN.replace(TITLE, 'title: "\\U00110000"'))
    assert f.code == "bad-character"


def test_surrogate_cli_validate_and_export(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json_plan(title="a\ud800"), encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "error: measures[0].title: Ungültiges Zeichen \\ud800" in result.stdout
    result = run("export", str(path), "--format", "csv", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Ungültiges Zeichen \\ud800" in result.stdout + result.stderr


# -- 4. money and number fields ------------------------------------------------------------

@pytest.mark.parametrize("raw, read, why, meant", [
    ("017", "15", "Oktalzahl", "17"),
    ("0b101", "5", "Binärzahl", "5"),
    ("1:30", "90", "Basis 60", None),
    ("0x1F", "31", "Hexadezimalzahl", "31"),
    ("1_000", "1000", "Unterstriche", "1000"),
    ("+.inf", "Infinity", "unendlich", None),
    (".nan", "NaN", "keine Zahl", None),
    ("1.5e+3", "1.5E+3", "Exponent", "1500"),
    ("1:30.5", "90.5", "Basis 60", None),
    ("+5", "5", "misszuverstehen", "5"),
    (".5", "0.5", "misszuverstehen", "0.5"),
])
def test_yaml11_number_forms_are_refused_in_money(raw, read, why, meant):
    f = only(with_measure_line(f"costs: {raw}"))
    assert f.code == "number-form"
    assert (f.path, f.line, f.column) == ("measures[0].costs", 13, 12)
    assert f"'{raw}' ist keine einfach geschriebene Zahl: YAML liest das als {read} (" \
        in f.message
    assert why in f.message
    # the plain form of what was probably meant, where there is one (not for 1:30 or .nan)
    assert f.message.endswith("Schreiben Sie die Zahl nur mit Ziffern und höchstens einem "
                              "Punkt" + (f", hier wohl {meant}." if meant else "."))
    assert "Schreiben Sie: " not in f.message  # quoting would not help


@pytest.mark.parametrize("line, path, ending", [
    ("progress: 017", "measures[0].progress", ", hier wohl 17."),
    ("crpd_articles: [0x1F]", "measures[0].crpd_articles[0]", ", hier wohl 31."),
    ("crpd_articles: [055]", "measures[0].crpd_articles[0]",
     ". Auch 55 ginge hier nicht: Der Wert 55 liegt außerhalb von 1 bis 50."),
])
def test_yaml11_number_forms_are_refused_in_int_fields(line, path, ending):
    f = only(with_measure_line(line))
    assert (f.code, f.path) == ("number-form", path)
    assert f.message.endswith(ending)


def test_yaml11_number_forms_are_refused_in_decimal_fields():
    with pytest.raises(BaseValidationError) as info:
        converter.structure({"value": yamlsafe.resolve_plain("1_0.5")}, Measured)
    [f] = converter.findings_from(info.value)
    assert (f.code, f.path) == ("number-form", "value")
    assert converter.structure({"value": yamlsafe.resolve_plain("10.5")}, Measured).value \
        == Decimal("10.5")


@attrs.frozen
class Measured:
    value: Decimal


@pytest.mark.parametrize("line, code", [
    ("costs: true", "expected-money"),
    ("costs: yes", "expected-money"),
    ("progress: true", "expected-int"),
    ("crpd_articles: [on]", "expected-int"),
])
def test_booleans_are_never_numbers(line, code):
    f = only(with_measure_line(line))
    assert f.code == code
    assert "Wahrheitswert true" in f.message
    assert "Schreiben Sie: " not in f.message


def test_boolean_in_decimal_field():
    with pytest.raises(BaseValidationError) as info:
        converter.structure({"value": True}, Measured)
    assert converter.findings_from(info.value)[0].code == "expected-number"


def test_negative_costs_are_refused():
    f = only(with_measure_line("costs: -1500"))
    assert f.code == "money-negative"
    assert "Der Betrag -1500 ist negativ" in f.message


def test_twelve_point_five_hundred_asks_instead_of_guessing():
    f = only(with_measure_line("costs: 12.500"))
    assert f.code == "money-precision"
    assert "höchstens zwei Nachkommastellen, gelesen wurde 12.500." in f.message
    assert "Sind 12500 Euro gemeint, schreiben Sie 12500; sind 12.50 Euro gemeint, " \
        "schreiben Sie 12.50." in f.message
    assert only(with_measure_line("costs: '12.500'")).code == "money-precision"


def test_huge_amount_with_three_decimals_is_too_large():
    for raw in ("123456789012345678901234567890.123", "123456789012345678901234567890",
                "'1000000000000000'"):
        f = only(with_measure_line(f"costs: {raw}"))
        assert f.code == "money-too-large"
        assert "ist zu groß; erlaubt sind höchstens 15 Stellen für die ganzen Euro." in f.message
        assert "InvalidOperation" not in f.message


@pytest.mark.parametrize("raw, plain", [
    ("'1.234.567'", "1234567"), ("'1500,50'", "1500.50"), ("'1.500,50 €'", "1500.50"),
    ("'800 EUR'", "800"),
])
def test_german_amount_gets_the_plain_form(raw, plain):
    f = only(with_measure_line(f"costs: {raw}"))
    assert f.code == "expected-money"
    assert f.message.endswith(f"Schreiben Sie den Betrag ohne Tausenderpunkte, Komma und "
                              f"Währung: {plain}")


@pytest.mark.parametrize("raw, amount", [
    ("1500", "1500.00"), ("1500.5", "1500.50"), ("'1500.50'", "1500.50"), ("0", "0.00"),
    ("999999999999999.99", "999999999999999.99"),
])
def test_plain_amounts_are_read(raw, amount):
    assert str(th.loads(with_measure_line(f"costs: {raw}")).measures[0].costs) == amount


def test_money_cli(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(with_measure_line("costs: 1:30"), encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:13:12: error: measures[0].costs: '1:30' ist keine einfach geschriebene " \
        "Zahl: YAML liest das als 90" in result.stdout


# -- 5. positions in linear time -----------------------------------------------------------

def test_fifty_thousand_findings_in_seconds(write):
    n = 50_000
    path = write(MINIMAL_PLAN + "".join(f"    unknown_{i}: {i}\n" for i in range(n)))
    start = time.perf_counter()
    with pytest.raises(th.DocumentError) as info:
        th.load_file(path)
    took = time.perf_counter() - start
    print(f"{n} findings in {took:.2f} s")
    assert took < 10
    found = {f.path: f for f in info.value.findings}
    assert len(found) == n
    for i in (0, 1, 4_999, n - 1):
        f = found[f"measures[0].unknown_{i}"]
        assert (f.line, f.column) == (13 + i, 15 + len(str(i)))  # the value
    assert "Meinten Sie" not in found[f"measures[0].unknown_{n - 1}"].message  # past the cap


def test_text_is_read_for_positions_once(write, monkeypatch):
    built: list[int] = []
    original = yamlsafe.Positions.__init__

    def counting(self: yamlsafe.Positions, text: str) -> None:
        built.append(1)
        original(self, text)

    monkeypatch.setattr(yamlsafe.Positions, "__init__", counting)
    app = Teilhabe.discover()
    assert app.validate_file(write(MINIMAL_PLAN)) == []
    assert built == []  # a clean file is never read for positions
    found = app.validate_file(write(with_measure_line("statu: x\n    costs: viel")))
    assert sorted(f.code for f in found) == ["expected-money", "unknown-field"]
    assert built == [1]


def _all_paths(data: Any, path: str = "") -> list[str]:
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            sub = f"{path}.{key}" if path else key
            out += [*_all_paths(value, sub), f"{sub}.missing"]
    elif isinstance(data, list):
        for i, item in enumerate(data):
            out += _all_paths(item, f"{path}[{i}]")
        out.append(f"{path}[{len(data)}]")
    return out


def test_position_index_agrees_with_locate_on_shipped_files():
    files = sorted(glob.glob(str(ROOT / "counties/**/*.yaml"), recursive=True))
    files += sorted(glob.glob(str(SHARED / "**/*.yaml"), recursive=True))[:20]
    checked = 0
    for name in files:
        text = Path(name).read_text("utf-8")
        try:
            data = yamlsafe.parse_yaml(text)
        except th.DocumentError:
            continue
        root, index = yamlsafe.compose(text), yamlsafe.Positions(text)
        for path in _all_paths(data):
            assert index.find(path) == yamlsafe.locate(root, path)[:2], (name, path)
            checked += 1
    assert checked > 1000


def test_positions_of_keys_holding_collections_and_list_items():
    text = "a:\n  - x\n  - {b: 1, c: [2, 3]}\nd:\n  e: no\n  f: 'no'\n"
    index = yamlsafe.Positions(text)
    assert index.find("a") == (1, 1)           # key of a list
    assert index.find("a[1]") == (3, 5)        # a list item
    assert index.find("a[1].c") == (3, 12)     # key of a flow list
    assert index.find("a[1].c[1]") == (3, 19)
    assert index.find("d") == (4, 1)           # key of a mapping
    assert index.find("d.e") == (5, 6)         # a scalar value
    assert index.find("d.missing") == (4, 1)   # nearest parent
    assert index.find("a[7].b") == (1, 1)
    assert index.plain("d.e") == "no"
    assert index.plain("d.f") is None          # quoted
    assert index.plain("d") is None


def test_json_findings_keep_positions():
    text = json_plan(progress="viel", costs=True)
    found = {f.path: f for f in findings(text, "json")}
    lines = text.splitlines()
    assert found["measures[0].progress"].line == lines.index('   "progress": "viel",') + 1
    assert found["measures[0].costs"].line == lines.index('   "costs": true') + 1


# -- 6. quoting advice only where quoting helps ---------------------------------------------

@pytest.mark.parametrize("raw", ["no", "yes", "on", "off", "15", "1.5"])
def test_enum_given_a_yaml_trap_lists_allowed_values_without_quote_advice(raw):
    f = only(with_measure_line(f"status: {raw}"))
    assert f.code == "enum"
    assert f.message == (f"'{raw}' ist hier nicht erlaubt. Erlaubt sind: geplant, in Umsetzung, "
                         "Daueraufgabe, abgeschlossen, zurückgestellt, entfallen.")


def test_number_fields_get_no_quote_advice():
    f = only(with_measure_line("crpd_articles: [55]"))
    assert f.code == "out-of-range"
    assert "Schreiben Sie" not in f.message
    f = only(with_measure_line("progress: 1.5"))
    assert f.code == "expected-int"
    assert "Schreiben Sie" not in f.message and "Anführungszeichen" not in f.message


def test_text_field_gets_quote_advice():
    f = only(MINIMAL_PLAN.replace(TITLE, "title: off"))
    assert f.message.endswith('Setzen Sie den Wert in Anführungszeichen. Schreiben Sie: "off"')
    assert f.message_en.endswith('Write: "off"')


class Switch(enum.Enum):
    ON = "on"
    OFF = "off"


@attrs.frozen
class Lamp:
    state: Switch


def test_enum_gets_quote_advice_when_the_quoted_text_is_allowed():
    text = "state: on\n"
    with pytest.raises(BaseValidationError) as info:
        converter.structure(yamlsafe.parse_yaml(text), Lamp)
    index = yamlsafe.Positions(text)
    [f] = converter.findings_from(info.value, plain=index.plain)
    assert f.message.endswith('Schreiben Sie: "on"')
    assert "Anführungszeichen" in f.message
    [f] = converter.findings_from(info.value)  # without the text: no advice
    assert "Schreiben Sie" not in f.message
    assert converter.structure(yamlsafe.parse_yaml("state: 'on'\n"), Lamp).state is Switch.ON


def test_loaded_locate_reuses_its_index(write):
    loaded = th.load_file(write(MINIMAL_PLAN))
    assert loaded.locate([]) == []
    f = loaded.locate([th.Finding(code="x", message="m", path="measures[0].title")])[0]
    assert (f.line, f.column) == (11, 12)
    g = loader.position_findings([th.Finding(code="x", message="m", path="life_areas[0]")],
                                 loaded.text, loaded.file)[0]
    assert (g.line, g.column) == (7, 5)


def test_schema_money_is_non_negative_with_two_decimals():
    from jsonschema import Draft202012Validator

    from teilhabe_core.documents.schema import document_schema

    validator = Draft202012Validator(document_schema())
    data = yamlsafe.parse_yaml(MINIMAL_PLAN)
    for costs, ok in ((1500, True), ("1500.50", True), (-5, False), ("-5", False),
                      ("12.500", False)):
        data["measures"][0]["costs"] = costs
        assert (list(validator.iter_errors(data)) == []) is ok, costs
