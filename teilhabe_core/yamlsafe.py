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

Positions for findings are found on the error path only, by composing the node
tree of the (already checked) text: :func:`locate`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
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
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from .errors import DocumentError, Finding
from .messages import finding

try:  # pragma: no cover - depends on the PyYAML build
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
from yaml import SafeLoader as _PyLoader

MAX_BYTES = 8 * 1024 * 1024
"""Largest file accepted, checked before parsing."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted."""

_STD = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TS = (
    _STD + n for n in ("str", "int", "float", "bool", "null", "timestamp")
)
_MERGE = _STD + "merge"
_ALLOWED_SCALAR_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TS, "!"}
_ALLOWED_COLLECTION_TAGS = {_STD + "map", _STD + "seq", "!"}

_resolver = Resolver()
_constructor = SafeConstructor()
_cache: dict[str, Any] = {}
_MISSING = object()


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
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return
    raise DocumentError([_at(finding("file-empty"), file, 1, 1)], file)


def _at(f: Finding, file: str, line: int | None, col: int | None) -> Finding:
    return f.at(file=file, line=line, column=col)


def resolve_plain(value: str) -> Any:
    """The value of an unquoted scalar (YAML 1.1 rules; floats exact, dates as text)."""
    cached = _cache.get(value, _MISSING)
    if cached is not _MISSING:
        return cached
    tag = _resolver.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    result = _construct(tag, value)
    if len(_cache) < 4096:
        _cache[value] = result
    return result


def _construct(tag: str, value: str) -> Any:
    if tag in (_STR, _TS):
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _constructor.construct_yaml_bool(ScalarNode(tag, value))
    if tag == _INT:
        return _constructor.construct_yaml_int(ScalarNode(tag, value))
    if tag == _FLOAT:
        text = value.replace("_", "")
        if ":" in text or text.lower().lstrip("+-") in (".inf", ".nan"):
            return _constructor.construct_yaml_float(ScalarNode(tag, value))
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the resolver's regex prevents this
            return value
    return value


def parse_yaml(text: str, file: str = "") -> Any:
    """Parse one YAML document into dicts, lists and scalars, enforcing every limit.

    libyaml has a nesting limit of its own (1000 levels in libyaml 0.2.5, reached by
    its scanner's look-ahead before our builder sees level :data:`MAX_DEPTH`). When it
    fires, the text is read again by PyYAML's pure-Python parser, which has no such
    limit and only looks ahead about 1,024 characters, so our own ``too-deep``
    finding, with the position of the first level too deep, is what the clerk sees
    whichever PyYAML or libyaml is installed.
    """
    try:
        return _parse_events(text, file, _Loader)
    except _NestingLimit as exc:
        try:
            return _parse_events(text, file, _PyLoader)
        except _NestingLimit:  # pragma: no cover - the pure-Python parser has no limit
            raise DocumentError([_at(finding("too-deep", limit=MAX_DEPTH), file,
                                     exc.line, exc.column)], file) from None


