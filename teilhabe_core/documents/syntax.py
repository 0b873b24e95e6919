"""YAML syntax errors in words a clerk understands, each with a concrete fix.

libyaml says ``mapping values are not allowed in this context`` or ``found character that
cannot start any token``; a clerk needs to hear that the value holds a colon and must be
quoted, or that a line is indented with a tab. :func:`syntax_finding` reads the error's
marks and the lines around them and picks the case: a tab, a colon in a value, a name
longer than 1024 characters, a line indented differently from its neighbours, a missing
colon, text after a closing quote or bracket, an unclosed quote or bracket, a backslash in
double quotes, a value starting with a character YAML reserves, a control character. The
German message never repeats libyaml's English words; the English message keeps them.

Every finding has the code ``yaml-syntax``; its position is where libyaml stopped, except
for an unclosed quote or bracket, which is found at its opening (libyaml notices it only
at the end of the file).
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import yaml
from attrs import evolve

from ..base.errors import Finding
from ..base.messages import finding
from .scalars import shorten

_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
_FIELD = re.compile(r"(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>(?:[^\s\"'\[\]{}#&*!|>%@`:,?-]|[-?:]\S)"
                    r"[^:#]*?)[ ]*:(?:[ ]+|$)")
_COMMENT = re.compile(r"[ \t]+#.*$")
_ITEM = re.compile(r"[ ]*-(?:[ ]|$)")
_GLUED = re.compile(r"[ ]*(?:-[ ]+)?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/].*)$")
_RESERVED = "!&*%@`|>"
KEY_LIMIT = 1024
"""Longest key libyaml reads (a "simple key")."""


class _Lines:
    """The lines of a text as libyaml counts them, with what the messages need."""

    def __init__(self, text: str) -> None:
        self.lines = _BREAK.split(text)

    def __getitem__(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def indent(self, index: int) -> int:
        line = self[index]
        return len(line) - len(line.lstrip(" "))

    def key_column(self, index: int) -> int:
        """Where the first field of line ``index`` starts (after any ``- ``)."""
        line = self[index]
        return len(line) - len(line.lstrip(" -")) if _ITEM.match(line) else self.indent(index)

    def content_before(self, index: int) -> int | None:
        """The nearest line above ``index`` with content (not blank, not a comment)."""
        for i in range(min(index, len(self.lines)) - 1, -1, -1):
            stripped = self[i].strip()
            if stripped and not stripped.startswith("#"):
                return i
        return None


def quoted(value: str) -> str:
    """``value`` in quotes that YAML reads back as exactly ``value``."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


def _field(line: str) -> tuple[str, str, str] | None:
    """``(key, value, comment)`` of a ``key: value`` line, else ``None``."""
    match = _FIELD.match(line)
    if match is None:
        return None
    rest = line[match.end():]
    comment = _COMMENT.search(rest)
    value = rest[:comment.start()] if comment else rest
    return match["key"], value.rstrip(), comment.group().strip() if comment else ""


def _fix(key: str, value: str, comment: str = "") -> str:
    fixed = f"{key}: {quoted(value)}"
    return shorten(fixed + (f"  {comment}" if comment else ""), 120)


def syntax_finding(exc: yaml.MarkedYAMLError, text: str) -> Finding:
    """The finding for a YAML syntax error (code ``yaml-syntax``, with line and column)."""
    lines = _Lines(text)
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    problem, context = exc.problem or "", exc.context or ""
    found = _classify(lines, problem, context, exc.context_mark, line, column)
    kind, params, (line, column) = found if found else ("other", {}, (line, column))
    params.setdefault("line", line + 1)
    english = " ".join(p for p in (problem, context) if p) or "unreadable"
    return syntax(kind, problem=english, **params).at(line=line + 1, column=column + 1)


def syntax(kind: str, **params: Any) -> Finding:
    """The ``yaml-syntax`` finding of case ``kind`` (message ``yaml-syntax.KIND``)."""
    return evolve(finding(f"yaml-syntax.{kind}", **params), code="yaml-syntax")


def reader_finding(exc: yaml.reader.ReaderError, text: str) -> Finding:
    """The finding for a character YAML does not allow (a control character)."""
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    index = max(text.find(char), 0)
    before = _BREAK.split(text[:index])
    line, column = len(before), len(before[-1]) + 1
    return syntax("control-character", char=f"U+{ord(char[:1] or ' '):04X}", line=line,
                  column=column).at(line=line, column=column)


