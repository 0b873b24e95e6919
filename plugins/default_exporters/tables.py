"""Measure tables for German Excel (CSV and XLSX), and importing them back into a plan.

CSV: ``;`` as delimiter, UTF-8 with BOM (and never a ``sep=;`` line, which would break the
BOM), dates ``TT.MM.JJJJ``, money the German way (``2.500,00``: thousands points, two
decimals after a decimal comma), lists one item per line inside the cell. Text cells that
a spreadsheet could run as a formula get a leading ``'`` (OWASP CSV injection): cells
starting with tab, CR, LF or ``'``, and cells whose first character after blanks and
control characters is ``= + - @`` (also in a compatibility form such as the fullwidth
``＝＋－＠``). The importer removes exactly that one quote again, so every text survives
the round trip. XLSX: one sheet per life area plus a summary sheet; text cells are
neutralised the same way and forced to the text type; dates are Excel dates
(``TT.MM.JJJJ``), costs and progress numbers (see :mod:`.xlsx_cells`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import typing
import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from attrs import define, evolve, field
from cattrs.errors import BaseValidationError

from teilhabe_core.base.errors import DocumentError, Finding
from teilhabe_core.base.german import amount, date_short
from teilhabe_core.base.i18n import N_
from teilhabe_core.base.messages import finding
from teilhabe_core.documents.checks import check
from teilhabe_core.documents.converter import Invalid, findings_from, structure
from teilhabe_core.documents.loader import read_bytes
from teilhabe_core.documents.yamlsafe import decode
from teilhabe_core.evaluation.costs import cost_rollups
from teilhabe_core.model import Measure, MeasureStatus, Plan, Priority
from teilhabe_core.model.labels import label
from teilhabe_core.publish import workbooks
from teilhabe_core.publish.api import ExportContext, Exporter, Importer, Output, file_stem

from . import xlsx_writer
from .funding_cells import funding_cell, parse_funding
from .xlsx_cells import AMOUNT_FORMAT, TYPED, cell_text, typed
from .xlsx_writer import Lines

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

COLUMNS: list[tuple[str, str]] = [
    ("id", "ID"),
    ("title", "Titel"),
    ("life_areas", "Lebensbereiche"),
    ("problem", "Problemlage"),
    ("approach", "Lösungsansatz"),
    ("responsible_office", "Zuständig"),
    ("partners", "Partner"),
    ("target_groups", "Zielgruppen"),
    ("start", "Beginn"),
    ("end", "Ende"),
    ("ongoing", "Daueraufgabe"),
    ("status", "Status"),
    ("progress", "Fortschritt (%)"),
    ("dropped_reason", "Grund für Entfallen"),
    ("priority", "Priorität"),
    ("costs", "Kosten (EUR)"),
    ("indicators", "Indikatoren"),
    ("crpd_articles", "UN-BRK-Artikel"),
    ("easy_title", "Titel in Leichter Sprache"),
    ("easy_text", "Leichte Sprache"),
    ("notes", "Hinweise"),
    ("example", "Beispiel"),
    ("goals", "Ziele"),
    ("partner_offices", "Beteiligte Dienststellen"),
    ("funding", "Finanzierung"),
    ("participation", "Beteiligung"),
    ("paper", "Vorlage"),
]
_TYPES = {a.name: a.type for a in attrs.fields(attrs.resolve_types(Measure))}
LISTS = frozenset(name for name, tp in _TYPES.items() if typing.get_origin(tp) is tuple)
"""Measure fields that are lists (cells hold them separated by ``;``)."""
TEXTS = frozenset(name for name, tp in _TYPES.items() if tp is str)
"""Measure fields that are plain text (imported exactly as written)."""
TYPED_COLUMNS = [(i, name) for i, (name, _) in enumerate(COLUMNS) if name in TYPED]
"""The columns whose cells may be Excel dates or numbers (:func:`.xlsx_cells.typed`)."""
FORMULA = ("=", "+", "-", "@")
LEADING = ("\t", "\r", "\n", "'")


def _blank(char: str) -> bool:
    """Blanks, control, format and unassigned characters, which spreadsheets may skip."""
    return char.isspace() or unicodedata.category(char)[0] in "CZ"


def _lstrip_blank(text: str) -> str:
    start = next((i for i, char in enumerate(text) if not _blank(char)), len(text))
    return text[start:]


def dangerous(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (or it starts with ``'``)."""
    if not text or (text[0].isascii() and text[0].isalnum()):
        # a letter or digit first: NFKC keeps it (or composes it with the marks after it
        # into a letter), so neither candidate below can start with a formula character
        return False
    if text.startswith(LEADING):
        return True
    rest = _lstrip_blank(text)
    return any(_lstrip_blank(candidate).startswith(FORMULA)
               for candidate in (rest, unicodedata.normalize("NFKC", rest)))