class _NestingLimit(Exception):
    """libyaml stopped at its own nesting limit."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def _parse_events(text: str, file: str, loader_class: Any) -> Any:
    findings: list[Finding] = []
    root: Any = _MISSING
    # Each frame: [container, is_mapping, pending_key, key_lines, path]
    stack: list[list[Any]] = []
    documents = 0

    def here() -> str:
        """Field path of the value about to be added."""
        if not stack:
            return ""
        frame = stack[-1]
        if not frame[1]:
            return f"{frame[4]}[{len(frame[0])}]"
        key = frame[2] if frame[2] is not _MISSING else ""
        return f"{frame[4]}.{key}" if frame[4] else str(key)

    def fail(code: str, mark: Any, path: str = "", **params: Any) -> None:
        findings.append(_at(finding(code, path, **params), file, mark.line + 1,
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

    loader = loader_class(text)
    try:
        while True:
            event: Any = loader.get_event()
            kind = type(event)
            if kind is ScalarEvent:
                tag = event.tag
                if tag is None:
                    value = resolve_plain(event.value) if event.implicit[0] else event.value
                elif tag in _ALLOWED_SCALAR_TAGS:
                    value = event.value if tag in (_STR, _TS, "!") else _construct(tag, event.value)
                else:
                    fail("tag", event.start_mark, here(), tag=tag)
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
                container: Any = {} if is_map else []
                add(container, event, None)
                stack.append([container, is_map, _MISSING, {}, path])
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
            elif kind is AliasEvent:
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
        problem = " ".join(p for p in (exc.problem, exc.context) if p) or "unlesbar"
        if exc.context_mark is not None and mark is not None \
                and exc.context_mark.line != mark.line:
            problem += f" (begonnen in Zeile {exc.context_mark.line + 1})"
        findings.append(_at(finding("yaml-syntax", problem=problem), file,
                            mark.line + 1 if mark else 1, mark.column + 1 if mark else 1))
    except yaml.YAMLError as exc:  # reader errors (control characters)
        findings.append(_at(finding("yaml-syntax", problem=str(exc).splitlines()[0]), file, 1, 1))
    finally:
        loader.dispose()
    if findings:
        raise DocumentError(findings, file)
    return None if root is _MISSING else root


def parse_json(text: str, file: str = "") -> Any:
    """Parse JSON with exact decimals; duplicate keys and deep nesting are findings."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                duplicates.append(key)
                continue
            out[key] = value
        return out

    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise DocumentError([_at(finding("json-syntax", problem=exc.msg), file, exc.lineno,
                                 exc.colno)], file) from None
    except RecursionError:
        raise DocumentError([_at(finding("too-deep", limit=MAX_DEPTH), file, 1, 1)],
                            file) from None
    if duplicates:
        # JSON is YAML: the YAML builder names both lines of each duplicate.
        try:
            parse_yaml(text, file)
        except DocumentError as exc:
            dup = [f for f in exc.findings if f.code == "duplicate-key"]
            if dup:
                raise DocumentError(dup, file) from None
        raise DocumentError([_at(finding("duplicate-key", key=k, first="?", second="?"), file,
                                 1, 1) for k in duplicates], file)
    if _depth(data) > MAX_DEPTH:
        raise DocumentError([_at(finding("too-deep", limit=MAX_DEPTH), file, 1, 1)], file)
    return data


def _depth(data: Any) -> int:
    deepest, todo = 0, [(data, 1)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level)
            todo.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, level)
            todo.extend((v, level + 1) for v in item)
    return deepest


_TOKEN = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def split_path(path: str) -> list[str | int]:
    """``measures[3].status`` → ``["measures", 3, "status"]``."""
    return [int(i) if i else k for i, k in _TOKEN.findall(path)]


def compose(text: str) -> Node | None:
    """The node tree of text that :func:`parse_yaml` or :func:`parse_json` accepted."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None


def locate(root: Node | None, path: str) -> tuple[int, int, Node | None]:
    """Line, column (1-based) and node of ``path``; the nearest existing parent if missing."""
    node = root
    line, col = 1, 1
    if node is not None:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
    for token in split_path(path):
        if isinstance(node, MappingNode) and isinstance(token, str):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == token:
                    line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    node = value_node
                    if isinstance(value_node, ScalarNode):
                        line = value_node.start_mark.line + 1
                        col = value_node.start_mark.column + 1
                    break
            else:
                return line, col, None
        elif isinstance(node, SequenceNode) and isinstance(token, int) and token < len(
            node.value
        ):
            node = node.value[token]
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
        else:
            return line, col, None
    return line, col, node


class _Dumper(yaml.SafeDumper):
    """Block-style, Unicode, no aliases; Decimal written as a plain number."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = str(value)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return dumper.represent_scalar(_FLOAT, text)
    return dumper.represent_scalar(_STR, text)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Literal blocks for multi-line text; the emitter falls back to quotes where needed.
    # PyYAML's single-quoted style folds NEL (U+0085), so text with Unicode line breaks is
    # written double-quoted, where they are escaped.
    if any(c in value for c in "\x85\u2028\u2029"):
        return dumper.represent_scalar(_STR, value, style='"')
    return dumper.represent_scalar(_STR, value, style="|" if "\n" in value else None)


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, header: str = "") -> str:
    """Deterministic YAML text (insertion key order, block style, Unicode)."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
    return header + body


def dump_json(data: Any) -> str:
    """Deterministic JSON text; decimals are written as strings to stay exact."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
