"""Shared fixtures: the discovered application and small document builders."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example time limit: CI runs on two shared cores, where a property that takes
# 10 ms idle can take 300 ms under load. Speed is measured by bench/, not by tests.
settings.register_profile("teilhabe", deadline=None)
settings.load_profile("teilhabe")

os.environ.setdefault("TEILHABE_LANG", "de")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

MINIMAL_PLAN = """\
document: plan
id: test-plan
county: boerde
kind: action_plan
title: Testplan
life_areas:
  - id: bildung
    name: Bildung
measures:
  - id: m1
    title: Erste Maßnahme
    life_areas: [bildung]
"""


@pytest.fixture(scope="session")
def app():
    from teilhabe_core.app import Teilhabe

    return Teilhabe.discover()


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of every shipped area as ``teilhabe publish --no-pdf`` writes it (with a
    base URL, so with ``sitemap.xml``), built once per session for the tests that read its
    pages (read-only for them: copy it before changing anything; PDFs: test_pdf.py)."""
    from teilhabe_core import cli

    out = tmp_path_factory.mktemp("published") / "site"
    assert cli.main(["publish", "--no-pdf", "--out", str(out), "--base-url",
                     "https://teilhabe.example.org/"]) == 0
    return out


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text (or bytes) to a file in a temp folder and return its path."""

    def _write(content: str | bytes, name: str = "doc.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


# -- stores (issue 14): a real PostgreSQL server, never a mock -------------------------

PG_SERVER = os.environ.get("TEILHABE_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")
"""The server the store tests use (trust auth); each run makes and drops its own database."""
REQUIRE_PG = os.environ.get("TEILHABE_REQUIRE_POSTGRES") == "1"
"""Set in CI (.ci/run): there an unreachable server fails the tests instead of skipping."""


@pytest.fixture(scope="session")
def pg_url() -> object:
    """The URL of a fresh, uniquely named database on the server, dropped afterwards."""
    import uuid

    import sqlalchemy as sa

    name = f"teilhabe_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        admin.dispose()
        if REQUIRE_PG:
            raise
        pytest.skip(f"PostgreSQL at {PG_SERVER} is not reachable ({str(exc).splitlines()[0]}); "
                    "the PostgreSQL store tests are skipped")
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["files", "sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty, set-up store of each kind (PostgreSQL: its own schema in the test
    database, so tests never see each other's documents)."""
    from teilhabe_core.store.opening import open_store

    if request.param == "files":
        url = str(tmp_path / "store")
    elif request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = fresh_pg(request.getfixturevalue("pg_url"))
    open_store(url, create=True).close()
    return url


def fresh_pg(server_db: str) -> str:
    """A new empty database on the test server for one test, dropped when the session
    ends (:func:`pytest_sessionfinish`)."""
    import uuid

    import sqlalchemy as sa

    name = f"{server_db.rsplit('/', 1)[1]}_{uuid.uuid4().hex[:6]}"
    engine = sa.create_engine(server_db, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    _CREATED.append(name)
    return f"{PG_SERVER}/{name}"


_CREATED: list[str] = []


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not _CREATED:
        return
    import sqlalchemy as sa

    admin = sa.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in _CREATED:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


# -- a static server (issue 16) --------------------------------------------------------


@contextlib.contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """A plain static HTTP server on 127.0.0.1 over ``folder``; yields its URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
