"""Opening a store by URL or folder: ``open_store("postgresql+psycopg://…")``."""

from __future__ import annotations

import os
from pathlib import Path

from ..base.errors import UsageError
from ..base.i18n import _
from .contract import Store

SQL_SCHEMES = ("sqlite", "postgresql")


def sql_url(url: str) -> str:
    """``postgresql://`` means the psycopg 3 driver (the one installed)."""
    scheme, _sep, rest = url.partition("://")
    return f"postgresql+psycopg://{rest}" if scheme in ("postgresql", "postgres") else url


def open_store(url_or_folder: str | os.PathLike[str], *, create: bool = False) -> Store:
    """A :class:`Store`: ``sqlite:///file.db`` or ``postgresql+psycopg://user@host/db``
    give a :class:`~teilhabe_core.store.sql.SqlStore`, a folder (or ``file://`` URL) a
    :class:`~teilhabe_core.store.files.FileStore` with one subfolder per area.

    ``create`` sets the store up (creates the folder, runs the database migrations).
    """
    text = os.fspath(url_or_folder)
    scheme, sep, rest = text.partition("://")
    if sep and scheme.split("+")[0] in (*SQL_SCHEMES, "postgres"):
        from .sql import SqlStore

        return SqlStore(sql_url(text), create=create)
    if sep and scheme != "file":
        raise UsageError(_("Unknown kind of store '{scheme}://'. Possible are a folder, "
                           "sqlite:///FILE.db and postgresql+psycopg://USER@HOST/DATABASE.",
                           scheme=scheme))
    from .files import FileStore

    folder = Path(rest if sep else text)
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    elif not folder.is_dir():
        raise UsageError(_("There is no store folder {folder} (to create it: teilhabe store "
                           "init {folder}).", folder=folder))
    return FileStore.at(folder)
