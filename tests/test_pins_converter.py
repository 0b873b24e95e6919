"""Pins of teilhabe_core.documents.converter behaviour that mutation testing showed unguarded.

See docs/mutation.md: each test here kills mutants of ``converter.py`` that the rest of the
suite let through (strict scalar hooks, money, dates, enums, lists, mappings, unstructuring,
the turning of cattrs errors into findings).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

import teilhabe_core as th
from teilhabe_core.documents import converter
from teilhabe_core.documents.converter import Invalid
from teilhabe_core.model import Measure, Measurement, MeasureStatus, Plan
from tests.conftest import MINIMAL_PLAN

QUOTE = "Anführungszeichen"


def invalid(hook, value) -> Invalid:
    with pytest.raises(Invalid) as info:
        hook(value)
    return info.value


def measure_findings(extra: str) -> dict[str, th.Finding]:
    with pytest.raises(th.DocumentError) as info:
        th.loads(MINIMAL_PLAN + extra)
    found = {f.path: f for f in info.value.findings}
    assert len(found) == len(info.value.findings)
    return found


def measure(extra: str) -> Measure:
    plan = th.loads(MINIMAL_PLAN + extra)
    assert isinstance(plan, Plan)
    return plan.measures[0]


# -- scalars ------------------------------------------------------------------------------------


def test_text_hook_accepts_only_text_and_advises_quotes_for_traps_only():
    assert converter.structure_str("") == ""
    assert converter.structure_str("no") == "no"
    for trap in (True, False, 12, Decimal("1.10")):
        exc = invalid(converter.structure_str, trap)
        assert exc.code == "expected-text" and exc.params["value"] == trap
        assert QUOTE in exc.params["quote"] and "quotes" in exc.params["quote_en"]
    for plain in (None, {"a": 1}, ["a"]):
        exc = invalid(converter.structure_str, plain)
        assert exc.params["quote"] == exc.params["quote_en"] == ""


def test_text_fields_say_what_was_read(write):
    found = measure_findings("    problem: [a, b]\n    approach: ~\n    notes: no\n")
    assert found["measures[0].problem"].message.startswith(
        "Hier wird ein Text erwartet, gelesen wurde eine Liste.")
    assert QUOTE not in found["measures[0].problem"].message
    assert "nichts (leerer Wert)" in found["measures[0].approach"].message
    assert QUOTE not in found["measures[0].approach"].message
    assert QUOTE in found["measures[0].notes"].message


def test_int_hook_refuses_bools_decimals_and_text():
    assert converter.structure_int(0) == 0
    assert converter.structure_int(-3) == -3
    for value in (True, False, Decimal("1.5"), "3", None, 1.5):
        assert invalid(converter.structure_int, value).code == "expected-int"


def test_bool_hook_accepts_only_bools():
    assert converter.structure_bool(True) is True
    assert converter.structure_bool(False) is False
    for value in (1, 0, "true", None):
        assert invalid(converter.structure_bool, value).code == "expected-bool"


def test_bool_and_int_fields_from_yaml():
    m = measure("    ongoing: yes\n    progress: 40\n    crpd_articles: [9, 19]\n")
    assert m.ongoing is True and m.progress == 40 and m.crpd_articles == (9, 19)
    found = measure_findings("    ongoing: 1\n    progress: true\n    crpd_articles: [1.5]\n")
    assert {p: f.code for p, f in found.items()} == {
        "measures[0].ongoing": "expected-bool", "measures[0].progress": "expected-int",
        "measures[0].crpd_articles[0]": "expected-int"}


@pytest.mark.parametrize("value, expected", [
    (Decimal("1.25"), "1.25"), (5, "5"), (" 1.5 ", "1.5"), ("-2", "-2"), ("+3.25", "3.25"),
    ("0", "0"),
])
def test_number_hook(value, expected):
    result = converter.structure_decimal(value)
    assert type(result) is Decimal and str(result) == expected


@pytest.mark.parametrize("value", [True, False, None, "1e3", "1.", ".5", "eins", "1,5", 1.5,
                                   Decimal("Infinity"), Decimal("NaN"), float("inf"), [1]])
def test_number_hook_refuses(value):
    exc = invalid(converter.structure_decimal, value)
    assert exc.code == "expected-number"


def test_number_fields_refuse_booleans_and_special_floats(write):
    text = MINIMAL_PLAN + ("indicators:\n  - id: i1\n    name: Quote\n    baseline: true\n"
                           "    target: .inf\n")
    with pytest.raises(th.DocumentError) as info:
        th.loads(text)
    # a boolean is no number; `.inf` is a YAML 1.1 number form (infinity), refused as such
    assert {(f.path, f.code) for f in info.value.findings} == {
        ("indicators[0].baseline", "expected-number"), ("indicators[0].target", "number-form")}


# -- money --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    (12, "12.00"), (Decimal("12.5"), "12.50"), ("15000.00", "15000.00"), (" 7 ", "7.00"),
    (Decimal("0.10"), "0.10"), (Decimal("0"), "0.00"),
])
def test_money_hook_gives_cents(value, expected):
    assert str(converter.structure_money(value)) == expected


def test_negative_money_is_refused():
    assert invalid(converter.structure_money, Decimal("-3")).code == "money-negative"
    assert invalid(converter.structure_money, "-0.01").code == "money-negative"


def test_money_with_trailing_zeros_beyond_cents():
    # 1234.500 has no third decimal and is 1234.50; 12.500 may be a German thousands point
    # (twelve thousand five hundred), so it is asked about instead of read as 12.50.
    assert str(measure("    costs: 1234.500\n").costs) == "1234.50"
    assert str(converter.structure_money(Decimal("1234.500"))) == "1234.50"
    exc = invalid(converter.structure_money, Decimal("12.500"))
    assert exc.code == "money-precision" and "12500" in exc.params["hint"]


def test_money_with_a_third_decimal_is_refused():
    exc = invalid(converter.structure_money, Decimal("12.505"))
    assert exc.code == "money-precision" and exc.params["found"] == "12.505"
    assert invalid(converter.structure_money, "0.001").code == "money-precision"
    assert invalid(converter.structure_money, Decimal("12.506")).code == "money-precision"
    assert invalid(converter.structure_money, Decimal("1234.5001")).code == "money-precision"


@pytest.mark.parametrize("raw", ["true", "false", "yes", "no", "on", "viel", "[1]", "{a: 1}"])
def test_money_fields_refuse_booleans_and_non_numbers(raw):
    """Booleans in money are never taken as 1 or 0."""
    found = measure_findings(f"    costs: {raw}\n")
    f = found["measures[0].costs"]
    assert f.is_error and f.code not in ("invalid-value",)
    assert "Betrag" in f.message


def test_money_hook_refuses_booleans():
    for value in (True, False, None, "1e3", float("nan")):
        with pytest.raises(Invalid):
            converter.structure_money(value)


def test_too_large_amounts_are_refused():
    found = measure_findings("    costs: " + "9" * 27 + "\n")
    f = found["measures[0].costs"]
    assert f.is_error and f.code != "invalid-value"
    assert f.code == "money-too-large" and "9" * 17 + "..." in f.message  # shortened
    with pytest.raises(Invalid):
        converter.structure_money(Decimal("1e40"))
    with_cents = measure_findings("    costs: " + "9" * 27 + ".00\n")["measures[0].costs"]
    assert with_cents.is_error and with_cents.code != "invalid-value"


@pytest.mark.parametrize("raw", ["017", "0x1F", "0b101", "1:30"])
def test_yaml11_number_forms_in_money_are_refused(raw):
    f = measure_findings(f"    costs: {raw}\n")["measures[0].costs"]
    assert f.is_error and f.code == "number-form" and f"'{raw}'" in f.message


# -- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("2024-01-02", dt.date(2024, 1, 2)), (" 2024-1-2 ", dt.date(2024, 1, 2)),
    (dt.date(2020, 2, 29), dt.date(2020, 2, 29)), ("2024-12-31", dt.date(2024, 12, 31)),
    ("2024-02-29", dt.date(2024, 2, 29)),
])
def test_date_hook(value, expected):
    assert converter.structure_date(value) == expected


@pytest.mark.parametrize("text, reason, reason_en", [
    ("2024-13-01", "einen Monat 13 gibt es nicht", "there is no month 13"),
    ("2024-00-10", "einen Monat 0 gibt es nicht", "there is no month 0"),
    ("2023-02-29", "der Monat 2 hat keinen 29. Tag", "month 2 has no day 29"),
    ("2024-04-31", "der Monat 4 hat keinen 31. Tag", "month 4 has no day 31"),
    ("2024-01-00", "der Monat 1 hat keinen 0. Tag", "month 1 has no day 0"),
])
def test_impossible_dates_say_why(text, reason, reason_en):
    exc = invalid(converter.structure_date, text)
    assert exc.code == "invalid-date"
    assert exc.params == {"found": text, "reason": reason, "reason_en": reason_en}


def test_an_impossible_german_date_is_not_turned_into_an_iso_hint():
    """31.02.2024 has no ISO form either: the reason, not 'Schreiben Sie 2024-02-31'."""
    exc = invalid(converter.structure_date, "31.02.2024")
    assert exc.code == "invalid-date"
    assert exc.params["reason"] == "der Monat 2 hat keinen 31. Tag"


@pytest.mark.parametrize("text, iso", [
    ("31.12.2024", "2024-12-31"), ("1.2.2024", "2024-02-01"), (" 09.03.2021 ", "2021-03-09"),
])
def test_german_dates_get_the_iso_hint(text, iso):
    exc = invalid(converter.structure_date, text)
    assert exc.code == "expected-date"
    assert exc.params["found"] == f"'{text.strip()}'"
    assert exc.params["hint"] == f" Schreiben Sie {iso}."
    assert exc.params["hint_en"] == f" Write {iso}."


def test_german_date_hint_reaches_the_clerk():
    f = measure_findings("    start: 31.12.2024\n")["measures[0].start"]
    assert f.message.endswith("gelesen wurde '31.12.2024'. Schreiben Sie 2024-12-31.")
    assert f.message_en.endswith("read '31.12.2024'. Write 2024-12-31.")


@pytest.mark.parametrize("value", [dt.datetime(2024, 1, 2, 9, 0), 20240102, None, "2024/01/02",
                                   "12.2024", "2024-01-02x"])
def test_other_dates_are_refused_without_hint(value):
    exc = invalid(converter.structure_date, value)
    assert exc.code == "expected-date"
    assert exc.params["hint"] == exc.params["hint_en"] == ""


def test_datetime_hook():
    moment = dt.datetime(2023, 1, 2, 9, 30)
    assert converter.structure_datetime(moment) is moment
    assert converter.structure_datetime("2023-01-02T09:30:00") == moment
    assert converter.structure_datetime(" 2023-01-02 09:30 ") == moment
    for value in ("gestern", "", dt.date(2023, 1, 2), 5, None):
        assert invalid(converter.structure_datetime, value).code == "expected-datetime"


def test_history_entries_structure_their_time():
    history = th.loads("document: history\nfile: plan.yaml\nentries:\n"
                       "  - {object: plan, workflow: w, transition: t, from_state: a,"
                       " to_state: b, at: '2023-01-02T09:30:00', by: Amt}\n")
    assert history.entries[0].at == dt.datetime(2023, 1, 2, 9, 30)


# -- enums, lists, mappings, classes ------------------------------------------------------------


def test_enum_by_value_and_allowed_list():
    hook = converter.converter.get_structure_hook(MeasureStatus)
    assert hook("done", MeasureStatus) is MeasureStatus.DONE
    with pytest.raises(Invalid) as info:
        hook("fertig", MeasureStatus)
    exc = info.value
    assert exc.code == "enum" and exc.params["found"] == "fertig" and exc.params["trap"] is False
    assert exc.params["allowed"] == ("geplant, in Umsetzung, Daueraufgabe, abgeschlossen, "
                                     "zurückgestellt, entfallen")
    assert exc.params["allowed_en"] == ", ".join(s.value for s in MeasureStatus)
    with pytest.raises(Invalid) as info:
        hook(MeasureStatus.DONE, MeasureStatus)  # members are not values
    assert info.value.params["trap"] is True


@pytest.mark.parametrize("raw", ["no", "yes", "on", "12", "1.5", "017"])
def test_enum_fields_given_yaml11_traps_list_the_allowed_values(raw):
    """Quoting `no` would not make it a status: the allowed values are listed instead."""
    f = measure_findings(f"    status: {raw}\n")["measures[0].status"]
    assert f.code == "enum" and (f.line, f.column) == (13, 13)
    assert f.message == (f"'{raw}' ist hier nicht erlaubt. Erlaubt sind: geplant, in Umsetzung, "
                         "Daueraufgabe, abgeschlossen, zurückgestellt, entfallen.")
    assert f.message_en.endswith("Allowed: planned, in_progress, ongoing, done, postponed, "
                                 "dropped.")
    assert QUOTE not in f.message and "Schreiben Sie" not in f.message


@pytest.mark.parametrize("raw", ["fertig", "~", "[done]", "{a: 1}"])
def test_enum_fields_given_text_or_collections_do_not_advise_quotes(raw):
    f = measure_findings(f"    status: {raw}\n")["measures[0].status"]
    assert f.code == "enum"
    assert "YAML liest" not in f.message and "YAML reads" not in f.message_en


def test_lists_become_tuples_and_collect_every_bad_item():
    assert measure("    partners: [a, b]\n").partners == ("a", "b")
    hook = converter.converter.get_structure_hook(tuple[str, ...])
    assert hook(("x",), tuple[str, ...]) == ("x",)
    assert hook([], tuple[str, ...]) == ()
    found = measure_findings("    partners: [a, 5, no]\n")
    assert sorted(found) == ["measures[0].partners[1]", "measures[0].partners[2]"]
    assert {f.code for f in found.values()} == {"expected-text"}
    for value in ("a", {"a": 1}, None):
        with pytest.raises(Invalid) as info:
            hook(value, tuple[str, ...])
        assert info.value.code == "expected-list"


def test_type_predicates_choose_the_right_hooks():
    assert converter._is_enum(MeasureStatus)
    for t in (str, Measure, tuple[str, ...], int | None):
        assert not converter._is_enum(t)
    assert converter._is_tuple_ellipsis(tuple[str, ...])
    for t in (tuple[str], tuple[str, int], tuple[str, int, int], list[str], str):
        assert not converter._is_tuple_ellipsis(t)
    assert converter._is_str_dict(dict[str, str])
    for t in (str, list[str], tuple[str, ...], Measure):
        assert not converter._is_str_dict(t)


def test_str_mappings():
    hook = converter.converter.get_structure_hook(dict[str, str])
    assert hook({"gender": "female"}, dict[str, str]) == {"gender": "female"}
    m = converter.structure({"date": "2024-01-01", "value": 3, "breakdown": {"a": "b"}},
                            Measurement)
    assert m.breakdown == {"a": "b"} and m.value == Decimal(3)
    for value in (["a"], "a"):
        with pytest.raises(Invalid) as info:
            hook(value, dict[str, str])
        assert info.value.code == "expected-mapping"
    with pytest.raises(Invalid) as info:
        hook({"a": 1}, dict[str, str])
    assert info.value.code == "expected-text"


def test_classes_need_mappings():
    found = measure_findings("    partners: []\n  - 5\n  - [x]\n")
    assert {p: f.code for p, f in found.items()} == {
        "measures[1]": "expected-mapping", "measures[2]": "expected-mapping"}
    assert "die Zahl 5" in found["measures[1]"].message
    assert "eine Liste" in found["measures[2]"].message


# -- unstructuring ------------------------------------------------------------------------------


def test_dumping_a_minimal_plan_adds_no_default_fields():
    text = th.dumps(th.loads(MINIMAL_PLAN))
    assert text == ("document: plan\nid: test-plan\ncounty: boerde\nkind: action_plan\n"
                    "title: Testplan\nlife_areas:\n- id: bildung\n  name: Bildung\nmeasures:\n"
                    "- id: m1\n  title: Erste Maßnahme\n  life_areas:\n  - bildung\n")


def test_unstructure_keeps_dates_decimals_and_enum_values():
    m = measure("    status: done\n    start: 2024-01-02\n    costs: 12.5\n    partners: [a]\n")
    data = converter.unstructure(m)
    assert data == {"id": "m1", "title": "Erste Maßnahme", "life_areas": ["bildung"],
                    "partners": ["a"], "start": dt.date(2024, 1, 2), "status": "done",
                    "costs": Decimal("12.50")}
    assert list(data) == ["id", "title", "life_areas", "partners", "start", "status", "costs"]
    moment = dt.datetime(2023, 1, 2, 9, 30)
    entry = th.HistoryEntry("plan", "w", "t", "a", "b", moment, "Amt")
    assert converter.unstructure(entry)["at"] is moment


# -- findings from cattrs errors ---------------------------------------------------------------


def test_unknown_fields_sorted_with_suggestion_only_when_close():
    found = measure_findings("    zzz: 1\n    life_areas_x: 1\n")
    close, far = found["measures[0].life_areas_x"], found["measures[0].zzz"]
    assert "Meinten Sie 'life_areas'?" in close.message
    assert "Did you mean 'life_areas'?" in close.message_en
    assert "Meinten" not in far.message and "Did you mean" not in far.message_en
    assert "Erlaubte Felder: id, title, life_areas, problem," in far.message
    assert list(found) == ["measures[0].life_areas_x", "measures[0].zzz"]


def test_missing_fields_are_named():
    found = measure_findings("  - id: m2\n")
    assert {p: f.code for p, f in found.items()} == {
        "measures[1].title": "missing-field", "measures[1].life_areas": "missing-field"}
    assert "'title'" in found["measures[1].title"].message


@attrs.frozen
class Inner:
    n: int


@attrs.frozen
class Outer:
    items: tuple[Inner, ...]
    name: str = ""


def test_findings_from_paths_and_other_exceptions():
    with pytest.raises(Exception) as info:
        converter.structure({"items": [{"n": 1}, {"n": "x"}], "name": 3}, Outer)
    got = {(f.path, f.code) for f in converter.findings_from(info.value)}
    assert got == {("items[1].n", "expected-int"), ("name", "expected-text")}
    with pytest.raises(Exception) as info:
        converter.structure({"items": [{"n": True}]}, Outer)
    assert [f.path for f in converter.findings_from(info.value, "root")] == ["root.items[0].n"]
    got = converter.findings_from(Invalid("expected-int", found="x", value="x"), "a.b")
    assert [(f.path, f.code) for f in got] == [("a.b", "expected-int")]
    (odd,) = converter.findings_from(ValueError(), "x")
    assert (odd.code, odd.path) == ("invalid-value", "x") and "ValueError" in odd.message
    (odd,) = converter.findings_from(ValueError("kaputt"), "")
    assert "kaputt" in odd.message


def test_field_names_in_order():
    assert converter.field_names(Measure)[:3] == ("id", "title", "life_areas")
