"""The library's own exceptions and the findings they carry.

Every problem with a document is a :class:`Finding` with file, line, column
(1-based), field path (``measures[3].status``), severity and a message in German
(``message``) and English (``message_en``). A :class:`DocumentError` carries all
findings of one file at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from attrs import evolve, frozen

from .i18n import N_, Msg, language, translate


class Level(Enum):
    ERROR = "error"
    WARNING = "warning"


@frozen
class Finding:
    """One problem in a document."""

    code: str
    message: str
    message_en: str = ""
    path: str = ""
    level: Level = Level.ERROR
    file: str = ""
    line: int | None = None
    column: int | None = None
    rule: str = ""

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (``de`` or ``en``; default from ``TEILHABE_LANG``)."""
        if language(lang) == "en" and self.message_en:
            return self.message_en
        return self.message

    def format(self, lang: str | None = None) -> str:
        """Compiler style: ``PATH:LINE:COL: error|warning: FIELD.PATH: message``. The
        severity stays ``error``/``warning`` in every language: editors and CI match it."""
        where = self.file or "<input>"
        where += f":{self.line or 1}:{self.column or 1}"
        path = self.path or translate(N_("(document)"), lang)
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{where}: {self.level.value}: {path}: {self.text(lang)}{rule}"

    def at(self, file: str | None = None, line: int | None = None,
           column: int | None = None) -> Finding:
        return evolve(
            self,
            file=file if file is not None else self.file,
            line=line if line is not None else self.line,
            column=column if column is not None else self.column,
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.level.value,
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "message": self.message,
            "message_en": self.message_en,
        }


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
