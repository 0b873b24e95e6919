"""Scalar values of the hardened YAML parse: YAML 1.1 resolution of plain scalars with
exact decimals, explicit standard tags, and the numbers YAML 1.1 reads from forms other
than plain decimal text (:class:`YamlInt`, :class:`YamlDecimal`, which remember what was
written so the converter can refuse or explain them)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from ..base.i18n import N_, Msg

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted (YAML and JSON)."""

MAX_NUMBER_LENGTH = 100
"""Longest number accepted, in characters (also the largest power of ten). Python itself
refuses to convert integers of more than 4,300 digits; no document needs more than this."""

_STD = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TS = (
    _STD + n for n in ("str", "int", "float", "bool", "null", "timestamp")
)
_ALLOWED_SCALAR_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TS, "!"}
_ALLOWED_COLLECTION_TAGS = {_STD + "map", _STD + "seq", "!"}

_resolver = Resolver()
_constructor = SafeConstructor()
_cache: dict[str, Any] = {}
_MISSING = object()
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_DECIMAL_INT = re.compile(r"[-+]?[0-9]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TAG_EXPECTS = {
    _INT: N_("a whole number like 15"), _FLOAT: N_("a number like 1500.50"),
    _BOOL: N_("true or false"), _NULL: N_("an empty value (null or ~)"),
    _TS: N_("a date like 2019-12-11"),
}


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


_STARTS = frozenset(k for k in _resolver.yaml_implicit_resolvers if k) \
    if None not in _resolver.yaml_implicit_resolvers and not _resolver.yaml_path_resolvers \
    else None
"""First characters of every implicit type but text (``tests/test_pins_yamlsafe.py``)."""


def _plain(value: str) -> Any:
    if _STARTS is not None and value and value[0] not in _STARTS:
        return value  # no implicit type starts so: text (what the resolver would say)
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
                   expected=Msg(_TAG_EXPECTS[tag]))


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


