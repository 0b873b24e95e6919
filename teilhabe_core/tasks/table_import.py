"""The measure table import (CSV/XLSX) through the workflow (issue 18, point 4).

An importer gives the plan as the table has it. Its status changes are not written
directly: the plan is written with every measure in the state it had (a new measure in
the workflow's initial state) and each change is a workflow transition with its history
entry (guards and required inputs apply), all in one write, or nothing at all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from attrs import evolve

from ..app import Teilhabe
from ..base.dates import now
from ..base.errors import DocumentError, Finding
from ..base.i18n import N_, Msg
from ..base.messages import finding
from ..documents.kinds import area_of
from ..documents.loader import dumps, format_of, load_text
from ..evaluation.round import path_between, state_labels
from ..model import History, MeasureStatus, Plan
from ..store.contract import Stored, changed_since, key_of
from ..store.files import FileStore
from ..workflow.batch import BatchRefused, Step, apply_batch, plan_batch

ACTOR = "Tabellenimport"


def _base_and_steps(app: Teilhabe, target: Plan, plan: Plan, table: str,
                    at: dt.datetime) -> tuple[Plan, list[Step], list[Finding]]:
    """``plan`` with the states of ``target`` (new measures: the initial state) and the
    transitions to the states the table asks for."""
    flow = app.workflows().default_for("measure", plan.county)
    before = {m.id: m.status for m in target.measures}
    labels = state_labels(flow)
    measures = []
    steps: list[Step] = []
    problems: list[Finding] = []
    try:
        initial = MeasureStatus(flow.initial)
    except ValueError:  # an area workflow with states of its own
        initial = MeasureStatus.PLANNED
    for measure in plan.measures:
        start = before.get(measure.id, initial)
        measures.append(evolve(measure, status=start))
        names = path_between(flow, start.value, measure.status.value)
        if names is None:
            problems.append(finding("import-transition", f"{measure.id} (Status)",
                                    old=labels.get(start.value),
                                    new=labels.get(measure.status.value)).at(table, 1, 1))
            continue
        note = measure.dropped_reason or f"Import aus {Path(table).name}"
        steps.extend(Step(f"measure:{measure.id}", name, measure.id, by=ACTOR, note=note,
                          at=at) for name in names)
    return evolve(plan, measures=tuple(measures)), steps, problems


def _refused(exc: BatchRefused, table: str) -> DocumentError:
    return DocumentError([finding("import-transition", f"{r.tag} (Status)",
                                  msg=Msg(N_("{reason} Nothing was written."), reason=r.reason))
                          .at(table, 1, 1) for r in exc.refusals], table)


def import_into_store(app: Teilhabe, stored: Stored, plan: Plan, table: str) -> Stored:
    """Write the imported ``plan`` over ``stored`` (the plan the table was read into)."""
    assert app.store is not None and isinstance(stored.document, Plan)
    base, steps, problems = _base_and_steps(app, stored.document, plan, table, now())
    if problems:
        raise DocumentError(problems, table)
    fmt = format_of(stored.name)

    def text(current: Stored) -> str:
        if current.revision != stored.revision:
            raise changed_since(current.where)
        return dumps(base, fmt, fmt == "yaml")

    try:
        return apply_batch(app.workflows(), app.store, stored.key, steps, text=text,
                           retries=0).stored
    except BatchRefused as exc:
        raise _refused(exc, table) from None


def import_to_file(app: Teilhabe, target: Plan, plan: Plan, table: str,
                   out: str | Path) -> Path:
    """Write the imported ``plan`` as the new file ``out`` with its journal (the status
    changes against ``target``, the plan the table was read into)."""
    path = Path(out)
    area = area_of(plan) or ""
    store = FileStore({area: path.parent})
    fmt = format_of(str(path))
    base, steps, problems = _base_and_steps(app, target, plan, table, now())
    if problems:
        raise DocumentError(problems, table)
    existing = store.read_file(area, path) if path.is_file() else None
    text = dumps(base, fmt, fmt == "yaml")
    history = existing.history if existing else History(file=path.name)
    view = Stored(key_of(area, path.name, base), path.name, "", text, base, history,
                  str(path))
    view, entries, _, refusals = plan_batch(app.workflows(), view, steps)
    if refusals:
        raise _refused(BatchRefused(refusals), table)
    load_text(view.text, str(path), fmt)
    store.write(area, path.name, view.text, existing.revision if existing else None,
                history=view.history.entries if entries or existing else None)
    return path
