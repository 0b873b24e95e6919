"""From structuring errors to findings, with advice that holds.

The converter's hooks raise :class:`Invalid` leaves inside cattrs' validation groups;
:func:`findings_from` walks them into findings with field paths (``measures[3].status``).
Some leaves come with a value that would be accepted in its place: the quoted text of an
unquoted ``no`` or ``1.10`` in a text field, the ISO form of a German date, the plain form
of ``017`` or ``1.500,50``. Before a finding proposes such a value, a *judge* (from
:mod:`~teilhabe_core.documents.hint_check`) loads the document with it: a value that would
itself be refused (``id: "1.10"`` is no valid id, article 55 does not exist) is never
proposed; the finding says why it would not help instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ..base.errors import Finding
from ..base.i18n import N_, Bilingual, Msg, both
from ..base.messages import MESSAGES, finding
from ..model import names
from .scalars import shorten

QUOTE = Msg(N_(" YAML reads some words (no, yes, on, off) and numbers with a dot, colon or "
               "leading zero as something other than text. Put the value in quotes."))
_WRITE = N_(" Write: \"{written}\"")
_HINTS = ("hint", "hint_en", "quote", "quote_en", "example", "example_en")
"""Parameters of a message that carry the advice; blank where the advice would not hold."""

Judge = Callable[[dict[str, Any]], dict[str, Finding | None]]
"""Given field path → proposed value, the error each would get (``None``: accepted; a path
left out: not known, e.g. because other errors keep the document from loading)."""


class Invalid(ValueError):
    """A leaf problem found by a structure hook: a catalogue code and its parameters.

    ``suggest`` (a parameter) is the value that would be accepted in place of the one given,
    where the hook knows it; ``value`` is what was given.
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


@cache
def field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(cls))


MAX_SUGGESTIONS = 500
"""Unknown keys per error that get a "Meinten Sie ...?" suggestion (difflib is slow; a file
with thousands of unknown keys is not a typo). Every unknown key is still reported."""

_NOTHING = object()


def findings_from(exc: BaseException, path: str = "",
                  plain: Callable[[str], str | None] | None = None,
                  judge: Judge | None = None) -> list[Finding]:
    """Turn a cattrs validation error into findings with field paths.

    ``plain(path)`` gives the literal text of an unquoted scalar (see
    :meth:`~teilhabe_core.documents.positions.Positions.plain`); with it, a value YAML read
    as a boolean or number gets 'Schreiben Sie: "no"' where quoting makes it valid.
    ``judge`` checks every proposed value first; without one, proposals are not checked.
    """
    read = plain or (lambda _: None)
    leaves: list[tuple[Invalid, str, str | None]] = []
    out: list[Finding | int] = []
    for item in _walk(exc, path, [MAX_SUGGESTIONS]):
        if isinstance(item, Finding):
            out.append(item)
        else:
            leaf, where = item
            asks = leaf.params.get("quote") or leaf.params.get("trap")
            out.append(len(leaves))
            leaves.append((leaf, where, read(where) if asks else None))
    proposals = {where: value for leaf, where, written in leaves
                 if (value := _proposal(leaf, written)) is not _NOTHING}
    verdicts = judge(proposals) if judge is not None and proposals else {}
    return [item if isinstance(item, Finding) else _advised(*leaves[item], verdicts)
            for item in out]


def _proposal(leaf: Invalid, written: str | None) -> Any:
    """The value ``leaf``'s finding would propose, or ``_NOTHING``."""
    if "suggest" in leaf.params:
        return leaf.params["suggest"]
    if written is None:
        return _NOTHING
    if leaf.code == "enum":
        return written if names.member_of(leaf.params["choices"], written) else _NOTHING
    return written if leaf.code == "expected-text" else _NOTHING


@lru_cache(maxsize=4096)
def _suggest(key: str, allowed: tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def _walk(exc: BaseException, path: str,
          budget: list[int]) -> Iterator[Finding | tuple[Invalid, str]]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            part: str | int = (note.index if isinstance(note, IterableValidationNote)
                               else note.name)
            sub_path = _join(path, part)
            if isinstance(sub, KeyError) and isinstance(note, AttributeValidationNote):
                yield finding("missing-field", sub_path, key=note.name)
            else:
                yield from _walk(sub, sub_path, budget)
        for sub in without:
            yield from _walk(sub, path, budget)
    elif isinstance(exc, ForbiddenExtraKeysError):
        allowed = field_names(exc.cl) if exc.cl is not None and attrs.has(exc.cl) else ()
        listed = ", ".join(allowed)
        for key in sorted(exc.extra_fields):
            budget[0] -= 1
            close = _suggest(key, allowed) if budget[0] >= 0 else None
            hint = Msg(N_(" Did you mean '{close}'?"), close=close) if close else ""
            yield finding("unknown-field", _join(path, key), key=shorten(key, 60), hint=hint,
                          allowed=listed)
    elif isinstance(exc, Invalid):
        yield exc, path
    else:
        yield finding("invalid-value", path, reason=str(exc) or type(exc).__name__)


def _advised(exc: Invalid, path: str, written: str | None,
             verdicts: dict[str, Finding | None]) -> Finding:
    """The finding of a leaf problem; advice only where following it makes the value valid.

    ``written`` is the literal text of the unquoted scalar YAML read as a boolean or
    number. Quoting it is advised in a text field, and in an enum field where the text
    names a value; an enum field given other text names what was written. A proposal the
    judge refused is not made; the finding says why it would not help.
    """
    template = MESSAGES.get(exc.code, "")
    params = {k: v for k, v in exc.params.items()
              if k not in ("value", "trap", "choices", "suggest") or f"{{{k}}}" in template}
    refusal = verdicts.get(path)
    if exc.code == "enum" and written is not None and refusal is None:
        if names.member_of(exc.params["choices"], written) is None:
            return finding("enum", path, **{**params, "found": written})
        return _with(finding("enum", path, **params), QUOTE, Msg(_WRITE, written=written))
    if refusal is not None:
        if exc.code == "enum" and written is not None:
            params["found"] = written
        shown = f'"{written}"' if written is not None else str(exc.params.get("suggest"))
        blank = {k: "" for k in _HINTS if k in params}
        return _with(finding(exc.code, path, **{**params, **blank}), Msg(
            N_(" {value} would not be accepted here either: {why}"), value=shown,
            why=Bilingual(refusal.message, refusal.message_en)))
    f = finding(exc.code, path, **params)
    if exc.code == "expected-text" and written is not None:
        return _with(f, Msg(_WRITE, written=written))
    return f


def _with(f: Finding, *more: Msg) -> Finding:
    """``f`` with ``more`` appended in each language."""
    texts = [both(m) for m in more]
    return attrs.evolve(f, message=f.message + "".join(de for de, _en in texts),
                        message_en=f.message_en + "".join(en for _de, en in texts))
