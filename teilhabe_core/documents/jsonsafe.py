"""Hardened JSON parsing (exact decimals, every limit of the YAML parse) and the light
token scan that gives JSON text its :class:`~teilhabe_core.documents.positions.Marks`
on the error path (the text is never read as YAML)."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ..base.errors import DocumentError, Finding
from ..base.i18n import N_, Msg
from ..base.messages import finding
from .positions import FLOW_MAPPING, FLOW_SEQUENCE, PLAIN, SCALAR, LineIndex, Marks, walk
from .scalars import _SURROGATE, MAX_DEPTH, MAX_NUMBER_LENGTH, printable, shorten

_LineIndex = LineIndex

JSON_PROBLEMS = (
    N_("Expecting value"), N_("Expecting property name enclosed in double quotes"),
    N_("Expecting ':' delimiter"), N_("Expecting ',' delimiter"), N_("Extra data"),
    N_("Unterminated string starting at"), N_("Invalid control character at"),
    N_("Invalid \\escape"), N_("Invalid \\uXXXX escape"),
    N_("Illegal trailing comma before end of object"),
    N_("Illegal trailing comma before end of array"),
)
"""The json module's English problems (``JSONDecodeError.msg``) as msgids, so that the
catalog has them in German; any other is shown as the json module says it."""


def _at(f: Finding, file: str, line: int | None, col: int | None) -> Finding:
    return f.at(file=file, line=line, column=col)


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
        from .json_syntax import json_syntax_finding

        raise DocumentError([json_syntax_finding(exc, file)], file) from None
    except RecursionError:
        raise DocumentError([_at(finding("too-deep", limit=MAX_DEPTH), file, 1, 1)],
                            file) from None
    if duplicates:
        # Both lines of each duplicate, from a token scan of the text.
        dup = duplicate_findings(text, file)
        if dup:
            raise DocumentError(dup, file)
        raise DocumentError([_at(finding("duplicate-key", key=k, first="?", second="?"), file,
                                 1, 1) for k in duplicates], file)
    if _depth(data) > MAX_DEPTH:
        raise DocumentError([_at(finding("too-deep", limit=MAX_DEPTH), file, 1, 1)], file)
    if bad_numbers or _maybe_surrogate(text):
        problems = list(_json_problems(text, data, file))
        if problems:
            raise DocumentError(problems, file)
    return data


class _Unusual(Exception):
    """Raised inside :func:`parse_json_quick`'s hooks: the full parse must decide."""


def _quick_int(text: str) -> int:
    if len(text) > MAX_NUMBER_LENGTH:
        raise _Unusual
    return int(text)


def _quick_decimal(text: str) -> Decimal:
    if len(text) > MAX_NUMBER_LENGTH:
        raise _Unusual
    value = Decimal(text)
    if abs(value.adjusted()) > MAX_NUMBER_LENGTH:
        raise _Unusual
    return value


def _quick_constant(_: str) -> Any:
    raise _Unusual


