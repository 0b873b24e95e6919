"""Calendar and clock arithmetic shared by workflows, deadlines, evaluations and roll-ups.

Times of the audit trail follow one convention (docs/workflows.md): every ``at`` is an
aware timestamp in Europe/Berlin time. A time without a UTC offset — typed by a clerk or
found in an older journal — is taken as Berlin local time. Date arithmetic that leaves the
calendar (years 1 to 9999) raises :class:`~teilhabe_core.base.errors.UsageError`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

from .errors import UsageError
from .i18n import _, ngettext

BERLIN = ZoneInfo("Europe/Berlin")
"""The time zone of naive times and of stored journal times."""


def _out_of_range(day: dt.date, amount: int, months: bool) -> UsageError:
    sign, n = "+" if amount >= 0 else "-", abs(amount)
    if months:
        text = ngettext("The date calculation {day} {sign} {n} month lies outside the "
                        "calendar (years 1 to 9999).", "The date calculation {day} {sign} {n} "
                        "months lies outside the calendar (years 1 to 9999).", n,
                        day=day.isoformat(), sign=sign)
    else:
        text = ngettext("The date calculation {day} {sign} {n} day lies outside the calendar "
                        "(years 1 to 9999).", "The date calculation {day} {sign} {n} days "
                        "lies outside the calendar (years 1 to 9999).", n,
                        day=day.isoformat(), sign=sign)
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
                           moment=moment.isoformat())) from None


def local_date(moment: dt.datetime) -> dt.date:
    """The calendar day of ``moment`` in Berlin."""
    return berlin(moment).date()


def now() -> dt.datetime:
    """The current time in Berlin, to the second."""
    return dt.datetime.now(BERLIN).replace(microsecond=0)


def parse_moment(text: str) -> dt.datetime:
    """An ISO date-time (or date) typed by a user, as an aware Berlin time."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(_("'{text}' is not a point in time. Please write it in ISO form, "
                           "e.g. 2025-02-01T09:30 (Berlin time) or 2025-02-01T09:30+01:00.",
                           text=text)) from None
    return berlin(value)
