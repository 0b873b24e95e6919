"""German values wherever a clerk types one (issue 17, point 1).

Every enum value is read from its id and its German name (case, blanks and umlaut spelling
aside); files are written with ids; the table import and status rounds use the same
matching; messages list the German names (the English message the ids).
"""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.documents import converter
from teilhabe_core.documents.kinds import DOCUMENT_KINDS
from teilhabe_core.model import Measure, MeasureStatus, Priority, names
from teilhabe_core.model.labels import LABELS
from tests.conftest import MINIMAL_PLAN, ROOT


def _enums_in(tp: Any, seen: set[Any], found: set[type[Enum]]) -> None:
    if isinstance(tp, type) and issubclass(tp, Enum):
        found.add(tp)
    elif attrs.has(tp) and tp not in seen:
        seen.add(tp)
        for hint in typing.get_type_hints(tp).values():
            _enums_in(hint, seen, found)
    for arg in typing.get_args(tp):
        _enums_in(arg, seen, found)


def document_enums() -> list[type[Enum]]:
    """Every enum a clerk can type somewhere in a document."""
    found: set[type[Enum]] = set()
    seen: set[Any] = set()
    for cls in DOCUMENT_KINDS.values():
        _enums_in(cls, seen, found)
    return sorted(found, key=lambda e: e.__name__)


ENUMS = document_enums()
MEMBERS = [m for e in ENUMS for m in e]


def test_the_documents_use_many_enums():
    assert {"MeasureStatus", "Priority", "PaperType", "ConsultationRole", "ConsultationResult",
            "BodyKind", "EventKind", "Severity", "Conformity", "ParticipantGroup",
            "GoalLevel"} <= {e.__name__ for e in ENUMS}


@pytest.mark.parametrize("member", MEMBERS, ids=str)
def test_every_value_has_a_german_name(member):
    assert LABELS.get(member), f"{member} has no German label"
    assert names.german(member) == LABELS[member] != ""


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_typed_names_of_an_enum_are_unambiguous(enum):
    # member_of builds the enum's table; two values sharing a key raise AmbiguousName
    for member in enum:
        for name in names.names(member):
            assert names.member_of(enum, name) is member


def variants(name: str) -> set[str]:
    spelled = name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    bare = name.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    return {name, name.upper(), name.lower(), name.capitalize(), name.swapcase(), spelled,
            bare, spelled.upper(), f"  {name} ", name.replace(" ", "_"), name.replace(" ", "  ")}


@pytest.mark.parametrize("member", MEMBERS, ids=str)
def test_german_name_id_and_their_variants_convert_to_the_value(member):
    hook = converter.converter.get_structure_hook(type(member))
    for name in names.names(member):
        for typed in variants(name):
            assert hook(typed, type(member)) is member, typed


@pytest.mark.parametrize(("typed", "member"), [
    ("in Umsetzung", MeasureStatus.IN_PROGRESS), ("In umsetzung", MeasureStatus.IN_PROGRESS),
    ("IN UMSETZUNG", MeasureStatus.IN_PROGRESS), ("in_progress", MeasureStatus.IN_PROGRESS),
    ("abgeschlossen", MeasureStatus.DONE), ("Abgeschlossen", MeasureStatus.DONE),
    ("Daueraufgabe", MeasureStatus.ONGOING), ("daueraufgabe", MeasureStatus.ONGOING),
    ("zurückgestellt", MeasureStatus.POSTPONED), ("zurueckgestellt", MeasureStatus.POSTPONED),
    ("Zuruckgestellt", MeasureStatus.POSTPONED), ("hoch", Priority.HIGH),
    ("Hoch", Priority.HIGH), ("niedrig", Priority.LOW),
])
def test_examples_from_the_issue(typed, member):
    assert converter.structure(typed, type(member)) is member


def _mixed_case(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if flip else c.lower() for c, flip in zip(text, flips, strict=True))


