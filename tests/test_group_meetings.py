"""Working-group meetings (date, optional time and place, topic): read and written in
YAML and JSON, described by the schema, checked, shown on the area page and in the area
and plan calendars with stable UIDs. The shipped sources name no meeting dates, so the
tests use a copy of the Nienburg area with meetings added as a fixture."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import teilhabe_core as th
from teilhabe_core.app import Teilhabe
from teilhabe_core.documents.schema import document_schema
from teilhabe_core.documents.yamlsafe import parse_yaml
from teilhabe_core.plugin import area_from_folder, hookimpl

MEETINGS = """\
    meetings:
      - date: 2019-09-10
        time: 17:30
        place: Kreishaus, Raum 101
        topic: Bestandsaufnahme <Wohnen> & Barrieren
      - date: 2019-10-08
        topic: Entwurf der Maßnahmen
        example: true
"""
GROUP = "  - id: ag-wohnen\n    name: Arbeitsgruppe Wohnen\n    life_areas: [wohnen]\n"


def with_meetings(text: str, meetings: str = MEETINGS) -> str:
    """The Nienburg profile with meetings for its (here: real) housing group."""
    assert GROUP + "    example: true\n" in text
    return text.replace(GROUP + "    example: true\n", GROUP + meetings, 1)


@pytest.fixture(scope="module")
def area_app(tmp_path_factory: pytest.TempPathFactory) -> Teilhabe:
    copy = tmp_path_factory.mktemp("meetings") / "nienburg"
    shutil.copytree(Teilhabe.discover().area("nienburg").profile_file.parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    profile = copy / "area.yaml"
    profile.write_text(with_meetings(profile.read_text("utf-8")), "utf-8")

    class Copy:
        @hookimpl
        def teilhabe_areas(self):
            return [area_from_folder(copy)]

    return Teilhabe.discover(disable=["nienburg"], plugins=[Copy()])


def profile_text() -> str:
    return (Path(Teilhabe.discover().area("nienburg").profile_file)).read_text("utf-8")


def test_meetings_are_read_with_time_place_topic_and_example():
    area = th.loads(with_meetings(profile_text()))
    group = next(g for g in area.working_groups if g.id == "ag-wohnen")
    first, second = group.meetings
    assert (first.date, first.time, first.place) == (dt.date(2019, 9, 10), dt.time(17, 30),
                                                     "Kreishaus, Raum 101")
    assert not first.example and second.example and second.time is None


def test_meetings_survive_yaml_and_json_and_match_the_schema():
    area = th.loads(with_meetings(profile_text()))
    assert th.loads(th.dumps(area)) == area
    assert th.loads(th.dumps(area, "json"), "json") == area
    assert "time: '17:30'" in th.dumps(area) or 'time: "17:30"' in th.dumps(area)
    validator = Draft202012Validator(document_schema())
    data = parse_yaml(th.dumps(area))
    assert list(validator.iter_errors(data)) == []
    data["working_groups"][0]["meetings"][0]["time"] = "25:00"
    assert list(validator.iter_errors(data))


@pytest.mark.parametrize(("meetings", "code", "path"), [
    ("    meetings:\n      - date: 2019-09-10\n        time: 25:00\n", "expected-time",
     "working_groups[0].meetings[0].time"),
    ("    meetings:\n      - date: 2019-09-10\n        time: abends\n", "expected-time",
     "working_groups[0].meetings[0].time"),
    ("    meetings:\n      - date: 2019-09-10\n      - date: 2019-09-10\n",
     "duplicate-meeting", "working_groups[0].meetings[1].date"),
])
def test_bad_meetings_are_findings_with_line_and_path(meetings, code, path):
    with pytest.raises(th.DocumentError) as caught:
        th.loads(with_meetings(profile_text(), meetings))
    (found,) = [f for f in caught.value.findings if f.code == code]
    assert found.path == path and found.line > 40
    assert "Uhrzeit wie 18:00" in found.message or "schon einmal" in found.message


def test_area_and_plan_calendars_hold_the_meetings_with_stable_uids(area_app):
    from icalendar import Calendar

    area = area_app.area("nienburg").area
    plan = area_app.documents("nienburg").current_plan()
    for document in (area, plan):
        ics = area_app.render(document, "ical")[0].data()
        assert ics == area_app.render(document, "ical")[0].data()
        events = {str(e["uid"]): e for e in Calendar.from_ical(ics).walk("VEVENT")}
        timed = events["nienburg-meeting-ag-wohnen-2019-09-10-1730@teilhabe.example.org"]
        assert timed.decoded("dtstart") == dt.datetime(
            2019, 9, 10, 17, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        assert str(timed["location"]) == "Kreishaus, Raum 101"
        assert str(timed["summary"]) == "Treffen: Arbeitsgruppe Wohnen"
        example = events["nienburg-meeting-ag-wohnen-2019-10-08@teilhabe.example.org"]
        assert example.decoded("dtstart") == dt.date(2019, 10, 8)
        assert str(example["summary"]).endswith("(Beispiel)")
        assert "Beispiel" in str(example["description"])
    # the illustrative measures of the plan are marked as such in the calendar too
    ics = area_app.render(plan, "ical")[0].data().decode("utf-8")
    assert "SUMMARY:Beginn:" in ics and "(Beispiel)" in ics


def test_area_page_lists_the_meetings_escaped_and_marks_examples(area_app):
    from teilhabe_core.publish.site import area_page

    html = area_page(area_app, "nienburg", []).data().decode("utf-8")
    assert ("Treffen am 10. September 2019 um 17:30 Uhr, Ort: Kreishaus, Raum 101, Thema: "
            "Bestandsaufnahme &lt;Wohnen&gt; &amp; Barrieren</li>") in html
    assert "Treffen am 8. Oktober 2019, Thema: Entwurf der Maßnahmen " \
           '<span class="badge">Beispiel</span></li>' in html


def test_the_shipped_sources_name_no_meeting_dates(app):
    for source in app.areas():
        assert all(not g.meetings for g in source.area.working_groups), source.id
