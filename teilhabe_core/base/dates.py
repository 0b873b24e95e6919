"""Calendar and clock arithmetic shared by workflows, deadlines, evaluations and roll-ups.

Times of the audit trail follow one convention (docs/workflows.md): every ``at`` is an
aware timestamp in Europe/Berlin time. A time without a UTC offset — typed by a clerk or
found in an older journal — is taken as Berlin local time. Date arithmetic that leaves the
calendar (years 1 to 9999) raises :class:`~teilhabe_core.base.errors.UsageError`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .datetext import BERLIN as BERLIN  # the stored convention's time zone
from .datetext import as_written, date_text
from .errors import UsageError
from .i18n import _, ngettext


def _out_of_range(day: dt.date, amount: int, months: bool) -> UsageError:
    sign, n = "+" if amount >= 0 else "-", abs(amount)
    if months:
        text = ngettext("The date calculation {day} {sign} {n} month lies outside the "
                        "calendar (years 1 to 9999).", "The date calculation {day} {sign} {n} "
                        "months lies outside the calendar (years 1 to 9999).", n,
                        day=date_text(day), sign=sign)
    else:
        text = ngettext("The date calculation {day} {sign} {n} day lies outside the calendar "
                        "(years 1 to 9999).", "The date calculation {day} {sign} {n} days "
                        "lies outside the calendar (years 1 to 9999).", n,
                        day=date_text(day), sign=sign)
    return UsageError(text)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (negative: back), clamped to the month's last day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise _out_of_range(day, months, True)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days`` (negative: back)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise _out_of_range(day, days, False) from None


def aware(moment: dt.datetime) -> dt.datetime:
    """``moment`` with a UTC offset: a naive time is taken as Berlin local time."""
    return moment.replace(tzinfo=BERLIN) if moment.tzinfo is None else moment


def berlin(moment: dt.datetime) -> dt.datetime:
    """``moment`` as an aware Berlin time (the stored convention)."""
    try:
        return aware(moment).astimezone(BERLIN)
    except OverflowError:
        raise UsageError(_("The time {moment} lies outside the calendar.",
                           moment=as_written(moment))) from None


def local_date(moment: dt.datetime) -> dt.date:
    """The calendar day of ``moment`` in Berlin."""
    return berlin(moment).date()


def now() -> dt.datetime:
    """The current time in Berlin, to the second."""
    return dt.datetime.now(BERLIN).replace(microsecond=0)


def today() -> dt.date:
    """The current calendar day in Berlin: the day :func:`now` stamps on a step.

    Every "today" default uses this, never ``date.today()``: on a machine whose clock runs
    in another zone (UTC on most servers) the two disagree for an hour or two each night,
    and a step stamped just after midnight in Berlin would lie in the future of a status
    taken "today"."""
    return now().date()


_GERMAN_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_GERMAN_MOMENT = re.compile(r"(\d{1,2}\.\d{1,2}\.\d{4})(?:,?\s+|T)(\d{1,2}):(\d{2})"
                            r"(?::(\d{2}))?(?:\s*Uhr)?")


def _german_day(text: str) -> dt.date | None:
    match = _GERMAN_DAY.fullmatch(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_day(text: str) -> dt.date:
    """A date typed by a user: ``TT.MM.JJJJ`` (``01.03.2024``, ``1.3.2024``) or ISO
    (``2024-03-01``). Anything else raises :class:`UsageError`."""
    text = text.strip()
    day = _german_day(text)
    if day is not None:
        return day
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(_("'{text}' is not a date. Please write it as DD.MM.YYYY (e.g. "
                           "01.03.2024) or YYYY-MM-DD.", text=text)) from None


def parse_moment(text: str) -> dt.datetime:
    """A date-time (or date) typed by a user, as an aware Berlin time: German
    (``01.03.2024 09:30``, ``01.03.2024, 09:30 Uhr``, ``01.03.2024``) or ISO
    (``2024-03-01T09:30``, with or without a UTC offset)."""
    text = text.strip()
    match = _GERMAN_MOMENT.fullmatch(text)
    day = _german_day(match.group(1) if match else text)
    value: dt.datetime | None = None
    if day is not None and match is None:
        value = dt.datetime.combine(day, dt.time())
    elif day is not None and match is not None:
        hour, minute, second = (int(g or 0) for g in match.groups()[1:])
        if hour < 24 and minute < 60 and second < 60:
            value = dt.datetime.combine(day, dt.time(hour, minute, second))
    elif not _GERMAN_DAY.match(text):
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            value = None
    if value is None:
        raise UsageError(_("'{text}' is not a point in time. Please write it as DD.MM.YYYY "
                           "HH:MM (Berlin time, e.g. 01.02.2025 09:30) or in ISO form "
                           "(2025-02-01T09:30, with an offset: 2025-02-01T09:30+01:00).",
                           text=text))
    return berlin(value)
