"""Id and reference checks shared by :mod:`.checks` and :mod:`.domain_checks`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..base.errors import Finding
from ..base.messages import finding

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def ids(items: Iterable[Any], path: str, attr: str = "id") -> Iterator[Finding]:
    """Every id well-formed and used once."""
    seen: dict[str, str] = {}
    for index, item in enumerate(items):
        value = getattr(item, attr)
        here = f"{path}[{index}].{attr}"
        if not ID.fullmatch(value):
            yield finding("bad-id", here, id=value)
        if value in seen:
            yield finding("duplicate-id", here, id=value, first=seen[value])
        else:
            seen[value] = here


def ref(ref: str, known: Iterable[str], path: str, what: str,
        what_en: str) -> Iterator[Finding]:
    """``ref`` is one of ``known``."""
    available = sorted(set(known))
    if ref not in available:
        yield finding("dangling-reference", path, ref=ref, what=what, what_en=what_en,
                      available=", ".join(available) if available else "(keine)")
