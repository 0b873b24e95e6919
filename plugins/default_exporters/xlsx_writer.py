"""Saving an openpyxl workbook faster, to the same bytes.

openpyxl writes each cell by building an XML element and serialising it through
``et_xmlfile``, and each sheet through a temporary file; a measure workbook's 5,000
cells also cost an openpyxl ``Cell`` each to build. :func:`save` writes the sheets in
memory and the rows' usual cells (text, numbers, dates, empty styled cells) as the very
text ``et_xmlfile`` makes of them; anything else (formulas, rich text, comments, row
formats) goes through openpyxl's own code. A sheet may also be given as :data:`Lines`
instead of cells: its texts are written without a ``Cell`` each (openpyxl would make
every one an inline string: the workbook turns every text cell into one), its other
cells are ``Cell`` objects as usual. ``tests/test_tables.py`` compares the bytes with
openpyxl's ``Workbook.save`` of the same workbook built cell by cell.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # type: ignore[attr-defined]

TEMP_FILE_MODE = 0o100600
"""The mode openpyxl's temporary sheet files have, kept in the archive's entries."""
LONGEST = 32767
"""Characters a cell holds (openpyxl cuts a longer text)."""

Lines = Sequence[Sequence[Any]]
"""A sheet's rows from row 1 on: each cell a text (an inline string; ``""`` an empty
one) or an openpyxl ``Cell`` of that sheet at that place (for styles and typed values)."""


def save(book: Any, lines: Mapping[Any, Lines] | None = None) -> bytes:
    """The workbook as openpyxl's ``save`` writes it (without its stored save time, and
    uncompressed: :func:`teilhabe_core.publish.workbooks.deterministic_zip` compresses
    every part); ``lines``: the cells of some of its sheets (which have no cells of their
    own), by sheet."""
    from openpyxl.writer.excel import ExcelWriter

    given = lines or {}

    class Writer(ExcelWriter):  # type: ignore[misc]
        def write_worksheet(self, ws: Any) -> None:
            from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = _sheet_writer()(ws, out=io.BytesIO())
            writer.lines = given.get(ws)
            writer.write()
            ws._rels = writer._rels
            entry = zipfile.ZipInfo(ws.path[1:])
            entry.external_attr = TEMP_FILE_MODE << 16
            self._archive.writestr(entry, writer.read())
            self.manifest.append(ws)

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        Writer(book, archive).save()
    return buffer.getvalue()


def _text(start: str, value: str) -> str:
    """An inline-string cell (``start``: ``<c`` and its attributes)."""
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    return f"{start}><is><t{space}>{_escape_cdata(value)}</t></is></c>"


_CLASS: list[type] = []


def _sheet_writer() -> type:
    """openpyxl's ``WorksheetWriter`` with the plain rows written as text (made once)."""
    if _CLASS:
        return _CLASS[0]
    from openpyxl.cell._writer import _set_attributes, write_cell
    from openpyxl.cell.rich_text import CellRichText
    from openpyxl.compat import safe_string
    from openpyxl.utils.cell import get_column_letter
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.worksheet.dimensions import SheetDimension

    def cell_xml(cell: Any) -> str | None:
        """The cell as text; ``None`` where openpyxl must write it (or nothing)."""
        if cell._comment is not None or cell.data_type not in "snd" \
                or isinstance(cell._value, CellRichText):
            return None
        styled = cell.has_style
        value, attrs = _set_attributes(cell, styled)
        start = "<c" + "".join(f' {k}="{_escape_attrib(v)}"' for k, v in attrs.items())
        if value is None or value == "":
            return start + " />"
        if cell.data_type == "s":
            return _text(start, value)
        text = _escape_cdata(safe_string(value))  # NaN and infinity: an empty value
        return f"{start}><v>{text}</v></c>" if text else f"{start}><v /></c>"

    class SheetWriter(WorksheetWriter):  # type: ignore[misc]
        lines: Lines | None = None

        def write_dimensions(self) -> None:
            if self.lines is None:
                super().write_dimensions()
                return
            width = max(len(line) for line in self.lines)
            self.xf.send(SheetDimension(
                f"A1:{get_column_letter(width)}{len(self.lines)}").to_tree())

        def write_rows(self) -> None:
            if self.lines is None:
                super().write_rows()
                return
            letters = [get_column_letter(i) for i in range(1, 1 + max(map(len, self.lines)))]
            xf = self.xf.send(True)
            with xf.element("sheetData"):
                for number, line in enumerate(self.lines, 1):
                    parts = [f'<row r="{number}">']
                    for letter, item in zip(letters, line, strict=False):
                        if isinstance(item, str):
                            start = f'<c r="{letter}{number}" t="inlineStr"'
                            parts.append(_text(start, item[:LONGEST]) if item else
                                         start + " />")
                        else:
                            parts.append(self.cell(xf, item, parts))
                    parts.append("</row>")
                    xf._file("".join(parts))
            self.xf.send(None)

        def cell(self, xf: Any, cell: Any, parts: list[str]) -> str:
            """A cell's text, or "" where openpyxl wrote it (after ``parts`` so far)."""
            text = cell_xml(cell)
            if text is not None:
                return text
            xf._file("".join(parts))
            parts.clear()
            write_cell(xf, self.ws, cell, cell.has_style)
            return ""

        def write_row(self, xf: Any, row: list[Any], row_idx: int) -> None:
            if row_idx in self.ws.row_dimensions:
                super().write_row(xf, row, row_idx)
                return
            parts = [f'<row r="{row_idx}">']
            for cell in row:
                if cell._value is None and not cell.has_style and cell._comment is None:
                    continue
                if cell._comment is not None:
                    from openpyxl.comments.comment_sheet import CommentRecord

                    self.ws._comments.append(CommentRecord.from_cell(cell))
                parts.append(self.cell(xf, cell, parts))
            parts.append("</row>")
            xf._file("".join(parts))

    _CLASS.append(SheetWriter)
    return SheetWriter
