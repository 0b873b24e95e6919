"""Deterministic YAML and JSON text from plain data (insertion key order, Unicode,
block style, decimals exact)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import yaml

from .scalars import _FLOAT, _STR


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
