"""Fuzzing the shipped YAML files: only library errors may come out, never a hang.

Every shipped document (county data, area profiles, glossaries, workflows, funding
programmes) is mutated by YAML tokens (explicit tags, huge numbers, escapes, YAML 1.1
forms, deleted/duplicated lines, indentation) and by bytes (flips, inserts, truncation),
then validated through the public API (``Teilhabe.validate_file``). A subset of the
mutants that still load is rendered by every exporter that accepts it, in memory.
The only exception allowed out is a :class:`~teilhabe_core.base.errors.TeilhabeError`.

CI runs a small, fixed budget. Longer local runs::

    TEILHABE_FUZZ_EXAMPLES=100000 TEILHABE_FUZZ_LOG=/tmp/fuzz.jsonl \\
        nice timeout 3h .venv/bin/python -m pytest tests/test_fuzz.py

With ``TEILHABE_FUZZ_LOG`` set, an unexpected exception is written to that file (one JSON
line: the mutant, the exception and where it was raised) and the run goes on, so one run
collects every distinct crash instead of stopping at the first.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teilhabe_core.base.errors import TeilhabeError
from teilhabe_core.documents.loader import load_bytes
from tests.conftest import ROOT

PATTERNS = ("counties/*/data/*.yaml", "counties/*/area.yaml", "counties/*/glossary.yaml",
            "counties/*/workflows/*.yaml", "plugins/*/*.yaml")
FILES = sorted({p for pattern in PATTERNS for p in ROOT.glob(pattern)})
SOURCES = [(p.relative_to(ROOT).as_posix(), p.read_text("utf-8")) for p in FILES]

LONG = int(os.environ.get("TEILHABE_FUZZ_EXAMPLES", "0"))
LOG = os.environ.get("TEILHABE_FUZZ_LOG", "")
TIMEOUT = 20.0  # seconds per example (after the warm-up); a hang is a bug like a crash

BIG = "9" * 5000
TOKENS = [
    # explicit tags, good and bad values
    "!!int", "!!int abc", "!!int ''", "!!int 0x", "!!float", "!!float '1:x'", "!!bool",
    "!!bool maybe", "!!binary", "!!binary AAAA", "!!binary '!!'", "!!str", "!!null", "!!map",
    "!!seq", "!!set", "!!omap", "!!timestamp", "!!timestamp 2025-13-45", "!!python/object",
    "!!python/object:os.system", "!!python/name:os.system", "!<tag:yaml.org,2002:int> x",
    "!local", "!!merge",
    # huge and odd numbers
    BIG, "-" + BIG, BIG + ".5", "1e400", "-1e400", ".inf", "-.inf", ".nan", "1_000",
    "12.500", "1,5", "0.001", "-0", "1" * 30 + ".123",
    # escapes and awkward characters
    '"\\ud800"', '"\\udfff"', '"\\x00"', '"\\u2028"', '"\\U0010FFFF"', '"\\uffff"', "\u2028",
    "\u2029", "\u0085", "\ufeff", "\x00", "\x1b", "\t", "\r", "\r\n", '"\\"', "'''",
    # YAML 1.1 forms
    "0x1F", "1:30", "017", "0b101", "0o17", "no", "yes", "on", "off", "y", "n", "~", "null",
    "true", "false", "2025-02-30", "2025-01-01T10:00:00", "2025-01-01 10:00:00+01:00",
    "31.12.2023",
    # structure
    "", " ", "{", "}", "[", "]", "{}", "[]", ":", ": ", "- ", "? ", "|", ">", "#", "'", '"',
    "&a", "*a", "&a x", "*b", "<<: *a", "<<: {x: 1}", "<<: [*a]", "%YAML 1.1", "%TAG ! !x",
    "---", "...", "document: plan", "document: area", "id: x", "- id: x", "{id: x, title: y}",
    "[" * 200, "{a: " * 100,
]
INDENTS = [" ", "  ", "    ", "\t", "- ", "? "]

line_no = st.integers(0, 10_000)
TEXT_OPS = st.one_of(
    st.tuples(st.just("value"), line_no, st.sampled_from(TOKENS)),
    st.tuples(st.just("insert"), line_no, st.integers(0, 200), st.sampled_from(TOKENS)),
    st.tuples(st.just("append"), line_no, st.sampled_from(TOKENS)),
    st.tuples(st.just("delete"), line_no),
    st.tuples(st.just("duplicate"), line_no),
    st.tuples(st.just("indent"), line_no, st.sampled_from(INDENTS)),
    st.tuples(st.just("dedent"), line_no, st.integers(1, 4)),
    st.tuples(st.just("swap"), line_no, line_no),
)
position = st.integers(0, 1_000_000)
BYTE_OPS = st.one_of(
    st.tuples(st.just("flip"), position, st.integers(1, 255)),
    st.tuples(st.just("bytes"), position, st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("cut"), position),
)
sources = st.sampled_from(range(len(SOURCES)))


def mutate_text(text: str, ops: list[tuple[Any, ...]]) -> str:
    """Apply line-level token mutations to YAML text."""
    lines = text.split("\n")
    for op in ops:
        kind, i = op[0], int(op[1]) % len(lines)
        line = lines[i]
        if kind == "value":
            key, sep, _ = line.partition(": ")
            lines[i] = f"{key}: {op[2]}" if sep else f"{line.rstrip(':')}: {op[2]}"
        elif kind == "insert":
            at = int(op[2]) % (len(line) + 1)
            lines[i] = line[:at] + str(op[3]) + line[at:]
        elif kind == "append":
            lines[i] = f"{line} {op[2]}"
        elif kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, line)
        elif kind == "indent":
            lines[i] = str(op[2]) + line
        elif kind == "dedent":
            lines[i] = line[int(op[2]):]
        elif kind == "swap":
            j = int(op[2]) % len(lines)
            lines[i], lines[j] = lines[j], line
    return "\n".join(lines)


def mutate_bytes(data: bytes, ops: list[tuple[Any, ...]]) -> bytes:
    buffer = bytearray(data)
    for op in ops:
        at = int(op[1]) % (len(buffer) + 1)
        if op[0] == "flip" and at < len(buffer):
            buffer[at] ^= int(op[2])
        elif op[0] == "bytes":
            buffer[at:at] = bytes(op[2])
        elif op[0] == "cut":
            del buffer[at:]
    return bytes(buffer)


class Hang(BaseException):
    """Raised by the alarm when one example runs too long (not an Exception, so no
    ``except Exception`` in the library can swallow it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


WORK = Path(tempfile.mkdtemp(prefix="teilhabe-fuzz-"))
atexit.register(shutil.rmtree, WORK, True)


def exercise(app: Any, name: str, data: bytes, export: bool) -> None:
    """Validate the mutant as a file (public API); optionally render it in every format."""
    path = WORK / Path(name).name
    path.write_bytes(data)
    found = app.validate_file(path)
    if not export or any(f.is_error for f in found):
        return
    document = load_bytes(data, str(path)).document
    for cls in app.exporters(document):
        if cls.media_type == "application/pdf":
            continue  # a second per PDF: the fuzz budget goes to the parsers
        with suppress(TeilhabeError):
            app.render(document, cls.identifier)


COUNT = [0]


def check_mutant(app: Any, name: str, data: bytes, export: bool = False, log: str = LOG) -> None:
    """Only library errors, within the time limit; with TEILHABE_FUZZ_LOG, log and go on."""
    COUNT[0] += 1
    if log and COUNT[0] % 1000 == 0:
        Path(log + ".count").write_text(f"{COUNT[0]}\n", "utf-8")
    try:
        with time_limit(TIMEOUT * (4 if export else 1)):
            exercise(app, name, data, export)
    except TeilhabeError:
        pass
    except (Exception, Hang) as exc:
        if not log:
            raise
        frames = traceback.extract_tb(exc.__traceback__)
        where = [f"{f.filename.removeprefix(str(ROOT) + '/')}:{f.lineno} {f.name}"
                 for f in frames if "site-packages" not in f.filename][-3:]
        record = {"file": name, "export": export, "error": f"{type(exc).__name__}: {exc}"[:300],
                  "where": where, "mutant": data.decode("utf-8", "replace")[:20000]}
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


@pytest.fixture(scope="module", autouse=True)
def warm_up(app: Any) -> None:
    """Load the lazy parts (word lists, hyphenation, templates) once, outside the time limit:
    the first call takes seconds and is not a hang."""
    for name, text in SOURCES:
        check_mutant(app, name, text.encode("utf-8"), export=name.endswith("aktionsplan-2.yaml"))


def budget(ci: int) -> settings:
    return settings(max_examples=LONG or ci, deadline=None, derandomize=not LONG,
                    database=None if not LONG else settings.default.database,
                    suppress_health_check=list(HealthCheck), print_blob=True)


def test_mutators_change_the_text():
    text = SOURCES[0][1]
    assert mutate_text(text, [("value", 2, "!!int abc")]).split("\n")[2].endswith(": !!int abc")
    assert mutate_text(text, [("delete", 0)]).count("\n") == text.count("\n") - 1
    assert mutate_bytes(b"abc", [("flip", 1, 1)]) == b"acc"
    assert mutate_bytes(b"abc", [("cut", 1)]) == b"a"


def test_a_crash_fails_the_fuzz_test_and_a_library_error_does_not(tmp_path):
    class App:
        def __init__(self, exc: BaseException) -> None:
            self.exc = exc

        def validate_file(self, path: Path) -> list[object]:
            raise self.exc

    check_mutant(App(TeilhabeError("kaputt")), "x.yaml", b"", log="")
    with pytest.raises(ValueError):
        check_mutant(App(ValueError("boom")), "x.yaml", b"", log="")
    log = tmp_path / "log.jsonl"
    check_mutant(App(ValueError("boom")), "x.yaml", b"a: 1", log=str(log))
    record = json.loads(log.read_text("utf-8"))
    assert record["error"] == "ValueError: boom" and record["mutant"] == "a: 1"


def test_explicit_tags_found_by_the_fuzzer_are_library_errors():
    """The crashes the first long run found (PyYAML constructors on bad tagged values)."""
    from teilhabe_core.documents.loader import load_text

    for value in ("!!int ''", "!!int abc", "!!int 0x", "!!bool maybe", "!!float '1:x'",
                  "9" * 5000):
        with pytest.raises(TeilhabeError):
            load_text(f"document: plan\nid: {value}\n", "x.yaml")


@settings(budget(800))
@given(source=sources, ops=st.lists(TEXT_OPS, min_size=1, max_size=4))
def test_token_mutants_raise_only_library_errors(app, source, ops):
    name, text = SOURCES[source]
    check_mutant(app, name, mutate_text(text, ops).encode("utf-8", "surrogatepass"))


@settings(budget(500))
@given(source=sources, ops=st.lists(BYTE_OPS, min_size=1, max_size=4))
def test_byte_mutants_raise_only_library_errors(app, source, ops):
    name, text = SOURCES[source]
    check_mutant(app, name, mutate_bytes(text.encode("utf-8"), ops))


@settings(budget(150))
@given(source=sources, ops=st.lists(TEXT_OPS, min_size=1, max_size=2))
def test_token_mutants_that_load_export_in_every_format(app, source, ops):
    name, text = SOURCES[source]
    check_mutant(app, name, mutate_text(text, ops).encode("utf-8", "surrogatepass"), export=True)
