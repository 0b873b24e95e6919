"""Changing one scalar of a clerk's YAML or JSON file in place, keeping everything else."""

from __future__ import annotations

import json

from yaml.nodes import MappingNode, ScalarNode

from ..base.errors import WorkflowError
from ..documents import yamlsafe


def set_field(text: str, path: str, value: str, fmt: str = "yaml") -> str:
    """Replace (or insert) one scalar at ``path`` in YAML or JSON ``text``, keeping
    everything else."""
    root = yamlsafe.compose(text)
    parent_path, _, key = path.rpartition(".")
    _, _, parent = yamlsafe.locate(root, parent_path) if parent_path else (0, 0, root)
    if not isinstance(parent, MappingNode):
        raise WorkflowError(f"'{parent_path or 'Dokument'}' ist keine Zuordnung.")
    if fmt == "json":
        rendered, name = json.dumps(value, ensure_ascii=False), json.dumps(key)
    else:
        rendered, name = yamlsafe.dump_yaml(value).removesuffix("\n...\n").strip(), key
    for key_node, value_node in parent.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            if not isinstance(value_node, ScalarNode):
                raise WorkflowError(f"'{path}' ist kein einfacher Wert.")
            start, end = value_node.start_mark.index, value_node.end_mark.index
            return text[:start] + rendered + text[end:]
    if not parent.value:
        raise WorkflowError(f"'{parent_path or 'Dokument'}' ist leer; '{key}' kann nicht "
                            "eingefügt werden.")
    if parent.flow_style:  # {id: x, title: y} → {id: x, title: y, status: done}
        end = parent.value[-1][1].end_mark.index
        return text[:end] + f", {name}: {rendered}" + text[end:]
    first_key, first_value = parent.value[0]
    indent = " " * first_key.start_mark.column
    end = first_value.end_mark.index
    line_start = text.rfind("\n", 0, end) + 1
    if text[line_start:end].strip():
        # The value ends inside its line: keep the rest (a comment) there, insert below.
        newline = text.find("\n", end)
        if newline < 0:
            return text + f"{_line_break(text)}{indent}{key}: {rendered}"
        line_start = newline + 1
    # (A block value ends where the next key's line starts: insert before that line.)
    return text[:line_start] + f"{indent}{key}: {rendered}{_line_break(text)}" + text[line_start:]


def _line_break(text: str) -> str:
    """The file's own line break: CRLF if its first line ends so, else LF."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"
