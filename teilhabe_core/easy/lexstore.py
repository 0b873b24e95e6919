"""Lexicon data in a form that loads in milliseconds.

wordfreq reads its German list (a gzipped msgpack of about 600,000 words) in about
0.3 s, and pyphen parses its German hyphenation patterns in about 0.4 s, in every
process. The first use writes both, precomputed, to one file in the cache folder
(``TEILHABE_CACHE_DIR``, else ``$XDG_CACHE_HOME/teilhabe``, else ``~/.cache/teilhabe``):
an SQLite table of each word's Zipf value (looked up per word, nothing loaded whole)
and of the hyphenation patterns (one query per word for all its patterns). The file's
name carries a digest of the libraries' own data files (path, size, time), so a new
wordfreq or pyphen is read afresh.
Answers are those of the libraries (``tests/test_lexstore.py`` compares them); a word the
precomputed table cannot answer exactly (anything but plain German letters) is asked of
wordfreq itself. Where the cache folder cannot be written, the libraries are used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

CACHE_ENV = "TEILHABE_CACHE_DIR"
FORMAT = 2
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzäöüABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
_lock = threading.Lock()


def cache_dir() -> Path:
    """Where teilhabe keeps files it can make again."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teilhabe"


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.exists() else None


def sources() -> tuple[Path, Path] | None:
    """wordfreq's German word list and pyphen's German patterns (``None`` if missing)."""
    words = _package_file("wordfreq", "data", "large_de.msgpack.gz")
    patterns = _package_file("pyphen", "dictionaries", "hyph_de_DE.dic")
    return (words, patterns) if words and patterns else None


def version() -> str:
    """Digest of the libraries' data files: changes when wordfreq or pyphen does."""
    found = sources()
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for path in found or ():
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


class Store:
    """Zipf values and hyphenation patterns from the precomputed file."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        row = self._db.execute("SELECT value FROM meta WHERE key = 'maxlen'").fetchone()
        self.maxlen = int(row[0])
        self._query = "SELECT zipf FROM words WHERE word = ?"
        self._hyph_cache: dict[str, list[int]] = {}

    def zipf(self, key: str) -> float:
        """Zipf value of a casefolded word of plain German letters (0.0 if unknown)."""
        row = self._db.execute(self._query, (key,)).fetchone()
        return row[0] / 100 if row else 0.0

    def hyph_positions(self, word: str) -> list[int]:
        """pyphen's ``HyphDict.positions`` (all points, before the left/right limits)."""
        word = word.lower()
        points = self._hyph_cache.get(word)
        if points is None:
            pointed = f".{word}."
            references = [0] * (len(pointed) + 1)
            spans: dict[str, list[int]] = {}
            for i in range(len(pointed) - 1):
                for j in range(i + 1, min(i + self.maxlen, len(pointed)) + 1):
                    spans.setdefault(pointed[i:j], []).append(i)
            # one query per word for every pattern in it (applying them in any order
            # gives the same maxima as pyphen's loop)
            keys = list(spans)
            for chunk in range(0, len(keys), 500):
                part_keys = keys[chunk:chunk + 500]
                marks = ",".join("?" * len(part_keys))
                for key, offset, digits in self._db.execute(
                        f"SELECT key, start, vals FROM patterns WHERE key IN ({marks})",  # noqa: S608
                        part_keys):
                    values = [int(d) for d in digits]
                    for i in spans[key]:
                        part = slice(i + offset, i + offset + len(values))
                        references[part] = map(max, values, references[part])
            points = self._hyph_cache[word] = [
                i - 1 for i, reference in enumerate(references) if reference % 2]
        return points


def plain_letters(word: str) -> bool:
    """Whether the precomputed table answers ``word`` exactly (plain German letters)."""
    return bool(word) and all(c in _LETTERS for c in word)


def _build(path: Path) -> None:
    """Write the precomputed file (once per library version), atomically."""
    import pyphen
    from wordfreq import cB_to_freq, get_frequency_list

    rows: list[tuple[str, int]] = []
    for index, bucket in enumerate(get_frequency_list("de", "best")):
        zipf = round(_zipf_of(cB_to_freq(-index)) * 100)
        rows.extend((word, zipf) for word in bucket)
    hd = pyphen.Pyphen(lang="de_DE").hd
    patterns = []
    for key, (start, values) in hd.patterns.items():
        if any(type(v) is not int or not 0 <= v <= 9 for v in values):
            raise ValueError("nonstandard hyphenation: not precomputed")
        patterns.append((key, start, "".join(str(v) for v in values)))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf INTEGER) WITHOUT ROWID")
        db.execute("CREATE TABLE patterns (key TEXT PRIMARY KEY, start INTEGER, vals TEXT)"
                   " WITHOUT ROWID")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        # a word in two buckets has the later one, as in wordfreq's own dictionary
        db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?)", rows)
        db.executemany("INSERT INTO patterns VALUES (?, ?, ?)", patterns)
        db.execute("INSERT INTO meta VALUES ('maxlen', ?)", (str(hd.maxlen),))
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)


def _zipf_of(freq: float) -> float:
    """wordfreq's ``zipf_frequency`` for a one-token word of frequency ``freq``."""
    freq = 1.0 / (0.0 + 1.0 / freq)
    unrounded = max(freq, 10**0 / 1e9)  # zipf_to_freq(0), the default minimum
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    rounded = round(unrounded, leading_zeroes + 3)
    return round(math.log(rounded, 10) + 9, 2)


_store: list[Store | None] = []


def store() -> Store | None:
    """The precomputed store, built on first use; ``None`` where it cannot be."""
    if _store:
        return _store[0]
    with _lock:
        if not _store:
            _store.append(_open())
    return _store[0]


def _open() -> Store | None:
    if os.environ.get("TEILHABE_NO_LEXSTORE") or sources() is None:
        return None
    path = cache_dir() / f"lexicon-{version()}.sqlite"
    try:
        if not path.exists():
            _build(path)
        return Store(path)
    except (OSError, sqlite3.Error, ValueError):
        return None


def reset() -> None:
    """Forget the opened store (tests point the cache folder elsewhere)."""
    _store.clear()


def library_zipf(word: str) -> Any:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "de")
