"""Dates and times as a person reads them in a line of text, in the user's language.

One convention for every line the command line prints and every message a clerk reads
(CLDR data through Babel)::

    date_text(dt.date(2024, 3, 1))            # '01.03.2024'   (English: '1 Mar 2024')
    moment_text(dt.datetime(2024, 3, 1, 9))   # '01.03.2024, 09:00 Uhr'
                                              # (English: '1 Mar 2024, 09:00')

German dates are those of German forms (:data:`.german.SHORT_DATE`, the form a clerk also
types: ``--on 01.03.2024``); English ones name the month, so that neither reader takes
day and month for each other. Times are Berlin time (the stored convention). JSON, YAML
and ids keep ISO.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .i18n import Bilingual, language

BERLIN = ZoneInfo("Europe/Berlin")
"""The time zone of naive times and of stored journal times (also ``dates.BERLIN``)."""
EN_LOCALE = "en"
EN_DATE = "d MMM yyyy"
"""English dates: ``1 Mar 2024``."""


def date_text(value: dt.date, lang: str | None = None) -> str:
    """``01.03.2024`` in German, ``1 Mar 2024`` in English (default: the current
    language). A date-time is shown by its date."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if language(lang) == "de":
        from .german import date_short

        return date_short(value)
    from babel.dates import format_date

    return str(format_date(value, format=EN_DATE, locale=EN_LOCALE))


def moment_text(value: dt.datetime, lang: str | None = None) -> str:
    """``01.03.2024, 09:30 Uhr`` in German, ``1 Mar 2024, 09:30`` in English, in Berlin
    time (a naive time is taken as Berlin time); seconds only where there are any. A time
    that has no Berlin time (at the calendar's edge) is shown as written, with its offset."""
    try:
        local = (value.replace(tzinfo=BERLIN) if value.tzinfo is None else value).astimezone(
            BERLIN)
    except OverflowError:
        return as_written(value, lang)
    return as_written(local, lang, offset=False)


def as_written(value: dt.datetime, lang: str | None = None, offset: bool = True) -> str:
    """``value`` in its own time zone, not converted, with its UTC offset if it has one
    and ``offset`` is set: ``31.12.9999, 23:59 Uhr (UTC-05:00)``."""
    lang = language(lang)
    text = f"{date_text(value, lang)}, {value:%H:%M}" + (f":{value:%S}" if value.second else "")
    if lang == "de":
        text += " Uhr"
    shift = value.utcoffset() if offset else None
    if shift is not None:
        minutes = int(shift.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        text += f" (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"
    return text


def date_both(value: dt.date) -> Bilingual:
    """:func:`date_text` in German and English, for a message rendered in both (a
    finding, a :class:`~.i18n.Msg` parameter)."""
    return Bilingual(date_text(value, "de"), date_text(value, "en"))


def moment_both(value: dt.datetime) -> Bilingual:
    """:func:`moment_text` in German and English."""
    return Bilingual(moment_text(value, "de"), moment_text(value, "en"))

