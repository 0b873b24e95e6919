"""Id and reference checks shared by :mod:`.checks` and :mod:`.domain_checks`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..base.errors import Finding
from ..base.i18n import N_, Msg
from ..base.messages import finding, listing

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def ids(items: Iterable[Any], path: str, attr: str = "id") -> Iterator[Finding]:
    """Every id well-formed and used once."""
    seen: dict[str, int] = {}  # id → index of its first use
    for index, item in enumerate(items):
        value = getattr(item, attr)
        if not ID.fullmatch(value):
            yield finding("bad-id", f"{path}[{index}].{attr}", id=value)
        first = seen.setdefault(value, index)
        if first != index:
            yield finding("duplicate-id", f"{path}[{index}].{attr}", id=value,
                          first=f"{path}[{first}].{attr}")


# What a reference points to, as the object of "refers to …" (German accusative).
LIFE_AREA = Msg(N_("a life area"))
INDICATOR = Msg(N_("an indicator"))
MEASURE = Msg(N_("a measure"))
GOAL = Msg(N_("a goal"))
STATE = Msg(N_("a state"))
OFFICE = Msg(N_("an office"))
BODY = Msg(N_("a body"))
EVENT = Msg(N_("an event"))
PAPER = Msg(N_("a council paper"))
PARTICIPATION_STEP = Msg(N_("a participation step"))
FUNDING_PROGRAMME = Msg(N_("a funding programme"))
PLAN = Msg(N_("a plan"))
PLAN_MEASURE = Msg(N_("a measure of the plan"))
GUARD = Msg(N_("a registered guard"))


def ref(ref: str, known: Iterable[str], path: str, what: Msg) -> Iterator[Finding]:
    """``ref`` is one of ``known``; ``what`` is one of the constants above."""
    names = known if isinstance(known, set | frozenset) else set(known)
    if ref not in names:
        yield finding("dangling-reference", path, ref=ref, what=what,
                      available=listing(sorted(names)))