Case = tuple[str, dict[str, Any], tuple[int, int]]


def _classify(lines: _Lines, problem: str, context: str, start: Any, line: int,
              column: int) -> Case | None:
    at = (line, column)
    char = lines[line][column:column + 1]
    if "tab character" in problem or (char == "\t" and "cannot start any token" in problem):
        return _tab(lines, line, column)
    if "quoted scalar" in context and ("end of stream" in problem or "document" in problem):
        return _unclosed_quote(lines, start or SimpleNamespace(line=line, column=column))
    if "quoted scalar" in context:  # an escape YAML does not know
        backslash = lines[line].rfind("\\", 0, column + 1)
        return _escape(lines, line, backslash if backslash >= 0 else column)
    if "flow sequence" in context or "flow mapping" in context:
        return _flow(lines, context, start, line, column)
    if "mapping values are not allowed" in problem:
        return _colon(lines, line, column)
    if "could not find expected ':'" in problem and start is not None:
        return _missing_colon(lines, start.line, start.column)
    if "block sequence entries are not allowed" in problem:
        return _list_after_key(lines, line, at)
    if "block mapping" in context or "block collection" in context:
        return _block(lines, context, start, line, column)
    if "node content" in problem and char in ("]", "}"):
        return "stray-closer", {"char": char}, at
    if "node content" in problem and char:
        return _reserved(lines, line, column, "reserved")
    if "block scalar" in context and start is not None:
        return _reserved(lines, start.line, start.column, "block")
    opener = _open_bracket(lines[line][:column])
    if opener:
        return _flow(lines, f"flow {'sequence' if opener == '[' else 'mapping'}", None, line,
                     column)
    if context.startswith("while scanning a") and start is not None:
        return _reserved(lines, start.line, start.column, "reserved")
    if context.startswith("while parsing a flow node") \
            or "cannot start any token" in problem or "mapping keys" in problem:
        return _reserved(lines, line, column, "reserved")
    if "<document start>" in problem:
        previous = lines.content_before(line)
        return _not_a_field(lines, previous if previous is not None else line)
    return None


def _open_bracket(before: str) -> str:
    """The bracket (``[`` or ``{``) still open at the end of ``before``, else ``""``."""
    stack: list[str] = []
    quote = ""
    for char in before:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            stack.append(char)
        elif char in "]}" and stack:
            stack.pop()
    return stack[-1] if stack else ""


def _tab(lines: _Lines, line: int, column: int) -> Case:
    for index in range(line, min(line + 3, len(lines.lines))):
        text = lines[index]
        lead = text[:len(text) - len(text.lstrip(" \t"))]
        if "\t" in lead:
            line, column = index, lead.index("\t")
            break
    else:
        return "tab-inside", {}, (line, column)
    previous = lines.content_before(line)
    spaces, like, like_en = 0, "", ""
    if previous is not None:
        spaces = lines.indent(previous)
        parent = _COMMENT.sub("", lines[previous]).rstrip().endswith(":")
        spaces += 2 if parent else 0
        like = f" ({'tiefer als' if parent else 'wie'} Zeile {previous + 1})"
        like_en = f" ({'deeper than' if parent else 'like'} line {previous + 1})"
    return "tab", {"spaces": spaces, "like": like, "like_en": like_en}, (line, column)


def _colon(lines: _Lines, line: int, column: int) -> Case:
    text = lines[line]
    field = _field(text)
    key_start = len(text) - len(text.lstrip(" -"))
    if field is not None and text.find(":", key_start) < column:
        key, value, comment = field
        return "colon-in-value", {"key": shorten(key, 60), "fix": _fix(key, value, comment)}, (
            line, column)
    if column - key_start > KEY_LIMIT:
        return "long-key", {"length": column - key_start, "limit": KEY_LIMIT}, (line, key_start)
    previous = lines.content_before(line)
    if previous is None:
        return _not_a_field(lines, line)
    if _field(lines[previous]) is None and not _ITEM.match(lines[previous]):
        return _not_a_field(lines, previous)
    key = text[key_start:column].strip()
    return "deeper", {"found": lines.indent(line), "expected": lines.key_column(previous),
                      "previous": previous + 1, "key": shorten(key, 60)}, (line, key_start)


