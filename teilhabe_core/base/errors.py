"""The library's own exceptions and the findings they carry.

Every problem with a document is a :class:`Finding` with file, line, column
(1-based), field path (``measures[3].status``), severity and a message in German
(``message``) and English (``message_en``). A :class:`DocumentError` carries all
findings of one file at once.

:class:`Finding` and :class:`Level` live in :mod:`.findings` (``attrs``) and is imported from
there on first use, so that the exceptions alone (``teilhabe --help``) stay cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .i18n import Msg

if TYPE_CHECKING:
    from .findings import Finding as Finding
    from .findings import Level as Level


def __getattr__(name: str) -> Any:
    if name in ("Finding", "Level"):
        from . import findings

        return getattr(findings, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class TeilhabeError(Exception):
    """Base class of every error this library raises on purpose."""


class DocumentError(TeilhabeError):
    """A document could not be loaded or is invalid; carries all its findings."""

    def __init__(self, findings: Iterable[Finding], file: str = "") -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        self.file = file
        super().__init__(self.__str__())

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_error)

    def __str__(self) -> str:
        return "\n".join(f.format() for f in self.findings)


class UsageError(TeilhabeError):
    """A call that cannot work as given: an unknown name, a value out of range, a document
    of the wrong kind. The command line exits 2 for these."""


class PluginError(TeilhabeError):
    """A plugin is broken or conflicts with another plugin."""


class UnknownAreaError(TeilhabeError):
    """A document or command names an area no installed plugin provides."""


class WorkflowError(TeilhabeError):
    """A state change is not allowed, a guard failed, or a workflow is malformed."""


class WorkflowUsageError(WorkflowError, UsageError):
    """A transition named something that does not exist, or a time that cannot be right."""


class ConflictError(TeilhabeError):
    """The document (its object, or the file by hand) changed since it was loaded, in a
    way that conflicts with this change; nothing was written."""


class StoreError(UsageError):
    """A store cannot be opened: the database is unreachable or not set up. The command
    line exits 2."""


class ExportError(TeilhabeError):
    """An exporter could not render, or its options are invalid."""

    def __init__(self, message: str, findings: Iterable[Finding] = ()) -> None:
        self.findings = tuple(findings)
        super().__init__(message if not self.findings else
                         message + "\n" + "\n".join(f.format() for f in self.findings))


class ExportUsageError(ExportError, UsageError):
    """An unknown format, or a format or variant the document does not accept."""


class FileError(TeilhabeError):
    """A file or folder could not be read or written (not a regular file, disk full, no
    permission, a file where a folder belongs …). ``file`` names it; ``reason`` and
    ``reason_en`` say why. The CLI exits 2."""

    def __init__(self, message: str, file: str = "", reason: str = "",
                 reason_en: str = "") -> None:
        self.file, self.reason, self.reason_en = file, reason, reason_en or reason
        super().__init__(message)


class ReadOnlyError(TeilhabeError):
    """A file that would be rewritten is write-protected; it is refused, not replaced."""


def message_of(exc: BaseException) -> Msg | str:
    """An exception's message, still in both languages where it was raised with a
    :class:`~teilhabe_core.base.i18n.Msg` (``str(exc)`` renders it in the current one)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Msg):
        return exc.args[0]
    return str(exc)


def short_error(exc: BaseException) -> str:
    """The last line of an exception as Python prints it (``ValueError: …``)."""
    import traceback

    return traceback.format_exception_only(type(exc), exc)[-1].strip()
