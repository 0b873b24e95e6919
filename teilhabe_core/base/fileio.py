"""Reading and writing files safely.

* :func:`open_regular` opens only regular files, without ever blocking: a FIFO, a device
  or a folder given as a document, history or import file is refused.
* :func:`write_files` (and :func:`atomic_write` for one file) writes each file to a temp
  file beside it and renames it into place after *all* temp files were written.
* :func:`replace_folder` builds a whole folder (the publication site) beside the old one
  and switches it into place in one step: readers see the old folder or the new one.
* New files and folders get the mode the umask gives; a rewritten file keeps its mode
  (and, where allowed, owner and group); a write-protected file is refused
  (:class:`~teilhabe_core.base.errors.ReadOnlyError`), not replaced.
* Every OS error becomes a :class:`~teilhabe_core.base.errors.FileError` that names the file
  and says what went wrong, in the user's language (:func:`os_reason`).
* :func:`safe_join` keeps output names inside their folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from .errors import FileError, ReadOnlyError
from .i18n import N_, Msg, _, both
from .names import safe_join, safe_joins, windows_reserved
from .oserrors import os_reason, os_reason_msg

__all__ = ["FolderBuild", "atomic_write", "check_writable", "ensure_folder", "open_regular",
           "os_reason", "os_reason_msg", "output_folder", "read_error", "read_regular",
           "recover", "replace_folder", "safe_join", "safe_joins", "windows_reserved",
           "write_error", "write_files"]

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, N_("not a regular file but a folder")),
          (stat.S_ISFIFO, N_("not a regular file but a named pipe (FIFO)")),
          (stat.S_ISCHR, N_("not a regular file but a device")),
          (stat.S_ISBLK, N_("not a regular file but a device")),
          (stat.S_ISSOCK, N_("not a regular file but a socket")))


def _not_regular(mode: int) -> Msg:
    return Msg(next((text for test, text in _KINDS if test(mode)),
                    N_("not a regular file but something else")))


def read_error(file: str, reason: Msg) -> FileError:
    de, en = both(reason)
    return FileError(_("The file {file} cannot be read: {reason}.", file=file, reason=reason),
                     file, de, en)


def write_error(file: str | os.PathLike[str], exc: OSError | Msg, after: str = "") -> FileError:
    """A :class:`FileError` for ``exc`` (or a reason) met while writing ``file``."""
    name = os.fspath(file)
    reason = exc if isinstance(exc, Msg) else os_reason_msg(exc)
    de, en = both(reason)
    return FileError(_("The file {file} cannot be written: {reason}.", file=name, reason=reason)
                     + " " + (after or _("Nothing was changed.")), name, de, en)


# -- reading ------------------------------------------------------------------------------


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading; anything else is refused without blocking.

    The file is opened non-blocking and the *opened* descriptor is checked, so a FIFO,
    a device or a folder (also one swapped in after a check) never hangs the caller.
    Raises :class:`FileError` with the reason.
    """
    file = os.fspath(path)
    try:
        fd = os.open(file, os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY)
    except OSError as exc:
        raise read_error(file, os_reason_msg(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise read_error(file, _not_regular(mode))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file (see :func:`open_regular`)."""
    with open_regular(path) as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise read_error(os.fspath(path), os_reason_msg(exc)) from None


# -- writing single files -----------------------------------------------------------------


def check_writable(path: str | os.PathLike[str]) -> os.stat_result | None:
    """The status of an existing file about to be replaced (``None`` if it is new).

    Refuses what must not be replaced: something that is not a regular file
    (:class:`FileError`) and a write-protected file (:class:`ReadOnlyError`). The mode
    bits are checked as well as ``os.access``, which is always true for root.
    """
    name = os.fspath(path)
    try:
        status = os.stat(name)
    except (FileNotFoundError, NotADirectoryError):  # new (ensure_folder explains the latter)
        return None
    except OSError as exc:
        raise write_error(name, exc) from None
    if not stat.S_ISREG(status.st_mode):
        raise write_error(name, _not_regular(status.st_mode))
    if not status.st_mode & 0o222 or not os.access(name, os.W_OK):
        raise ReadOnlyError(_("The file {file} is write-protected and is not replaced; nothing "
                              "was written. If it is to be changed, remove the write "
                              "protection (e.g. chmod u+w).", file=name))
    return status


def ensure_folder(folder: str | os.PathLike[str]) -> Path:
    """Create ``folder`` (and its parents) unless it exists; a :class:`FileError` naming
    it if it cannot."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError as exc:
        error = exc
    blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise not_a_folder(blocker)
    reason = os_reason_msg(error)
    raise FileError(_("The folder {folder} cannot be created: {reason}.", folder=path,
                      reason=reason), str(path), *both(reason))


def not_a_folder(path: Path) -> FileError:
    return FileError(_("{path} is a file, not a folder; please name a folder.", path=path),
                     str(path), *both(N_("a file, not a folder")))


def _create(path: Path) -> int:
    """A new file, created exclusively with the mode the umask gives."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)


def _write_data(fd: int, data: bytes, keep: os.stat_result | None, sync: bool = True) -> None:
    """Write and sync ``data`` to a new file; with ``keep``, take over its mode and owner.
    ``sync=False``: not synced here (a folder build syncs all its files at once)."""
    with os.fdopen(fd, "wb") as handle:
        if keep is not None:
            if hasattr(os, "fchown"):
                with contextlib.suppress(OSError):  # only root may give files away
                    os.fchown(handle.fileno(), keep.st_uid, keep.st_gid)
            os.chmod(handle.fileno(), stat.S_IMODE(keep.st_mode))
        handle.write(data)
        handle.flush()
        if sync:
            os.fsync(handle.fileno())


def _temp_beside(target: Path) -> tuple[int, Path]:
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        with contextlib.suppress(FileExistsError):
            return _create(temp), temp


def write_files(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write several files, each replaced atomically, all or none if writing fails.

    Every target is checked first (:func:`check_writable`); then every file is written to
    a temp file beside its target; only when all are written are they renamed into place.
    A failure before the renames removes the temp files and changes nothing.
    """
    kept = [check_writable(target) for target, _ in files]
    written: list[tuple[Path, Path]] = []
    replaced: list[Path] = []
    current = files[0][0] if files else Path()
    try:
        for (target, data), keep in zip(files, kept, strict=True):
            current = target
            ensure_folder(target.parent)
            fd, temp = _temp_beside(target)
            written.append((temp, target))
            _write_data(fd, data, keep)
        for temp, target in written:
            current = target
            os.replace(temp, target)
            replaced.append(target)
    except BaseException as exc:
        for temp, _target in written:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if isinstance(exc, OSError):
            # a rename failing after others (rare: the folder changed meanwhile) is said so
            after = ("Bereits ersetzt: " + ", ".join(map(str, replaced)) + "."
                     if replaced else "")
            raise write_error(current, exc, after) from None
        raise
    return [target for target, _ in files]


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temp file in the same folder and a rename.

    Readers see the old file or the new one, never a partial one.
    """
    return write_files([(Path(path), data)])[0]


# -- replacing a whole folder -------------------------------------------------------------

NEW, OLD = "neu", "alt"
"""Kinds of sibling folders of an output folder: a build in progress, an old one set aside."""


def _sibling(target: Path, kind: str, token: str = "") -> Path:
    return target.with_name(f".{target.name}.teilhabe-{kind}-{token}")


def _try_lock(folder: Path) -> int | None:
    """A descriptor holding an exclusive lock on ``folder``; ``None`` if another run has it."""
    if sys.platform == "win32":  # no folder locks there; the folder is used as it is
        return -1
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _release(fd: int | None) -> None:
    if fd is not None and fd >= 0:
        os.close(fd)


def recover(target: Path) -> None:
    """Tidy up after a run of :func:`replace_folder` that was killed.

    A folder set aside while ``target`` was missing is moved back; builds no running
    process holds (locked) are removed.
    """
    prefix = f".{target.name}.teilhabe-"
    with contextlib.suppress(FileNotFoundError):
        for entry in sorted(target.parent.iterdir()):
            if not entry.name.startswith(prefix) or entry.is_symlink() or not entry.is_dir():
                continue
            if entry.name.startswith(_sibling(target, OLD).name) and not target.exists():
                os.rename(entry, target)
                continue
            fd = _try_lock(entry)
            if fd is not None:
                shutil.rmtree(entry, ignore_errors=True)
                _release(fd)


def _new_build(target: Path) -> tuple[Path, int | None]:
    while True:
        folder = _sibling(target, NEW, secrets.token_hex(4))
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, 0o777)
            return folder, _try_lock(folder)


def _raise(error: OSError) -> None:
    raise error


def _copy_tree(source: Path, destination: Path) -> None:
    """Every file of ``source`` hard-linked (else copied) into ``destination``, symlinks as
    symlinks, folder modes kept; the first OS error is raised, nothing is skipped."""
    folders = [(source, destination)]
    for root, dirs, names in os.walk(source, onerror=_raise):
        here = destination / Path(root).relative_to(source)
        for name in (*dirs, *names):
            old, new = Path(root, name), here / name
            if old.is_symlink():
                os.symlink(os.readlink(old), new)
            elif old.is_dir():
                os.mkdir(new)
                folders.append((old, new))
            else:
                try:
                    os.link(old, new)  # unchanged files: no copy needed, never written to
                except OSError:
                    shutil.copy2(old, new)
    for old, new in folders:
        shutil.copystat(old, new)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False if the
    system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second),
                 rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _switch(build: Path, target: Path) -> None:
    """Put ``build`` in the place of ``target``; afterwards ``build`` holds the old folder."""
    if not target.exists():
        os.rename(build, target)
        return
    if _exchange(build, target):
        return
    aside = _sibling(target, OLD, secrets.token_hex(4))
    os.rename(target, aside)  # a kill from here to the next rename: recover() moves it back
    try:
        os.rename(build, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.rename(aside, target)
        raise
    os.rename(aside, build)


def _fsync_folder(folder: Path) -> None:
    if sys.platform != "win32":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def output_folder(path: str | os.PathLike[str]) -> Path:
    """The real folder an output path names (symlinks followed); refuses a file."""
    folder = Path(path).resolve()
    if folder.exists() and not folder.is_dir():
        raise not_a_folder(folder)
    return folder


def replace_folder(folder: str | os.PathLike[str],
                   files: Sequence[tuple[str, bytes]],
                   remove: Sequence[str] = ()) -> list[Path]:
    """Make ``files`` (relative POSIX names and contents) the new content of ``folder``.

    The new content is built in a sibling folder ``.NAME.teilhabe-neu-…`` on the same file
    system: first a copy of the old folder (hard links), so files this build does not
    produce stay, then every file of ``files``. Only then is it switched into place in one
    step, so a reader sees the old folder or the new one, never a mix, and no temp file is
    ever inside ``folder``. A failure (a full disk) leaves the old folder untouched; what a
    killed run leaves beside it is removed by the next run (:func:`recover`).
    ``remove``: relative names of old files the new content no longer has (missing ones
    are skipped; emptied folders go too). :class:`FolderBuild` does the same in steps.
    """
    with FolderBuild(folder) as build:
        for name in remove:
            build.remove(name)
        for name, data in files:
            build.write(name, data)
        build.commit()
    return [build.target / name for name, _ in files]


class FolderBuild:
    """:func:`replace_folder` in steps, for content made bit by bit (also by forked worker
    processes, which may call :meth:`write`): the copy of the old folder is made on
    creation; :meth:`commit` switches it into place; leaving the ``with`` block without a
    commit removes the build and leaves the folder as it was."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.target = target = output_folder(folder)
        self._folders: set[Path] = set()
        """Folders of the build known to exist (made or seen by this process)."""
        if os.path.ismount(target):
            raise FileError(_("The output folder {folder} is a mount point and cannot be "
                              "replaced as a whole; please name a folder inside it.",
                              folder=target), str(target))
        ensure_folder(target.parent)
        try:
            recover(target)
            self.build, self._lock = _new_build(target)
        except OSError as exc:
            raise write_error(target, exc) from None
        try:
            if target.is_dir():
                _copy_tree(target, self.build)
        except OSError as exc:
            self.close()
            raise write_error(target, exc, _("The folder {folder} stays as it was.",
                                             folder=target)) from None

    def __enter__(self) -> FolderBuild:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fail(self, current: Path, exc: OSError) -> FileError:
        return write_error(current, exc, _("The folder {folder} stays as it was.",
                                           folder=self.target))

    def write(self, name: str, data: bytes) -> None:
        """Write the file ``name`` (relative POSIX) of the new content."""
        path = self.build / name
        try:
            if path.parent not in self._folders:  # one mkdir per folder, not per file
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            _replace_in_build(path, data)
        except OSError as exc:
            raise self._fail(self.target / name, exc) from None

    def remove(self, name: str) -> None:
        """Remove an old file (if there) and folders it leaves empty."""
        self._folders.clear()
        try:
            _remove_in_build(self.build, name)
        except OSError as exc:
            raise self._fail(self.target, exc) from None

    def commit(self) -> None:
        """Put the new content in place of the folder, in one step, once every file
        written into it is on the disk."""
        try:
            _sync_all()
            _switch(self.build, self.target)
            _fsync_folder(self.target.parent)
        except OSError as exc:
            raise self._fail(self.target, exc) from None

    def close(self) -> None:
        """Remove what is left beside the folder (the old content, or the unfinished build)."""
        shutil.rmtree(self.build, ignore_errors=True)
        _release(self._lock)
        self._lock = None


def _remove_in_build(build: Path, name: str) -> None:
    path = build / name
    with contextlib.suppress(FileNotFoundError):
        if not path.is_symlink() and path.is_dir():
            return
        os.unlink(path)
    parent = path.parent
    while parent != build and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


_SYNC_ALL = hasattr(os, "sync")
"""Whether the system can put everything written onto the disk at once (``os.sync``):
then a build's files are not synced one by one (an ``fsync`` each costs a journal commit,
some 4 ms, far more than writing a page) but all together before the switch."""


def _sync_all() -> None:
    """Everything written so far onto the disk, where the system can (else each file
    of the build was synced as it was written)."""
    if _SYNC_ALL:
        os.sync()


def _replace_in_build(path: Path, data: bytes) -> None:
    keep = None
    with contextlib.suppress(FileNotFoundError):
        keep = os.stat(path)
        os.unlink(path)  # carried over from the old folder: linked, so never written to
    _write_data(_create(path), data, keep, sync=not _SYNC_ALL)
