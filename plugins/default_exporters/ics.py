"""A small iCalendar (RFC 5545) writer for the calendar exporter: TEXT escaping, content
lines folded at 75 octets, CRLF line ends.

It writes exactly the bytes the ``icalendar`` package writes for the same properties
(property order, escaping, folding; ``tests/test_ics.py`` compares both on generated
texts and parses the result with ``icalendar``), at a fraction of its cost: the package
builds a parameter dictionary, a typed value and a content-line object per property.
"""

from __future__ import annotations

import datetime as dt
import re

LIMIT = 75
"""Octets after which a content line is folded (``icalendar`` keeps each part below it)."""


_SPECIAL = re.compile(r"[\\;,\r\n]")


def escape(text: str) -> str:
    r"""A TEXT value (RFC 5545 3.3.11): ``\ ; ,`` escaped, every line break as ``\n``
    (``\N`` read as a line break, like ``icalendar``)."""
    if _SPECIAL.search(text) is None:
        return text
    return (text.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
            .replace("\r", "\\n"))


def fold(line: str) -> str:
    """``line`` folded (CRLF and a space) so that no part reaches 75 octets of UTF-8; an
    escape's backslash is not left at the end of a part (as ``icalendar`` does)."""
    if len(line) < LIMIT // 4:
        return line
    size = len(line.encode())
    if size < LIMIT:
        return line
    parts: list[str] = []
    if size == len(line):  # ASCII: a part is 74 characters (73 before a carried escape)
        start = 0
        while len(line) - start >= LIMIT:
            end = start + LIMIT - 1
            if line[end - 1] in "\\^":
                end -= 1
            parts.append(line[start:end])
            start = end
        parts.append(line[start:])
        return "\r\n ".join(parts)
    current: list[str] = []
    count = 0
    for char in line:
        code = ord(char)
        size = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        if current and count + size >= LIMIT:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                parts.append("".join(current))
                current, count = [carried], 1
            else:
                parts.append("".join(current))
                current, count = [], 0
        current.append(char)
        count += size
    if current:
        parts.append("".join(current))
    return "\r\n ".join(parts)


def date_value(day: dt.date) -> str:
    """``;VALUE=DATE:YYYYMMDD`` (the part after the property name)."""
    return f";VALUE=DATE:{day.year:04}{day.month:02}{day.day:02}"


def datetime_value(moment: dt.datetime, tzid: str) -> str:
    """``:YYYYMMDDTHHMMSSZ`` for UTC (``tzid`` "UTC"), else ``;TZID=…:YYYYMMDDTHHMMSS``."""
    stamp = (f"{moment.year:04}{moment.month:02}{moment.day:02}"
             f"T{moment.hour:02}{moment.minute:02}{moment.second:02}")
    return f":{stamp}Z" if tzid == "UTC" else f";TZID={tzid}:{stamp}"


class Event:
    """One VEVENT: its content lines in ``icalendar``'s order (SUMMARY, DTSTART, DTEND,
    DTSTAMP, UID, then the others alphabetically)."""

    __slots__ = ("lines",)

    def __init__(self, uid: str, stamp: str, summary: str, start: str, end: str = "",
                 **texts: str) -> None:
        """``stamp``, ``start`` and ``end``: values from :func:`date_value` or
        :func:`datetime_value`; ``texts``: further TEXT properties by lower-case name."""
        self.lines = ["BEGIN:VEVENT", f"SUMMARY:{escape(summary)}", f"DTSTART{start}",
                      *([f"DTEND{end}"] if end else []), f"DTSTAMP{stamp}",
                      f"UID:{escape(uid)}",
                      *(f"{name.upper()}:{escape(texts[name])}" for name in sorted(texts)),
                      "END:VEVENT"]


def unknown(text: str) -> str:
    r"""The value of an extension property (``X-…``): written as it is, like
    ``icalendar`` writes it (whose type it does not know), but a line break as ``\n``
    (where ``icalendar`` fails)."""
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def calendar(properties: dict[str, str], events: list[Event]) -> bytes:
    """A VCALENDAR with ``properties`` (VERSION, PRODID, X-WR-CALNAME … in ``icalendar``'s
    order; TEXT, extensions see :func:`unknown`) and ``events``, as UTF-8 with CRLF line
    ends."""
    first = ("version", "prodid", "calscale", "method", "description", "x-wr-caldesc",
             "name", "x-wr-calname")
    names = [n for n in first if n in properties] + sorted(set(properties) - set(first))
    lines = ["BEGIN:VCALENDAR",
             *(f"{n.upper()}:{(unknown if n.startswith('x-') else escape)(properties[n])}"
               for n in names)]
    for event in events:
        lines.extend(event.lines)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