def _not_a_field(lines: _Lines, line: int) -> Case:
    text = lines[line].strip()
    glued = _GLUED.match(lines[line])
    if glued is not None:  # key:value
        fix = f"{glued['key']}: {glued['value']}"
        return "colon-space", {"text": shorten(text, 60), "fix": shorten(fix, 80)}, (
            line, glued.end("key"))
    if text[:1] in _RESERVED:
        return "reserved-line", {"char": text[0]}, (line, lines.indent(line))
    return "not-a-field", {"text": shorten(text, 60), "line": line + 1}, (
        line, lines.indent(line))


def _missing_colon(lines: _Lines, line: int, column: int) -> Case:
    text = lines[line][column:].strip()
    if len(text) > KEY_LIMIT and ":" in text:
        return "long-key", {"length": text.index(":"), "limit": KEY_LIMIT}, (line, column)
    if _GLUED.match(lines[line]) is not None:
        return _not_a_field(lines, line)
    previous = lines.content_before(line)
    above = _field(lines[previous]) if previous is not None else None
    if above is not None and above[1] and above[1][0] not in "[{\"'|>" \
            and lines.indent(previous or 0) == column:
        return "continuation", {"text": shorten(text, 60), "key": shorten(above[0], 60),
                                "previous": (previous or 0) + 1, "deeper": column + 2}, (
            line, column)
    words = _COMMENT.sub("", text).split(maxsplit=1)
    example = ""
    if len(words) == 2 and re.fullmatch(r"[A-Za-z_][\w-]*", words[0]):
        example = f" (hier wohl {shorten(f'{words[0]}: {words[1]}', 80)})"
    return "missing-colon", {"text": shorten(text, 60), "example": example,
                             "example_en": example.replace("hier wohl", "here probably")}, (
        line, column)


def _list_after_key(lines: _Lines, line: int, at: tuple[int, int]) -> Case:
    field = _field(lines[line])
    key, value = (field[0], field[1]) if field else ("name", "- …")
    item = value.lstrip("- ").strip() or "…"
    return "list-after-key", {"key": shorten(key, 60), "item": shorten(item, 60)}, at


def _block(lines: _Lines, context: str, start: Any, line: int, column: int) -> Case:
    text = lines[line]
    before = text[:column].rstrip()
    if text[column:column + 1] in ("]", "}"):
        return "stray-closer", {"char": text[column]}, (line, column)
    if before.endswith(("\"", "'", "]", "}")):
        return _text_after(lines, line, before[-1], (line, column))
    begin = (start.line, start.column) if start is not None else (line, column)
    params: dict[str, Any] = {"found": lines.indent(line), "start": begin[0] + 1,
                              "expected": begin[1]}
    previous = lines.content_before(line)
    header = _block_text_header(lines, line)
    if header is not None and previous is not None:
        field = _field(lines[header])
        params.update(start=header + 1, key=shorten(field[0], 60) if field else "…",
                      expected=lines.indent(previous))
        return "block-text-indent", params, (line, column)
    if "block collection" in context:
        after_dash = lines[begin[0]][begin[1] + 1:]
        params["field"] = begin[1] + 1 + len(after_dash) - len(after_dash.lstrip(" "))
        return "list-indent", params, (line, column)
    if text[column:column + 2].rstrip() == "-":
        return "list-in-mapping", {**params, **_where_list(lines, line, previous)}, (
            line, column)
    params["other"] = lines.indent(previous) if previous is not None else begin[1]
    kind = "mapping-indent" if params["other"] in (begin[1], params["found"]) \
        else "mapping-indent-two"
    return kind, params, (line, column)


def _where_list(lines: _Lines, line: int, previous: int | None) -> dict[str, str]:
    """Where a misplaced list entry probably belongs: the list above, or the field
    without value on the line before."""
    outer = _list_above(lines, line)
    owner = _field(lines[previous]) if previous is not None else None
    if outer is not None:
        n = lines.indent(outer)
        return {"where": f" Ist sie ein weiterer Eintrag der Liste ab Zeile {outer + 1}, "
                         f"beginnen Sie sie wie dort mit {n} Leerzeichen.",
                "where_en": f" If it is another entry of the list from line {outer + 1}, "
                            f"start it as there with {n} spaces."}
    if owner is not None and not owner[1] and previous is not None:
        n = lines.indent(previous) + 2
        return {"where": f" Gehört die Liste zu '{owner[0]}' (Zeile {previous + 1}), rücken "
                         f"Sie sie darunter ein, mit {n} Leerzeichen.",
                "where_en": f" If the list belongs to '{owner[0]}' (line {previous + 1}), indent "
                            f"it below, by {n} spaces."}
    return {"where": " Gehört die Liste zu einem Feld, rücken Sie sie unter dessen Namen ein.",
            "where_en": " If the list belongs to a field, indent it below that field's name."}


