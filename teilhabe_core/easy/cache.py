"""An optional on-disk cache of easy-language findings, for repeated validation.

Off unless ``TEILHABE_EASY_CACHE`` is set (``1`` for the cache folder of
:func:`~teilhabe_core.easy.lexstore.cache_dir`, or a file path). Findings are keyed by a
digest of the text and of its *scope*: the settings, the glossary entries, the known
words, the rules and their code, the teilhabe version and the lexicon version, so any
change there (a new glossary entry, a new wordfreq, a changed rule) misses the old
entries. It is a cache: deleting
the file loses nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import lexstore

if TYPE_CHECKING:
    from .rules import Context

CACHE_ENV = "TEILHABE_EASY_CACHE"
FORMAT = 2


class FindingsCache:
    """Findings per (scope, text) in one SQLite file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS findings "
                         "(key TEXT PRIMARY KEY, rows TEXT) WITHOUT ROWID")
        self._pending: dict[str, str] = {}

    def scope(self, context: Context) -> str:
        """Digest of everything besides the text that decides the findings."""
        from ..base.version import __version__
        from .rules import RULES

        parts = (FORMAT, __version__, lexstore.version(), rules_digest(), repr(context.settings),
                 repr(context.glossary), sorted(context.known),
                 [(r.id, r.level) for r in RULES])
        return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()

    @staticmethod
    def _key(scope: str, text: str) -> str:
        return hashlib.sha256(f"{scope}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, scope: str, text: str) -> list[list[Any]] | None:
        key = self._key(scope, text)
        rows = self._pending.get(key)
        if rows is None:
            found = self._db.execute("SELECT rows FROM findings WHERE key = ?", (key,)).fetchone()
            rows = found[0] if found else None
        return json.loads(rows) if rows is not None else None

    def put(self, scope: str, text: str, rows: list[tuple[Any, ...]]) -> None:
        self._pending[self._key(scope, text)] = json.dumps(rows, ensure_ascii=False)

    def flush(self) -> None:
        if self._pending:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO findings VALUES (?, ?)",
                                     self._pending.items())
            self._pending.clear()


@lru_cache(maxsize=1)
def rules_digest() -> str:
    """Digest of the rule code, so that a changed rule misses the old findings."""
    digest = hashlib.sha256()
    for name in ("rules.py", "grammar.py", "lexicon.py", "levels.py", "forms.py",
                 "prepared.py"):
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def from_environment() -> FindingsCache | None:
    """The cache ``TEILHABE_EASY_CACHE`` asks for (``None`` when unset or unusable)."""
    value = os.environ.get(CACHE_ENV, "")
    if not value or value == "0":
        return None
    path = lexstore.cache_dir() / "easy-findings.sqlite" if value == "1" else Path(value)
    try:
        return FindingsCache(path)
    except (OSError, sqlite3.Error):
        return None
