"""The files of a status round: one workbook (or CSV) per office, and reading returns.

Layout (XLSX sheet ``Rückmeldung``, CSV the same rows, ``;``, UTF-8 with BOM):

* row 1, the round's identity: ``Statusrunde; ID; Plan; ID; Amt; KEY; Stichtag; DATE``
  (the date German in the CSV, a date cell ``TT.MM.JJJJ`` in the workbook);
* row 2, the German headers; from row 3 one row per measure of the office.

Columns A–D (measure, title, status and progress so far) and the identity row are
protected; E–H (new status, progress 0–100, comment, date) are for the office, with
data-validation lists of the German status labels. The progress so far is a number, the
office's date column a date cell. Text is never a formula: cells are written as text, and
text a spreadsheet could take for a formula gets a leading ``'``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ..base.errors import DocumentError
from ..base.german import date_short
from ..base.i18n import N_, Msg
from ..base.messages import finding
from ..documents.loader import read_bytes
from ..documents.yamlsafe import decode
from .workbooks import deterministic_zip, read_workbook

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

SHEET = "Rückmeldung"
IDENTITY = ("Statusrunde", "Plan", "Amt", "Stichtag")
COLUMNS = (
    ("measure", "Maßnahme", False),
    ("title", "Titel", False),
    ("status", "Status bisher", False),
    ("progress", "Fortschritt bisher (%)", False),
    ("new_status", "Neuer Status", True),
    ("new_progress", "Fortschritt (%)", True),
    ("comment", "Kommentar", True),
    ("date", "Datum (TT.MM.JJJJ)", True),
)
"""Key, German header, whether the office may fill it."""
HEADERS = tuple(h for _, h, _ in COLUMNS)
DATE_FORMAT = "DD.MM.YYYY"
"""How German Excel shows the date cells (``31.12.2025``)."""
LETTERS = "ABCDEFGH"
FIRST_ROW = 3
MAX_UNPACKED = 50 * 1024 * 1024


@frozen
class Identity:
    round: str
    plan: str
    office: str
    on: dt.date

    def cells(self, date: bool = False) -> list[str | dt.date]:
        """Row 1: the reference date German (``31.12.2023``), or with ``date`` as a
        date for a workbook cell."""
        values = (self.round, self.plan, self.office, self.on if date else date_short(self.on))
        return [c for pair in zip(IDENTITY, values, strict=True) for c in pair]


@frozen
class ReturnRow:
    """One row of a return: its row number and the text of each column (by key)."""

    number: int
    cells: dict[str, str]
    raw_date: dt.date | None = None


@frozen
class Returned:
    file: str
    sheet: str
    identity: dict[str, str]
    rows: tuple[ReturnRow, ...]


def safe(text: str) -> str:
    """Text a spreadsheet could read as a formula, with a leading ``'`` (reversible)."""
    stripped = text.lstrip(" \u00a0")
    return "'" + text if stripped[:1] in ("=", "+", "-", "@", "\t", "\r", "'") else text


def unsafe(text: str) -> str:
    return text[1:] if text.startswith("'") and safe(text[1:]) != text[1:] else text


def _typed(value: str | int) -> str | int:
    """A cell of columns A–D: the progress so far a number, every text safe."""
    return value if isinstance(value, int) else safe(value)