_BLOCK_HEADER = re.compile(r".*:[ ]+[|>][-+0-9]*[ ]*(?:#.*)?$")


def _block_text_header(lines: _Lines, line: int) -> int | None:
    """The line starting the multi-line text (``key: >-``) that the lines above ``line``
    belong to, if ``line`` ends it by being indented less than them."""
    index = lines.content_before(line)
    while index is not None and lines.indent(index) > lines.indent(line):
        above = lines.content_before(index)
        if above is not None and _BLOCK_HEADER.match(lines[above]) and \
                lines.indent(above) < lines.indent(line):
            return above
        index = above
    return None


def _list_above(lines: _Lines, line: int) -> int | None:
    """The nearest list entry above ``line`` that is indented less than it."""
    index = lines.content_before(line)
    while index is not None:
        if lines.indent(index) < lines.indent(line):
            return index if _ITEM.match(lines[index]) else None
        index = lines.content_before(index)
    return None


def _text_after(lines: _Lines, line: int, closer: str, at: tuple[int, int]) -> Case:
    field = _field(lines[line])
    what = "dem schließenden Anführungszeichen" if closer in "\"'" else \
        "der schließenden Klammer"
    what_en = "quote" if closer in "\"'" else "bracket"
    extra = _COMMENT.sub("", lines[line][at[1]:]).strip()
    params = {"closer": closer, "what": what, "what_en": what_en, "extra": shorten(extra, 40)}
    if field is None or closer in "]}":
        return "text-after-closer", {**params, "fix": ""}, at
    fix = _fix(*field)
    return "text-after-closer", {**params, "fix": f" Schreiben Sie: {fix}",
                                 "fix_en": f" Write: {fix}"}, at


def _unclosed_quote(lines: _Lines, start: Any) -> Case:
    line, column = start.line, start.column
    quote = lines[line][column:column + 1] or '"'
    text = lines[line].rstrip()
    field = _field(text)
    fixed = text.strip() + quote
    if field is not None and not field[2]:
        fixed = f"{field[0]}: {field[1]}{quote}"
    return "unclosed-quote", {"quote": quote, "column": column + 1,
                              "fix": shorten(fixed, 120)}, (line, column)


def _escape(lines: _Lines, line: int, column: int) -> Case:
    text = lines[line]
    sequence = text[column:column + 2]
    field = _field(text)
    fix = ""
    if field is not None and field[1].startswith('"') and field[1].endswith('"') \
            and '\\"' not in field[1]:
        raw = field[1][1:-1]
        fix = f"{field[0]}: '{raw.replace(chr(39), chr(39) * 2)}'"
    return "escape", {"sequence": shorten(sequence, 10),
                      "fix": shorten(fix, 120) if fix else "'…'"}, (line, column)


def _flow(lines: _Lines, context: str, start: Any, line: int, column: int) -> Case:
    opener = "[" if "sequence" in context else "{"
    closer = "]" if opener == "[" else "}"
    params = {"opener": opener, "closer": closer}
    if start is not None and start.line != line:
        text = _COMMENT.sub("", lines[start.line]).rstrip()
        return "unclosed-bracket", {**params, "column": start.column + 1,
                                    "fix": shorten(text.strip() + closer, 120)}, (
            start.line, start.column)
    char = lines[line][column:column + 1] or "…"
    return "flow-item", {**params, "char": char}, (line, column)


def _reserved(lines: _Lines, line: int, column: int, kind: str) -> Case:
    text = lines[line]
    char = text[column:column + 1] or "?"
    field = _field(text)
    if field is not None and text.find(field[1]) == column and field[1]:
        fix = _fix(field[0], field[1], field[2])
    elif text[:column].strip() in ("", "-") and field is None:
        rest = _COMMENT.sub("", text[column:]).rstrip()
        key = re.match(r"([^\[\]{},]*?\S)[ ]*:(?:[ ]+|$)", rest)
        if key is not None:  # a key starting with the character: quote the key
            rest = quoted(key[1]) + rest[len(key[1]):].lstrip()
            fix = (text[:column] + rest).strip()
        else:
            fix = (text[:column] + quoted(rest)).strip() if rest != char else ""
    else:
        fix = ""
    if not fix:
        return "reserved-line", {"char": char}, (line, column)
    return kind, {"char": char, "fix": fix}, (line, column)
