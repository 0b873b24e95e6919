"""Layer 4, workflows: declarative states and transitions, guards, history replay.

The engine (:class:`Workflows`) reaches plugins only through :class:`WorkflowHost`.
Imports ``base``, ``model``, ``documents`` and ``store``.
"""

from ..model.workflow import INPUTS, OBJECT_KINDS
from ..store.journal import append_entry, history_path, journal_of
from .engine import Workflows
from .events import (
    CLOCK_TOLERANCE,
    EARLIEST,
    Guard,
    GuardContext,
    TransitionEvent,
    TransitionResult,
    WorkflowSource,
)
from .host import WorkflowHost
from .objects import locate_object, replay, state_of
from .text_edit import set_field

__all__ = [
    "CLOCK_TOLERANCE",
    "EARLIEST",
    "INPUTS",
    "OBJECT_KINDS",
    "Guard",
    "GuardContext",
    "TransitionEvent",
    "TransitionResult",
    "WorkflowHost",
    "WorkflowSource",
    "Workflows",
    "append_entry",
    "history_path",
    "journal_of",
    "locate_object",
    "replay",
    "set_field",
    "state_of",
]
