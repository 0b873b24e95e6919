"""Finding the object a transition names, and its current state."""

from __future__ import annotations

from typing import Any

from ..base.errors import WorkflowError, WorkflowUsageError
from ..model import HistoryEntry, Workflow
from ..model.workflow import OBJECT_KINDS


def locate_object(document: Any, ref: str) -> tuple[Any, str, str]:
    """``(object, kind, path)`` for a reference like ``plan`` or ``measure:bo-wohnen-1``."""
    kind, _, ident = ref.partition(":")
    if kind not in OBJECT_KINDS:
        raise WorkflowUsageError(f"Unbekannte Objektart '{kind}'. Erlaubt: "
                                 f"{', '.join(OBJECT_KINDS)}.")
    cls = OBJECT_KINDS[kind][0]
    if not ident:
        if not isinstance(document, cls):
            raise WorkflowUsageError(f"Das Dokument ist kein {kind}.")
        return document, kind, ""
    container = {"measure": "measures", "barrier": "barriers"}.get(kind)
    items = getattr(document, container, None) if container else None
    if items is None:
        raise WorkflowUsageError(f"Das Dokument enthält keine Objekte der Art '{kind}'.")
    for index, item in enumerate(items):
        if item.id == ident:
            return item, kind, f"{container}[{index}]"
    known = ", ".join(item.id for item in items) or "(keine)"
    raise WorkflowUsageError(f"'{ident}' gibt es nicht. Vorhanden: {known}.")


def state_of(workflow: Workflow, obj: Any, ref: str, history: tuple[HistoryEntry, ...]) -> str:
    """The current state: the mirrored field, or the last history entry, or the initial."""
    if workflow.field:
        if not hasattr(obj, workflow.field):
            raise WorkflowError(f"Der Ablauf '{workflow.id}' spiegelt seinen Zustand in das Feld "
                                f"'{workflow.field}', das '{ref}' nicht hat.")
        value = getattr(obj, workflow.field)
        return str(getattr(value, "value", value))
    for entry in reversed(history):
        if entry.object == ref and entry.workflow == workflow.id:
            return entry.to_state
    return workflow.initial


def replay(flow: Workflow, entries: list[HistoryEntry] | tuple[HistoryEntry, ...],
           ref: str) -> str:
    """The state that the journal's entries for ``ref`` lead to."""
    state = flow.initial
    for entry in entries:
        if entry.object == ref and entry.workflow == flow.id:
            state = entry.to_state
    return state


