"""JSON Schema (draft 2020-12) of every document kind, derived from the model.

It matches what the loader accepts: unknown keys are forbidden (``additionalProperties:
false``), required fields are those without a default, enums list their values, dates
are ``YYYY-MM-DD`` text, money and numbers may be written as numbers or numeric text.
Each enum is one definition offering its German names before its ids for completion
(:func:`enum_schema`).
Editors with yaml-language-server use it for completion via the modeline
``# yaml-language-server: $schema=...`` that every shipped YAML file carries.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from ..model import names
from ..model.common import Money
from ..model.goals import Goal
from .kinds import DOCUMENT_KINDS

DATE = r"^\d{4}-\d{1,2}-\d{1,2}$"
NUMBER_TEXT = r"^\s*[-+]?\d+(\.\d+)?\s*$"
MONEY_TEXT = r"^\s*\+?\d{1,15}(\.\d{1,2})?\s*$"


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is dt.date:
        return {"type": "string", "pattern": DATE}
    if tp is dt.datetime:
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"}
    if tp is dt.time:  # 18:00 (the converter also takes it unquoted in YAML 1.1)
        return {"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"}
    if tp is Money:  # non-negative, at most two decimals (the converter's rules)
        return {"anyOf": [{"type": "number", "minimum": 0},
                          {"type": "string", "pattern": MONEY_TEXT}]}
    if tp is Decimal:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_TEXT}]}
    if isinstance(tp, type) and issubclass(tp, Enum):
        defs.setdefault(tp.__name__, enum_schema(tp))
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": {"type": "string"}}
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        inner = [a for a in args if a is not type(None)]
        return {"anyOf": [_type(inner[0], defs), {"type": "null"}]}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _class(tp, defs)
        if tp is Goal:  # a plain text is read as a Leitziel (see converter.goal_from_text)
            return {"anyOf": [{"type": "string"}, {"$ref": f"#/$defs/{name}"}]}
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {tp!r}")


_EDGE = r"[\s_-]*"
_UMLAUT_FORMS = {"ä": "(?:[äÄ]|[aA][eE]?)", "ö": "(?:[öÖ]|[oO][eE]?)",
                 "ü": "(?:[üÜ]|[uU][eE]?)", "ß": "(?:[ßẞ]|[sS][sS])"}


def _loose(name: str) -> str:
    """A pattern for what :func:`~teilhabe_core.model.names.fold` matches with ``name``:
    any case, ``ä`` as ``ä``, ``ae`` or ``a``, blanks, ``_`` and ``-`` alike."""
    out = []
    for word in names.SEPARATORS.split(name.strip()):
        out.append("".join(_UMLAUT_FORMS.get(c.lower()) or (
            f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else re.escape(c))
            for c in word))
    return r"[\s_-]+".join(out)


def enum_schema(cls: type[Enum]) -> dict[str, Any]:
    """The values of ``cls`` for editors: German names first, then the ids, each with a
    description (yaml-language-server shows ``enumDescriptions`` beside its completions);
    a second branch accepts the spellings the loader also accepts (``In umsetzung``)."""
    values: dict[str, str] = {}
    for member in cls:
        for name in names.names(member)[:-1]:
            values.setdefault(name, f"Kennung: {member.value}")
    for member in cls:
        values.setdefault(str(member.value), f"Kennung von: {names.german(member)}")
    every = sorted({names.fold(n): n for m in cls for n in names.names(m)}.values())
    return {
        "description": f"Erlaubt sind: {names.allowed(cls)} (oder die Kennungen "
                       f"{names.allowed_ids(cls)}).",
        "anyOf": [{"enum": list(values), "enumDescriptions": list(values.values())},
                  {"type": "string",
                   "pattern": f"^{_EDGE}(?:{'|'.join(_loose(n) for n in every)}){_EDGE}$"}],
    }


def _class(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {f.name: _type(hints[f.name], defs) for f in fields},
    }
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    required = [f.name for f in fields if f.default is attrs.NOTHING]
    if required:
        schema["required"] = required
    return schema


def document_schema() -> dict[str, Any]:
    """One schema accepting every document kind, selected by its ``document`` field."""
    defs: dict[str, Any] = {}
    branches = []
    for kind, cls in DOCUMENT_KINDS.items():
        body = _class(cls, defs)
        body["properties"] = {"document": {"const": kind}, **body["properties"]}
        body["required"] = ["document", *body.get("required", [])]
        defs[f"{cls.__name__}Document"] = body
        branches.append({"if": {"properties": {"document": {"const": kind}},
                                "required": ["document"]},
                         "then": {"$ref": f"#/$defs/{cls.__name__}Document"}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "teilhabe document",
        "type": "object",
        "required": ["document"],
        "properties": {"document": {"enum": list(DOCUMENT_KINDS)}},
        "allOf": branches,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """The schema as the JSON text that ``teilhabe schema`` writes and the package ships."""
    import json

    return json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"
