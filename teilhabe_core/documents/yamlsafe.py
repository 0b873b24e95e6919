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

Positions for findings are found on the error path only, by composing the node
tree of the (already checked) text once per file: :class:`Positions`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections.abc import Iterator
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

from ..base.errors import DocumentError, Finding
from ..base.messages import finding

try:  # pragma: no cover - depends on the PyYAML build
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
from yaml import SafeLoader as _PyLoader

MAX_BYTES = 8 * 1024 * 1024
"""Largest file accepted, checked before parsing."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted."""

MAX_NUMBER_LENGTH = 100
"""Longest number accepted, in characters (also the largest power of ten). Python itself
refuses to convert integers of more than 4,300 digits; no document needs more than this."""

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
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_DECIMAL_INT = re.compile(r"[-+]?[0-9]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})")
_TAG_EXPECTS = {
    _INT: "eine ganze Zahl wie 15", _FLOAT: "eine Zahl wie 1500.50",
    _BOOL: "true oder false", _NULL: "ein leerer Wert (null oder ~)",
    _TS: "ein Datum wie 2019-12-11",
}


class _Stop(Exception):
    """Parsing cannot go on; the findings so far are final."""


class _Refused(Exception):
    """A scalar that cannot become a value: a catalogue code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class YamlInt(int):
    """A whole number YAML 1.1 reads from a form other than plain digits.

    ``costs: 017`` is 15 (octal), ``0x1F`` is 31, ``1:30`` is 90 (base 60), ``1_000``
    is 1000. :attr:`text` is what was written.
    """

    text: str

    def __new__(cls, value: int, text: str) -> YamlInt:
        self = super().__new__(cls, value)
        self.text = text
        return self


class YamlDecimal(Decimal):
    """A number YAML 1.1 reads from a form other than plain decimal text
    (``.5``, ``1.``, ``1.5e+3``, ``1:30.5``, ``1_000.5``, ``.inf``, ``.nan``)."""

    text: str

    def __new__(cls, value: Decimal, text: str) -> YamlDecimal:
        self = super().__new__(cls, value)
        self.text = text
        return self


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with ``...``; surrogates shown as ``\\udXXX``."""
    return printable(text if len(text) <= limit else text[: limit - 3] + "...")