def workbook(identity: Identity, office_name: str, rows: Sequence[Sequence[str | int]],
             labels: Sequence[str], due: dt.date | None) -> bytes:
    """The XLSX workbook of one office: ``rows`` hold columns A–D (texts; the progress
    so far a number or empty)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    fixed = dt.datetime(2000, 1, 1)
    book = Workbook()
    book.properties.creator = "teilhabe"
    book.properties.created = book.properties.modified = fixed
    book.properties.title = identity.round
    book.properties.subject = f"{identity.plan} {identity.office}"
    sheet = book.active
    sheet.title = SHEET
    sheet.append(identity.cells(date=True))
    sheet["H1"].number_format = DATE_FORMAT
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_typed(v) for v in row] + ["", "", "", ""])
    last = FIRST_ROW + len(rows) - 1
    open_cell = Protection(locked=False)
    for number in range(FIRST_ROW, last + 1):
        for key, letter in zip((k for k, _, e in COLUMNS), LETTERS, strict=True):
            cell = sheet[f"{letter}{number}"]
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula
            if key in ("new_status", "new_progress", "comment", "date"):
                cell.protection = open_cell
            if key == "date":
                cell.number_format = DATE_FORMAT
            if key == "progress":
                cell.number_format = "0"
    if rows:
        status = DataValidation(type="list", formula1='"' + ",".join(labels) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle="Status", error="Bitte einen Status aus der Liste "
                                "wählen.")
        progress = DataValidation(type="whole", operator="between", formula1="0",
                                  formula2="100", allow_blank=True, showErrorMessage=True,
                                  errorTitle="Fortschritt", error="Eine ganze Zahl von 0 bis "
                                  "100.")
        day = DataValidation(type="date", operator="between", formula1="1", formula2="73051",
                             allow_blank=True, showErrorMessage=True, errorTitle="Datum",
                             error="Ein Datum, z. B. 31.12.2025.")
        for validation, letter in ((status, "E"), (progress, "F"), (day, "H")):
            validation.add(f"{letter}{FIRST_ROW}:{letter}{last}")
            sheet.add_data_validation(validation)
    for letter, width in zip(LETTERS, (22, 50, 16, 12, 18, 12, 40, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C3"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    notes = book.create_sheet("Hinweise")
    for line in _notes(office_name, identity, labels, due):
        notes.append([line])
    notes.protection.sheet = True
    buffer = io.BytesIO()
    book.save(buffer)
    return deterministic_zip(buffer.getvalue())


def _notes(office_name: str, identity: Identity, labels: Sequence[str],
           due: dt.date | None) -> list[str]:
    until = f" bis zum {date_short(due)}" if due else ""
    return [f"Statusabfrage für: {office_name}",
            f"Stand zum Stichtag {date_short(identity.on)}; bitte{until} zurück.",
            "Füllen Sie im Blatt „Rückmeldung“ nur die Spalten E bis H aus:",
            f"Neuer Status: einer von {', '.join(labels)} (leer: unverändert).",
            "Fortschritt: ganze Zahl von 0 bis 100 (Prozent).",
            "Kommentar: kurz, warum; nötig beim Zurückstellen und Streichen.",
            "Datum: wann der neue Status eintrat (leer: der Stichtag).",
            "Zeile 1 (die Kennung der Runde) und die Spalten A bis D nicht ändern."]


def csv_text(identity: Identity, rows: Sequence[Sequence[str | int]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(identity.cells())
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([safe(str(v)) for v in row] + ["", "", "", ""])
    return "\ufeff" + buffer.getvalue()


# -- reading returns ----------------------------------------------------------------------


def _refuse(file: str, reason: Msg) -> DocumentError:
    return DocumentError([finding("not-xlsx", reason=reason).at(file, 1, 1)], file)


def _cell(value: Any) -> tuple[str, dt.date | None]:
    if value is None:
        return "", None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), value
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), None
    return str(value).strip(), None


def _table_of_xlsx(data: bytes, file: str) -> tuple[str, list[list[tuple[str, Any]]]]:
    def rows(book: Workbook) -> tuple[str, list[list[tuple[str, Any]]]]:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        return sheet.title, [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]

    return read_workbook(data, file, MAX_UNPACKED, rows)


def read_return(path: str | Path) -> Returned:
    """The identity and rows of a returned workbook or CSV (``DocumentError`` naming the
    file, sheet and row if it is not one of a round's files)."""
    file = str(path)
    data = read_bytes(path)
    if file.lower().endswith(".csv"):
        text = decode(data, file)
        sheet = Path(file).name
        table = [[(c.strip(), None) for c in r]
                 for r in csv.reader(io.StringIO(text, newline=""), delimiter=";")]
    else:
        sheet, table = _table_of_xlsx(data, file)
    head = [t for t, _ in table[0]] if table else []
    if len(head) < 8 or tuple(head[0:8:2]) != IDENTITY:
        raise DocumentError([finding("round-identity", f"{sheet}!A1", msg=Msg(N_(
            "Row 1 does not hold the identity of a status round (expected: {cells} with "
            "their values). Only the files written by 'teilhabe round start' can be "
            "collected."), cells="; ".join(IDENTITY))).at(file, 1, 1)], file)
    identity = {k: head[i * 2 + 1] for i, k in enumerate(("round", "plan", "office", "on"))}
    headers = [t for t, _ in table[1]] if len(table) > 1 else []
    if tuple(headers[:len(HEADERS)]) != HEADERS:
        raise DocumentError([finding("round-headers", f"{sheet}!A2", msg=Msg(N_(
            "The column headers in row 2 were changed (expected: {headers})."),
            headers="; ".join(HEADERS))).at(file, 2, 1)], file)
    rows = []
    for index, values in enumerate(table[FIRST_ROW - 1:], start=FIRST_ROW):
        texts = [t for t, _ in values] + [""] * len(COLUMNS)
        if not any(texts[:len(COLUMNS)]):
            continue
        cells = {k: texts[i] for i, (k, _, _) in enumerate(COLUMNS)}
        cells = {k: unsafe(v) for k, v in cells.items()}
        raw = values[7][1] if len(values) > 7 else None
        rows.append(ReturnRow(index, cells, raw))
    return Returned(file, sheet, identity, tuple(rows))
