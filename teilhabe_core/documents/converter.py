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
* Enums are structured from their id or their German name (``in_progress``, ``in Umsetzung``,
  ``In umsetzung``: :mod:`teilhabe_core.model.names`); the message lists the German names
  (the English message the ids). Unstructuring writes the id.
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
import re
import typing
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ..base.i18n import N_, Msg
from ..base.messages import describe
from ..model import names
from ..model.common import Money
from ..model.goals import Goal, GoalLevel
from .advice import QUOTE, Invalid, field_names, findings_from
from .fast import FastStructurer, text_form
from .yamlsafe import MAX_NUMBER_LENGTH, YamlDecimal, YamlInt, shorten

__all__ = ["Invalid", "converter", "field_names", "findings_from", "goal_from_text",
           "make_converter", "structure", "structure_detailed", "structure_fast",
           "unstructure"]

T = TypeVar("T")


def _type_name(value: object) -> Msg:
    return describe(value)


def structure_str(value: Any, _: Any = None) -> str:
    if isinstance(value, str):
        return value
    trap = value is not None and not isinstance(value, dict | list)
    raise Invalid("expected-text", found=_type_name(value), quote=QUOTE if trap else "",
                  value=value)


def structure_int(value: Any, _: Any = None) -> int:
    if isinstance(value, YamlInt):
        raise _form(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise Invalid("expected-int", found=_type_name(value), value=value)


def structure_bool(value: Any, _: Any = None) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid("expected-bool", found=_type_name(value), value=value)


_FORMS: tuple[tuple[str, str], ...] = (
    # (pattern of the text without sign, why)
    (r".*:.*", N_("colons make a base-60 number as in times")),
    (r"0x.*", N_("0x starts a hexadecimal number")),
    (r"0b.*", N_("0b starts a binary number")),
    (r"\.(inf|nan)", N_("that means infinity or not a number")),
    (r".*_.*", N_("underscores are skipped")),
    (r"0[0-7]+", N_("a leading zero makes an octal number")),
    (r".*e.*", N_("e starts an exponent")),
)


def _form(value: YamlInt | YamlDecimal) -> Invalid:
    """The finding for a number in one of YAML 1.1's special forms, proposing the plain
    form of what was probably meant (``017`` → 17, ``1_000`` → 1000, ``.5`` → 0.5)."""
    bare = value.text.lstrip("+-").lower()
    why = next((text for pattern, text in _FORMS if re.fullmatch(pattern, bare)),
               N_("written like this it is easily misread"))
    meant = _meant(value)
    proposal = {} if meant is None else {
        "suggest": meant, "example": Msg(N_(", here probably {meant}"), meant=meant)}
    return Invalid("number-form", found=value.text, read=str(value), why=Msg(why),
                   value=value, **{"example": "", **proposal})


def _meant(value: YamlInt | YamlDecimal) -> int | Decimal | None:
    """The number ``value``'s text probably means: its digits read as decimal (``017`` is
    17, not octal 15), otherwise what YAML read; ``None`` for base 60, infinity and NaN."""
    if ":" in value.text or (isinstance(value, Decimal) and not value.is_finite()):
        return None
    if re.fullmatch(r"[-+]?0[0-7]+", value.text):
        return int(value.text, 10)
    if isinstance(value, YamlInt):
        return int(value)
    return Decimal(format(Decimal(value), "f"))


_NUMBER_TEXT = re.compile(r"\s*[-+]?\d+(\.\d+)?\s*")


def _to_decimal(value: Any, code: str, **extra: Any) -> Decimal:
    if isinstance(value, YamlInt | YamlDecimal):
        raise _form(value)
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
    return _to_decimal(value, "expected-number")


MONEY_DIGITS = 15
"""Most digits of a Money amount before the point (below a thousand trillion EUR)."""

_GERMAN_MONEY = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?")


_NO_HINT: dict[str, Any] = {"hint": ""}


def _money_hint(text: str) -> dict[str, Any]:
    """Advice for an amount written the German way (``1.500,50``, ``1500,50 €``), if its
    plain form is a valid amount."""
    match = _GERMAN_MONEY.fullmatch(re.sub(r"\s*(€|EUR|Euro)$", "", text.strip()))
    if match is None:
        return _NO_HINT
    digits = match.group(1).replace(".", "")
    if len(digits.lstrip("0")) > MONEY_DIGITS:
        return _NO_HINT  # too large in any form
    # 0.000.000: "0", not "0000000" (a leading zero makes YAML read an octal-looking form)
    plain = str(int(digits)) + (f".{match.group(2)}" if match.group(2) else "")
    return {"hint": Msg(N_(" Write the amount without thousands separators, comma or "
                           "currency: {plain}"), plain=plain), "suggest": plain}


def _thousands_hint(found: str) -> dict[str, Any]:
    """``12.500``: twelve thousand five hundred, or 12,50 EUR? Ask instead of guessing."""
    match = re.fullmatch(r"(\d{1,3})\.(\d{3})", found)
    if match is None:
        return _NO_HINT
    whole = str(int("".join(match.groups())))  # 0.000: "0", not "0000" (an octal-looking form)
    cents = f"{match.group(1)}.{match.group(2)[:2]}"
    return {"hint": Msg(N_(" For {whole} euros write {whole}; for {cents} euros write "
                           "{cents}."), whole=whole, cents=cents)}


def structure_money(value: Any, _: Any = None) -> Money:
    # the hint is for text that is no plain number (only such text is refused with it)
    hint = _money_hint(value) if isinstance(value, str) and not _NUMBER_TEXT.fullmatch(value) \
        else _NO_HINT
    amount = _to_decimal(value, "expected-money", **hint)
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
            _make_date(text, year, month, day)  # 31.02.2024 is no date in any form
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            raise Invalid("expected-date", found=f"'{text}'",
                          hint=Msg(N_(" Write {iso}."), iso=iso), value=value, suggest=iso)
    raise Invalid("expected-date", found=_type_name(value), hint="", value=value)


def _make_date(text: str, year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise Invalid("invalid-date", found=text,
                      reason=Msg(N_("there is no month {month}"), month=month))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Invalid("invalid-date", found=text,
                      reason=Msg(N_("month {month} has no day {day}"), month=month,
                                 day=day)) from None


def structure_datetime(value: Any, _: Any = None) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise Invalid("expected-datetime", found=_type_name(value), value=value)


_TIME = re.compile(r"(\d{1,2}):(\d{2})")


def structure_time(value: Any, _: Any = None) -> dt.time:
    """A time of day as ``18:00``; unquoted YAML reads that as a base-60 number, whose
    text is taken as written."""
    if isinstance(value, dt.time):
        return value
    text = value.text if isinstance(value, YamlInt) else value
    if isinstance(text, str):
        match = _TIME.fullmatch(text.strip())
        if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
            return dt.time(int(match.group(1)), int(match.group(2)))
    raise Invalid("expected-time", found=_type_name(value) if not isinstance(text, str)
                  else f"'{text}'", value=value)


_GOAL_ID = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def goal_from_text(text: str) -> Goal:
    """A goal written as plain text (the older form of an area's ``goals``): a Leitziel
    whose id is made from its words."""
    ident = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_GOAL_ID)).strip("-")[:60]
    return Goal(id=ident.strip("-") or "ziel", name=text, level=GoalLevel.LEITZIEL)