def printable(text: str) -> str:
    """``text`` with lone surrogates written as ``\\udXXX`` (they cannot be printed)."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    """The value of an unquoted scalar (YAML 1.1 rules; floats exact, dates as text).

    Never raises: a number too long to be one stays text.
    """
    try:
        return _plain(value)
    except _Refused:
        return value


def _implicit_tag(value: str) -> str:
    tag: str = _resolver.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag


def _plain(value: str) -> Any:
    cached = _cache.get(value, _MISSING)
    if cached is not _MISSING:
        return cached
    result = _construct(_implicit_tag(value), value)
    if len(_cache) < 4096:
        _cache[value] = result
    return result


def _tagged(tag: str, value: str) -> Any:
    """The value of a scalar with an explicit standard tag; refused if it does not fit."""
    if tag in (_STR, "!"):
        return value
    implicit = _implicit_tag(value)
    if implicit == tag or (tag == _FLOAT and implicit == _INT and _DECIMAL_INT.fullmatch(value)):
        result = _construct(tag, value)
        if tag == _TS or not isinstance(result, str):
            return result
    raise _Refused("tag-value", tag="!!" + tag.removeprefix(_STD), value=shorten(value),
                   expected=_TAG_EXPECTS[tag])


def _construct(tag: str, value: str) -> Any:
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _constructor.construct_yaml_bool(ScalarNode(tag, value))
    if tag in (_INT, _FLOAT):
        return _number(tag, value)
    return value


def _number(tag: str, value: str) -> Any:
    """An int or Decimal (a :class:`YamlInt`/:class:`YamlDecimal` unless written plainly);
    ``value`` itself where the resolver's pattern lets through text that is no number."""
    if len(value) > MAX_NUMBER_LENGTH:
        raise _Refused("number-too-long", value=shorten(value, 20), limit=MAX_NUMBER_LENGTH)
    plain = _PLAIN_NUMBER.fullmatch(value) is not None
    try:
        if tag == _INT:
            number: int = _constructor.construct_yaml_int(ScalarNode(tag, value))
            return number if plain else YamlInt(number, value)
        text = value.replace("_", "")
        if ":" in text or text.lower().lstrip("+-") in (".inf", ".nan"):
            result = Decimal(str(_constructor.construct_yaml_float(ScalarNode(tag, value))))
        else:
            result = Decimal(text)
    except (ValueError, InvalidOperation):  # ``0b_``, ``0x_``: the pattern allows them
        return value
    if result.is_finite() and abs(result.adjusted()) > MAX_NUMBER_LENGTH:
        raise _Refused("number-too-long", value=shorten(value, 20), limit=MAX_NUMBER_LENGTH)
    return result if plain else YamlDecimal(result, value)


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
        if "invalid Unicode character escape" in str(exc.problem) and mark is not None:
            # libyaml refuses \ud800-\udfff and codes past \U0010FFFF in double quotes
            escape = _ESCAPE.match(text, text.rfind("\\", 0, mark.index + 1))
            fail("bad-character", mark, here(), char=escape.group() if escape else "?")
            raise DocumentError(findings, file) from None
        problem = " ".join(p for p in (exc.problem, exc.context) if p) or "unlesbar"
        if exc.context_mark is not None and mark is not None \
                and exc.context_mark.line != mark.line:
            problem += f" (begonnen in Zeile {exc.context_mark.line + 1})"
        findings.append(_at(finding("yaml-syntax", problem=problem), file,
                            mark.line + 1 if mark else 1, mark.column + 1 if mark else 1))
    except yaml.YAMLError as exc:  # reader errors (control characters)
        findings.append(_at(finding("yaml-syntax", problem=str(exc).splitlines()[0]), file, 1, 1))
    except ValueError:  # PyYAML's pure scanner on a code past \U0010FFFF
        mark = loader.get_mark() if hasattr(loader, "get_mark") else None
        findings.append(_at(finding("bad-character", printable(here()), char="\\U…"), file,
                            mark.line + 1 if mark else 1, mark.column + 1 if mark else 1))
    finally:
        loader.dispose()
    if findings:
        raise DocumentError(findings, file)
    return None if root is _MISSING else root


def parse_json(text: str, file: str = "") -> Any:
    """Parse JSON with exact decimals; duplicate keys, deep nesting, numbers longer than
    :data:`MAX_NUMBER_LENGTH`, ``NaN``/``Infinity`` and lone surrogates are findings."""
    duplicates: list[str] = []
    bad_numbers: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                duplicates.append(key)
                continue
            out[key] = value
        return out

    def number(text: str, kind: type[int] | type[Decimal]) -> Any:
        value = kind(text) if len(text) <= MAX_NUMBER_LENGTH else None
        if value is None or (isinstance(value, Decimal)
                             and abs(value.adjusted()) > MAX_NUMBER_LENGTH):
            bad_numbers.append(text)
            return _BadNumber(text)
        return value

    def constant(text: str) -> Any:
        bad_numbers.append(text)
        return _BadNumber(text)

    try:
        data = json.loads(text, parse_float=lambda t: number(t, Decimal),
                          parse_int=lambda t: number(t, int), parse_constant=constant,
                          object_pairs_hook=pairs)
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
    if bad_numbers or _MAYBE_SURROGATE.search(text):
        problems = list(_json_problems(text, data, file))
        if problems:
            raise DocumentError(problems, file)
    return data


class _BadNumber(str):
    """Placeholder for a JSON number that was refused; found again by :func:`_json_problems`."""


_MAYBE_SURROGATE = re.compile("[\ud800-\udfff]|\\\\u[dD][89a-fA-F]")
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?Infinity|NaN|-?[0-9][0-9.eE+-]*|true|false|null')


