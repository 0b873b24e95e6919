"""Workbooks (.xlsx) in and out: reading one a clerk hands in (its sheets, or one finding
saying in words why the file is not a workbook that can be read), and making the bytes of
one teilhabe writes the same for the same content (:func:`deterministic_zip`).

Used by the measure-table import and by the returns of a status round. The archive is
looked at before openpyxl unpacks it: not a ZIP, too large unpacked (a zip bomb), or a ZIP
without ``xl/workbook.xml`` (another kind of file renamed to ``.xlsx``) are refused first.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ..base.errors import DocumentError
from ..base.i18n import N_, Msg
from ..base.messages import finding

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

T = TypeVar("T")

NOT_ZIP = N_("not a ZIP archive – perhaps a renamed file or a broken-off download")
TOO_LARGE = N_("larger than {megabytes} MB unpacked")
NO_WORKBOOK = N_("a ZIP archive without an Excel workbook inside – perhaps another kind of "
                 "file renamed to .xlsx")
DAMAGED = N_("the workbook inside is damaged – open it in Excel and save it again")
"""Why a file is no workbook (the ``reason`` of ``not-xlsx``)."""

WORKBOOK_PART = "xl/workbook.xml"


def refusal(file: str, reason: Msg) -> DocumentError:
    """The one finding for a file that is not a readable workbook, at its first line."""
    return DocumentError([finding("not-xlsx", reason=reason).at(file, 1, 1)], file)


def read_workbook(data: bytes, file: str, max_unpacked: int,
                  read: Callable[[Workbook], T]) -> T:
    """``read`` applied to the workbook in ``data`` (read-only, cached values); any failure
    of the archive or of reading it is a :class:`DocumentError` naming ``file``."""
    from openpyxl import load_workbook

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise refusal(file, Msg(NOT_ZIP)) from None
    if sum(info.file_size for info in archive.infolist()) > max_unpacked:
        raise refusal(file, Msg(TOO_LARGE, megabytes=max_unpacked // 2**20))
    if WORKBOOK_PART not in archive.namelist():
        raise refusal(file, Msg(NO_WORKBOOK))
    try:
        return read(load_workbook(io.BytesIO(data), read_only=True, data_only=True))
    except Exception:  # openpyxl raises anything for a damaged workbook
        raise refusal(file, Msg(DAMAGED)) from None


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def deterministic_zip(data: bytes) -> bytes:
    """The workbook repacked with fixed zip times and a fixed save time (openpyxl stamps
    the time of saving into ``docProps/core.xml``), every part compressed, so the same
    content gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()
