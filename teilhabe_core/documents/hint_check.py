"""Does advice hold? Load the document with the proposed values before proposing them.

A finding may propose a value (the quoted text of an unquoted ``1.10``, the ISO form of a
German date, ``17`` for ``017``). :func:`judge_for` gives the converter's
:func:`~teilhabe_core.documents.advice.findings_from` a judge that puts every proposed value
into a copy of the data and structures and checks it as the loader would: a value that is
refused there (``id: "1.10"``, article 55, an end before the start) is not proposed. Other
errors of the file that keep it from loading are set aside by leaving out their optional
fields; where that is not enough, the verdict is unknown and the advice stands.
"""

from __future__ import annotations

from typing import Any

from cattrs.errors import BaseValidationError

from ..base.errors import Finding
from .advice import Judge, findings_from
from .checks import check
from .converter import structure
from .positions import split_path

ROUNDS = 4
"""How many times other errors are set aside before the verdict is 'unknown'."""


def judge_for(data: dict[str, Any], cls: type[Any]) -> Judge:
    """A judge for proposals into ``data`` (a document's fields, without ``document:``)."""

    def judge(proposals: dict[str, Any]) -> dict[str, Finding | None]:
        patched = _copy(data)
        for path, value in proposals.items():
            _put(patched, split_path(path), value)
        for _ in range(ROUNDS):
            try:
                document = structure(patched, cls)
            except BaseValidationError as exc:
                problems = findings_from(exc)
                refused = _at_proposals(problems, proposals)
                inside = {a for p in proposals for a in _ancestors(p)}
                others = [f for f in problems if f.path not in inside
                          and not any(a in proposals for a in _ancestors(f.path))]
                if not others or not all(_drop(patched, f, inside) for f in others):
                    return refused
                continue
            verdicts: dict[str, Finding | None] = dict.fromkeys(proposals)
            verdicts.update(_at_proposals([f for f in check(document) if f.is_error],
                                          proposals))
            return verdicts
        return {}

    return judge


def _copy(data: Any) -> Any:
    """``data`` with its mappings and lists copied (scalars are shared: they are never
    changed, and :class:`~teilhabe_core.documents.scalars.YamlInt` cannot be deep-copied)."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _ancestors(path: str) -> list[str]:
    """``path`` and every path above it (``a.b[2].c``, ``a.b[2]``, ``a.b``, ``a``)."""
    out = [path]
    while True:
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return out
        path = path[:cut]
        out.append(path)


def _at_proposals(problems: list[Finding], proposals: dict[str, Any]) -> dict[str, Finding | None]:
    """The first problem at or below each proposal's path (in time linear in both)."""
    found: dict[str, Finding | None] = {}
    for f in problems:
        for above in _ancestors(f.path):
            if above in proposals:
                found.setdefault(above, f)
    return found


def _put(data: Any, parts: list[str | int], value: Any) -> None:
    for part in parts[:-1]:
        data = data[part]
    data[parts[-1]] = value


def _drop(data: dict[str, Any], problem: Finding, inside: set[str]) -> bool:
    """Leave out the field of ``problem`` (the nearest mapping key holding it that holds no
    proposal: ``inside`` are the proposals' paths and the paths above them); ``False`` if
    that cannot be done (a missing field, a top-level list item)."""
    if problem.code == "missing-field":
        return False
    parts = split_path(problem.path)
    while parts and (isinstance(parts[-1], int) or _joined(parts) in inside):
        parts = parts[:-1]
    if not parts:
        return False
    try:
        parent: Any = data
        for part in parts[:-1]:
            parent = parent[part]
        del parent[parts[-1]]
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _joined(parts: list[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
