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
* Numbers (``int``, ``Decimal``, Money) must be written plainly: ``1500`` or ``1500.50``.
  The YAML 1.1 forms ``017`` (octal, 15), ``0x1F``, ``0b101``, ``1:30`` (base 60, 90),
  ``1_000``, ``+5``, ``.5``, ``1.5e+3``, ``.inf`` and ``.nan`` are refused with what YAML
  would have read (:class:`~teilhabe_core.documents.yamlsafe.YamlInt`/``YamlDecimal``
  carry the text).
  Booleans are never numbers (``budget_year: true`` is not 1).
* :data:`~teilhabe_core.model.Money` is an exact, non-negative decimal with at most two
  places and at most 15 digits before the point, from a YAML number, an integer, or text
  such as ``"15000.00"``. ``12.500`` is refused, not read as 12,50 EUR: the message asks
  whether 12500 was meant. German forms (``1.500,50``, ``1500,50``) get the plain form.
* Enums are structured by value; the message lists the allowed values.
* Lists must be lists (a single text where a list is expected is an error).
* Unstructuring keeps dates and decimals as objects; the YAML and JSON writers
  format them (ISO dates; decimals as plain YAML numbers and JSON strings).
* Unknown keys are forbidden, with a "did you mean" suggestion.
* Given the literal text of unquoted scalars (``plain``, from
  :class:`~teilhabe_core.documents.yamlsafe.Positions`), :func:`findings_from` advises quoting only
  where that makes the value valid: in text fields, and in enum fields when the quoted
  text is an allowed value. Number fields never get that advice.

Failures raise cattrs' validation groups whose leaves are :class:`Invalid`;
:func:`findings_from` turns them into :class:`~teilhabe_core.base.errors.Finding` with
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
from functools import cache, lru_cache
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

from ..base.errors import Finding
from ..base.messages import describe, finding
from ..model.common import Money
from ..model.goals import Goal, GoalLevel
from .yamlsafe import MAX_NUMBER_LENGTH, YamlDecimal, YamlInt, shorten

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
    if isinstance(value, YamlInt):
        raise _form(value, "15")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise Invalid("expected-int", found=_type_name(value), value=value)


def structure_bool(value: Any, _: Any = None) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid("expected-bool", found=_type_name(value), value=value)


_FORMS: tuple[tuple[str, str, str], ...] = (
    # (pattern of the text without sign, why in German, why in English)
    (r".*:.*", "Doppelpunkte machen eine Zahl zur Basis 60 wie bei Uhrzeiten",
     "colons make a base-60 number as in times"),
    (r"0x.*", "0x leitet eine Hexadezimalzahl ein", "0x starts a hexadecimal number"),
    (r"0b.*", "0b leitet eine Binärzahl ein", "0b starts a binary number"),
    (r"\.(inf|nan)", "das heißt 'unendlich' bzw. 'keine Zahl'",
     "that means infinity or not a number"),
    (r".*_.*", "Unterstriche werden überlesen", "underscores are skipped"),
    (r"0[0-7]+", "eine führende Null macht die Zahl zur Oktalzahl",
     "a leading zero makes an octal number"),
    (r".*e.*", "e leitet einen Exponenten ein", "e starts an exponent"),
)


def _form(value: YamlInt | YamlDecimal, example: str) -> Invalid:
    """The finding for a number in one of YAML 1.1's special forms."""
    bare = value.text.lstrip("+-").lower()
    why, why_en = next(((de, en) for pattern, de, en in _FORMS if re.fullmatch(pattern, bare)),
                       ("so geschrieben ist sie leicht misszuverstehen", "it is easily misread"))
    return Invalid("number-form", found=value.text, read=str(value), why=why, why_en=why_en,
                   example=example, value=value)


_NUMBER_TEXT = re.compile(r"\s*[-+]?\d+(\.\d+)?\s*")


def _to_decimal(value: Any, code: str, example: str, **extra: Any) -> Decimal:
    if isinstance(value, YamlInt | YamlDecimal):
        raise _form(value, example)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        if len(value.strip()) > MAX_NUMBER_LENGTH:
            raise Invalid("number-too-long", value=shorten(value.strip(), 20),
                          limit=MAX_NUMBER_LENGTH)
        result = Decimal(value.strip())
    else:
        raise Invalid(code, found=_type_name(value), value=value, **extra)
    if not result.is_finite():
        raise Invalid(code, found=_type_name(value), value=value, **extra)
    return result


def structure_decimal(value: Any, _: Any = None) -> Decimal:
    return _to_decimal(value, "expected-number", "0.5 oder 12")


MONEY_DIGITS = 15
"""Most digits of a Money amount before the point (below a thousand trillion EUR)."""

_GERMAN_MONEY = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?")


_NO_HINT = {"hint": "", "hint_en": ""}


def _money_hint(text: str) -> dict[str, str]:
    """Advice for an amount written the German way (``1.500,50``, ``1500,50 €``)."""
    match = _GERMAN_MONEY.fullmatch(re.sub(r"\s*(€|EUR|Euro)$", "", text.strip()))
    if match is None:
        return _NO_HINT
    plain = match.group(1).replace(".", "") + (f".{match.group(2)}" if match.group(2) else "")
    return {"hint": f" Schreiben Sie den Betrag ohne Tausenderpunkte, Komma und Währung: {plain}",
            "hint_en": f" Write the amount without thousands separators, comma or currency: "
                       f"{plain}"}


