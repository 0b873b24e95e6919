"""The persistence contract: what every store (files, SQLite, PostgreSQL) offers.

A store holds the documents of areas, each with its history journal and a revision.

* :meth:`Store.read` gives a document with its text, history and revision;
* :meth:`Store.list` names the documents of one area (optionally of one kind);
* :meth:`Store.write` replaces (or creates) a document if it still has the expected
  revision, else :class:`~teilhabe_core.base.errors.ConflictError`;
* :meth:`Store.transition` is the one atomic unit of a state change: under the store's
  lock (a file lock, a database row lock) it reads the current document, asks the caller
  for the change (:class:`Commit`: the new text and one history entry) and writes both,
  or nothing at all.

Texts are what the clerk wrote (YAML or JSON, comments kept); the store validates every
text it is given (:func:`~teilhabe_core.documents.loader.load_text`) before writing it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from attrs import frozen

from ..base.errors import ConflictError
from ..base.i18n import _
from ..documents.kinds import kind_of
from ..documents.loader import Loaded, load_text
from ..model import History, HistoryEntry


@frozen(order=True)
class Key:
    """Names one document of a store: its area, its kind and its id (a paper's
    reference, the file stem for kinds without an id)."""

    area: str
    kind: str
    id: str

    def __str__(self) -> str:
        return f"{self.area}/{self.kind}/{self.id}"


@frozen
class Stored:
    """A document as the store holds it.

    ``name`` is its file name in the area's folder (``aktionsplan-2.yaml``), ``where``
    names it in messages (a path, or the store URL and name), ``revision`` changes with
    every write of the document or its history.
    """

    key: Key
    name: str
    revision: str
    text: str
    document: Any
    history: History
    where: str

    def loaded(self) -> Loaded:
        """The document as :class:`Loaded`, for validation and the workflow engine."""
        return load_text(self.text, self.where, fmt_of_name(self.name), self.revision)


@frozen
class Commit:
    """What a transition writes: the document's new text (``None``: unchanged) and the
    history entry."""

    text: str | None
    entry: HistoryEntry


Change = Callable[[Stored], Commit]
"""Computes a :class:`Commit` from the current document (called under the store's lock;
raising leaves everything unchanged)."""


class Store(Protocol):
    """What the library needs from persistence. :class:`~teilhabe_core.store.files.FileStore`
    and :class:`~teilhabe_core.store.sql.SqlStore` implement it."""

    url: str

    def areas(self) -> list[str]:
        """The ids of the areas that have documents here, sorted."""

    def list(self, area: str, kind: str | None = None) -> list[Key]:
        """The documents of ``area`` (of ``kind`` if given), sorted; never another area's."""

    def read(self, key: Key) -> Stored:
        """The document ``key`` with its history and revision (``UsageError`` if unknown)."""

    def write(self, area: str, name: str, text: str, expected: str | None,
              history: Sequence[HistoryEntry] | None = None) -> Stored:
        """Store ``text`` as the document ``name`` of ``area``.

        ``expected`` is the revision the caller read (``None``: the document must be new).
        ``history`` (for imports and successor plans) must continue the stored history.
        Raises :class:`ConflictError` when the document changed meanwhile.
        """

    def transition(self, key: Key, change: Change) -> Stored:
        """Apply ``change`` to the current document as one atomic unit; the new state."""

    def close(self) -> None:
        """Release connections (a no-op for files)."""


def fmt_of_name(name: str) -> str:
    return "json" if name.lower().endswith(".json") else "yaml"


def key_of(area: str, name: str, document: Any) -> Key:
    """The key of ``document`` stored as ``name`` in ``area``."""
    ident = getattr(document, "id", None) or getattr(document, "reference", None)
    return Key(area, kind_of(document), str(ident or name.rsplit(".", 1)[0]))


def check_history_continues(where: str, old: Sequence[HistoryEntry],
                            new: Sequence[HistoryEntry]) -> list[HistoryEntry]:
    """The entries ``new`` adds to ``old``; :class:`ConflictError` if it rewrites any."""
    if tuple(new[:len(old)]) != tuple(old):
        raise ConflictError(_("The history of {file} was changed since it was loaded or "
                              "would be overwritten; a history is only ever continued. "
                              "Nothing was written.", file=where))
    return list(new[len(old):])


def changed_since(where: str) -> ConflictError:
    return ConflictError(_("The file {file} was changed since it was loaded (someone saved "
                           "first). Nothing was written; please load it again.", file=where))


def journal_loaded(stored: Stored) -> Loaded:
    """The history of ``stored`` as the journal file it is exported to."""
    from .journal import appended, history_path

    name = stored.name.rsplit("/", 1)[-1]
    text = appended(None, name, stored.history.entries).decode("utf-8")
    if not stored.history.entries:
        text += "  []\n"  # ``entries:`` of an empty journal
    return load_text(text, str(history_path(stored.where)), "yaml")
