"""The calendar exporter's own iCalendar writer (plugins/default_exporters/ics.py) writes
the bytes the ``icalendar`` package writes, and ``icalendar`` reads its texts back."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st
from teilhabe_plugins.default_exporters import ics

# any text a document may hold: line breaks, the escaped characters, a caret, umlauts,
# characters of 2, 3 and 4 octets in UTF-8 (so folding must count octets)
CHARS = st.sampled_from(list("ab ,;:\\^\n\r\"'=xÄßé–€😀N")) | st.characters(
    codec="utf-8", exclude_categories=("Cs",))
TEXTS = st.text(CHARS, max_size=200)
LONG = st.text(st.sampled_from(list("abc\\,;^ ß€😀N")), min_size=60, max_size=300) | st.text(
    st.sampled_from(list("abc\\,;^ N")), min_size=60, max_size=300)
DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))
TIMES = st.times()


def library_event(uid: str, summary: str, start: dt.date | dt.datetime, end: dt.date | None,
                  texts: dict[str, str]) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    event.add("summary", summary)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    for name, value in texts.items():
        event.add(name, value)
    return event


def event_pair(uid: str, summary: str, day: dt.date, at: dt.time | None, end: dt.date | None,
               texts: dict[str, str]) -> tuple[icalendar.Event, ics.Event]:
    stamp = ics.datetime_value(dt.datetime(2000, 1, 1), "UTC")
    if at is None:
        until = end or day
        return (library_event(uid, summary, day, until, texts),
                ics.Event(uid, stamp, summary, ics.date_value(day), ics.date_value(until),
                          **texts))
    moment = dt.datetime.combine(day, at)
    return (library_event(uid, summary, moment.replace(tzinfo=ZoneInfo("Europe/Berlin")), None,
                          texts),
            ics.Event(uid, stamp, summary, ics.datetime_value(moment, "Europe/Berlin"),
                      **texts))


EVENTS = st.tuples(TEXTS, TEXTS | LONG, DAYS, st.none() | TIMES, st.none() | DAYS,
                   st.dictionaries(st.sampled_from(["description", "location"]),
                                   TEXTS | LONG, max_size=2))


@settings(max_examples=300, deadline=None)
@given(name=(TEXTS | LONG).filter(lambda t: "\r" not in t and "\n" not in t),
       prodid=TEXTS, events=st.lists(EVENTS, max_size=4))
def test_same_bytes_as_icalendar(name: str, prodid: str,
                                 events: list[tuple[str, str, dt.date, dt.time | None,
                                                    dt.date | None, dict[str, str]]]) -> None:
    library = icalendar.Calendar()
    library.add("prodid", prodid)
    library.add("version", "2.0")
    library.add("x-wr-calname", name)
    ours = []
    for event in events:
        theirs, mine = event_pair(*event)
        library.add_component(theirs)
        ours.append(mine)
    written = ics.calendar({"prodid": prodid, "version": "2.0", "x-wr-calname": name}, ours)
    assert written == library.to_ical()
    parsed = icalendar.Calendar.from_ical(written)
    assert [str(e["summary"]) for e in parsed.walk("VEVENT")] == [
        unescaped(e[1]) for e in events]


def unescaped(text: str) -> str:
    """What a reader gets back from a TEXT value: every line break as LF (RFC 5545 has
    only ``\\n``), ``\\N`` read as one."""
    return text.replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=300, deadline=None)
@given(TEXTS | LONG)
def test_folded_lines_stay_below_75_octets_and_unfold_to_the_line(text: str) -> None:
    line = f"DESCRIPTION:{ics.escape(text)}"
    folded = ics.fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_escaping() -> None:
    assert ics.escape("a,b;c\\d\ne\r\nf\rg") == "a\\,b\\;c\\\\d\\ne\\nf\\ng"
    assert ics.unknown("Börde, 2.\nFassung") == "Börde, 2.\\nFassung"


def test_line_breaks_in_a_calendar_name_stay_inside_its_line() -> None:
    written = ics.calendar({"x-wr-calname": "a\nb\r\nc"}, [])
    assert written == b"BEGIN:VCALENDAR\r\nX-WR-CALNAME:a\\nb\\nc\r\nEND:VCALENDAR\r\n"
    assert icalendar.Calendar.from_ical(written)["x-wr-calname"] == "a\\nb\\nc"
