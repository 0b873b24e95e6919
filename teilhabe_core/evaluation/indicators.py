"""Impact indicators (Wirkungsindikatoren): series, progress towards target, CSV import.

A measurement series is imported from a tidy CSV table, one row per date and breakdown
(as open-sdg does)::

    date;value;gender;note
    2024-01-01;57;female;
    2024-01-01;53;male;
    2025-01-01;68;;

``date`` (ISO or DD.MM.YYYY) and ``value`` (``57``, ``57,5`` or ``57.5``) are required;
``note`` is optional; every other column is a breakdown dimension (an empty cell means
"no breakdown" for that dimension). The delimiter (``;`` or ``,``) is detected from the
header; a UTF-8 BOM is accepted. Import is all or nothing: every bad row is reported with
its line and column, and the indicator is only changed when every row is good.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from attrs import evolve, frozen

from ..base.errors import DocumentError, Finding
from ..base.messages import finding
from ..documents.measurements import Key, key_of, measurement_findings
from ..model import Indicator, Measurement, Plan


@frozen
class Series:
    """The measurements of one breakdown (``()`` = the total), sorted by date."""

    key: Key
    points: tuple[Measurement, ...]

    @property
    def label(self) -> str:
        return self.labelled({})

    def labelled(self, labels: Mapping[str, str]) -> str:
        """The breakdown values in German (``labels``: the area's ``breakdown_labels``;
        a value without a label is shown as written), ``gesamt`` for the total."""
        return ", ".join(labels.get(v, v) for _, v in self.key) if self.key else "gesamt"


def series(indicator: Indicator) -> list[Series]:
    """One series per breakdown, the total first, then the breakdowns sorted."""
    groups: dict[Key, list[Measurement]] = {}
    for point in indicator.measurements:
        groups.setdefault(key_of(point)[1], []).append(point)
    return [Series(key, tuple(sorted(groups[key], key=lambda p: p.date)))
            for key in sorted(groups, key=lambda k: (k != (), k))]


def latest(indicator: Indicator, key: Key = ()) -> Measurement | None:
    """The newest measurement of the total (or of the breakdown ``key``)."""
    for s in series(indicator):
        if s.key == key and s.points:
            return s.points[-1]
    return None


def progress(indicator: Indicator, key: Key = ()) -> Decimal | None:
    """Progress from baseline to target in percent (may be < 0 or > 100), or ``None``
    when baseline, target or a measurement is missing or baseline equals target."""
    point = latest(indicator, key)
    if point is None or indicator.baseline is None or indicator.target is None:
        return None
    span = indicator.target - indicator.baseline
    if span == 0:
        return None
    return (100 * (point.value - indicator.baseline) / span).quantize(Decimal("1"),
                                                                       ROUND_HALF_UP)


_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _date(text: str) -> dt.date | None:
    match = _GERMAN_DATE.fullmatch(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _number(text: str) -> Decimal | None:
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def read_measurements(text: str, file: str = "") -> list[tuple[int, Measurement]]:
    """Parse a tidy CSV table of measurements into (line, measurement) pairs;
    :class:`DocumentError` lists every bad row."""
    text = text.lstrip("\ufeff")
    header_line = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if header_line.count(";") >= header_line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    problems: list[Finding] = []
    if not rows or not any(c.strip() for c in rows[0]):
        raise DocumentError([finding("file-empty").at(file, 1, 1)], file)
    header = [h.strip() for h in rows[0]]
    for required in ("date", "value"):
        if required not in header:
            problems.append(finding("missing-field", "Kopfzeile", key=required).at(file, 1, 1))
    if problems:
        raise DocumentError(problems, file)
    dims = [h for h in header if h not in ("date", "value", "note")]
    out: list[tuple[int, Measurement]] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            problems.append(finding("invalid-value", f"Zeile {line}", reason=(
                f"{len(row)} Spalten statt {len(header)}")).at(file, line, 1))
            continue
        cells = dict(zip(header, (c.strip() for c in row), strict=True))
        day = _date(cells["date"])
        if day is None:
            problems.append(finding("expected-date", f"Zeile {line}.date",
                                    found=repr(cells["date"]), hint="", hint_en="")
                            .at(file, line, header.index("date") + 1))
        value = _number(cells["value"])
        if value is None:
            problems.append(finding("expected-number", f"Zeile {line}.value",
                                    found=repr(cells["value"]))
                            .at(file, line, header.index("value") + 1))
        if day is not None and value is not None:
            out.append((line, Measurement(date=day, value=value,
                                          breakdown={d: cells[d] for d in dims if cells[d]},
                                          note=cells.get("note", ""))))
    if problems:
        raise DocumentError(problems, file)
    return out


def import_measurements(plan: Plan, indicator_id: str, text: str, file: str = "",
                        mode: str = "replace") -> Plan:
    """``plan`` with the indicator's measurements replaced by the CSV table (``mode``
    ``merge``: rows with the same date and breakdown replace existing ones, others are
    kept). Rows outside the indicator's period or repeated are errors with their line."""
    indicator = next((i for i in plan.indicators if i.id == indicator_id), None)
    if indicator is None:
        known = [i.id for i in plan.indicators]
        raise DocumentError([finding("dangling-reference", "indicator", ref=indicator_id,
                                     what="einen Indikator", what_en="indicator",
                                     available=", ".join(known) or "(keine)").at(file, 1, 1)],
                            file)
    rows = read_measurements(text, file)
    lines = [line for line, _ in rows]
    points = [p for _, p in rows]
    problems = [f.at(file, lines[i], 1) for i, f in
                measurement_findings(indicator, points, lambda i: f"Zeile {lines[i]}")]
    if problems:
        raise DocumentError(problems, file)
    kept: list[Measurement] = []
    if mode == "merge":
        keys = {key_of(p) for p in points}
        kept = [p for p in indicator.measurements if key_of(p) not in keys]
    merged = tuple(sorted([*kept, *points], key=key_of))
    return evolve(plan, indicators=tuple(evolve(i, measurements=merged) if i.id == indicator_id
                                         else i for i in plan.indicators))
