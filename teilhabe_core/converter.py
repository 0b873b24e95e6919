"""The one cattrs converter: every (un)structuring rule of the library lives here.

cattrs is lenient by default (a list becomes the string ``"['b']"``, ``1.9``
becomes ``1``, the text ``"no"`` becomes ``True``); this converter installs strict
hooks instead:

* ``str`` accepts only text. A YAML 1.1 trap (``no``, ``on``, ``1.10``, ``12:30``,
  ``01234``) arriving in a text field is reported with the advice to quote it.
* ``int`` accepts whole numbers only (not ``True``, not ``1.5``, not ``"3"``).
* ``bool`` accepts only ``true``/``false``.
* Dates are ISO ``YYYY-MM-DD`` text. German ``DD.MM.YYYY`` is **not** accepted, to keep
  one unambiguous form in the files; the message shows the ISO form of what was written.
* :data:`~teilhabe_core.model.Money` is an exact decimal with at most two places,
  from a YAML number, an integer, or text such as ``"15000.00"``.
* Enums are structured by value; the message lists the allowed values.
* Lists must be lists (a single text where a list is expected is an error).
* Unstructuring keeps dates and decimals as objects; the YAML and JSON writers
  format them (ISO dates; decimals as plain YAML numbers and JSON strings).
* Unknown keys are forbidden, with a "did you mean" suggestion.

Failures raise cattrs' validation groups whose leaves are :class:`Invalid`;
:func:`findings_from` turns them into :class:`~teilhabe_core.errors.Finding` with
the field path (``measures[3].status``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .errors import Finding
from .messages import describe, finding
from .model.common import Money

T = TypeVar("T")

_QUOTE_DE = (
    " YAML liest manche Wörter (no, yes, on, off) und Zahlen mit Punkt, Doppelpunkt oder "
    "führender Null nicht als Text. Setzen Sie den Wert in Anführungszeichen."
)
_QUOTE_EN = (
    " YAML reads some words (no, yes, on, off) and numbers with a dot, colon or leading zero "
    "as something other than text. Put the value in quotes."
)


class Invalid(ValueError):
    """A leaf problem found by a structure hook: a catalogue code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


def _type_name(value: object) -> str:
    return describe(value)


def structure_str(value: Any, _: Any = None) -> str:
    if isinstance(value, str):
        return value
    trap = value is not None and not isinstance(value, dict | list)
    raise Invalid("expected-text", found=_type_name(value), quote=_QUOTE_DE if trap else "",
                  quote_en=_QUOTE_EN if trap else "", value=value)


def structure_int(value: Any, _: Any = None) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise Invalid("expected-int", found=_type_name(value), value=value)


def structure_bool(value: Any, _: Any = None) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid("expected-bool", found=_type_name(value), value=value)


def _to_decimal(value: Any, code: str) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise Invalid(code, found=_type_name(value), value=value)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+(\.\d+)?\s*", value):
        result = Decimal(value.strip())
    else:
        raise Invalid(code, found=_type_name(value), value=value)
    if not result.is_finite():
        raise Invalid(code, found=_type_name(value), value=value)
    return result


def structure_decimal(value: Any, _: Any = None) -> Decimal:
    return _to_decimal(value, "expected-number")


MONEY_DIGITS = 15
"""Digits before the decimal point an amount may have (up to 999 Billionen €)."""


def structure_money(value: Any, _: Any = None) -> Money:
    amount = _to_decimal(value, "expected-money")
    _, digits, exponent = amount.as_tuple()
    if isinstance(exponent, int) and exponent < -2 and any(digits[exponent + 2:]):
        raise Invalid("money-precision", found=str(value), value=value)
    if amount.adjusted() >= MONEY_DIGITS:
        raise Invalid("money-too-large", digits=amount.adjusted() + 1, limit=MONEY_DIGITS,
                      value=value)
    return Money(amount.quantize(Decimal("0.01")))


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def structure_date(value: Any, _: Any = None) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _ISO_DATE.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return _make_date(text, year, month, day)
        german = _GERMAN_DATE.fullmatch(text)
        if german:
            day, month, year = (int(g) for g in german.groups())
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            raise Invalid("expected-date", found=f"'{text}'", hint=f" Schreiben Sie {iso}.",
                          hint_en=f" Write {iso}.", value=value)
    raise Invalid("expected-date", found=_type_name(value), hint="", hint_en="", value=value)


def _make_date(text: str, year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise Invalid("invalid-date", found=text, reason=f"einen Monat {month} gibt es nicht")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Invalid("invalid-date", found=text,
                      reason=f"der Monat {month} hat keinen {day}. Tag") from None


def structure_datetime(value: Any, _: Any = None) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise Invalid("expected-datetime", found=_type_name(value), value=value)


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Enum)


