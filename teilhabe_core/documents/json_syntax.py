"""JSON syntax errors in a clerk's words, like the YAML ones (:mod:`.syntax`).

The json module says what it expected where it stopped ("Expecting ',' delimiter"); this
module looks at the text there and names the usual mistake with its fix, at the place to
fix: a comma after the last entry, a name or text without double quotes, a missing comma,
an unclosed quote or bracket, a line break inside a text, a stray backslash, something
after the end. Every finding has the code ``json-syntax``; the message is
``json-syntax.KIND`` (:mod:`teilhabe_core.base.syntax_messages`). A case not told apart
keeps the json module's problem, translated (``json-syntax``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from attrs import evolve

from ..base.errors import Finding
from ..base.i18n import Msg
from ..base.messages import finding
from .positions import LineIndex
from .scalars import shorten

_WORD = re.compile(r"[^\s,:{}\[\]\"]+")
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[^\s,:{}\[\]"]+|\S')
_CLOSER = {"{": "}", "[": "]"}


def json_syntax_finding(exc: json.JSONDecodeError, file: str = "") -> Finding:
    """The finding for ``exc`` (raised on ``exc.doc``), with line and column."""
    text, pos = exc.doc, exc.pos
    found = _classify(text, exc.msg, pos)
    if found is None:
        f = finding("json-syntax", problem=Msg(exc.msg))
        return f.at(file=file, line=exc.lineno, column=exc.colno)
    kind, at, params = found
    line, column = LineIndex(text).at(at)
    params.setdefault("line", line)
    f = evolve(finding(f"json-syntax.{kind}", column=column, **params), code="json-syntax")
    return f.at(file=file, line=line, column=column)


def _before(text: str, pos: int) -> int:
    """The index of the last non-blank character before ``pos`` (-1: none)."""
    index = pos - 1
    while index >= 0 and text[index] in " \t\r\n":
        index -= 1
    return index


def _open_brackets(text: str, end: int) -> list[int]:
    """Where the brackets still open at ``end`` were opened (outermost first); text in
    quotes is skipped."""
    stack: list[int] = []
    index, inside = 0, False
    while index < end:
        char = text[index]
        if inside:
            if char == "\\":
                index += 1
            elif char == '"':
                inside = False
        elif char == '"':
            inside = True
        elif char in "{[":
            stack.append(index)
        elif char in "}]" and stack:
            stack.pop()
        index += 1
    return stack


def _string_start(text: str, pos: int) -> int:
    """The opening quote of the text running at ``pos`` (an unclosed one)."""
    index, start, inside = 0, pos, False
    while index < pos:
        char = text[index]
        if inside and char == "\\":
            index += 1
        elif char == '"':
            inside, start = not inside, index
        index += 1
    return start


def _classify(text: str, problem: str, pos: int) -> tuple[str, int, dict[str, Any]] | None:
    char = text[pos] if pos < len(text) else ""
    previous = _before(text, pos)
    if char in "}]" and previous >= 0 and text[previous] == ",":
        return "trailing-comma", previous, {"closer": char}
    if problem.startswith("Illegal trailing comma"):
        return "trailing-comma", pos, {"closer": text[pos + 1:].lstrip()[:1] or "}"}
    stack = _open_brackets(text, pos) if char in "}]" or not text[pos:].strip() else []
    if stack and char and _CLOSER[text[stack[-1]]] != char:  # "[1, 2 }"
        opener = text[stack[-1]]
        return "unclosed-bracket", stack[-1], {"opener": opener, "closer": _CLOSER[opener]}
    if not text[pos:].strip() and problem.startswith("Expecting"):
        if previous >= 0 and text[previous] in ",:":
            return "incomplete", pos, {}
        if stack:
            opener = text[stack[-1]]
            return "unclosed-bracket", stack[-1], {"opener": opener, "closer": _CLOSER[opener]}
        return "incomplete", pos, {}
    if problem.startswith("Unterminated string"):
        return "unclosed-quote", pos, {}
    if problem.startswith("Invalid control character"):
        start = _string_start(text, pos)
        kind = "line-break" if char in "\r\n" else "control-character"
        return kind, start, {"char": f"U+{ord(char):04X}" if char else "?"}
    if problem.startswith("Invalid \\escape") or problem.startswith("Invalid \\uXXXX"):
        return "escape", pos, {"sequence": shorten(text[pos:pos + 2], 10)}
    if problem == "Extra data":
        return "extra", pos, {"extra": shorten(text[pos:].strip().splitlines()[0], 30)}
    if char == "'":
        return "single-quotes", pos, {"fix": _requoted(text, pos)}
    word = _WORD.match(text, pos)
    if problem.startswith("Expecting property name") and word:
        return "unquoted-name", pos, {"name": shorten(word.group(), 40),
                                      "fix": f'"{shorten(word.group(), 40)}":'}
    if problem == "Expecting value" and word:
        return "unquoted-text", pos, {"value": shorten(word.group(), 40),
                                      "fix": f'"{shorten(word.group(), 40)}"'}
    if problem == "Expecting ':' delimiter":
        key = _last_string(text, pos)
        if ":" in key:
            return "name-quote", pos, {"name": shorten(key.split(":")[0].strip(), 40)}
        return "missing-colon", pos, {"name": shorten(key, 40)}
    if problem == "Expecting ',' delimiter":
        token = _TOKEN.match(text, pos)
        return "missing-comma", pos, {"found": shorten(token.group() if token else char, 30)}
    return None


def _last_string(text: str, pos: int) -> str:
    """The text of the last quoted string before ``pos`` (a field name just read)."""
    end = text.rfind('"', 0, pos)
    start = text.rfind('"', 0, end) if end > 0 else -1
    return text[start + 1:end] if start >= 0 else ""


def _requoted(text: str, pos: int) -> str:
    """The value in single quotes at ``pos`` in double quotes."""
    end = text.find("'", pos + 1)
    inner = text[pos + 1:end] if end > pos else text[pos + 1:pos + 30]
    return shorten(f'"{inner}"', 40)
