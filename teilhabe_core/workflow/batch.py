"""Several transitions of one document as one unit: all of them, or none.

Used by status rounds and the table import: every change still goes through the engine
(allowed steps, required inputs, guards, vetoes, history entry per step), but the
document and its history are written once, by :meth:`Store.write` with the revision
that was read. If another writer came first (a :class:`ConflictError`), the batch is
computed again on the new state (``retries`` times), so transitions of other objects
are never lost and a batch never half-applies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from attrs import evolve, frozen

from ..base.errors import ConflictError, WorkflowError, message_of
from ..base.i18n import Msg, _
from ..documents.loader import load_text
from ..model import History, HistoryEntry
from ..store.contract import Key, Store, Stored, fmt_of_name
from .engine import MissingInputs, Workflows
from .events import TransitionEvent


@frozen
class Step:
    """One transition asked for; ``tag`` names where it came from (a table row) and
    groups steps: after a refused step, the later steps of the same tag are skipped."""

    ref: str
    name: str
    tag: str
    by: str = ""
    note: str = ""
    at: dt.datetime | None = None


@frozen
class Refusal:
    """A refused step: why (in both languages where the engine said it with a ``Msg``) and
    which of by/note/at it lacked, if that was the reason."""

    tag: str
    step: Step
    reason: Msg | str
    missing: tuple[str, ...] = ()


class BatchRefused(WorkflowError):
    """At least one step was refused; nothing was written."""

    def __init__(self, refusals: Sequence[Refusal]) -> None:
        self.refusals = tuple(refusals)
        super().__init__("; ".join(f"{r.tag}: {r.reason}" for r in self.refusals))


@frozen
class BatchResult:
    stored: Stored
    entries: tuple[HistoryEntry, ...]
    written: bool
    warnings: tuple[str, ...] = ()


def plan_batch(workflows: Workflows, current: Stored,
               steps: Sequence[Step]) -> tuple[Stored, list[HistoryEntry],
                                                list[TransitionEvent], list[Refusal]]:
    """Run ``steps`` on ``current`` in memory: the resulting view, the history entries
    and events of the steps that passed, and the refusals."""
    view = current
    entries: list[HistoryEntry] = []
    events: list[TransitionEvent] = []
    refusals: list[Refusal] = []
    failed: set[str] = set()
    for step in steps:
        if step.tag in failed:
            continue
        try:
            commit, event = workflows._step(view, step.ref, step.name, by=step.by,
                                            note=step.note, at=step.at, workflow=None)
        except WorkflowError as exc:
            missing = exc.missing if isinstance(exc, MissingInputs) else ()
            refusals.append(Refusal(step.tag, step, message_of(exc), missing))
            failed.add(step.tag)
            continue
        text = commit.text if commit.text is not None else view.text
        document = load_text(text, view.where, fmt_of_name(view.name)).document
        view = evolve(view, text=text, document=document,
                      history=History(file=view.history.file,
                                      entries=(*view.history.entries, commit.entry)))
        entries.append(commit.entry)
        events.append(event)
    return view, entries, events, refusals


def apply_batch(workflows: Workflows, store: Store, key: Key,
                steps: Callable[[Stored], Sequence[Step]] | Sequence[Step], *,
                text: Callable[[Stored], str] | None = None,
                retries: int = 8) -> BatchResult:
    """Apply ``steps`` (or the steps computed from the current document) to document
    ``key`` of ``store`` as one write. ``text`` gives the document's text to start from
    (for an import: the new content with the old states), default the current text.

    Raises :class:`BatchRefused` when a step is refused (nothing written) and
    :class:`ConflictError` when other writers kept coming first.
    """
    for attempt in range(retries + 1):
        current = store.read(key)
        start = current
        if text is not None:
            new_text = text(current)
            start = evolve(current, text=new_text, document=load_text(
                new_text, current.where, fmt_of_name(current.name)).document)
        wanted = steps(start) if callable(steps) else steps
        view, entries, events, refusals = plan_batch(workflows, start, wanted)
        if refusals:
            raise BatchRefused(refusals)
        if not entries and view.text == current.text:
            return BatchResult(current, (), False)
        try:
            saved = store.write(key.area, current.name, view.text, current.revision,
                                history=view.history.entries)
        except ConflictError:
            if attempt == retries:
                raise
            continue
        warnings = []
        for event in events:
            try:
                workflows.app.hook_caller("teilhabe_transition_done", event.area)(event=event)
            except Exception as exc:  # a notification never undoes what was written
                warnings.append(_("Notification failed: {error}", error=exc))
        return BatchResult(saved, tuple(entries), True, tuple(warnings))
    raise AssertionError("unreachable")  # pragma: no cover
