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

LOCALE = "de_DE"
SHORT_DATE = "dd.MM.yyyy"
"""The date pattern of German forms and of German Excel (``31.12.2023``)."""
LONG_DATE = "d. MMMM y"
AMOUNT = "#,##0.00"
"""Two decimals with thousands points: the German way to write euro amounts in a table."""


def date_short(value: dt.date | None) -> str:
    """``31.12.2023`` (empty for ``None``)."""
    if value is None:
        return ""
    from babel.dates import format_date

    return str(format_date(value, format=SHORT_DATE, locale=LOCALE))


def date_long(value: dt.date | None, fmt: str = LONG_DATE) -> str:
    """``11. Dezember 2019`` (empty for ``None``); ``fmt`` is a CLDR date pattern."""
    if value is None:
        return ""
    from babel.dates import format_date

    return str(format_date(value, format=fmt, locale=LOCALE))


def number(value: Decimal | int | float | None, fmt: str = "#,##0.##") -> str:
    """``1.234,5``: decimal comma, thousands points (empty for ``None``). Every decimal
    of ``value`` is kept (``57,125``); ``fmt`` sets the least number of decimals."""
    if value is None:
        return ""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=fmt, locale=LOCALE, decimal_quantization=False))


def amount(value: Decimal | None) -> str:
    """``2.500,00``: an amount of money without the currency sign (empty for ``None``)."""
    return number(value, AMOUNT)


def money(value: Decimal | None) -> str:
    """``2.500,00 €`` with a no-break space (empty for ``None``)."""
    if value is None:
        return ""
    from babel.numbers import format_currency

    return str(format_currency(value, "EUR", locale=LOCALE))
