"""Changing one scalar of a clerk's YAML or JSON file in place, keeping everything else."""

from __future__ import annotations

import json
import re
from enum import Enum

from ..base.errors import WorkflowError
from ..documents import yamlsafe
from ..documents.jsonsafe import json_marks
from ..documents.positions import PLAIN, Positions
from ..model import Workflow, names


def set_field(text: str, path: str, value: str, fmt: str = "yaml",
              positions: Positions | None = None) -> str:
    """Replace (or insert) one scalar at ``path`` in YAML or JSON ``text``, keeping
    everything else. ``positions`` is the index of ``text`` from its parse (a loaded
    document's :attr:`~teilhabe_core.documents.loader.Loaded.positions`); without it the
    text is indexed here."""
    if positions is None:
        positions = Positions(json_marks(text) if fmt == "json" else yamlsafe.marks_of(text))
    parent_path, _, key = path.rpartition(".")
    parent = positions.mapping(parent_path)
    if parent is None:
        raise WorkflowError(f"'{parent_path or 'Dokument'}' ist keine Zuordnung.")
    if fmt == "json":
        rendered, name = json.dumps(value, ensure_ascii=False), json.dumps(key)
    else:
        rendered, name = yamlsafe.dump_yaml(value).removesuffix("\n...\n").strip(), key
    for entry in parent.entries:
        if entry.key == key:
            if not entry.value_is_scalar:
                raise WorkflowError(f"'{path}' ist kein einfacher Wert.")
            return text[:entry.value_start] + rendered + text[entry.value_end:]
    if not parent.entries:
        raise WorkflowError(f"'{parent_path or 'Dokument'}' ist leer; '{key}' kann nicht "
                            "eingefügt werden.")
    if parent.flow:  # {id: x, title: y} → {id: x, title: y, status: done}
        end = parent.entries[-1].value_end
        return text[:end] + f", {name}: {rendered}" + text[end:]
    first = parent.entries[0]
    indent = " " * first.key_column
    end = first.value_end
    line_start = text.rfind("\n", 0, end) + 1
    if text[line_start:end].strip():
        # The value ends inside its line: keep the rest (a comment) there, insert below.
        newline = text.find("\n", end)
        if newline < 0:
            return text + f"{_line_break(text)}{indent}{key}: {rendered}"
        line_start = newline + 1
    # (A block value ends where the next key's line starts: insert before that line.)
    return text[:line_start] + f"{indent}{key}: {rendered}{_line_break(text)}" + text[line_start:]


def set_state(text: str, path: str, flow: Workflow, state: str, fmt: str = "yaml") -> str:
    """:func:`set_field` for the state ``state`` of ``flow``, written in the language of the
    file: the German name (``abgeschlossen``) where the value it replaces is written in German
    (``in Umsetzung``, ``In umsetzung``), the id (``done``) otherwise. Where the field is
    missing, the same field of the other objects of its list decides."""
    positions = Positions(json_marks(text) if fmt == "json" else yamlsafe.marks_of(text))
    enum = flow.state_enum()
    member = names.member_of(enum, state) if enum is not None else None
    if member is None or not _german_here(positions, path, type(member)):
        return set_field(text, path, state, fmt, positions)
    return set_field(text, path, names.german(member), fmt, positions)


_ITEM = re.compile(r"(.*)\[\d+\]\.([^.\[]+)")


def _german_here(positions: Positions, path: str, enum: type[Enum]) -> bool:
    """Whether the value at ``path`` (or, missing, its siblings' values) is German."""
    written = _scalar(positions, path)
    match = _ITEM.fullmatch(path)
    if written is None and match is not None:
        index = 0
        while written is None and positions.node(f"{match[1]}[{index}]") is not None:
            written = _scalar(positions, f"{match[1]}[{index}].{match[2]}")
            index += 1
    member = names.member_of(enum, written) if written is not None else None
    return member is not None and names.fold(written or "") != names.fold(str(member.value))


def _scalar(positions: Positions, path: str) -> str | None:
    node = positions.node(path)
    if node is None or positions.marks.kinds[node] > PLAIN:
        return None
    return positions.marks.texts[node]


def _line_break(text: str) -> str:
    """The file's own line break: CRLF if its first line ends so, else LF."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"
