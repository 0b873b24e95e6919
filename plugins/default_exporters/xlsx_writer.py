"""Saving an openpyxl workbook faster, to the same bytes.

openpyxl writes each cell by building an XML element and serialising it through
``et_xmlfile`` (a third of a measure workbook's cost), and each sheet through a temporary
file. :func:`save` writes the sheets in memory and the rows' usual cells (text, numbers,
dates, empty styled cells) as the very text ``et_xmlfile`` makes of them; anything else
(formulas, rich text, comments, row formats) goes through openpyxl's own code.
``tests/test_tables.py`` compares the bytes with openpyxl's ``Workbook.save``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # type: ignore[attr-defined]

TEMP_FILE_MODE = 0o100600
"""The mode openpyxl's temporary sheet files have, kept in the archive's entries."""


def save(book: Any) -> bytes:
    """The workbook as openpyxl's ``save`` writes it (without its stored save time, and
    uncompressed: :func:`.tables.deterministic_zip` compresses every part)."""
    from openpyxl.writer.excel import ExcelWriter

    class Writer(ExcelWriter):  # type: ignore[misc]
        def write_worksheet(self, ws: Any) -> None:
            from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = _sheet_writer()(ws, out=io.BytesIO())
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


_CLASS: list[type] = []


def _sheet_writer() -> type:
    """openpyxl's ``WorksheetWriter`` with the plain rows written as text (made once)."""
    if _CLASS:
        return _CLASS[0]
    from openpyxl.cell._writer import _set_attributes
    from openpyxl.cell.rich_text import CellRichText
    from openpyxl.compat import safe_string
    from openpyxl.worksheet._writer import WorksheetWriter

    class SheetWriter(WorksheetWriter):  # type: ignore[misc]
        def write_row(self, xf: Any, row: list[Any], row_idx: int) -> None:
            if row_idx in self.ws.row_dimensions or any(
                    c._comment is not None or c.data_type not in "snd"
                    or isinstance(c._value, CellRichText) for c in row):
                super().write_row(xf, row, row_idx)
                return
            parts = [f'<row r="{row_idx}">']
            for cell in row:
                styled = cell.has_style
                if cell._value is None and not styled:
                    continue
                value, attrs = _set_attributes(cell, styled)
                start = "<c" + "".join(f' {k}="{_escape_attrib(v)}"' for k, v in attrs.items())
                if value is None or value == "":
                    parts.append(start + " />")
                elif cell.data_type == "s":
                    stripped = value.strip()
                    space = ' xml:space="preserve"' if stripped and stripped != value else ""
                    parts.append(f"{start}><is><t{space}>{_escape_cdata(value)}</t></is></c>")
                else:  # NaN and infinity are written as an empty value
                    text = _escape_cdata(safe_string(value))
                    parts.append(f"{start}><v>{text}</v></c>" if text else f"{start}><v /></c>")
            parts.append("</row>")
            xf._file("".join(parts))

    _CLASS.append(SheetWriter)
    return SheetWriter
