"""One problem in a document (:class:`Finding`) and its severity; also importable from
:mod:`.errors`."""

from __future__ import annotations

from enum import Enum

from attrs import frozen

from .i18n import N_, language, translate

__all__ = ["Finding", "Level"]


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
        # the constructor, not attrs.evolve: this runs for every finding of a file
        # (tests/test_loader_errors.py checks that every other field is kept)
        return Finding(self.code, self.message, self.message_en, self.path, self.level,
                       file if file is not None else self.file,
                       line if line is not None else self.line,
                       column if column is not None else self.column, self.rule)

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
