"""Hardened YAML and JSON parsing into plain Python data.

YAML is read from libyaml's event stream (C parser when available) by a small
builder instead of PyYAML's composer and constructor, so every limit is checked
*before* anything is built: nesting depth, aliases (rejected, which also rules
out alias bombs and recursive aliases), non-standard tags (``!!python/object``),
duplicate keys (both lines named) and multiple documents. Keys are always taken
as their literal text (``on:`` stays the key ``"on"``). Plain scalars are
resolved like YAML 1.1 (so ``no`` is ``False``, which the converter then reports
in text fields), except that floats become exact :class:`~decimal.Decimal` and
timestamps stay text for the converter to check.

Numbers are plain decimal text (``1500``, ``1500.50``). YAML 1.1 also reads ``017``
(octal), ``0x1F``, ``0b101``, ``1:30`` (base 60), ``1_000``, ``+5``, ``.5``, ``1.5e+3``
and ``.inf``/``.nan`` as numbers; those come out as :class:`YamlInt` and
:class:`YamlDecimal`, which behave like the number but remember what was written, so
the converter can refuse them in number fields and explain them in text fields.
Numbers longer than :data:`MAX_NUMBER_LENGTH` characters, explicit tags whose value does
not fit (``!!int abc``) and lone surrogates (``"\\ud800"``, in YAML or JSON) are findings
with their position.

The same event pass records the marks of every node (:class:`~teilhabe_core.documents.
positions.Marks`): :func:`parse_yaml_marked` returns them with the data, so positions of
findings never need the text read again. The module is split by job: scalar resolution
in :mod:`.scalars`, JSON in :mod:`.jsonsafe`, the position index in :mod:`.positions`,
writing in :mod:`.dumping`; the names tests and plugins use are re-exported here.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..base.errors import DocumentError, Finding
from ..base.messages import finding
from .dumping import dump_json, dump_yaml
from .jsonsafe import json_marks, parse_json, surrogate_findings
from .positions import (
    ALIAS,
    FLOW_MAPPING,
    FLOW_SEQUENCE,
    MAPPING,
    PLAIN,
    SCALAR,
    SEQUENCE,
    LineIndex,
    Marks,
    Positions,
    compose,
    locate,
    set_text_parser,
    split_path,
)
from .scalars import (
    _ALLOWED_COLLECTION_TAGS,
    _ALLOWED_SCALAR_TAGS,
    _MISSING,
    _SURROGATE,
    MAX_DEPTH,
    MAX_NUMBER_LENGTH,
    YamlDecimal,
    YamlInt,
    _plain,
    _Refused,
    _tagged,
    printable,
    resolve_plain,
    shorten,
)
from .syntax import reader_finding, syntax, syntax_finding

try:  # pragma: no cover - depends on the PyYAML build
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
from yaml import SafeLoader as _PyLoader

__all__ = [
    "MAX_BYTES", "MAX_DEPTH", "MAX_NUMBER_LENGTH", "LineIndex", "Marks", "Positions",
    "YamlDecimal", "YamlInt", "_Loader", "_PyLoader", "check_not_empty", "compose",
    "decode", "dump_json", "dump_yaml", "json_marks", "locate", "marks_of", "parse_json",
    "parse_yaml", "parse_yaml_marked", "printable", "resolve_plain", "shorten",
    "split_path", "surrogate_findings",
]

MAX_BYTES = 8 * 1024 * 1024
"""Largest file accepted, checked before parsing."""

_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})")


class _Stop(Exception):
    """Parsing cannot go on; the findings so far are final."""


def decode(data: bytes, file: str = "") -> str:
    """Decode UTF-8 (a BOM is allowed) or raise a :class:`DocumentError` naming the line."""
    if len(data) > MAX_BYTES:
        raise DocumentError([_at(finding("file-too-large", size=len(data), limit=MAX_BYTES),
                                 file, 1, 1)], file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise DocumentError([_at(finding("not-utf8", byte=data[exc.start]), file, line, col)],
                            file) from None
    check_not_empty(text, file)
    return text


def check_not_empty(text: str, file: str = "") -> None:
    """Raise the ``file-empty`` finding for text with nothing but blanks and comments."""
    head = text[:_HEAD]  # the first lines decide; a long text is split whole only if not
    lines = head.splitlines()
    if len(head) < len(text):
        lines.pop()  # may go on beyond the head
    if _has_content(lines) or (len(head) < len(text) and _has_content(text.splitlines())):
        return
    raise DocumentError([_at(finding("file-empty"), file, 1, 1)], file)


def _has_content(lines: list[str]) -> bool:
    for line in lines:
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


_HEAD = 65536


def _at(f: Finding, file: str, line: int | None, col: int | None) -> Finding:
    return f.at(file=file, line=line, column=col)


def parse_yaml(text: str, file: str = "") -> Any:
    """Parse one YAML document into dicts, lists and scalars, enforcing every limit."""
    return parse_yaml_marked(text, file)[0]


def parse_yaml_marked(text: str, file: str = "", marks: Marks | None = None) -> tuple[Any, Marks]:
    """The data of one YAML document and the :class:`Marks` of its nodes, from one pass.

    libyaml has a nesting limit of its own (1000 levels in libyaml 0.2.5, reached by
    its scanner's look-ahead before our builder sees level :data:`MAX_DEPTH`). When it
    fires, the text is read again by PyYAML's pure-Python parser, which has no such
    limit and only looks ahead about 1,024 characters, so our own ``too-deep``
    finding, with the position of the first level too deep, is what the clerk sees
    whichever PyYAML or libyaml is installed.
    """
    out = Marks() if marks is None else marks
    try:
        return _parse_events(text, file, _Loader, out), out
    except _NestingLimit as exc:
        out.clear()
        try:
            return _parse_events(text, file, _PyLoader, out), out
        except _NestingLimit:  # pragma: no cover - the pure-Python parser has no limit
            raise DocumentError([_at(finding("too-deep", limit=MAX_DEPTH), file,
                                     exc.line, exc.column)], file) from None


def marks_of(text: str) -> Marks:
    """The marks of YAML text for a caller that holds nothing else (as far as it parses)."""
    marks = Marks()
    with contextlib.suppress(DocumentError):
        parse_yaml_marked(text, "", marks)
    return marks


class _NestingLimit(Exception):
    """libyaml stopped at its own nesting limit."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def _parse_events(text: str, file: str, loader_class: Any, marks: Marks) -> Any:
    findings: list[Finding] = []
    root: Any = _MISSING
    # Each frame: [container, is_mapping, pending_key, key_lines, path]
    stack: list[list[Any]] = []
    documents = 0
    record, kinds, texts = marks.numbers.extend, marks.kinds.append, marks.texts.append
    node_kinds, opened = marks.kinds, marks.opened

    def here() -> str:
        """Field path of the value about to be added."""
        if not stack:
            return ""
        frame = stack[-1]
        if not frame[1]:
            return f"{frame[4]}[{len(frame[0])}]"
        if frame[2] is _MISSING:  # a key: the mapping's own path
            return str(frame[4])
        return f"{frame[4]}.{frame[2]}" if frame[4] else str(frame[2])

    def fail(code: str, mark: Any, path: str = "", **params: Any) -> None:
        findings.append(_at(finding(code, printable(path), **params), file, mark.line + 1,
                            mark.column + 1))

    def add(value: Any, event: Any, key_text: str | None) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame[0]
        if not frame[1]:
            container.append(value)
        elif frame[2] is _MISSING:
            if key_text is None:
                fail("complex-key", event.start_mark)
                raise _Stop
            path = f"{frame[4]}.{key_text}" if frame[4] else key_text
            if key_text == "<<" and event.implicit[0]:
                fail("alias", event.start_mark, path)
            line = event.start_mark.line + 1
            first = frame[3].get(key_text)
            if first is not None:
                fail("duplicate-key", event.start_mark, path, key=key_text, first=first,
                     second=line)
            else:
                frame[3][key_text] = line
            frame[2] = key_text
        else:
            key = frame[2]
            if key not in container:
                container[key] = value
            frame[2] = _MISSING

    try:
        loader = loader_class(text)
    except UnicodeEncodeError:  # libyaml takes UTF-8: a lone surrogate in text given as str
        raise DocumentError(surrogate_findings(text, file), file) from None
    try:
        while True:
            event: Any = loader.get_event()
            kind = type(event)
            if kind is ScalarEvent:
                tag = event.tag
                value = event.value
                mark = event.start_mark
                record((mark.index, mark.line, mark.column, event.end_mark.index,
                        len(node_kinds) + 1))
                kinds(SCALAR if event.style else PLAIN)
                texts(value)
                if event.style == '"' and _SURROGATE.search(value):
                    fail("bad-character", event.start_mark, here(),
                         char=shorten(_SURROGATE.findall(value)[0]))
                if tag is not None and tag not in _ALLOWED_SCALAR_TAGS:
                    fail("tag", event.start_mark, here(), tag=tag)
                    value = None
                elif not (stack and stack[-1][1] and stack[-1][2] is _MISSING):  # keys stay text
                    try:
                        value = (_tagged(tag, value) if tag is not None
                                 else _plain(value) if event.implicit[0] else value)
                    except _Refused as exc:
                        fail(exc.code, event.start_mark, here(), **exc.params)
                        value = None
                add(value, event, event.value)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                path = here()
                if event.tag is not None and event.tag not in _ALLOWED_COLLECTION_TAGS:
                    fail("tag", event.start_mark, path, tag=event.tag)
                if len(stack) >= MAX_DEPTH:
                    fail("too-deep", event.start_mark, path, limit=MAX_DEPTH)
                    raise _Stop
                is_map = kind is MappingStartEvent
                mark = event.start_mark
                opened.append(len(node_kinds))
                record((mark.index, mark.line, mark.column, 0, 0))
                kinds((FLOW_MAPPING if event.flow_style else MAPPING) if is_map
                      else FLOW_SEQUENCE if event.flow_style else SEQUENCE)
                texts(None)
                container: Any = {} if is_map else []
                add(container, event, None)
                stack.append([container, is_map, _MISSING, {}, path])
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                marks.end(event.end_mark.index)
            elif kind is AliasEvent:
                marks.scalar(ALIAS, event.start_mark, event.end_mark, None)
                fail("alias", event.start_mark, here())
                add(None, event, None if stack and stack[-1][1] and stack[-1][2] is _MISSING
                    else "")
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    fail("multiple-documents", event.start_mark)
                    raise _Stop
            elif kind is StreamEndEvent:
                break
    except _Stop:
        pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "maximum nesting depth" in f"{exc.problem} {exc.context}":
            raise _NestingLimit(mark.line + 1 if mark else 1,
                                mark.column + 1 if mark else 1) from None
        if "invalid Unicode character escape" in str(exc.problem) and mark is not None:
            # libyaml refuses \ud800-\udfff and codes past \U0010FFFF in double quotes
            escape = _ESCAPE.match(text, text.rfind("\\", 0, mark.index + 1))
            fail("bad-character", mark, here(), char=escape.group() if escape else "?")
            raise DocumentError(findings, file) from None
        findings.append(syntax_finding(exc, text).at(file=file))
    except yaml.reader.ReaderError as exc:  # control characters
        findings.append(reader_finding(exc, text).at(file=file))
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error is one of the above
        findings.append(_at(syntax("other", problem=str(exc).splitlines()[0], line=1), file,
                            1, 1))
    except ValueError:  # PyYAML's pure scanner on a code past \U0010FFFF
        mark = loader.get_mark() if hasattr(loader, "get_mark") else None
        findings.append(_at(finding("bad-character", printable(here()), char="\\U…"), file,
                            mark.line + 1 if mark else 1, mark.column + 1 if mark else 1))
    finally:
        loader.dispose()
    if findings:
        raise DocumentError(findings, file)
    return None if root is _MISSING else root


set_text_parser(marks_of)