def _enum_hook(cls: type[Enum]) -> Callable[[Any, Any], Enum]:
    values = {m.value: m for m in cls}
    allowed = ", ".join(str(v) for v in values)

    def hook(value: Any, _: Any) -> Enum:
        if isinstance(value, str) and value in values:
            return values[value]
        trap = value is not None and not isinstance(value, str | dict | list)
        raise Invalid("enum", found=value if isinstance(value, str) else _type_name(value),
                      allowed=allowed, value=value, trap=trap)

    return hook


def _is_tuple_ellipsis(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_str_dict(t: Any) -> bool:
    return typing.get_origin(t) is dict


def make_converter() -> cattrs.Converter:
    """Build the converter. Use :data:`converter` rather than building your own."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, structure_str)
    conv.register_structure_hook(int, structure_int)
    conv.register_structure_hook(bool, structure_bool)
    conv.register_structure_hook(Decimal, structure_decimal)
    conv.register_structure_hook(Money, structure_money)
    conv.register_structure_hook(dt.date, structure_date)
    conv.register_structure_hook(dt.datetime, structure_datetime)
    conv.register_unstructure_hook(dt.datetime, lambda d: d)
    conv.register_unstructure_hook(dt.date, lambda d: d)
    conv.register_unstructure_hook(Decimal, lambda d: d)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_unstructure_hook_factory(_is_enum, lambda _: lambda e: e.value)

    def tuple_factory(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        elem = typing.get_args(t)[0]

        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise Invalid("expected-list", found=_type_name(value), value=value)
            inner = conv.get_structure_hook(elem)
            out: list[Any] = []
            problems: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    out.append(inner(item, elem))
                except Exception as exc:  # collected with its index
                    exc.__notes__ = [*getattr(exc, "__notes__", []),
                                     IterableValidationNote(f"@ index {index}", index, elem)]
                    problems.append(exc)
            if problems:
                raise IterableValidationError("list", problems, t)
            return tuple(out)

        return hook

    conv.register_structure_hook_factory(_is_tuple_ellipsis, tuple_factory)
    conv.register_unstructure_hook_factory(
        _is_tuple_ellipsis, lambda t: lambda v: [conv.unstructure(i) for i in v]
    )

    def dict_factory(t: Any) -> Callable[[Any, Any], dict[str, Any]]:
        def hook(value: Any, _: Any) -> dict[str, Any]:
            if not isinstance(value, dict):
                raise Invalid("expected-mapping", found=_type_name(value), value=value)
            return {structure_str(k): structure_str(v) for k, v in value.items()}

        return hook

    conv.register_structure_hook_factory(_is_str_dict, dict_factory)

    def attrs_factory(cl: type[Any]) -> Callable[[Any, Any], Any]:
        inner = make_dict_structure_fn(cl, conv, _cattrs_forbid_extra_keys=True,
                                       _cattrs_detailed_validation=True)

        def hook(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise Invalid("expected-mapping", found=_type_name(value), value=value)
            return inner(value, cl)

        return hook

    conv.register_structure_hook_factory(attrs.has, attrs_factory)
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cl: make_dict_unstructure_fn(cl, conv, _cattrs_omit_if_default=True)
    )
    return conv


converter = make_converter()


def structure(data: Any, cls: type[T]) -> T:
    """Structure ``data`` into ``cls``; raises cattrs groups with :class:`Invalid` leaves."""
    return converter.structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Plain data in field order, defaults omitted, dates as ISO text, enums by value."""
    return converter.unstructure(obj)


@cache
def field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(cls))


def findings_from(exc: BaseException, path: str = "") -> list[Finding]:
    """Turn a cattrs validation error into findings with field paths."""
    return list(_walk(exc, path))


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def _walk(exc: BaseException, path: str) -> Iterator[Finding]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            part: str | int = (note.index if isinstance(note, IterableValidationNote)
                               else note.name)
            sub_path = _join(path, part)
            if isinstance(sub, KeyError) and isinstance(note, AttributeValidationNote):
                yield finding("missing-field", sub_path, key=note.name)
            else:
                yield from _walk(sub, sub_path)
        for sub in without:
            yield from _walk(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        allowed = field_names(exc.cl) if exc.cl is not None and attrs.has(exc.cl) else ()
        for key in sorted(exc.extra_fields):
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f" Meinten Sie '{close[0]}'?" if close else ""
            hint_en = f" Did you mean '{close[0]}'?" if close else ""
            yield finding("unknown-field", _join(path, key), key=key, hint=hint, hint_en=hint_en,
                          allowed=", ".join(allowed))
    elif isinstance(exc, Invalid):
        params = {k: v for k, v in exc.params.items() if k not in ("value", "trap")}
        f = finding(exc.code, path, **params)
        if exc.code == "enum" and exc.params.get("trap"):
            f = attrs.evolve(f, message=f.message + _QUOTE_DE, message_en=f.message_en + _QUOTE_EN)
        yield f
    else:
        yield finding("invalid-value", path, reason=str(exc) or type(exc).__name__)