def _thousands_hint(found: str) -> dict[str, str]:
    """``12.500``: twelve thousand five hundred, or 12,50 EUR? Ask instead of guessing."""
    match = re.fullmatch(r"(\d{1,3})\.(\d{3})", found)
    if match is None:
        return _NO_HINT
    whole, cents = "".join(match.groups()), f"{match.group(1)}.{match.group(2)[:2]}"
    return {"hint": f" Sind {whole} Euro gemeint, schreiben Sie {whole}; sind {cents} Euro "
                    f"gemeint, schreiben Sie {cents}.",
            "hint_en": f" For {whole} euros write {whole}; for {cents} euros write {cents}."}


def structure_money(value: Any, _: Any = None) -> Money:
    # the hint is for text that is no plain number (only such text is refused with it)
    hint = _money_hint(value) if isinstance(value, str) and not _NUMBER_TEXT.fullmatch(value) \
        else _NO_HINT
    amount = _to_decimal(value, "expected-money", "1500 oder 1500.50", **hint)
    found = str(value).strip()
    if amount.adjusted() >= MONEY_DIGITS:
        raise Invalid("money-too-large", found=shorten(found, 20), digits=MONEY_DIGITS)
    if amount < 0:
        raise Invalid("money-negative", found=found)
    _, digits, exponent = amount.as_tuple()
    # A third decimal other than 0 is not a cent; 12.500 may mean twelve thousand five
    # hundred (German thousands point), so it is asked about, while 10.990 is 10.99.
    if isinstance(exponent, int) and exponent < -2:
        thousands = _thousands_hint(found)
        if any(digits[exponent + 2:]) or thousands is not _NO_HINT:
            raise Invalid("money-precision", found=found, value=value, **thousands)
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


_GOAL_ID = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def goal_from_text(text: str) -> Goal:
    """A goal written as plain text (the older form of an area's ``goals``): a Leitziel
    whose id is made from its words."""
    ident = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_GOAL_ID)).strip("-")[:60]
    return Goal(id=ident.strip("-") or "ziel", name=text, level=GoalLevel.LEITZIEL)


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
                      allowed=allowed, value=value, trap=trap, choices=values)

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
    goal = attrs_factory(Goal)
    conv.register_structure_hook(Goal, lambda value, _: goal_from_text(value)
                                 if isinstance(value, str) else goal(value, Goal))
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


def findings_from(exc: BaseException, path: str = "",
                  plain: Callable[[str], str | None] | None = None) -> list[Finding]:
    """Turn a cattrs validation error into findings with field paths.

    ``plain(path)`` gives the literal text of an unquoted scalar (see
    :meth:`~teilhabe_core.documents.yamlsafe.Positions.plain`); with it, a value YAML read as a
    boolean or number gets 'Schreiben Sie: "no"' where quoting makes it valid.
    """
    return list(_walk(exc, path, plain or (lambda _: None), [MAX_SUGGESTIONS]))


MAX_SUGGESTIONS = 500
"""Unknown keys per error that get a "Meinten Sie ...?" suggestion (difflib is slow; a file
with thousands of unknown keys is not a typo). Every unknown key is still reported."""


@lru_cache(maxsize=4096)
def _suggest(key: str, allowed: tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def _walk(exc: BaseException, path: str, plain: Callable[[str], str | None],
          budget: list[int]) -> Iterator[Finding]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            part: str | int = (note.index if isinstance(note, IterableValidationNote)
                               else note.name)
            sub_path = _join(path, part)
            if isinstance(sub, KeyError) and isinstance(note, AttributeValidationNote):
                yield finding("missing-field", sub_path, key=note.name)
            else:
                yield from _walk(sub, sub_path, plain, budget)
        for sub in without:
            yield from _walk(sub, path, plain, budget)
    elif isinstance(exc, ForbiddenExtraKeysError):
        allowed = field_names(exc.cl) if exc.cl is not None and attrs.has(exc.cl) else ()
        names = ", ".join(allowed)
        for key in sorted(exc.extra_fields):
            budget[0] -= 1
            close = _suggest(key, allowed) if budget[0] >= 0 else None
            hint = f" Meinten Sie '{close}'?" if close else ""
            hint_en = f" Did you mean '{close}'?" if close else ""
            yield finding("unknown-field", _join(path, key), key=shorten(key, 60), hint=hint,
                          hint_en=hint_en, allowed=names)
    elif isinstance(exc, Invalid):
        yield _advised(exc, path, plain(path) if exc.params.get("quote") or
                       exc.params.get("trap") else None)
    else:
        yield finding("invalid-value", path, reason=str(exc) or type(exc).__name__)


def _advised(exc: Invalid, path: str, written: str | None) -> Finding:
    """The finding of a leaf problem; quoting advice only where quoting makes it valid.

    ``written`` is the literal text of the unquoted scalar YAML read as a boolean or
    number. In a text field, quoting it always helps. In an enum field it helps only if
    the text is an allowed value; otherwise the message names what was written.
    """
    params = {k: v for k, v in exc.params.items() if k not in ("value", "trap", "choices")}
    if exc.code == "enum" and written is not None:
        if written not in exc.params["choices"]:
            return finding("enum", path, **{**params, "found": written})
        f = finding("enum", path, **params)
        return attrs.evolve(f, message=f"{f.message}{_QUOTE_DE} Schreiben Sie: \"{written}\"",
                            message_en=f"{f.message_en}{_QUOTE_EN} Write: \"{written}\"")
    f = finding(exc.code, path, **params)
    if exc.code == "expected-text" and written is not None:
        return attrs.evolve(f, message=f"{f.message} Schreiben Sie: \"{written}\"",
                            message_en=f"{f.message_en} Write: \"{written}\"")
    return f
