"""What an operating-system error means, in the user's language, by ``errno``.

The C library's ``strerror`` is English ("No such file or directory"); these texts are
catalog msgids (German in the catalog), so a clerk reads "Datei oder Ordner nicht
gefunden" next to the file's name.
"""

from __future__ import annotations

import errno

from .i18n import N_, Bilingual, Msg, _

_REASONS = {
    "ENOENT": N_("no such file or folder"),
    "EEXIST": N_("the file or folder exists already"),
    "ENOTDIR": N_("a part of the path is not a folder"),
    "EISDIR": N_("this is a folder, not a file"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("operation not permitted"),
    "ENOSPC": N_("no space left on the disk"),
    "EDQUOT": N_("disk quota exceeded"),
    "EROFS": N_("the file system is read-only"),
    "ENAMETOOLONG": N_("the file name is too long"),
    "ENOTEMPTY": N_("the folder is not empty"),
    "ELOOP": N_("too many symbolic links"),
    "EMFILE": N_("too many open files"),
    "ENFILE": N_("too many open files in the system"),
    "EBUSY": N_("device or resource busy"),
    "EXDEV": N_("cannot move between different file systems"),
    "EFBIG": N_("the file is too large"),
    "EIO": N_("input/output error of the disk"),
    "ETXTBSY": N_("the file is in use"),
    "ENXIO": N_("no such device or address"),
    "EINVAL": N_("invalid argument"),
    "EPIPE": N_("the output was closed early (broken pipe)"),
    "EADDRINUSE": N_("the address is already in use"),
    "EADDRNOTAVAIL": N_("the address is not available"),
    "ECONNREFUSED": N_("the connection was refused"),
    "ECONNRESET": N_("the connection was reset"),
    "ETIMEDOUT": N_("the connection timed out"),
    "EHOSTUNREACH": N_("the host cannot be reached"),
    "ENETUNREACH": N_("the network cannot be reached"),
    "EAGAIN": N_("the resource is busy for the moment; please try again"),
}
REASONS: dict[int, str] = {getattr(errno, name): text for name, text in _REASONS.items()
                           if hasattr(errno, name)}
"""The OS errors users meet, by ``errno``: English msgids, translated where shown."""


def os_reason_msg(exc: OSError) -> Msg:
    """What an OS error means (``ENOSPC`` → "no space left on the disk"), by ``errno`` and
    not by the system's English ``strerror``."""
    text = REASONS.get(exc.errno or 0)
    if text:
        return Msg(text)
    code = errno.errorcode.get(exc.errno or 0, "")
    english = f" ({exc.strerror})" if exc.strerror else ""  # the system's words: English
    return Msg(N_("operating system error {code}{text}"), code=code or "?",
               text=Bilingual("", english))


def os_reason(exc: OSError, lang: str | None = None) -> str:
    """:func:`os_reason_msg` in ``lang`` (default: the current language)."""
    return os_reason_msg(exc).text(lang)


def os_error_text(exc: OSError) -> str:
    """A whole sentence for an OS error no caller explained, with the file (both files of
    a rename) where the system names it: "Problem mit /srv/site: keine Berechtigung."."""
    reason = os_reason(exc)
    files = [str(f) for f in (exc.filename, exc.filename2) if f is not None]
    if files:
        return _("Problem with {file}: {reason}.", file=" → ".join(files), reason=reason)
    return _("The operating system reports a problem: {reason}.", reason=reason)
