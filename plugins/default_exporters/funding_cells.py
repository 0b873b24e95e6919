"""The table cell of a measure's funding, one source per line:

``programm-id | Haushaltsstelle | 2023: 4.000,00; 2024: 4.000,00 | Hinweis``

The programme is ``-`` for the county's own budget; amounts are German (decimal comma,
thousands points allowed). ``|`` and line breaks cannot be part of the texts.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from teilhabe_core.base.german import amount as _amount
from teilhabe_core.model import MeasureFunding

SEPARATOR = " | "


def funding_cell(sources: tuple[MeasureFunding, ...]) -> str:
    lines = []
    for f in sources:
        amounts = "; ".join(f"{a.year}: {_amount(a.amount)}" for a in f.amounts)
        parts = [f.programme or "-", f.budget_line, amounts, f.note]
        while len(parts) > 1 and not parts[-1]:
            parts.pop()
        lines.append(SEPARATOR.join(parts).rstrip())
    return "\n".join(lines)


def _money(text: str) -> Any:
    text = text.strip()
    try:
        return Decimal(text.replace(".", "").replace(",", ".")) if "," in text \
            else Decimal(text)
    except InvalidOperation:
        return text


def parse_funding(text: str) -> list[dict[str, Any]]:
    """The funding data of a cell, for the converter (which refuses what is wrong)."""
    out = []
    for line in (t for t in text.splitlines() if t.strip()):
        parts = [p.strip() for p in line.split("|", 3)]
        parts += [""] * (4 - len(parts))
        programme, budget_line, amounts, note = parts
        data: dict[str, Any] = {}
        if programme and programme != "-":
            data["programme"] = programme
        if budget_line:
            data["budget_line"] = budget_line
        if note:
            data["note"] = note
        years = []
        for item in (a for a in amounts.split(";") if a.strip()):
            year, _, value = item.partition(":")
            year = year.strip()
            years.append({"year": int(year) if re.fullmatch(r"\d{1,4}", year) else year,
                          "amount": _money(value)})
        if years:
            data["amounts"] = years
        out.append(data)
    return out