@st.composite
def typed_names(draw: st.DrawFn) -> tuple[Enum, str]:
    """A value and what a clerk might type for it: a name in any case, umlauts spelled
    out or bare, words joined by blanks, ``_`` or ``-``."""
    member = draw(st.sampled_from(MEMBERS))
    name = draw(st.sampled_from(names.names(member)))
    for umlaut, spelled, bare in (("ä", "ae", "a"), ("ö", "oe", "o"), ("ü", "ue", "u")):
        name = name.replace(umlaut, draw(st.sampled_from([umlaut, spelled, bare])))
    joiner = draw(st.sampled_from([" ", "_", "-", "  "]))
    name = joiner.join(name.replace("_", " ").split())
    return member, _mixed_case(draw, name)


@given(typed_names())
def test_property_every_typed_name_converts_to_its_value_and_dumps_as_the_id(pair):
    member, typed = pair
    value = converter.structure(typed, type(member))
    assert value is member
    assert converter.unstructure(value) == member.value
    assert converter.structure(converter.unstructure(value), type(member)) is member


def test_a_plan_written_in_german_loads_and_dumps_with_ids():
    text = MINIMAL_PLAN.replace("kind: action_plan", "kind: Aktionsplan").replace(
        "status: draft", "") + "    status: in Umsetzung\n    priority: Hoch\n"
    plan = th.loads(text + "status: In Beratung\n")
    assert plan.kind is th.PlanKind.ACTION_PLAN
    assert plan.status is th.PlanStatus.IN_CONSULTATION
    measure = plan.measures[0]
    assert (measure.status, measure.priority) == (MeasureStatus.IN_PROGRESS, Priority.HIGH)
    dumped = th.dumps(plan)
    assert "kind: action_plan" in dumped and "status: in_progress" in dumped
    assert "priority: high" in dumped and "status: in_consultation" in dumped
    assert th.loads(dumped) == plan


def test_a_wrong_value_lists_the_german_names_and_the_ids_in_english():
    with pytest.raises(th.DocumentError) as info:
        th.loads(MINIMAL_PLAN + "    status: fertig\n    priority: dringend\n")
    status, priority = info.value.findings
    assert status.message == ("'fertig' ist hier nicht erlaubt. Erlaubt sind: geplant, in "
                              "Umsetzung, Daueraufgabe, abgeschlossen, zurückgestellt, entfallen.")
    assert status.message_en == ("'fertig' is not allowed here. Allowed: planned, in_progress, "
                                 "ongoing, done, postponed, dropped.")
    assert priority.message.endswith("Erlaubt sind: hoch, mittel, niedrig.")
    assert "high" not in priority.message and "high, medium, low" in priority.message_en


def test_names_of_one_value_are_german_first_and_the_id_last():
    assert names.names(MeasureStatus.IN_PROGRESS) == ("in Umsetzung", "in_progress")
    assert names.names(th.ParticipantGroup.POLITICS) == (
        "Politik (Kreistag, Ausschüsse)", "Politik", "politics")
    assert names.member_of(th.ParticipantGroup, "politik") is th.ParticipantGroup.POLITICS
    assert names.member_of(MeasureStatus, "fertig") is None
    assert names.member_of(MeasureStatus, "") is None


def test_an_ambiguous_table_is_refused():
    with pytest.raises(names.AmbiguousName):
        names.table([("Beirat", 1), ("beirat", 2)])
    with pytest.raises(names.AmbiguousName):
        names.table([("Träger", 1), ("Traeger", 2)])
    assert names.table([("Träger", 1), ("traeger", 1)]) == {"traeger": 1, "trager": 1}


def test_german_status_text_is_not_a_measure_field_trap():
    """A German name is text: quoting is never needed, and a bare id stays an id."""
    plan = th.loads(MINIMAL_PLAN + '    status: "abgeschlossen"\n')
    assert plan.measures[0].status is MeasureStatus.DONE
    assert isinstance(plan.measures[0], Measure)


# -- the table import and status rounds use the same matching ------------------------------


