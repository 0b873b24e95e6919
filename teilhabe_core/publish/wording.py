"""German wording that several published pages share, so each says a thing once and the
same way: a plan's title with its version, a period of time, a link label that does not
repeat the area's name, the split words of Leichte Sprache in the area's style.

Deterministic; plain text (the templates escape it).
"""

from __future__ import annotations

import datetime as dt
import re

from ..base.german import date_long
from ..model import Plan


def names_version(title: str, version: int) -> bool:
    """Whether ``title`` already says which version it is ("…, 2. Fassung",
    "2. Fortschreibung", "Fassung 2")."""
    return re.search(rf"(?<![\d.]){version}\.\s*(?:Fassung|Fortschreibung)\b"
                     rf"|\bFassung\s+{version}(?!\d)", title) is not None


def titled(plan: Plan) -> str:
    """The plan's title with its version ("Aktionsplan, 2. Fassung"), unless the title
    names the version already."""
    if names_version(plan.title, plan.version):
        return plan.title
    return f"{plan.title}, {plan.version}. Fassung"


def time_span(start: dt.date | None, end: dt.date | None) -> str:
    """"1. Januar 2020 bis 31. Dezember 2023", "ab 1. Januar 2021", "bis 30. Juni 2024"
    (empty without either date)."""
    if start and end:
        return f"{date_long(start)} bis {date_long(end)}"
    if start:
        return f"ab {date_long(start)}"
    return f"bis {date_long(end)}" if end else ""


def without_area(name: str, area_name: str) -> str:
    """An exporter's name without the area it belongs to ("Barrierenregister (Landkreis
    Mansfeld-Südharz)" → "Barrierenregister"): on the area's own page the area goes
    without saying."""
    suffix = f" ({area_name})"
    return name[:-len(suffix)] if name.endswith(suffix) and len(name) > len(suffix) else name


_SPLIT_WORD = re.compile(r"[^\W\d_]+(?:·[^\W\d_]+)+")
"""A word split with Mediopunkt: letters on both sides of each dot (" · " between words,
a separator, is not one)."""


def in_style(text: str, style: str) -> str:
    """``text`` (HTML or Markdown written with Mediopunkt, as teilhabe's own easy texts
    are) in the area's ``compound_style``: unchanged for ``mediopunkt``; for ``hyphen``
    every split word is joined with hyphens, each part of a capitalised word capitalised
    as the checker suggests (``Maß·nahmen`` → ``Maß-Nahmen``, ``barriere·frei`` →
    ``barriere-frei``), so the whole page writes its words one way."""
    if style != "hyphen":
        return text

    def joined(match: re.Match[str]) -> str:
        parts = match.group().split("·")
        if parts[0][:1].isupper():
            parts = [p[:1].upper() + p[1:] for p in parts]
        return "-".join(parts)

    return _SPLIT_WORD.sub(joined, text)
