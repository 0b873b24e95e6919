"""Typed cells of the measure workbook: dates as Excel dates, amounts and progress as
numbers, each with a number format German Excel shows as ``31.12.2023`` and
``2.500,00``; and reading any cell back as the text the CSV would hold.

Excel holds a date from 1 March 1900 on (earlier serial numbers are off by Excel's
1900 leap-year bug) and a number with at most 15 significant digits; a value outside
that stays a German text cell, which the importer reads just as well, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from teilhabe_core.base.german import amount, date_short

DATE_FORMAT = "DD.MM.YYYY"
AMOUNT_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0"
FIRST_EXCEL_DAY = dt.date(1900, 3, 1)
EXCEL_DIGITS = 15
"""Significant digits Excel keeps of a number."""
DATES = frozenset({"start", "end"})
TYPED = DATES | {"costs", "progress"}
"""The measure fields :func:`typed` may make a date or a number."""


def typed(name: str, value: Any) -> tuple[Any, str] | None:
    """(cell value, number format) of a measure field Excel holds as a date or a
    number; ``None`` where the cell stays text."""
    if name in DATES and isinstance(value, dt.date) and value >= FIRST_EXCEL_DAY:
        return value, DATE_FORMAT
    if name == "costs" and isinstance(value, Decimal) and value.is_finite() \
            and len(value.normalize().as_tuple().digits) <= EXCEL_DIGITS:
        return value, AMOUNT_FORMAT
    if name == "progress" and isinstance(value, int) and not isinstance(value, bool):
        return value, PERCENT_FORMAT
    return None


def cell_text(value: Any) -> str:
    """A cell as the CSV would hold it: dates ``TT.MM.JJJJ``, amounts ``2.500,00``, whole
    numbers without decimals, other numbers exactly as Excel stored them."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return date_short(value)
    if isinstance(value, Decimal):
        return amount(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
