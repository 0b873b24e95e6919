"""Small value classes shared by several documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NewType

from attrs import frozen

Money = NewType("Money", Decimal)
"""An amount in EUR with at most two decimal places."""


@frozen
class Period:
    """A date range; ``start`` or ``end`` is ``None`` where the sources do not say."""

    start: dt.date | None = None
    end: dt.date | None = None

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@frozen
class Role:
    """A function with its office address; never a private person's name."""

    title: str
    office: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""


@frozen
class Checked:
    """Who checked an easy-language text with test readers (Prüfgruppe), and when."""

    by: str
    date: dt.date