def _json_problems(text: str, data: Any, file: str) -> Iterator[Finding]:
    """Findings for refused numbers and lone surrogates, with path and position.

    The scalars of the data (keys included) come in the order of the text's tokens, so
    the n-th scalar sits at the n-th token (duplicate keys were refused before).
    """
    tokens = _JSON_TOKEN.finditer(text)
    lines = _LineIndex(text)
    for path, value in _scalars(data, ""):
        token = next(tokens, None)
        if isinstance(value, _BadNumber) or (isinstance(value, str) and _SURROGATE.search(value)):
            line, col = lines.at(token.start()) if token else (1, 1)
            shown = shorten(path, 200)
            if not isinstance(value, _BadNumber):
                f = finding("bad-character", shown, char=shorten(_SURROGATE.findall(value)[0]))
            elif value in ("NaN", "Infinity", "-Infinity"):
                f = finding("json-syntax", shown, problem=f"{value} ist in JSON keine Zahl")
            else:
                f = finding("number-too-long", shown, value=shorten(value, 20),
                            limit=MAX_NUMBER_LENGTH)
            yield _at(f, file, line, col)


def _scalars(data: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every key and scalar of parsed JSON with its field path, in the order of the text."""
    if isinstance(data, dict):
        for key, value in data.items():
            sub = f"{path}.{key}" if path else key
            yield sub, key
            yield from _scalars(value, sub)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _scalars(item, f"{path}[{index}]")
    else:
        yield path, data


class _LineIndex:
    """Line and column (1-based) of character offsets in one text."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def surrogate_findings(text: str, file: str) -> list[Finding]:
    """A ``bad-character`` finding for each lone surrogate in ``text`` itself."""
    lines = _LineIndex(text)
    return [_at(finding("bad-character", char=shorten(m.group())), file, *lines.at(m.start()))
            for m in _SURROGATE.finditer(text)]


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


class Positions:
    """Where each field path of one text is: built once, from one pass over the parse events.

    :meth:`find` gives what :func:`locate` gives, in constant time per path: the start of
    a scalar value, the key of a list or mapping value, the start of a list item, and for a
    path that does not exist the position of its nearest existing parent. :meth:`plain`
    gives the literal text of an unquoted scalar, for advice such as 'Schreiben Sie: "no"'.
    """

    def __init__(self, text: str) -> None:
        self._index: dict[str, tuple[int, int, str | None]] = {}
        # libyaml refuses \ud800-\udfff escapes that JSON allows (surrogate pairs); the
        # same-length \uFFFD keeps every position.
        loader = _Loader(_SURROGATE_ESCAPE.sub(r"\\uFFFD", text))
        try:
            self._read(loader)
        except yaml.YAMLError:  # pragma: no cover - only texts that parsed get here
            pass
        finally:
            loader.dispose()

    def _read(self, loader: Any) -> None:
        index = self._index
        # Each frame: [is_mapping, path, pending key text or None, key mark, item count]
        stack: list[list[Any]] = []
        while True:
            event: Any = loader.get_event()
            kind = type(event)
            if kind is StreamEndEvent:
                return
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            if kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent):
                continue
            mark = event.start_mark
            if not stack:
                path = ""
            else:
                frame = stack[-1]
                if frame[0] and frame[2] is None:  # a key
                    if kind is not ScalarEvent:
                        return  # a complex key (refused by the parser): stop here
                    frame[2], frame[3] = event.value, mark
                    continue
                if frame[0]:
                    path = f"{frame[1]}.{frame[2]}" if frame[1] else frame[2]
                    if kind is not ScalarEvent:
                        mark = frame[3]
                    frame[2] = None
                else:
                    path = f"{frame[1]}[{frame[4]}]"
                    frame[4] += 1
            plain = event.value if kind is ScalarEvent and not event.style else None
            index.setdefault(path, (mark.line + 1, mark.column + 1, plain))
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                stack.append([kind is MappingStartEvent, path, None, None, 0])

    def find(self, path: str) -> tuple[int, int]:
        """Line and column (1-based) of ``path``, or of its nearest existing parent."""
        while True:
            entry = self._index.get(path)
            if entry is not None:
                return entry[0], entry[1]
            if not path:
                return 1, 1
            path = path[: max(path.rfind("."), path.rfind("["), 0)]

    def plain(self, path: str) -> str | None:
        """The text of the unquoted scalar at ``path`` (``None`` if quoted or not a scalar)."""
        entry = self._index.get(path)
        return entry[2] if entry is not None else None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


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
