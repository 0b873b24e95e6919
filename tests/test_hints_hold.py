"""Advice that holds (issue 17, point 3): a finding never proposes a value that is itself
refused. Every proposal the loader makes (quote the value, the ISO date, the plain number,
the plain amount, ``[]``) is written back into the file and loaded again: the field then
has no finding."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from tests.conftest import MINIMAL_PLAN

BASE = MINIMAL_PLAN.replace("    life_areas: [bildung]\n", "")
"""A plan whose one measure has only an id and a title; the field under test is added."""

FIELDS = ["life_areas", "notes", "responsible_office", "start", "end", "progress", "costs",
          "status", "priority", "ongoing", "crpd_articles", "title", "id", "dropped_reason"]
TRAPS = ["no", "yes", "On", "off", "~", "1.10", "12:30", "017", "055", "0x1F", "1_000", ".5",
         "1.5e+3", "+5", "55", "0", "-3", "100", "101", "true", "1", "3.5", "2024-13-01",
         "31.02.2024", "01.01.2019", "11.12.2019", "1.500,50", "12.500", "1.000.000.000.000.000,00",
         "[]", "[55]", "[no]", "[017]", "[bildung, no]", "", "fertig", "geplant", "hoch",
         "In Umsetzung", "Daueraufgabe", "bildung", "[bildung]", "2030-01-01", ".inf"]

PROPOSALS = [
    (re.compile(r'Schreiben Sie: "([^"]*)"$'), lambda m: f'"{m[1]}"'),
    (re.compile(r"hier wohl ([-\d.]+)\.$"), lambda m: m[1]),
    (re.compile(r"Schreiben Sie (\d{4}-\d{2}-\d{2})\.$"), lambda m: m[1]),
    (re.compile(r"Komma und Währung: (\S+)$"), lambda m: m[1]),
    (re.compile(r"Ist die Liste leer, schreiben Sie \[\]\.$"), lambda m: "[]"),
]


def plan_with(field: str, raw: str) -> str:
    """The plan with ``field: raw`` in its measure (and a life area where the field is
    another one, since a measure needs one); ``end`` comes with a start to be after."""
    lines = f"    {field}: {raw}\n"
    if field != "life_areas":
        lines += "    life_areas: [bildung]\n"
    if field == "end":
        lines += "    start: 2020-01-01\n"
    return BASE + lines


def findings(text: str) -> list[th.Finding]:
    try:
        th.loads(text)
    except th.DocumentError as exc:
        return list(exc.findings)
    return []


def proposals(f: th.Finding) -> list[str]:
    """The values ``f`` proposes, as they would be typed into the file."""
    found = [make(m) for pattern, make in PROPOSALS if (m := pattern.search(f.message))]
    thousands = re.search(r"schreiben Sie (\S+); sind .* schreiben Sie (\S+)\.$", f.message)
    return found + (list(thousands.groups()) if thousands else [])


def under(path: str, parent: str) -> bool:
    return path == parent or path.startswith((parent + ".", parent + "["))


def check_every_proposal(field: str, raw: str) -> int:
    """Write each proposal back and load: the field has no finding. Returns how many."""
    made = 0
    for f in findings(plan_with(field, raw)):
        for value in proposals(f):
            made += 1
            if f.path.endswith("]"):  # an element of a flow list: replace that element
                items = raw.strip("[]").split(",")
                items[int(f.path.rsplit("[", 1)[1][:-1])] = value
                value = "[" + ", ".join(i.strip() for i in items) + "]"
            again = [g for g in findings(plan_with(field, value))
                     if under(g.path, f"measures[0].{field}")]
            assert again == [], (field, raw, f.message, value, [g.message for g in again])
    return made


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("raw", TRAPS)
def test_every_proposal_is_accepted_when_written_back(field, raw):
    check_every_proposal(field, raw)


def test_the_traps_do_lead_to_proposals():
    made = sum(check_every_proposal(f, r) for f in FIELDS for r in TRAPS)
    assert made >= 60


yaml_scalars = st.one_of(
    st.sampled_from(TRAPS),
    st.from_regex(r"[-+]?(0[0-7]{1,3}|0x[0-9A-F]{1,3}|\d{1,3}(\.\d{3}){1,2}(,\d\d)?|"
                  r"\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}_\d{3}|\.\d{1,2})", fullmatch=True))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS), yaml_scalars)
@example("costs", "0.000")  # proposed "0000", which YAML reads as an octal form
@example("costs", "0.000.000")  # proposed "0000000", the same
@example("costs", "00.000,50")  # proposed "00000.50"
def test_property_no_proposal_is_refused(field, raw):
    check_every_proposal(field, raw)


# -- the cases named in the issue ------------------------------------------------------------


@pytest.mark.parametrize(("field", "raw", "expected"), [
    ("status", "no", "'no' ist hier nicht erlaubt. Erlaubt sind: geplant, in Umsetzung, "
                     "Daueraufgabe, abgeschlossen, zurückgestellt, entfallen."),
    ("crpd_articles", "[55]", "Der Wert 55 liegt außerhalb von 1 bis 50."),
    ("crpd_articles", "[055]", "'055' ist keine einfach geschriebene Zahl: YAML liest das als "
                               "45 (eine führende Null macht die Zahl zur Oktalzahl). Schreiben "
                               "Sie die Zahl nur mit Ziffern und höchstens einem Punkt. Auch 55 "
                               "ginge hier nicht: Der Wert 55 liegt außerhalb von 1 bis 50."),
    ("ongoing", "1", "Hier wird true oder false erwartet, gelesen wurde die Zahl 1."),
    ("progress", "true", "Hier wird eine ganze Zahl erwartet, gelesen wurde der Wahrheitswert "
                         "true."),
    ("life_areas", "[no]", "Hier wird ein Text erwartet, gelesen wurde der Wahrheitswert false. "
                           "Auch \"no\" ginge hier nicht: 'no' verweist auf einen Lebensbereich"),
    ("end", "01.01.2019", "gelesen wurde '01.01.2019'. Auch 2019-01-01 ginge hier nicht: Das "
                          "Ende (01.01.2019) liegt vor dem Beginn (01.01.2020)."),
    ("end", "31.02.2024", "'31.02.2024' ist kein gültiges Datum: der Monat 2 hat keinen 31. "
                          "Tag."),
])
def test_the_misleading_hints_of_the_issue_are_gone(field, raw, expected):
    (f,) = [f for f in findings(plan_with(field, raw)) if under(f.path, f"measures[0].{field}")]
    assert expected in f.message
    assert proposals(f) == []


def test_an_empty_list_gets_the_empty_list_proposal():
    text = ("document: evaluation\nid: e1\nplan: p\ncounty: boerde\nreference_date: 2020-12-31\n"
            "title: T\nentries:\n")
    (f,) = findings(text)
    assert f.message == ("Hier wird eine Liste erwartet (Zeilen mit '- '), gelesen wurde nichts "
                         "(leerer Wert). Ist die Liste leer, schreiben Sie [].")
    assert findings(text.replace("entries:\n", "entries: []\n")) == []


def test_a_proposal_is_kept_when_other_errors_of_the_file_are_set_aside():
    """Another broken field does not keep the judge from checking the proposal."""
    text = plan_with("notes", "no") + "    progress: viel\n    costs: teuer\n"
    notes = next(f for f in findings(text) if f.path == "measures[0].notes")
    assert notes.message.endswith('Schreiben Sie: "no"')
    text = plan_with("life_areas", "[no]") + "    progress: viel\n"
    areas = next(f for f in findings(text) if f.path == "measures[0].life_areas[0]")
    assert "Auch \"no\" ginge hier nicht" in areas.message
