"""German dates and numbers for every German text (CLDR data through Babel).

Machine formats (JSON, YAML, OParl, iCalendar values, ids) keep ISO dates and plain
numbers; whatever a person reads in German goes through these functions::

    date_short(dt.date(2023, 12, 31))   # '31.12.2023'
    date_long(dt.date(2019, 12, 11))    # '11. Dezember 2019'
    number(Decimal("1234.5"))           # '1.234,5'
    amount(Decimal("2500"))             # '2.500,00'
    money(Decimal("2500"))              # '2.500,00\xa0€'
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

LOCALE = "de_DE"
SHORT_DATE = "dd.MM.yyyy"
"""The date pattern of German forms and of German Excel (``31.12.2023``)."""
LONG_DATE = "d. MMMM y"
AMOUNT = "#,##0.00"
"""Two decimals with thousands points: the German way to write euro amounts in a table."""


def date_short(value: dt.date | None) -> str:
    """``31.12.2023`` (empty for ``None``)."""
    return "" if value is None else _date(value, SHORT_DATE)


def date_long(value: dt.date | None, fmt: str = LONG_DATE) -> str:
    """``11. Dezember 2019`` (empty for ``None``); ``fmt`` is a CLDR date pattern."""
    return "" if value is None else _date(value, fmt)


# Babel takes some 30 µs a value (it parses the locale and the pattern each time); a site
# formats the same few dates and amounts thousands of times, so each is formatted once.
@lru_cache(maxsize=8192, typed=True)
def _date(value: dt.date, fmt: str) -> str:
    from babel.dates import format_date

    return str(format_date(value, format=fmt, locale=LOCALE))


def number(value: Decimal | int | float | None, fmt: str = "#,##0.##") -> str:
    """``1.234,5``: decimal comma, thousands points (empty for ``None``). Every decimal
    of ``value`` is kept (``57,125``); ``fmt`` sets the least number of decimals."""
    return "" if value is None else _number(value, str(value), fmt)


@lru_cache(maxsize=8192, typed=True)
def _number(value: Decimal | int | float, text: str, fmt: str) -> str:
    """``text`` (``str(value)``) is part of the key: ``Decimal("1.0")`` equals
    ``Decimal("1.00")``, but the two are written with different decimals."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=fmt, locale=LOCALE, decimal_quantization=False))


def amount(value: Decimal | None) -> str:
    """``2.500,00``: an amount of money without the currency sign (empty for ``None``)."""
    return number(value, AMOUNT)


def money(value: Decimal | None) -> str:
    """``2.500,00 €`` with a no-break space (empty for ``None``)."""
    return "" if value is None else _money(value, str(value))


@lru_cache(maxsize=8192, typed=True)
def _money(value: Decimal, text: str) -> str:
    from babel.numbers import format_currency

    return str(format_currency(value, "EUR", locale=LOCALE))
