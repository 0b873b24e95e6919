"""Pins of teilhabe_core.documents.yamlsafe behaviour that mutation testing showed unguarded.

See docs/mutation.md: each test here kills mutants of ``yamlsafe.py`` that the rest of the
suite let through (values of plain scalars, tags, merge keys, nesting limits, positions,
the writers).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.documents import yamlsafe
from tests.conftest import MINIMAL_PLAN


def findings(text: str, parse=yamlsafe.parse_yaml) -> list[tuple[str, str, int | None, int | None]]:
    with pytest.raises(th.DocumentError) as info:
        parse(text, "f.yaml")
    for f in info.value.findings:
        assert f.file == "f.yaml"
    return [(f.code, f.path, f.line, f.column) for f in info.value.findings]


@pytest.mark.parametrize("text", ["a: ~", "a:", "a: null", "a: Null", "a: NULL", "a: !!null ''"])
def test_null_forms_parse_as_none(text):
    assert yamlsafe.parse_yaml(text) == {"a": None}


@pytest.mark.parametrize("text, value", [
    ("a: ''", ""), ("a: 'null'", "null"), ('a: "~"', "~"), ("a: !!str 1", "1"), ("a: ! 12", "12"),
    ("a: 2024-01-02", "2024-01-02"), ("a: !!timestamp 2024-01-01", "2024-01-01"),
    ("a: 1e3", "1e3"), ("a: 'yes'", "yes"), ("a: <<", "<<"), ("a: =", "="),
    ("a: Text mit:Doppelpunkt", "Text mit:Doppelpunkt"),
])
def test_text_forms_stay_text(text, value):
    result = yamlsafe.parse_yaml(text)
    assert result == {"a": value}
    assert type(result["a"]) is str


@pytest.mark.parametrize("text, value", [
    ("a: yes", True), ("a: on", True), ("a: TRUE", True), ("a: no", False), ("a: off", False),
    ("a: !!bool 'yes'", True), ("a: -7", -7), ("a: !!int '12'", 12),
])
def test_yaml11_bools_and_ints(text, value):
    result = yamlsafe.parse_yaml(text)["a"]
    assert result == value
    assert type(result) is type(value)


@pytest.mark.parametrize("text, value, written", [
    ("a: 0x1F", 31, "0x1F"), ("a: 017", 15, "017"), ("a: 0b101", 5, "0b101"),
    ("a: 1:30", 90, "1:30"), ("a: 1_000", 1000, "1_000"),
])
def test_yaml11_int_forms_keep_what_was_written(text, value, written):
    """Read as YAML 1.1 does, but marked, so number and money fields can refuse them."""
    result = yamlsafe.parse_yaml(text)["a"]
    assert result == value and type(result) is yamlsafe.YamlInt and result.text == written


@pytest.mark.parametrize("text, value", [
    ("a: 1.5", Decimal("1.5")), ("a: 1.10", Decimal("1.10")),
    ("a: -0.25", Decimal("-0.25")), ("a: !!float '1.5'", Decimal("1.5")),
    ("a: 12.500", Decimal("12.500")),
])
def test_floats_are_exact_decimals(text, value):
    result = yamlsafe.parse_yaml(text)["a"]
    assert type(result) is Decimal
    assert str(result) == str(value)


@pytest.mark.parametrize("text, value", [("a: +1.5", "1.5"), ("a: 1_0.5", "10.5"),
                                         ("a: 1:30.5", "90.5")])
def test_yaml11_float_forms_are_marked_decimals(text, value):
    result = yamlsafe.parse_yaml(text)["a"]
    assert type(result) is yamlsafe.YamlDecimal and str(result) == value
    assert result.text == text.removeprefix("a: ")


def test_special_floats_are_marked_decimals():
    data = yamlsafe.parse_yaml("a: .inf\nb: -.Inf\nc: .nan\n")
    assert data["a"] == Decimal("Infinity") and data["b"] == Decimal("-Infinity")
    assert data["c"].is_nan()
    assert all(type(v) is yamlsafe.YamlDecimal for v in data.values())


def test_resolve_plain_is_stable_when_cached():
    first = yamlsafe.resolve_plain("0x10")
    assert first == 16
    assert yamlsafe.resolve_plain("0x10") == 16
    assert yamlsafe.resolve_plain("~") is None
    assert yamlsafe.resolve_plain("~") is None
    assert yamlsafe.resolve_plain("off") is False


@pytest.mark.parametrize("text, expected", [
    ("", None), ("# nur ein Kommentar\n", None), ("5", 5), ("- 1\n- x\n", [1, "x"]),
    ("a: !!map {x: 1}", {"a": {"x": 1}}), ("a: !!seq [1]", {"a": [1]}),
    ("'<<': {x: 1}", {"<<": {"x": 1}}), ("a:\n  b:\n    - c: 1\n", {"a": {"b": [{"c": 1}]}}),
])
def test_documents_build_plain_data(text, expected):
    assert yamlsafe.parse_yaml(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("a: !!python/object:os.system x", [("tag", "a", 1, 4)]),
    ("a: !!set {x}", [("tag", "a", 1, 4)]),
    ("a: !!omap [x: 1]", [("tag", "a", 1, 4)]),
    ("a:\n  b: [1, !!python/name:x y]", [("tag", "a.b[1]", 2, 10)]),
    ("a:\n  b:\n    c: !!binary x", [("tag", "a.b.c", 3, 8)]),
    ("- !foo 1", [("tag", "[0]", 1, 3)]),
    ("? [a]\n: 1", [("complex-key", "", 1, 3)]),
    ("<<: {x: 1}", [("alias", "<<", 1, 1)]),
    ("b:\n  <<: {x: 1}\n  y: 2", [("alias", "b.<<", 2, 3)]),
    ("a: &x 1\nb: *x", [("alias", "b", 2, 4)]),
    ("a: [*x]", [("alias", "a[0]", 1, 5)]),
    ("*x : 1", [("alias", "", 1, 1), ("complex-key", "", 1, 1)]),
    ("a: 1\n---\nb: 2", [("multiple-documents", "", 2, 1)]),
    ('a: "\x07"', [("yaml-syntax", "", 1, 5)]),  # the control character itself
    ("a: 1\nb:\n  c: 1\n  c: 2\na: 3",
     [("duplicate-key", "b.c", 4, 3), ("duplicate-key", "a", 5, 1)]),
])
def test_refused_yaml_findings_with_path_and_position(text, expected):
    assert findings(text) == expected


def test_duplicate_key_message_names_both_lines():
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    (f,) = info.value.findings
    assert "'a'" in f.message and "Zeile 1 und Zeile 3" in f.message


def test_an_unclosed_quote_is_found_where_it_opens():
    """libyaml notices it at the end of the file (line 5); the clerk must act at line 2."""
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.parse_yaml('a: 1\nb: "offen\n\nc: 2\n', "f.yaml")
    (f,) = info.value.findings
    assert f.code == "yaml-syntax"
    assert (f.line, f.column) == (2, 4) and "in Zeile 2, Spalte 4" in f.message


@pytest.mark.parametrize("text, position", [
    ("a: b: c", (1, 5)), ('a: "x', (1, 4)), ("key: [a, b]]", (1, 12)),
])
def test_syntax_errors_on_one_line_do_not_name_a_beginning(text, position):
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.parse_yaml(text, "f.yaml")
    (f,) = info.value.findings
    assert (f.code, f.line, f.column) == ("yaml-syntax", *position)
    assert "begonnen" not in f.message


@pytest.mark.parametrize("text, position", [("- *x : 1", (1, 3)), ("a:\n  *x : 1", (2, 3))])
def test_alias_as_a_nested_key_is_refused(text, position):
    assert [(c, (line, col)) for c, _, line, col in findings(text)] == [
        ("alias", position), ("complex-key", position)]


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.mark.parametrize("parse", [yamlsafe.parse_yaml, yamlsafe.parse_json])
def test_nesting_limit_is_exactly_max_depth(parse):
    assert yamlsafe.MAX_DEPTH == 64
    value = parse(nested(64), "f")
    for _ in range(63):
        value = value[0]
    assert value == []
    with pytest.raises(th.DocumentError) as info:
        parse(nested(65), "f")
    assert [f.code for f in info.value.findings] == ["too-deep"]
    assert "64" in info.value.findings[0].message


def test_yaml_too_deep_points_at_the_first_level_too_deep():
    assert findings(nested(70)) == [("too-deep", "[0]" * 64, 1, 65)]
    # root mapping, "a" and 62 lists are 64 levels: the 63rd list is one too many
    assert findings("a:\n  b: " + nested(64)) == [("too-deep", "a.b" + "[0]" * 62, 2, 68)]


def test_json_past_the_recursion_limit_is_too_deep_at_the_start():
    assert findings(nested(100_000), yamlsafe.parse_json) == [("too-deep", "", 1, 1)]


def test_json_mappings_may_nest_to_the_limit():
    data = yamlsafe.parse_json('{"a": ' * 63 + "{}" + "}" * 63)
    for _ in range(63):
        data = data["a"]
    assert data == {}


@pytest.mark.parametrize("levels", [65, 100, 500, 900])
def test_json_nesting_between_limit_and_recursion_is_too_deep(levels):
    assert findings(nested(levels), yamlsafe.parse_json) == [("too-deep", "", 1, 1)]
    deep_dict = '{"a": ' * levels + "1" + "}" * levels
    assert findings(deep_dict, yamlsafe.parse_json) == [("too-deep", "", 1, 1)]


def test_json_values_are_exact_and_mappings_nest():
    data = yamlsafe.parse_json('{"a": 1.10, "b": [1, {"c": null}], "d": true}')
    assert data == {"a": Decimal("1.10"), "b": [1, {"c": None}], "d": True}
    assert str(data["a"]) == "1.10"


def test_json_syntax_error_position():
    assert findings('{\n  "a": \n}', yamlsafe.parse_json) == [("json-syntax", "", 3, 1)]


def test_json_duplicates_named_by_line_through_the_yaml_reader():
    text = '{"a":\n {"a": 1,\n  "a": 2},\n "b": 1, "b": 2}'
    assert findings(text, yamlsafe.parse_json) == [("duplicate-key", "a.a", 3, 3),
                                                   ("duplicate-key", "b", 4, 10)]


def test_json_duplicates_yaml_cannot_read_are_still_reported():
    key = "k" * 1100  # longer than a YAML simple key may be
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.parse_json(f'{{"{key}": 1, "x": 0, "{key}": 2, "y": 1, "y": 2}}', "f.json")
    first, second = info.value.findings
    assert (first.code, first.file, first.line, first.column) == ("duplicate-key", "f.json", 1, 1)
    assert key in first.message
    assert "'y'" in second.message and "Zeile ?" in second.message


def test_split_path():
    assert yamlsafe.split_path("measures[3].status") == ["measures", 3, "status"]
    assert yamlsafe.split_path("a[0][12]") == ["a", 0, 12]
    assert yamlsafe.split_path("") == []


def test_decode_strips_bom_and_locates_bad_bytes():
    assert yamlsafe.decode("\ufeffa: ä\n".encode()) == "a: ä\n"
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.decode(b"a: 1\nbc: \xff\n", "f.yaml")
    (f,) = info.value.findings
    assert (f.code, f.line, f.column) == ("not-utf8", 2, 5)


@pytest.mark.parametrize("text", ["", "  \n", "# nur Kommentar\n", "---\n...\n"])
def test_blank_files_are_empty(text):
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.check_not_empty(text, "f.yaml")
    assert [(f.code, f.line, f.column) for f in info.value.findings] == [("file-empty", 1, 1)]


def test_text_with_content_is_not_empty():
    yamlsafe.check_not_empty("# Kopf\n---\na: 1\n")


def test_size_limit_is_inclusive(monkeypatch):
    monkeypatch.setattr(yamlsafe, "MAX_BYTES", 5)
    assert yamlsafe.decode(b"a: 12") == "a: 12"
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.decode(b"a: 123", "f.yaml")
    assert [(f.code, f.line, f.column) for f in info.value.findings] == [("file-too-large", 1, 1)]


def test_size_limit_is_8_mib():
    """The README promises: files over 8 MiB are refused."""
    limit = 8 * 1024 * 1024
    assert yamlsafe.decode(b"a: 1\n" + b"#" * (limit - 5)).startswith("a: 1")
    with pytest.raises(th.DocumentError) as info:
        yamlsafe.decode(b"a: 1\n" + b"#" * (limit - 4), "f.yaml")
    assert [f.code for f in info.value.findings] == ["file-too-large"]


# -- positions of findings (through the loader) ---------------------------------------------


def located(write, text: str) -> list[tuple[str, str, int | None, int | None]]:
    with pytest.raises(th.DocumentError) as info:
        th.load_file(write(text))
    return [(f.code, f.path, f.line, f.column) for f in info.value.findings]


def test_finding_on_a_key_holding_a_mapping_points_at_the_key(write):
    assert located(write, MINIMAL_PLAN + "extra:\n  x: 1\n") == [
        ("unknown-field", "extra", 13, 1)]


def test_finding_on_a_key_holding_a_list_points_at_the_key(write):
    assert located(write, MINIMAL_PLAN + "    tags:\n      - a\n") == [
        ("unknown-field", "measures[0].tags", 13, 5)]
    assert located(write, MINIMAL_PLAN.replace("kind: action_plan", "kind: [a]")) == [
        ("enum", "kind", 4, 1)]


def test_finding_on_list_items_points_at_the_item(write):
    text = MINIMAL_PLAN.replace("life_areas:\n  - id: bildung\n    name: Bildung\n",
                                "life_areas:\n  - id: bildung\n    name: Bildung\n  -   7\n")
    assert located(write, text) == [("expected-mapping", "life_areas[1]", 9, 7)]
    missing = MINIMAL_PLAN.replace("    title: Erste Maßnahme\n", "")
    assert located(write, missing) == [("missing-field", "measures[0].title", 10, 5)]


def test_finding_on_a_key_at_an_odd_column(write):
    line = "  - { id: m2, title: T, life_areas: [bildung], zz: {a: 1}}\n"
    assert located(write, MINIMAL_PLAN + line) == [
        ("unknown-field", "measures[1].zz", 13, line.index("zz") + 1)]


def test_finding_on_a_scalar_points_at_the_value(write):
    assert located(write, MINIMAL_PLAN.replace("title: Testplan", "title:   [1]")) == [
        ("expected-text", "title", 5, 1)]
    assert located(write, MINIMAL_PLAN.replace("title: Erste Maßnahme", "title:    12")) == [
        ("expected-text", "measures[0].title", 11, 15)]


def test_locate_falls_back_to_the_nearest_parent():
    root = yamlsafe.compose("a:\n  - x: 1\n  - y: 2\n")
    assert yamlsafe.locate(root, "a[1].y")[:2] == (3, 8)
    assert yamlsafe.locate(root, "a[5].y")[:2] == (1, 1)
    assert yamlsafe.locate(root, "a[0].z")[:2] == (2, 5)
    assert yamlsafe.locate(root, "a.b")[:2] == (1, 1)
    assert yamlsafe.locate(root, "")[:2] == (1, 1)
    assert yamlsafe.locate(None, "a")[:2] == (1, 1)
    assert yamlsafe.compose("a: [") is None


# -- writers ----------------------------------------------------------------------------------


def test_dump_yaml_numbers_text_and_header():
    data = {"a": Decimal("1.50"), "b": Decimal("10"), "c": "zwei\nZeilen", "d": "Größe",
            "e": "x\x85y", "f": [1, 2], "g": None}
    text = yamlsafe.dump_yaml(data, header="# Kopf\n")
    assert text == ("# Kopf\na: 1.50\nb: '10'\nc: |-\n  zwei\n  Zeilen\nd: Größe\n"
                    'e: "x\\Ny"\nf:\n- 1\n- 2\ng: null\n')
    assert yamlsafe.parse_yaml(text)["e"] == "x\x85y"


def test_dump_yaml_writes_no_aliases_for_shared_objects():
    shared = {"x": 1}
    text = yamlsafe.dump_yaml({"a": shared, "b": shared})
    assert "&" not in text and "*" not in text
    assert yamlsafe.parse_yaml(text) == {"a": {"x": 1}, "b": {"x": 1}}


def test_dump_json_is_exact_and_iso():
    data = {"a": Decimal("1.10"), "b": dt.date(2024, 1, 2), "c": dt.datetime(2024, 1, 2, 9, 30),
            "d": "ä"}
    assert yamlsafe.dump_json(data) == ('{\n  "a": "1.10",\n  "b": "2024-01-02",\n'
                                        '  "c": "2024-01-02T09:30:00",\n  "d": "ä"\n}\n')
    with pytest.raises(TypeError, match="set"):
        yamlsafe.dump_json({"x": {1}})


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12) | st.sampled_from([
    "Maßnahme 3", "no", "~", "1:30", "0x1F", "", "2020-01-01", "=", "<<", "!x", ".inf", ".nan",
    "Off"]))
def test_plain_scalars_skip_the_resolver_only_where_it_would_say_text(value):
    """``_plain`` answers text without asking the YAML resolver when no implicit type starts
    with the value's first character; the answer is the resolver's."""
    from teilhabe_core.documents import scalars

    try:
        expected = scalars._construct(scalars._implicit_tag(value), value)
    except scalars._Refused:
        expected = "refused"
    try:
        got = scalars._plain(value)
    except scalars._Refused:
        got = "refused"
    assert type(got) is type(expected)
    assert got == expected or repr(got) == repr(expected)  # NaN is not equal to itself