def _quick_object(items: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(items)
    if len(out) < len(items):  # a duplicate key
        raise _Unusual
    return out


def parse_json_quick(text: str, decoded: bool = False) -> Any | None:
    """The data :func:`parse_json` gives for ``text`` when it finds nothing to refuse
    there, without the nesting-depth check; ``None`` where :func:`parse_json` must decide
    (a syntax error, a duplicate key, a refused number, maybe a lone surrogate).

    The caller ensures the depth another way: data the model structures has no more
    levels than the model (:func:`~teilhabe_core.documents.fast.model_depth`), far fewer
    than :data:`MAX_DEPTH`. ``decoded``: ``text`` was decoded from UTF-8 here, so it has
    no lone surrogate itself (only an escape may make one)."""
    if _ESCAPED_SURROGATE.search(text) if decoded else _maybe_surrogate(text):
        return None
    try:
        return json.loads(text, parse_float=_quick_decimal, parse_int=_quick_int,
                          parse_constant=_quick_constant, object_pairs_hook=_quick_object)
    except (_Unusual, ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return None


class _BadNumber(str):
    """Placeholder for a JSON number that was refused; found again by :func:`_json_problems`."""


_ESCAPED_SURROGATE = re.compile("\\\\u[dD][89a-fA-F]")


def _maybe_surrogate(text: str) -> bool:
    """Whether ``text`` has a lone surrogate or an escape that may be one (the strict
    UTF-8 encoder refuses every surrogate code point; one C pass, no regex over them)."""
    if _ESCAPED_SURROGATE.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
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
                f = finding("json-syntax", shown, problem=Msg(N_("{value} is no number in JSON"),
                                                              value=value))
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


def surrogate_findings(text: str, file: str) -> list[Finding]:
    """A ``bad-character`` finding for each lone surrogate in ``text`` itself."""
    lines = _LineIndex(text)
    return [_at(finding("bad-character", char=shorten(m.group())), file, *lines.at(m.start()))
            for m in _SURROGATE.finditer(text)]



def _depth(data: Any) -> int:
    """How deep lists and objects nest (``{"a": [1]}`` → 2, a scalar → 0): level by
    level, looking only at containers."""
    deepest, level = 0, [data] if isinstance(data, dict | list) else []
    while level:
        deepest += 1
        below: list[Any] = []
        for item in level:
            values = item.values() if isinstance(item, dict) else item
            below.extend(v for v in values if isinstance(v, dict | list))
        level = below
    return deepest


_SCAN = re.compile(r'[ \t\n\r]*(?:("(?:[^"\\]|\\.)*")|([{}\[\],:])|'
                   r'(-?Infinity|NaN|-?[0-9][0-9.eE+-]*|true|false|null))')
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_SIMPLE_KEY_LIMIT = 1024
"""libyaml's longest simple key: where the YAML reader found no positions, none are given."""


def json_marks(text: str) -> Marks:
    """The marks of JSON text (which :func:`parse_json` accepted), from one token scan.

    Lines and columns are counted as YAML counts them (line breaks include NEL, U+2028 and
    U+2029), so JSON findings have the positions they had when JSON was read as YAML. A
    key longer than libyaml's simple-key limit gives empty marks (no positions), as before.
    """
    marks = Marks()
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    # Each frame: [is_object, expecting a key]
    stack: list[list[bool]] = []
    key_start, key_line = 0, 0
    pos, size = 0, len(text)
    while pos < size:
        m = _SCAN.match(text, pos)
        if m is None:
            break
        pos = m.end()
        string, punct, literal = m.groups()
        start = m.start(1) if string is not None else m.start(2) if punct is not None \
            else m.start(3)
        line = bisect.bisect_right(starts, start) - 1
        column = start - starts[line]
        if punct is not None:
            if punct in "{[":
                marks.open(FLOW_MAPPING if punct == "{" else FLOW_SEQUENCE, start, line, column)
                stack.append([punct == "{", punct == "{"])
            elif punct in "}]":
                marks.end(pos)
                stack.pop()
            elif punct == ",":
                if stack and stack[-1][0]:
                    stack[-1][1] = True
            elif punct == ":":
                if start - key_start > _SIMPLE_KEY_LIMIT or line != key_line:
                    return Marks()
                if stack:
                    stack[-1][1] = False
            continue
        if string is not None:
            value = json.loads(string) if "\\" in string else string[1:-1]
            if stack and stack[-1][0] and stack[-1][1]:
                key_start, key_line = start, line
            marks.add(SCALAR, start, line, column, pos, value)
        else:
            marks.add(PLAIN, start, line, column, pos, literal)
    return marks


def duplicate_findings(text: str, file: str) -> list[Finding]:
    """A ``duplicate-key`` finding at each repeated key of JSON ``text``, naming the line
    of the first one (what the YAML reader reported before)."""
    marks = json_marks(text)
    out: list[Finding] = []
    first: dict[tuple[int, str], int] = {}
    for _, path, key, parent in walk(marks):
        if key < 0:
            continue
        name = marks.texts[key] or ""
        line, column = marks.line_column(key)
        earlier = first.get((parent, name))
        if earlier is None:
            first[parent, name] = line
        else:
            out.append(_at(finding("duplicate-key", printable(path), key=name, first=earlier,
                                   second=line), file, line, column))
    return out