def neutralise(text: str) -> str:
    """Prefix a ``'`` to text a spreadsheet could read as a formula (reversible)."""
    return "'" + text if dangerous(text) else text


def unneutralise(text: str) -> str:
    return text[1:] if text.startswith("'") and dangerous(text[1:]) else text


def cell(name: str, value: Any) -> str:
    """The CSV/XLSX text of one measure field."""
    if type(value) is str:  # most fields (an enum member is not a plain str)
        return value
    if name == "funding":
        return funding_cell(value)
    if name in LISTS:
        return "\n".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return date_short(value)
    if isinstance(value, Decimal):
        return amount(value)
    if isinstance(value, MeasureStatus | Priority):
        return label(value)
    return str(value)


def rows(plan: Plan, measures: Sequence[Measure] | None = None) -> list[list[str]]:
    out = [[header for _, header in COLUMNS]]
    for m in plan.measures if measures is None else measures:
        out.append([cell(name, getattr(m, name)) for name, _ in COLUMNS])
    return out


def safe_row(row: list[str], header: bool = False) -> list[str]:
    return row if header else [neutralise(v) for v in row]


class CsvExporter(Exporter):
    identifier = "csv"
    name = N_("Measures as CSV (Excel)")
    description = N_("Table of all measures for German Excel: semicolons, UTF-8 with BOM.")
    accepts = (Plan,)
    media_type = "text/csv"
    extension = "csv"

    def render(self, document: Plan, context: ExportContext) -> Sequence[Output]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        for index, row in enumerate(rows(document)):
            writer.writerow(safe_row(row, index == 0))
        return [Output(f"{file_stem(document)}-massnahmen.csv", "\ufeff" + buffer.getvalue())]


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, taken: set[str]) -> str:
    base = _SHEET_BAD.sub("-", name).strip("'") or "Blatt"
    title, n = base[:31], 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


class XlsxExporter(Exporter):
    identifier = "xlsx"
    name = N_("Measures as an Excel workbook")
    description = N_("One sheet per life area and an overview; texts stay texts.")
    accepts = (Plan,)
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension = "xlsx"

    def render(self, document: Plan, context: ExportContext) -> Sequence[Output]:
        book, lines = workbook(document, context)
        return [Output(f"{file_stem(document)}-massnahmen.xlsx",
                       workbooks.deterministic_zip(xlsx_writer.save(book, lines)))]


