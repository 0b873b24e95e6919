"""History journals: the append-only ``document: history`` file beside a document."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from ..base.errors import ConflictError, WorkflowError
from ..base.fileio import read_regular
from ..base.i18n import _
from ..documents import yamlsafe
from ..documents.converter import unstructure
from ..documents.loader import load_file, modeline
from ..model import History, HistoryEntry


def history_path(document_path: str | Path) -> Path:
    """The journal file beside a document: ``x.yaml`` → ``x.history.yaml``."""
    path = Path(document_path)
    return path.with_name(f"{path.stem}.history.yaml")


def journal_of(document_path: str | Path) -> History | None:
    """The history journal beside a document file, or ``None`` if there is none yet."""
    path = history_path(document_path)
    return read_history(path, Path(document_path).name)[0] if path.exists() else None


def read_history(path: Path, document_name: str) -> tuple[History, str | None]:
    if not path.exists():
        return History(file=document_name), None
    loaded = load_file(path)
    if not isinstance(loaded.document, History):
        raise WorkflowError(_("{file} is not a history (document: history).", file=path))
    return loaded.document, loaded.digest


def refuse_if_changed(path: Path, digest: str | None) -> bytes | None:
    """The file's current bytes (``None`` if absent); :class:`ConflictError` if changed."""
    data = read_regular(path) if path.exists() else None
    current = hashlib.sha256(data).hexdigest() if data is not None else None
    if current != digest:
        raise ConflictError(_("The file {file} was changed since it was loaded (someone saved "
                              "first). Nothing was written; please load it again.", file=path))
    return data


def append_entry(path: Path, document_name: str, entry: HistoryEntry) -> bytes:
    """The journal's bytes with ``entry`` appended; earlier bytes are kept as they are."""
    return appended(read_regular(path) if path.exists() else None, document_name, (entry,),
                    path)


def appended(old: bytes | None, document_name: str, entries: Sequence[HistoryEntry],
             path: Path | None = None) -> bytes:
    """Journal bytes ``old`` (``None``: a new journal) with ``entries`` appended."""
    items = "".join(yamlsafe.dump_yaml([unstructure(entry)]) for entry in entries)
    if old is not None:
        if not old.endswith(b"\n"):
            old += b"\n"
        return old + items.encode("utf-8")
    return (journal_head(document_name, path) + items).encode("utf-8")


def journal_head(document_name: str, path: Path | None = None) -> str:
    """The start of a new journal at ``path``, up to ``entries:``."""
    header = (f"{modeline(path)}# Append-only history of {document_name}; written by "
              "teilhabe, do not edit earlier entries.\n")
    body = yamlsafe.dump_yaml({"document": "history", "file": document_name, "entries": []})
    return header + body.replace("entries: []\n", "entries:\n")
