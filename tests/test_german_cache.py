"""German dates and numbers are formatted once per value (base/german.py caches Babel's
answers): every value still gets Babel's own answer, also values that compare equal."""

from __future__ import annotations

from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from hypothesis import given
from hypothesis import strategies as st

from teilhabe_core.base import german

# equal values written differently (1.5 == 1.50 == 1.500, 2 == 2.0 == Decimal(2), a date and
# a datetime on the same day): a cache keyed by value alone would mix them up
NUMBERS = st.one_of(
    st.decimals(-10**9, 10**9, allow_nan=False, allow_infinity=False, places=3),
    st.sampled_from([Decimal("1.5"), Decimal("1.50"), Decimal("1.500"), Decimal(2), 2, 2.0,
                     Decimal("2.0"), Decimal("57.125"), 1.5, Decimal("-0"), Decimal("0.00")]),
    st.integers(-10**12, 10**12), st.floats(-1e9, 1e9, allow_nan=False))


@given(st.lists(NUMBERS, max_size=6))
def test_numbers_and_money_as_babel_writes_them(values):
    for value in values:
        assert german.number(value) == format_decimal(
            value, format="#,##0.##", locale="de_DE", decimal_quantization=False)
        assert german.amount(value) == format_decimal(
            value, format=german.AMOUNT, locale="de_DE", decimal_quantization=False)
        assert german.money(value) == format_currency(value, "EUR", locale="de_DE")


@given(st.lists(st.dates() | st.datetimes(), max_size=6), st.sampled_from(
    [german.LONG_DATE, german.SHORT_DATE, "MMMM y", "EEEE, d. MMMM y"]))
def test_dates_as_babel_writes_them(values, fmt):
    for value in values:
        assert german.date_long(value, fmt) == format_date(value, format=fmt, locale="de_DE")
        assert german.date_short(value) == format_date(value, format=german.SHORT_DATE,
                                                       locale="de_DE")
    assert german.date_long(None) == german.number(None) == german.money(None) == ""
