"""``FileStore``: documents as the clerk's YAML files, journals beside them.

* Layout: one folder per area; ``plan.yaml`` and its journal ``plan.history.yaml``
  (unchanged from before; comments and layout of the clerk's file are kept).
* Lock: every write (and every read, so a reader never sees a half-applied change) holds
  an exclusive OS lock on the area's folder (``flock``; on Windows a lock file), so
  concurrent writers queue instead of overwriting each other.
* Commit point: a change is first written as one record ``.plan.yaml.teilhabe-pending``
  (both new files, written atomically). Once it exists the change counts as done; then
  the journal and the document are renamed into place and the record is removed. A
  writer killed after the record was written is rolled forward by the next load
  (:func:`roll_forward`); one killed before it changed nothing. A full disk while
  writing the record or the files changes nothing either.
"""

from __future__ import annotations

import base64
import codecs
import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from attrs import evolve

from ..base.errors import ConflictError, UsageError
from ..base.fileio import (
    atomic_write,
    check_writable,
    ensure_folder,
    read_regular,
    write_files,
)
from ..base.i18n import _
from ..documents.loader import load_bytes, load_text
from ..model import HistoryEntry
from .contract import (
    Change,
    Key,
    Stored,
    changed_since,
    check_history_continues,
    fmt_of_name,
    key_of,
)
from .journal import append_entry, appended, history_path, read_history, refuse_if_changed

PENDING = ".teilhabe-pending"
SUFFIXES = (".yaml", ".yml", ".json")