def workbook(document: Plan, context: ExportContext) -> tuple[Any, dict[Any, Lines]]:
    """The measure workbook (openpyxl) before saving: the summary sheet with its cells,
    the life areas' sheets as :data:`~.xlsx_writer.Lines` (5,000 cells without a ``Cell``
    each; what the sheets would hold as cells: ``tests/test_tables.py``)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Font

    fixed = dt.datetime(2000, 1, 1)
    book = Workbook()
    book.properties.creator = "teilhabe"
    book.properties.created = fixed
    book.properties.modified = fixed
    bold = Font(bold=True)
    summary = book.active
    taken: set[str] = set()
    summary.title = sheet_title("Übersicht", taken)
    statuses = list(MeasureStatus)
    summary.append([context_label(context), "Maßnahmen", *[label(s) for s in statuses]])
    header = [_text(v) for v in rows(document, [])[0]]
    texts: dict[str, list[str]] = {}  # a measure's texts, once for all its life areas
    sheets: dict[Any, Lines] = {}
    for life_area in document.life_areas:
        measures = [m for m in document.measures if life_area.id in m.life_areas]
        counts = [sum(1 for m in measures if m.status is s) for s in statuses]
        summary.append([_text(neutralise(life_area.name)), len(measures), *counts])
        sheet = book.create_sheet(sheet_title(life_area.name, taken))
        top = [Cell(sheet, row=1, column=i, value=v) for i, v in enumerate(header, 1)]
        for c in top:
            c.font = bold
            c.data_type = "s"  # never a formula, whatever the text starts with
        lines: list[list[Any]] = [top]
        for number, m in enumerate(measures, 2):
            if m.id not in texts:
                texts[m.id] = [_text(v) for v in safe_row(rows(document, [m])[1])]
            line: list[Any] = list(texts[m.id])
            for index, name in TYPED_COLUMNS:
                value = typed(name, getattr(m, name))
                if value is not None:  # a real Excel date or number
                    c = line[index] = Cell(sheet, row=number, column=index + 1)
                    c.value, c.number_format = value
            lines.append(line)
        sheets[sheet] = lines
    for c in summary[1]:
        c.font = bold
    cost_rows(summary, document, context, bold)
    for row in summary.iter_rows():
        for c in row:
            if c.data_type != "s" and isinstance(c.value, str):
                c.data_type = "s"  # never a formula, whatever the text starts with
    return book, sheets


def cost_rows(sheet: Any, plan: Plan, context: ExportContext, bold: Any) -> None:
    """Below the counts of the summary sheet: costs by programme and year, then by life
    area (numbers, so Excel can sum them; the importer reads no summary sheet)."""
    funding = context.app.funding_programmes() if context.app is not None else ()
    costs = cost_rollups(plan, funding)
    if costs.empty:
        return
    sheet.append([])
    for title, rows_ in (("Kosten nach Förderprogramm und Jahr (EUR)", costs.programmes),
                         (f"Kosten je {context_label(context)} und Jahr (EUR)",
                          costs.life_areas)):
        sheet.append([title, *costs.years, "Summe"])
        for c in sheet[sheet.max_row]:
            c.font = bold
        for r in (*rows_, costs.total):
            sheet.append([_text(neutralise(r.name)), *r.by_year, r.total])
            for c in sheet[sheet.max_row][1:]:
                c.number_format = AMOUNT_FORMAT
        sheet.append([])


def context_label(context: ExportContext) -> str:
    return context.area.vocabulary.life_area if context.area else "Lebensbereich"


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    # XML 1.0 cannot hold most control characters; they are shown as U+FFFD.
    return _ILLEGAL_XML.sub("\ufffd", value)


# -- import -------------------------------------------------------------------------

HEADERS = {header: name for name, header in COLUMNS}


@define
class ImportOptions:
    mode: str = field(default="replace", metadata={
        "help": N_("replace: the table replaces all measures; merge: the same ids are "
                   "replaced, new ones appended")})


def _parse(name: str, raw: str) -> Any:
    if name in TEXTS:  # kept exactly as written, blanks and line breaks included
        return unneutralise(raw) or None
    text = unneutralise(raw.strip("\r"))
    if name == "funding":
        return parse_funding(text)
    if name in LISTS:
        items = [t.strip() for t in text.splitlines() if t.strip()]
        if name == "crpd_articles":
            return [_number(t) for t in items]
        return items
    if text == "":
        return None
    if name in ("start", "end"):
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}" if match else text
    if name in ("ongoing", "example"):
        return {"ja": True, "nein": False}.get(text.lower(), text)
    if name == "progress":
        return _number(text)
    if name == "costs":
        try:
            return Decimal(text.replace(".", "").replace(",", ".")) if "," in text \
                else Decimal(text)
        except InvalidOperation:
            return text
    return text


NUMBER_DIGITS = 9
"""Digits a whole number in a table may have (article numbers, progress)."""


def _number(text: str) -> int | str:
    """A whole number from ASCII digits; other text is left for the converter to refuse."""
    if not (text.isascii() and text.isdigit()):
        return text
    if len(text) > NUMBER_DIGITS:
        raise Invalid("number-too-large", digits=len(text), limit=NUMBER_DIGITS)
    return int(text)


def _parse_row(header: list[str], row: list[str], number: int, file: str,
               problems: list[Finding]) -> dict[str, Any]:
    """The measure data of one row; cells that cannot be read become findings."""
    data: dict[str, Any] = {}
    for h, v in zip(header, row, strict=False):
        try:
            data[HEADERS[h]] = _parse(HEADERS[h], v)
        except Invalid as exc:
            problems.append(_at_cell(finding(exc.code, HEADERS[h], **exc.params), number,
                                     header, file))
    return data


def import_rows(table: list[list[str]], target: Plan, file: str, mode: str) -> Plan:
    """Build a plan from table rows; every problem of every row, or a new plan."""
    problems: list[Finding] = []
    if not table:
        raise DocumentError([finding("file-empty").at(file, 1, 1)], file)
    header = [h.strip().lstrip("\ufeff") for h in table[0]]
    unknown = [h for h in header if h not in HEADERS]
    for h in unknown:
        column = header.index(h) + 1
        problems.append(finding("unknown-field", f"{_letter(column)}1", key=h, hint="",
                                allowed=", ".join(HEADERS)).at(file, 1, column))
    if "ID" not in header or "Titel" not in header:
        problems.append(finding("missing-field", "A1", key="ID/Titel").at(file, 1, 1))
    if problems:
        raise DocumentError(problems, file)
    parsed: list[tuple[int, Measure]] = []
    for number, row in enumerate(table[1:], start=2):
        if not any(v.strip() for v in row):
            continue
        data = _parse_row(header, row, number, file, problems)
        data = {k: v for k, v in data.items() if v is not None and v != []}
        data.setdefault("life_areas", [])
        try:
            parsed.append((number, structure(data, Measure)))
        except BaseValidationError as exc:
            for f in findings_from(exc):
                problems.append(_at_cell(f, number, header, file))
    if mode == "merge":
        by_id = {m.id: (n, m) for n, m in parsed}
        kept = [by_id.pop(m.id, (0, m)) for m in target.measures]
        parsed = kept + list(by_id.values())
    else:  # measures keep their place in the plan; new ones come last, in table order
        place = {m.id: i for i, m in enumerate(target.measures)}
        parsed.sort(key=lambda pair: place.get(pair[1].id, len(place)))
    plan = evolve(target, measures=tuple(m for _, m in parsed))
    for f in check(plan):
        match = re.match(r"measures\[(\d+)\]\.?(.*)", f.path)
        if f.is_error and match:
            number = parsed[int(match[1])][0]
            problems.append(_at_cell(evolve(f, path=match[2]), number, header, file))
        elif f.is_error:
            problems.append(f.at(file, 1, 1))
    if problems:
        raise DocumentError(sorted(problems, key=lambda f: (f.line or 0, f.column or 0)), file)
    return plan


def _at_cell(f: Finding, number: int, header: list[str], file: str) -> Finding:
    """Name the row and the column of a finding whose path is a measure field."""
    column = next((h for h, n in HEADERS.items() if f.path.split("[")[0].split(".")[0] == n),
                  "")
    col = header.index(column) + 1 if column in header else 1
    return evolve(f, path=f"{_letter(col)}{number} ({column})").at(file, number, col)


def _letter(column: int) -> str:
    """The spreadsheet name of a column (1 → A, 27 → AA): a place in every language."""
    name = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


class CsvMeasureImporter(Importer):
    identifier = "csv"
    name = N_("Measures from CSV")
    description = N_("Reads a measure table (as written by the CSV export) into a plan.")
    extensions = (".csv",)
    Options = ImportOptions

    def read(self, path: Path, target: Any) -> Plan:
        text = decode(read_bytes(path), str(path))
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        return import_rows(table, target, str(path), self.options.mode)


class XlsxMeasureImporter(Importer):
    identifier = "xlsx"
    name = N_("Measures from Excel")
    description = N_("Reads the sheets of a measure workbook (except the overview).")
    extensions = (".xlsx",)
    Options = ImportOptions

    def read(self, path: Path, target: Any) -> Plan:
        table = read_workbook(read_bytes(path), str(path))
        ids = [r[0] if r else "" for r in table[1:]]
        unique = {i: r for i, r in zip(ids, table[1:], strict=True)}  # measure in 2 areas
        return import_rows([table[0], *unique.values()] if table else [], target, str(path),
                           self.options.mode)


MAX_UNPACKED = 200 * 1024 * 1024
"""Bytes a workbook may unpack to (a zip bomb is refused before it is read)."""


def read_workbook(data: bytes, file: str) -> list[list[str]]:
    """The rows of every sheet but the first (the summary), header once, as text.

    Anything that is not a readable workbook (a renamed text file, a cut-off download, a
    zip of something else) is one finding naming the file.
    """
    def rows(book: Workbook) -> list[list[str]]:
        table: list[list[str]] = []
        for sheet in book.worksheets[1:]:
            for index, values in enumerate(sheet.iter_rows(values_only=True)):
                if index == 0 and table:
                    continue
                table.append([cell_text(v) for v in values])
        return table

    return workbooks.read_workbook(data, file, MAX_UNPACKED, rows)

