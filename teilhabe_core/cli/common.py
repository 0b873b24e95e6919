"""What every command shares: exit codes, the app, argument types, progress, and
argparse in the user's language."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.errors import FileError, UsageError
from ..base.i18n import _, catalog, language

if TYPE_CHECKING:
    from ..app import Teilhabe
    from ..store.contract import Stored

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


STORE_ENV = "TEILHABE_STORE"
_store: list[str] = []


@contextlib.contextmanager
def using_store(url: str | None) -> Iterator[None]:
    """The store the commands use while the block runs (``--store`` or
    ``TEILHABE_STORE``; ``None``: files); the previous one holds again after it."""
    saved = list(_store)
    _store[:] = [url] if url else []
    try:
        yield
    finally:
        _store[:] = saved


def store_url() -> str | None:
    return _store[0] if _store else None


EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a command whose reader went away."""


def quiet_broken_pipe() -> int:
    """End quietly when the reader of standard output went away (``… | head -1``): what
    is left in the output buffer goes nowhere, no message, no traceback."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE


def make_app() -> Teilhabe:
    from ..app import Teilhabe

    url = store_url()
    if url is None:
        return Teilhabe.discover()
    from ..store.opening import open_store

    return Teilhabe.discover(store=open_store(url))


@contextlib.contextmanager
def argparse_language() -> Iterator[None]:
    """argparse's own texts ("usage:", "options", "show this help message and exit", its
    error lines) from teilhabe's catalog in the current language, while the block runs.

    argparse looks its texts up through the module globals ``_`` and ``ngettext`` (the
    standard library's gettext, domain "messages"); they are swapped for the block and put
    back after it, so an embedding program's own parsers are not affected afterwards.
    """
    table = catalog(language())
    saved = getattr(argparse, "_"), getattr(argparse, "ngettext")  # noqa: B009
    setattr(argparse, "_", table.gettext)  # noqa: B010
    setattr(argparse, "ngettext", table.ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


class Parser(argparse.ArgumentParser):
    """argparse exiting with :data:`EXIT_USAGE` on errors; its texts are translated while
    :func:`argparse_language` is active (as in :func:`teilhabe_core.cli.main`)."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: error: {message}", prog=self.prog, message=message)
                  + "\n")


def parse_date(text: str) -> dt.date:
    """A date option: ``TT.MM.JJJJ`` or ``JJJJ-MM-TT`` (:func:`..base.dates.parse_day`)."""
    from ..base.dates import parse_day

    try:
        return parse_day(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def enum_value(name: str) -> Callable[[str], Enum]:
    """An argparse type reading a value of the model's enum ``name`` by its German name or
    id, like the YAML fields (``--variant leicht``, ``"Leichte Sprache"``, ``easy``). The
    model is imported only when the option is given."""

    def read(text: str) -> Enum:
        from .. import model
        from ..model import names

        cls: type[Enum] = getattr(model, name)
        member = names.member_of(cls, text)
        if member is None:
            raise argparse.ArgumentTypeError(_(
                "'{text}' is not allowed. Allowed: {names} (or {ids}).", text=text,
                names=names.allowed(cls) if language() == "de" else names.allowed_ids(cls),
                ids=names.allowed_ids(cls) if language() == "de" else names.allowed(cls)))
        return member

    return read


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
        raise argparse.ArgumentTypeError(_("'{text}' is not a whole number from {least} on.",
                                           text=text, least=least))
    return value


def days(text: str) -> int:
    return _whole(text, 0)


def months(text: str) -> int:
    return _whole(text, 1)


def positive(text: str) -> int:
    return _whole(text, 1)


def port(text: str) -> int:
    """A TCP port, 0 (any free one) to 65535."""
    value = _whole(text, 0)
    if value > 65535:
        raise argparse.ArgumentTypeError(_("The port must be between 0 and 65535, not {port}.",
                                           port=text))
    return value


def print_failures(app: Teilhabe) -> None:
    for failure in app.failures:
        print(_("Warning: {problem}", problem=failure.describe()), file=sys.stderr)


SUFFIXES = (".yaml", ".yml", ".json")
"""Document file suffixes that ``validate`` picks up in folders."""
SCHEMA_FILE = "teilhabe.schema.json"
"""Not a document: the JSON Schema that modelines name (``documents.loader.SCHEMA_FILE``)."""


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
                raise FileError(_("The folder {folder} holds no documents ({patterns}).",
                                  folder=path, patterns=", ".join("*" + s for s in SUFFIXES)),
                                str(path))
            out.extend(found)
        else:
            out.append(path)
    return out


def parse_options(pairs: Sequence[str]) -> dict[str, str]:
    options = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise argparse.ArgumentTypeError(_("--option needs KEY=VALUE, not {pair}",
                                               pair=repr(pair)))
        options[key.strip()] = value
    return options


def load_plan(app: Teilhabe, path: str) -> Any:
    from ..model import Plan

    document = target(app, path).document
    if not isinstance(document, Plan):
        raise UsageError(_("{name} is not a plan (document: plan).", name=path))
    return document


def target(app: Teilhabe, name: str) -> Stored:
    """The document a command names: a validated file, or with a store a document id (an
    area id means its current plan). Raises :class:`DocumentError` if it has errors."""
    from ..base.errors import DocumentError
    from ..store.contract import Key, Stored
    from ..store.journal import history_path, read_history

    if app.store is None:
        loaded = app.load(name)
        path = Path(loaded.file)
        journal, _digest = read_history(history_path(path), path.name)
        return Stored(Key("", loaded.kind, ""), path.name, loaded.digest, loaded.text,
                      loaded.document, journal, loaded.file)
    if name in app.store.areas():
        plan = app.documents(name).current_plan()
        if plan is None:
            raise UsageError(_("The area '{area}' has no plan in the store.", area=name))
        name = plan.id
    stored = app.read(app.find(name))
    errors = [f for f in app.validator.check_stored(stored) if f.is_error]
    if errors:
        raise DocumentError(errors, stored.where)
    return stored
