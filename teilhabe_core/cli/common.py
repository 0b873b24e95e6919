"""What every command shares: exit codes, the app, argument types, progress."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..base.errors import FileError, UsageError

if TYPE_CHECKING:
    from ..app import Teilhabe

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class Progress:
    """A progress bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.tty = stream.isatty()

    def step(self, text: str) -> None:
        self.done += 1
        if self.tty:
            width = 30
            filled = width * self.done // max(self.total, 1)
            line = f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {text}"
            self.stream.write(line[:110].ljust(110))
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {text}\n")
        self.stream.flush()


def make_app() -> Teilhabe:
    from ..app import Teilhabe

    return Teilhabe.discover()


_ARGPARSE_DE = (
    (r"^argument ([^:]+): ", r"\1: "),
    (r"the following arguments are required: ", "es fehlt: "),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"ungültige Auswahl \1 (erlaubt: \2)"),
    (r"unrecognized arguments: ", "unbekannte Angaben: "),
    (r"expected one argument", "hier fehlt ein Wert"),
)


class Parser(argparse.ArgumentParser):
    """argparse with German error lines (help texts stay English)."""

    def error(self, message: str) -> Any:
        for pattern, german in _ARGPARSE_DE:
            message = re.sub(pattern, german, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: Fehler: {message}\n")


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ist kein Datum (JJJJ-MM-TT).") from None


def parse_moment(text: str) -> dt.datetime:
    from ..base.dates import parse_moment

    try:
        return parse_moment(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(f"'{text}' ist keine ganze Zahl ab {least}.")
    return value


def days(text: str) -> int:
    return _whole(text, 0)


def months(text: str) -> int:
    return _whole(text, 1)


def print_failures(app: Teilhabe) -> None:
    for failure in app.failures:
        print(f"warning: {failure.describe()}", file=sys.stderr)


SUFFIXES = (".yaml", ".yml", ".json")
SCHEMA_FILE = "teilhabe.schema.json"
"""Not a document: the JSON Schema that modelines name (``documents.loader.SCHEMA_FILE``)."""
"""Document file suffixes that ``validate`` picks up in folders."""


def expand_paths(paths: Sequence[str]) -> list[Path]:
    """Files as given; folders by their documents (a FIFO among them is reported, not
    skipped). A folder without documents is a usage error."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES
                           and p.name != SCHEMA_FILE and not p.is_dir())  # the editors' schema
            if not found:
                raise FileError(f"Im Ordner {path} gibt es keine Dokumente "
                                f"({', '.join('*' + s for s in SUFFIXES)}).", str(path))
            out.extend(found)
        else:
            out.append(path)
    return out


def parse_options(pairs: Sequence[str]) -> dict[str, str]:
    options = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise argparse.ArgumentTypeError(f"--option needs KEY=VALUE, got {pair!r}")
        options[key.strip()] = value
    return options


def load_plan(app: Teilhabe, path: str) -> Any:
    from ..model import Plan

    document = app.load(path).document
    if not isinstance(document, Plan):
        raise UsageError(f"{path} ist kein Plan (document: plan).")
    return document
