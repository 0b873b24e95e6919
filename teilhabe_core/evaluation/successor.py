"""Fortschreibung: derive version N+1 of a plan from version N and its evaluation.

* measures that are done (by the evaluation or the plan) are closed: they stay in
  version N and are not carried over;
* open measures are carried over with their stable ids, their status and progress from
  the evaluation (a measure the plan already records as done or dropped is never
  reopened by an older evaluation), and their history (copied into the successor's
  journal);
* measures named in ``drop`` stay in the successor with status ``dropped`` and the reason,
  so nothing disappears silently; measures the plan had already dropped are kept too;
* ``new_measures`` are added (their ids must not exist in version N);
* the successor is a draft that records its predecessor (``supersedes``) and has no
  adoption yet.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from attrs import evolve, frozen

from ..base.dates import local_date
from ..base.errors import DocumentError
from ..base.i18n import N_, Msg
from ..base.messages import finding, listing
from ..documents.refs import PLAN_MEASURE
from ..model import Evaluation, History, Measure, MeasureStatus, Plan, PlanStatus
from ..store.contract import Store, Stored

FINAL = (MeasureStatus.DONE, MeasureStatus.DROPPED)


@frozen
class Successor:
    """The derived plan and the history its carried-over measures bring along."""

    plan: Plan
    history: History
    closed: tuple[str, ...] = ()
    carried_over: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


def _next_id(plan: Plan) -> str:
    stem = plan.id
    suffix = f"-{plan.version}"
    if stem.endswith(suffix):
        stem = stem[: -len(suffix)]
    return f"{stem}-{plan.version + 1}"


def derive_successor(plan: Plan, evaluation: Evaluation | None = None, *,
                     history: History | None = None,
                     new_measures: Iterable[Measure] = (),
                     drop: Mapping[str, str] | None = None,
                     plan_id: str | None = None, title: str | None = None,
                     history_file: str = "", on: dt.date | None = None) -> Successor:
    """Version ``plan.version + 1`` of ``plan``; see the module docstring for the rules.

    Raises :class:`DocumentError` when the evaluation belongs to another plan, when
    ``drop`` names unknown measures or has an empty reason, or when a new measure reuses
    an id.
    """
    drop = dict(drop or {})
    problems = []
    if evaluation is not None and evaluation.plan != plan.id:
        problems.append(finding("invalid-value", "plan", reason=Msg(N_(
            "the evaluation '{evaluation}' belongs to '{owner}', not to '{plan}'"),
            evaluation=evaluation.id, owner=evaluation.plan, plan=plan.id)))
    ids = {m.id for m in plan.measures}
    for measure_id, reason in sorted(drop.items()):
        if measure_id not in ids:
            problems.append(finding("dangling-reference", f"drop.{measure_id}", ref=measure_id,
                                    what=PLAN_MEASURE,
                                    available=listing(sorted(ids))))
        elif not reason.strip():
            problems.append(finding("dropped-without-reason", f"drop.{measure_id}"))
    new = list(new_measures)
    for i, m in enumerate(new):
        if m.id in ids:
            problems.append(finding("duplicate-id", f"new_measures[{i}].id", id=m.id,
                                    first=Msg(N_("measures (the previous version)"))))
    if problems:
        raise DocumentError(problems)

    entries = {e.measure: e for e in evaluation.entries} if evaluation else {}
    carried: list[Measure] = []
    closed: list[str] = []
    kept: list[str] = []
    dropped: list[str] = []
    for m in plan.measures:
        entry = entries.get(m.id)
        status = entry.status if entry and m.status not in FINAL else m.status
        progress = entry.progress if entry else m.progress
        if m.id in drop:
            carried.append(evolve(m, status=MeasureStatus.DROPPED, dropped_reason=drop[m.id],
                                  progress=progress))
            dropped.append(m.id)
        elif status is MeasureStatus.DONE:
            closed.append(m.id)
        else:
            carried.append(evolve(m, status=status, progress=progress))
            (dropped if status is MeasureStatus.DROPPED else kept).append(m.id)
    successor = evolve(
        plan, id=plan_id or _next_id(plan), version=plan.version + 1, supersedes=plan.id,
        status=PlanStatus.DRAFT, adoption=None, title=title or plan.title,
        period=None, measures=(*carried, *new), publications=(), easy_checked=None)
    refs = {f"measure:{m.id}" for m in carried}
    moved = tuple(e for e in (history.entries if history else ())
                  if e.object in refs and (on is None or local_date(e.at) <= on))
    return Successor(plan=successor, history=History(file=history_file, entries=moved),
                     closed=tuple(closed), carried_over=tuple(kept), dropped=tuple(dropped),
                     added=tuple(m.id for m in new))


def save_successor(successor: Successor, path: str | os.PathLike[str], *,
                   overwrite: bool = False) -> list[Path]:
    """Write the successor plan and, if it carries history, its journal beside it.

    Goes through a :class:`~teilhabe_core.store.files.FileStore` on the file's folder (its
    lock, one commit for both files). Refuses to replace existing files unless
    ``overwrite``. Returns the written paths.
    """
    from ..store.files import FileStore
    from ..store.journal import history_path

    target = Path(path)
    store = FileStore({"": target.parent})
    expected = None
    if overwrite and target.exists():
        expected = store.read_file("", target).revision
    save_successor_to(store, "", successor, target.name, expected)
    entries = successor.history.entries
    return [target, *([history_path(target)] if entries else [])]


def save_successor_to(store: Store, area: str, successor: Successor, name: str,
                      expected: str | None = None) -> Stored:
    """Store the successor plan as document ``name`` of ``area``, with the history its
    carried-over measures bring along, in one write."""
    from ..documents.loader import dumps

    fmt = "json" if name.lower().endswith(".json") else "yaml"
    text = dumps(successor.plan, fmt, modeline=fmt == "yaml")
    entries = successor.history.entries
    return store.write(area, name, text, expected, history=entries if entries else None)