TEXT_FORMS: dict[type[Any], Callable[[str], Any]] = {Goal: goal_from_text}
"""Classes that may also be written as plain text, with the function that reads it."""


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Enum)


def _enum_hook(cls: type[Enum]) -> Callable[[Any, Any], Enum]:
    allowed, allowed_en = names.allowed(cls), names.allowed_ids(cls)

    def hook(value: Any, _: Any) -> Enum:
        if isinstance(value, str):
            member = names.member_of(cls, value)
            if member is not None:
                return member
        trap = value is not None and not isinstance(value, str | dict | list)
        raise Invalid("enum", found=value if isinstance(value, str) else _type_name(value),
                      allowed=allowed, allowed_en=allowed_en, value=value, trap=trap,
                      choices=cls)

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
    conv.register_structure_hook(dt.time, structure_time)
    conv.register_unstructure_hook(dt.time, lambda t: f"{t:%H:%M}")
    conv.register_unstructure_hook(dt.datetime, lambda d: d)
    conv.register_unstructure_hook(dt.date, lambda d: d)
    conv.register_unstructure_hook(Decimal, lambda d: d)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_unstructure_hook_factory(_is_enum, lambda _: lambda e: e.value)

    def tuple_factory(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        elem = typing.get_args(t)[0]

        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                empty = {} if value is not None else {
                    "suggest": [], "hint": Msg(N_(" For an empty list write []."))}
                raise Invalid("expected-list", found=_type_name(value), value=value,
                              **{"hint": "", **empty})
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
    for cls, read_text in TEXT_FORMS.items():
        conv.register_structure_hook(cls, text_form(read_text, attrs_factory(cls)))
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cl: make_dict_unstructure_fn(cl, conv, _cattrs_omit_if_default=True)
    )
    return conv


converter = make_converter()
fast = FastStructurer(converter, TEXT_FORMS)


def structure(data: Any, cls: type[T]) -> T:
    """Structure ``data`` into ``cls``; raises cattrs groups with :class:`Invalid` leaves.

    Valid data takes the fast path (:mod:`~teilhabe_core.documents.fast`); where that
    refuses, the detailed conversion runs and finds every error with its path."""
    try:
        return structure_fast(data, cls)
    except Exception:  # any refusal: the detailed conversion decides
        return structure_detailed(data, cls)


def structure_fast(data: Any, cls: type[T]) -> T:
    """The fast path alone: the object for valid data; raises (anything) where the detailed
    conversion has to decide."""
    result: T = fast.structure(data, cls)
    return result


def structure_detailed(data: Any, cls: type[T]) -> T:
    """Structure ``data`` into ``cls`` by the detailed conversion alone: every error with
    its path."""
    return converter.structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Plain data in field order, defaults omitted, dates as ISO text, enums by value."""
    return converter.unstructure(obj)
