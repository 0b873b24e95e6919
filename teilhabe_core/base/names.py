"""Output file names that stay inside their folder and are valid on every system."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from .errors import ExportError
from .i18n import _

_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                      *(f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³")})


def windows_reserved(part: str) -> bool:
    """Whether Windows reads a file name part as a device: ``CON``, ``nul.txt``,
    ``Com1.tar.gz``, ``AUX.`` or ``LPT1 `` (any case, any extension, trailing dots/spaces)."""
    return part.split(".")[0].rstrip(" .").upper() in _DEVICES


def safe_join(folder: str | os.PathLike[str], name: str) -> Path:
    """``folder/name`` for a relative POSIX ``name`` that cannot leave ``folder``, with
    symbolic links resolved.

    Absolute names, ``..`` parts, backslashes, NUL, drive letters and Windows device
    names (``CON``, ``NUL.txt``, ``com1`` …) are refused with an
    :class:`~teilhabe_core.base.errors.ExportError`, and so is a name that a symbolic link
    in the folder leads out of it.
    """
    return safe_joins(folder, [name])[0]


def safe_joins(folder: str | os.PathLike[str], names: Sequence[str]) -> list[Path]:
    """:func:`safe_join` for each of ``names``; the folder and each sub-folder are
    resolved once (an area writes some fifty files into a handful of folders)."""
    base = Path(folder).resolve()
    folders: dict[tuple[str, ...], Path] = {(): base}
    targets = []
    for name in names:
        parts = _checked_parts(name)
        parent = folders.get(parts[:-1])
        if parent is None:
            parent = folders[parts[:-1]] = (base / Path(*parts[:-1])).resolve()
        target = parent / parts[-1]
        if target.is_symlink():
            target = target.resolve()
        if base != target and base not in target.parents:
            raise ExportError(_("The file name {name} leads out of the output folder.",
                                name=repr(name)))
        targets.append(target)
    return targets


def _checked_parts(name: str) -> tuple[str, ...]:
    """The parts of ``name``, or the :class:`ExportError` saying why it is no file name."""
    bad = (
        not name
        or "\x00" in name
        or "\\" in name
        or name.startswith("/")
        or (len(name) > 1 and name[1] == ":")
    )
    parts = PurePosixPath(name).parts
    if bad or any(p in ("..", ".", "") for p in parts):
        raise ExportError(_("Invalid output file name: {name}", name=repr(name)))
    devices = [p for p in parts if windows_reserved(p)]
    if devices:
        raise ExportError(_("Invalid output file name {name}: '{device}' is a device name "
                            "on Windows (like CON, PRN, AUX, NUL, COM1, LPT1) and cannot be a "
                            "file.", name=repr(name), device=devices[0]))
    return parts
