"""``SqlStore``: documents and history in SQLite or PostgreSQL (SQLAlchemy 2, Alembic).

Tables (created by the Alembic migrations in ``migrations/``, ``teilhabe store init``):

* ``teilhabe_documents``: one row per document, keyed by area, kind and id, with its
  canonical JSON form (``body``), the clerk's text (``source``, so an export gives back
  the same file with its comments) and an integer ``revision``;
* ``teilhabe_history``: the journal, one row per entry, append-only (a trigger refuses
  updates and deletes).

Every change is one database transaction. PostgreSQL locks the document's row
(``SELECT … FOR UPDATE``); SQLite takes its write lock at the start (``BEGIN
IMMEDIATE``). Updates also check the revision they read, so no update is ever lost.
Every query names its area: one area never sees another's documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from ..base.errors import ConflictError, StoreError, UsageError
from ..base.i18n import _
from ..documents import yamlsafe
from ..documents.converter import structure, unstructure
from ..documents.loader import dumps, load_text
from ..model import History, HistoryEntry
from .contract import (
    Change,
    Key,
    Stored,
    changed_since,
    check_history_continues,
    fmt_of_name,
    key_of,
)

metadata = sa.MetaData()
documents = sa.Table(
    "teilhabe_documents", metadata,
    sa.Column("area", sa.String(200), primary_key=True),
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("doc_id", sa.String(400), primary_key=True),
    sa.Column("name", sa.String(400), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("body", sa.JSON, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.UniqueConstraint("area", "name", name="teilhabe_documents_name"),
)
history = sa.Table(
    "teilhabe_history", metadata,
    sa.Column("area", sa.String(200), primary_key=True),
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("doc_id", sa.String(400), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("entry", sa.JSON, nullable=False),
)
MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "teilhabe_alembic_version"


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        engine = sa.create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _connect(dbapi: Any, _: Any) -> None:
            dbapi.isolation_level = None  # transactions are begun below, not by the driver
            dbapi.execute("PRAGMA busy_timeout = 60000")
            dbapi.execute("PRAGMA foreign_keys = ON")
            if memory is False:
                dbapi.execute("PRAGMA journal_mode = WAL")  # readers never wait for writers

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, taken up front

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Create or upgrade the tables (Alembic, to the newest revision)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


class SqlStore:
    """Documents in a SQL database (``sqlite:///file.db``, ``postgresql+psycopg://…``)."""

    def __init__(self, url: str, *, create: bool = False) -> None:
        self.url = url
        try:
            self.engine = _engine(url)
            if create:
                migrate(self.engine)
            elif not sa.inspect(self.engine).has_table(VERSION_TABLE):
                raise StoreError(_("The store {store} is not set up. First, please: teilhabe "
                                   "store init {store}", store=self.shown))
        except SQLAlchemyError as exc:
            raise StoreError(_("The store {store} cannot be reached: {reason}",
                               store=self.shown, reason=_reason(exc))) from None

    @property
    def shown(self) -> str:
        """The URL without a password."""
        try:
            return sa.make_url(self.url).render_as_string(hide_password=True)
        except Exception:
            return self.url

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except IntegrityError:
            raise ConflictError(_("Another write to {store} came first; nothing was written. "
                                  "Please load it again.", store=self.shown)) from None
        except OperationalError as exc:
            raise StoreError(_("The store {store} reports an error: {reason}",
                               store=self.shown, reason=_reason(exc))) from None

    # -- reading ------------------------------------------------------------------------

    def areas(self) -> list[str]:
        with self._tx() as conn:
            rows = conn.execute(sa.select(documents.c.area).distinct())
            return sorted(r.area for r in rows)

    def list(self, area: str, kind: str | None = None) -> list[Key]:
        query = sa.select(documents.c.kind, documents.c.doc_id).where(documents.c.area == area)
        if kind is not None:
            query = query.where(documents.c.kind == kind)
        with self._tx() as conn:
            return sorted(Key(area, r.kind, r.doc_id) for r in conn.execute(query))

    def _where(self, area: str, name: str) -> str:
        return f"{self.shown}#{area}/{name}"

    def _row(self, conn: Connection, key: Key, lock: bool = False) -> Any:
        query = sa.select(documents).where(documents.c.area == key.area,
                                           documents.c.kind == key.kind,
                                           documents.c.doc_id == key.id)
        row = conn.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise UsageError(_("There is no document '{id}' ({kind}) in the area '{area}' "
                               "({store}).", id=key.id, kind=key.kind, area=key.area,
                               store=self.shown))
        return row

    def _entries(self, conn: Connection, key: Key) -> tuple[HistoryEntry, ...]:
        rows = conn.execute(sa.select(history.c.entry).where(
            history.c.area == key.area, history.c.kind == key.kind,
            history.c.doc_id == key.id).order_by(history.c.seq))
        return tuple(structure(r.entry, HistoryEntry) for r in rows)

    def _stored(self, conn: Connection, row: Any) -> Stored:
        key = Key(row.area, row.kind, row.doc_id)
        where = self._where(row.area, row.name)
        loaded = load_text(row.source, where, fmt_of_name(row.name))
        journal = History(file=Path(row.name).name, entries=self._entries(conn, key))
        return Stored(key, row.name, str(row.revision), row.source, loaded.document, journal,
                      where)

    def read(self, key: Key) -> Stored:
        with self._tx() as conn:
            return self._stored(conn, self._row(conn, key))

    # -- writing ------------------------------------------------------------------------

    def _append(self, conn: Connection, key: Key, start: int,
                entries: Sequence[HistoryEntry]) -> None:
        if entries:
            conn.execute(history.insert(), [
                {"area": key.area, "kind": key.kind, "doc_id": key.id, "seq": start + i,
                 "entry": _plain(unstructure(e))} for i, e in enumerate(entries)])

    def write(self, area: str, name: str, text: str, expected: str | None,
              history: Sequence[HistoryEntry] | None = None) -> Stored:
        where = self._where(area, name)
        loaded = load_text(text, where, fmt_of_name(name))
        key = key_of(area, name, loaded.document)
        body = _plain(json.loads(dumps(loaded.document, "json")))
        with self._tx() as conn:
            row = conn.execute(sa.select(documents).where(
                documents.c.area == area, documents.c.kind == key.kind,
                documents.c.doc_id == key.id).with_for_update()).first()
            if row is None:
                if expected is not None:
                    raise changed_since(where)
                conn.execute(documents.insert().values(
                    area=area, kind=key.kind, doc_id=key.id, name=name, revision=1,
                    body=body, source=text))
                old: tuple[HistoryEntry, ...] = ()
            else:
                if expected is None:
                    raise ConflictError(_("{file} exists already; nothing was written.",
                                          file=where))
                if str(row.revision) != expected:
                    raise changed_since(where)
                self._update(conn, key, row.revision, name=name, body=body, source=text)
                old = self._entries(conn, key)
            if history is not None:
                self._append(conn, key, len(old),
                             check_history_continues(where, old, history))
            return self._stored(conn, self._row(conn, key))

    def _update(self, conn: Connection, key: Key, revision: int, **values: Any) -> None:
        done = conn.execute(documents.update().where(
            documents.c.area == key.area, documents.c.kind == key.kind,
            documents.c.doc_id == key.id, documents.c.revision == revision)
            .values(revision=revision + 1, **values))
        if done.rowcount != 1:
            raise changed_since(self._where(key.area, key.id))

    def transition(self, key: Key, change: Change) -> Stored:
        with self._tx() as conn:
            row = self._row(conn, key, lock=True)
            current = self._stored(conn, row)
            commit = change(current)
            values: dict[str, Any] = {}
            if commit.text is not None:
                loaded = load_text(commit.text, current.where, fmt_of_name(row.name))
                values = {"source": commit.text,
                          "body": _plain(json.loads(dumps(loaded.document, "json")))}
            self._update(conn, key, row.revision, **values)
            self._append(conn, key, len(current.history.entries), [commit.entry])
            return self._stored(conn, self._row(conn, key))


def _plain(data: Any) -> Any:
    """JSON-safe data (dates and decimals as text, like the JSON export)."""
    return json.loads(yamlsafe.dump_json(data))


def _reason(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None)
    return str(original or exc).strip().splitlines()[0]
