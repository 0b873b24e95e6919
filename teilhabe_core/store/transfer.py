"""Moving documents between stores: ``teilhabe store import`` and ``store export``."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import UsageError
from ..base.fileio import write_files
from ..base.i18n import ngettext
from ..base.messages import listing
from .contract import Store, Stored
from .files import FileStore
from .journal import appended, history_path


def unknown_areas(unknown: list[str], available: list[str]) -> UsageError:
    """The error for area ids a store or folder does not have."""
    return UsageError(ngettext("Unknown area: {areas}. Available: {available}.",
                               "Unknown areas: {areas}. Available: {available}.",
                               len(unknown), areas=", ".join(unknown),
                               available=listing(available)))

def read_area(source: Store, area: str) -> list[Stored]:
    """Every document of ``area`` in ``source``; a broken file raises its
    :class:`~teilhabe_core.base.errors.DocumentError` (nothing is half imported)."""
    if isinstance(source, FileStore):
        folder = source.folders[area]
        return [source.read_file(area, path) for path in source.document_files(folder)]
    return [source.read(key) for key in source.list(area)]


def copy_area(source: Store, target: Store, area: str) -> int:
    """Copy the documents and histories of ``area``; returns how many. Documents the
    target already holds are updated (their history must continue, never be rewritten);
    unchanged ones are left alone."""
    documents = read_area(source, area)
    for stored in documents:
        try:
            existing: Stored | None = target.read(stored.key)
        except UsageError:
            existing = None
        if existing is not None and (existing.text, existing.history.entries) == \
                (stored.text, stored.history.entries):
            continue
        target.write(area, stored.name, stored.text,
                     existing.revision if existing is not None else None,
                     history=stored.history.entries)
    return len(documents)


def export_store(store: Store, out: Path, areas: list[str] | None = None) -> list[Path]:
    """Write every document (and its journal) as ``out/AREA/NAME``; deterministic, so
    export → import → export gives the same bytes."""
    present = store.areas()
    unknown = sorted(set(areas or ()) - set(present))
    if unknown:
        raise unknown_areas(unknown, present)
    files: list[tuple[Path, bytes]] = []
    for area in areas or present:
        for stored in read_area(store, area):
            target = out / area / stored.name
            files.append((target, stored.text.encode("utf-8")))
            if stored.history.entries:
                files.append((history_path(target),
                              appended(None, target.name, stored.history.entries,
                                       history_path(target))))
    return write_files(files) if files else []
