"""Structuring the common case fast: data that is valid, without error paths.

:class:`FastStructurer` makes one plain function per attrs class (generated once, on
first use) that builds the model object from valid data with the converter's own leaf
hooks (text, numbers, dates, enums, amounts) and nothing else: no error collection, no
field paths. At anything it does not expect (a wrong type, an unknown or missing key, a
hook's refusal) it raises, and :func:`~teilhabe_core.documents.converter.structure` runs
the detailed conversion instead, which finds every error with its path. So a valid
document gives the object the detailed conversion would give (the same leaf hooks, the
same defaults), and an invalid one gets exactly the detailed conversion's errors
(``tests/test_fast_structure.py`` checks both on generated documents).

Two shortcuts, each exact: a value whose type is exactly ``str``, ``int`` or ``bool``
in a field of that type is taken as it is (what the converter's hook returns for it), and
leaf results for text input (dates, enums, amounts: immutable values that depend on the
text alone) are remembered per text, so a plan with 6,000 measures reads its few distinct
dates and status names once.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

Hook = Callable[[Any, Any], Any]
"""A structure hook: ``hook(value, type)`` (the converter's signature)."""

MEMO_LIMIT = 4096
"""Most texts remembered per leaf type (a long-running process reads many documents)."""

AS_IS = (str, int, bool)
"""Types whose converter hook returns a value of exactly that type unchanged."""


def text_form(read_text: Callable[[str], Any], as_class: Hook) -> Hook:
    """The hook of a class that may also be written as plain text: ``read_text`` for a
    text, ``as_class`` for anything else (the converter and the fast path both use it)."""
    return lambda value, t: read_text(value) if isinstance(value, str) else as_class(value, t)


class Miss(Exception):
    """The fast path does not take this value; the detailed conversion will."""


def _optional(t: Any) -> Any:
    """``X`` for ``X | None``, else ``None``."""
    args = typing.get_args(t)
    if (typing.get_origin(t) in (typing.Union, types.UnionType) and len(args) == 2
            and type(None) in args):
        return next(a for a in args if a is not type(None))
    return None


def _elements(t: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else ``None``."""
    args = typing.get_args(t)
    if typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _memo(hook: Hook, known: dict[str, Any]) -> Hook:
    """``hook`` remembering its results for text values in ``known`` (refusals are not
    remembered)."""

    def remembered(value: Any, t: Any) -> Any:
        if type(value) is not str:
            return hook(value, t)
        result = known.get(value, known)
        if result is known:
            result = hook(value, t)
            if len(known) < MEMO_LIMIT:
                known[value] = result
        return result

    return remembered


class FastStructurer:
    """Fast functions for the types of one converter.

    ``text_forms`` are attrs classes that may also be written as plain text, with the
    function that reads that text (the converter registers the same).
    """

    def __init__(self, conv: cattrs.Converter,
                 text_forms: dict[type[Any], Callable[[str], Any]]) -> None:
        self._conv = conv
        self._text_forms = text_forms
        self._hooks: dict[Any, Hook] = {}
        self._known: dict[Any, dict[str, Any]] = {}  # type → its remembered results

    def structure(self, data: Any, t: Any) -> Any:
        """The object the converter makes of ``data``; raises (anything) where it may not."""
        return self.hook(t)(data, t)

    def hook(self, t: Any) -> Hook:
        """The fast hook of type ``t`` (made on first use)."""
        hook = self._hooks.get(t)
        if hook is None:
            hook = self._hooks[t] = self._make(t)
        return hook

    def _make(self, t: Any) -> Hook:
        if t in self._text_forms:
            return text_form(self._text_forms[t], self._attrs(t))
        if attrs.has(t):
            return self._attrs(t)
        inner_type = _optional(t)
        if inner_type is not None:
            inner = self.hook(inner_type)
            return lambda value, _: None if value is None else inner(value, inner_type)
        elem = _elements(t)
        if elem is not None:
            return self._tuple(elem)
        hook = self._conv.get_structure_hook(t)
        if t in AS_IS or typing.get_origin(t) is not None:
            return hook
        return _memo(hook, self._known.setdefault(t, {}))

    def _tuple(self, elem: Any) -> Hook:
        inner = self.hook(elem)
        as_is = elem if elem in AS_IS else None

        def as_tuple(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise Miss
            if as_is is not None:
                for item in value:
                    if type(item) is not as_is:
                        break
                else:
                    return tuple(value)
            return tuple([inner(item, elem) for item in value])

        return as_tuple

    def _attrs(self, cls: type[Any]) -> Hook:
        """A generated function for ``cls``: only its fields as keys, each value through its
        fast hook (or as it is, see :data:`AS_IS`), the required fields present (else the
        class refuses the call), the defaults left to the class."""
        hints = typing.get_type_hints(cls)
        names: dict[str, Any] = {"cls": cls, "Miss": Miss}
        lines = ["def structure(o, _):",
                 "    if not isinstance(o, dict) or not o.keys() <= allowed:",
                 "        raise Miss",
                 "    res = {}"]
        allowed = []
        for i, a in enumerate(attrs.fields(cls)):
            key, arg, tp = a.name, a.alias or a.name, hints[a.name]  # as cattrs: key = name
            allowed.append(key)
            inner = _optional(tp)
            none = "" if inner is None else "None if v is None else "
            tp = tp if inner is None else inner
            names[f"t{i}"], names[f"h{i}"] = tp, self.hook(tp)
            indent = "    "
            if a.default is not attrs.NOTHING:
                lines.append(f"    if {key!r} in o:")
                indent = "        "
            lines.append(f"{indent}v = o[{key!r}]")
            call = f"h{i}(v, t{i})"
            if tp in AS_IS:
                call = f"v if type(v) is t{i} else {call}"
            elif tp in self._known:  # a remembered result without calling the hook
                names[f"k{i}"] = self._known[tp]
                call = f"k{i}[v] if type(v) is str and v in k{i} else {call}"
            lines.append(f"{indent}res[{arg!r}] = {none}{call}")
        lines.append("    return cls(**res)")
        names["allowed"] = frozenset(allowed)
        exec("\n".join(lines), names)  # noqa: S102 - code made here from the field names
        generated: Hook = names["structure"]
        return generated


def model_depth(t: Any, _open: tuple[Any, ...] = ()) -> int:
    """How many levels of mappings and lists data that structures into ``t`` can have at
    most (an attrs class is a mapping, a tuple or dict field one level more; the leaf hooks
    refuse mappings and lists). Raises ``ValueError`` for a recursive type."""
    if t in _open:
        raise ValueError(f"{t} is recursive: its data has no depth bound")
    inner = _optional(t)
    if inner is not None:
        return model_depth(inner, _open)
    if attrs.has(t):
        hints = typing.get_type_hints(t)
        return 1 + max((model_depth(hints[a.name], (*_open, t)) for a in attrs.fields(t)),
                       default=0)
    if typing.get_origin(t) in (tuple, dict):
        return 1 + max(model_depth(a, _open) for a in typing.get_args(t) if a is not Ellipsis)
    return 0
