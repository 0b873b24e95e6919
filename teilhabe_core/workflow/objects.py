"""Finding the object a transition names, and its current state."""

from __future__ import annotations

from typing import Any

from ..base.errors import WorkflowError, WorkflowUsageError
from ..base.i18n import N_, Msg
from ..base.messages import listing
from ..model import HistoryEntry, Workflow
from ..model.workflow import OBJECT_KINDS


def locate_object(document: Any, ref: str) -> tuple[Any, str, str]:
    """``(object, kind, path)`` for a reference like ``plan`` or ``measure:bo-wohnen-1``."""
    kind, _, ident = ref.partition(":")
    if kind not in OBJECT_KINDS:
        raise WorkflowUsageError(Msg(N_("Unknown kind of object '{kind}'. Allowed: {kinds}."),
                                     kind=kind, kinds=", ".join(OBJECT_KINDS)))
    cls = OBJECT_KINDS[kind][0]
    if not ident:
        if not isinstance(document, cls):
            raise WorkflowUsageError(Msg(N_("The document is not a {kind}."), kind=kind))
        return document, kind, ""
    container = {"measure": "measures", "barrier": "barriers"}.get(kind)
    items = getattr(document, container, None) if container else None
    if items is None:
        raise WorkflowUsageError(Msg(N_("The document holds no objects of the kind '{kind}'."),
                                     kind=kind))
    for index, item in enumerate(items):
        if item.id == ident:
            return item, kind, f"{container}[{index}]"
    raise WorkflowUsageError(Msg(N_("There is no '{id}'. Available: {known}."), id=ident,
                                 known=listing([item.id for item in items])))


def state_of(workflow: Workflow, obj: Any, ref: str, history: tuple[HistoryEntry, ...]) -> str:
    """The current state: the mirrored field, or the last history entry, or the initial."""
    if workflow.field:
        if not hasattr(obj, workflow.field):
            raise WorkflowError(Msg(N_("The workflow '{workflow}' mirrors its state into the "
                                    "field '{field}', which '{object}' does not have."),
                                workflow=workflow.id, field=workflow.field, object=ref))
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