def pending_path(document: Path) -> Path:
    return document.with_name(f".{document.name}{PENDING}")


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive OS lock on ``folder`` (blocking until other writers are done)."""
    ensure_folder(folder)
    if sys.platform == "win32":  # pragma: no cover - no folder locks there
        import msvcrt

        with open(folder / ".teilhabe.lock", "a+b") as handle:
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _recover(folder: Path) -> None:
    """Finish every change whose commit record is in ``folder`` (lock held)."""
    for record in sorted(folder.rglob(f".*{PENDING}")):
        try:
            data = json.loads(read_regular(record))
            files = [(record.parent / name, base64.b64decode(body))
                     for name, body in data["files"]]
        except (ValueError, KeyError, TypeError):
            record.unlink()  # a torn record was never renamed into place: not committed
            continue
        write_files(files)
        record.unlink()


def roll_forward(document: str | os.PathLike[str]) -> None:
    """Finish a change to ``document`` that a killed writer committed but did not apply."""
    path = Path(document)
    if pending_path(path).exists():
        with folder_lock(path.parent):
            _recover(path.parent)


def _commit(document: Path, files: Sequence[tuple[Path, bytes]]) -> None:
    """Write ``files`` (beside ``document``) as one atomic change (lock held)."""
    for path, _data in files:
        check_writable(path)  # a write-protected file is refused before the commit point
    record = pending_path(document)
    body = {"files": [[path.name, base64.b64encode(data).decode("ascii")]
                      for path, data in files]}
    atomic_write(record, json.dumps(body).encode("utf-8"))  # the commit point
    try:
        write_files(files)
    except Exception:
        with contextlib.suppress(OSError):
            record.unlink()  # nothing was renamed into place: the change did not happen
        raise
    record.unlink()


def revision_of(document: bytes, journal: bytes | None) -> str:
    digest = hashlib.sha256(document)
    digest.update(b"\0" + (journal or b""))
    return digest.hexdigest()[:24]


class FileStore:
    """Areas as folders of YAML/JSON documents (the default store)."""

    def __init__(self, folders: Mapping[str, Path], url: str = "") -> None:
        self.folders = {area: Path(folder) for area, folder in folders.items()}
        self.url = url or ", ".join(str(f) for f in self.folders.values())
        self._keys: dict[Path, tuple[int, int, Key]] = {}
        self.root: Path | None = None

    @classmethod
    def at(cls, root: str | os.PathLike[str]) -> FileStore:
        """A store in ``root``: one subfolder per area."""
        base = Path(root)
        if base.exists() and not base.is_dir():
            raise UsageError(_("{path} is not a folder; a file store is a folder with one "
                               "subfolder per area.", path=base))
        folders = {p.name: p for p in sorted(base.iterdir())
                   if p.is_dir() and not p.name.startswith(".")} if base.is_dir() else {}
        store = cls(folders, str(base))
        store.root = base
        return store

    def close(self) -> None:
        pass

    def _folder(self, area: str) -> Path:
        if area not in self.folders:
            if self.root is None:
                raise UsageError(_("There is no area '{area}' in {store}.", area=area,
                                   store=self.url))
            self.folders[area] = self.root / area
        return self.folders[area]

    # -- reading ------------------------------------------------------------------------

    def areas(self) -> list[str]:
        return sorted(a for a, f in self.folders.items() if f.is_dir())

    def document_files(self, folder: Path) -> list[Path]:
        """The document files in ``folder`` (journals and hidden files left out), sorted."""
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.rglob("*")
                      if p.suffix in SUFFIXES and p.is_file() and not p.name.startswith(".")
                      and not p.name.endswith(".history.yaml"))

    def _key(self, area: str, path: Path) -> Key | None:
        status = path.stat()
        cached = self._keys.get(path)
        if cached and cached[:2] == (status.st_mtime_ns, status.st_size):
            return cached[2]
        try:
            loaded = load_bytes(read_regular(path), str(path))
        except Exception:  # a broken file is reported by validate, not listed
            return None
        key = key_of(area, path.relative_to(self._folder(area)).as_posix(), loaded.document)
        self._keys[path] = (status.st_mtime_ns, status.st_size, key)
        return key

    def _index(self, area: str) -> dict[Key, Path]:
        folder = self._folder(area)
        found: dict[Key, Path] = {}
        for path in self.document_files(folder):
            key = self._key(area, path)
            if key is not None:
                found.setdefault(key, path)
        return found

    def list(self, area: str, kind: str | None = None) -> list[Key]:
        with folder_lock(self._folder(area)):
            _recover(self._folder(area))
            return sorted(k for k in self._index(area) if kind is None or k.kind == kind)

    def _path(self, key: Key) -> Path:
        path = self._index(key.area).get(key)
        if path is None:
            raise UsageError(_("There is no document '{id}' ({kind}) in the area '{area}' "
                               "({store}).", id=key.id, kind=key.kind, area=key.area,
                               store=self.url))
        return path

    def _stored(self, area: str, path: Path) -> Stored:
        data = read_regular(path)
        hist = history_path(path)
        journal = read_regular(hist) if hist.exists() else None
        loaded = load_bytes(data, str(path), fmt_of_name(path.name))
        history, _digest = read_history(hist, path.name)
        name = path.relative_to(self._folder(area)).as_posix()
        return Stored(key_of(area, name, loaded.document), name, revision_of(data, journal),
                      loaded.text, loaded.document, history, str(path))

    def read(self, key: Key) -> Stored:
        with folder_lock(self._folder(key.area)):
            _recover(self._folder(key.area))
            return self._stored(key.area, self._path(key))

    def read_file(self, area: str, path: str | os.PathLike[str]) -> Stored:
        """The document in file ``path`` of ``area``'s folder."""
        with folder_lock(self._folder(area)):
            _recover(self._folder(area))
            return self._stored(area, Path(path))

    # -- writing ------------------------------------------------------------------------

    def write(self, area: str, name: str, text: str, expected: str | None,
              history: Sequence[HistoryEntry] | None = None) -> Stored:
        folder = self._folder(area)
        path = folder / name
        if ".." in Path(name).parts or Path(name).is_absolute():
            raise UsageError(_("Invalid document name {name}.", name=repr(name)))
        load_text(text, str(path), fmt_of_name(name))  # only valid documents are stored
        with folder_lock(folder):
            _recover(folder)
            current = self._stored(area, path) if path.exists() else None
            if current is None and history_path(path).exists():
                raise ConflictError(_("{file} exists already; nothing was written.",
                                      file=history_path(path)))
            if current is None and expected is not None:
                raise changed_since(str(path))
            if current is not None and current.revision != expected:
                raise (ConflictError(_("{file} exists already; nothing was written.", file=path))
                       if expected is None else changed_since(str(path)))
            files = [(path, text.encode("utf-8"))]
            if history is not None:
                old = current.history.entries if current else ()
                added = check_history_continues(str(path), old, history)
                hist = history_path(path)
                if added or (history and not hist.exists()):
                    old_bytes = read_regular(hist) if hist.exists() else None
                    files.insert(0, (hist, appended(old_bytes, Path(name).name, added, hist)))
            _commit(path, files)
            return self._stored(area, path)

    def transition(self, key: Key, change: Change) -> Stored:
        folder = self._folder(key.area)
        with folder_lock(folder):
            _recover(folder)
            path = self._path(key)
            return self._transition(key.area, path, change)

    def transition_file(self, area: str, path: str | os.PathLike[str],
                        change: Change) -> Stored:
        """:meth:`transition` for the document in file ``path``."""
        with folder_lock(self._folder(area)):
            _recover(self._folder(area))
            return self._transition(area, Path(path), change)

    def _transition(self, area: str, path: Path, change: Change) -> Stored:
        original = data = read_regular(path)
        hist = history_path(path)
        journal = read_regular(hist) if hist.exists() else None
        current = self._stored(area, path)
        commit = change(current)
        new_hist = append_entry(hist, path.name, commit.entry)
        files = [(hist, new_hist)]
        text, document = current.text, current.document
        if commit.text is not None:
            text = commit.text
            document = load_text(text, str(path), fmt_of_name(path.name)).document
            bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
            data = bom + text.encode("utf-8")
            files.append((path, data))
        # whoever ignores the lock (an editor) and saved meanwhile is not overwritten
        refuse_if_changed(path, hashlib.sha256(original).hexdigest())
        refuse_if_changed(hist, hashlib.sha256(journal).hexdigest() if journal else None)
        _commit(path, files)
        history = evolve(current.history, entries=(*current.history.entries, commit.entry))
        return evolve(current, revision=revision_of(data, new_hist), text=text,
                      document=document, history=history)