def test_table_import_reads_german_names_in_any_spelling():
    from teilhabe_plugins.default_exporters.tables import import_rows

    target = th.loads(MINIMAL_PLAN)
    header = ["ID", "Titel", "Lebensbereiche", "Status", "Priorität"]
    rows = [["m1", "Erste Maßnahme", "bildung", "In umsetzung", "Hoch"],
            ["m2", "Zweite", "bildung", "zurueckgestellt", "niedrig"],
            ["m3", "Dritte", "bildung", "done", "medium"]]
    plan = import_rows([header, *rows], target, "t.csv", "replace")
    assert [(m.status, m.priority) for m in plan.measures] == [
        (MeasureStatus.IN_PROGRESS, Priority.HIGH), (MeasureStatus.POSTPONED, Priority.LOW),
        (MeasureStatus.DONE, Priority.MEDIUM)]


def test_table_import_errors_list_the_german_names():
    from teilhabe_plugins.default_exporters.tables import import_rows

    header = ["ID", "Titel", "Lebensbereiche", "Status"]
    with pytest.raises(th.DocumentError) as info:
        import_rows([header, ["m1", "Erste", "bildung", "fertig"]], th.loads(MINIMAL_PLAN),
                    "t.csv", "replace")
    (f,) = info.value.findings
    assert f.format("de") == (
        "t.csv:2:4: error: Zeile 2, Spalte 'Status': 'fertig' ist hier nicht erlaubt. Erlaubt "
        "sind: geplant, in Umsetzung, Daueraufgabe, abgeschlossen, zurückgestellt, entfallen.")


@pytest.mark.parametrize(("text", "state"), [
    ("In umsetzung", "in_progress"), ("abgeschlossen", "done"), ("ABGESCHLOSSEN", "done"),
    ("done", "done"), ("zurueckgestellt", "postponed"), ("Daueraufgabe", "ongoing"),
    ("fertig", None)])
def test_round_returns_name_states_like_the_converter(app, text, state):
    from teilhabe_core.evaluation.round import state_of_text

    assert state_of_text(app.workflows().get("measure", None), text) == state


def test_an_area_state_label_and_the_value_name_both_name_the_state(app):
    flow = app.workflows().get("plan", "boerde")
    assert flow.state_named("vom Kreistag beschlossen") == "adopted"
    assert flow.state_named("Beschlossen") == "adopted"
    assert flow.state_label("adopted") == "vom Kreistag beschlossen"


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_the_clerks_page_lists_the_names_of_every_vocabulary(enum):
    page = (ROOT / "docs" / "writing-yaml.md").read_text("utf-8")
    extra = [a for m in enum for a in names.ALIASES.get(m, ())]
    german = names.allowed(enum) + (f" (also: {', '.join(extra)})" if extra else "")
    assert f"| {german} | {names.allowed_ids(enum)} |" in page


# -- the command line reads German values too ------------------------------------------------


@pytest.mark.parametrize("typed", ["leicht", "Leichte Sprache", "easy", "EASY"])
def test_export_takes_the_variant_by_its_german_name(tmp_path, capsys, typed):
    from teilhabe_core.cli import main

    plan = ROOT / "counties" / "boerde" / "data" / "aktionsplan-2.yaml"
    assert main(["export", str(plan), "--format", "html", "--variant", typed, "--out",
                 str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert 'lang="de"' in page and "Leichte Sprache" in page
    capsys.readouterr()


def test_new_county_takes_the_kind_by_its_german_name(tmp_path, capsys):
    from teilhabe_core.cli import main

    assert main(["new-county", "harz", "--name", "Stadt Harz", "--state", "Sachsen-Anhalt",
                 "--kind", "Kreisfreie Stadt", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    (profile,) = tmp_path.glob("*/*/area.yaml")
    assert th.load(profile).kind is th.AreaKind.KREISFREIE_STADT
    assert "kind: kreisfreie_stadt" in profile.read_text("utf-8")
