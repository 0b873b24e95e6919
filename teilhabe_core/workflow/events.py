"""What the workflow engine hands to guards and hooks, and what a transition returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

from ..model import HistoryEntry, RuleContext, Workflow

CLOCK_TOLERANCE = dt.timedelta(minutes=5)
"""How far in the future a transition's ``at`` may lie (clocks of two machines differ)."""

EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
"""No transition of a county's inclusion work happened before this (nor has Berlin time a
whole-minute offset before 1893)."""

Guard = Callable[[Any, "GuardContext"], bool | str | None]


@frozen
class WorkflowSource:
    """A workflow YAML file provided by a plugin (``teilhabe_workflows`` hook)."""

    path: Path


@frozen
class TransitionEvent:
    """What happened (or is about to happen) to one object; passed to the hooks."""

    document: Any
    file: str
    object: str
    area: str | None
    workflow: str
    transition: str
    from_state: str
    to_state: str
    by: str
    at: dt.datetime
    note: str = ""

    @property
    def document_id(self) -> str:
        return str(getattr(self.document, "id", None) or getattr(self.document, "reference", ""))


@frozen
class GuardContext:
    """What a guard may look at: the object, the document, its history and its area."""

    document: Any
    object: Any
    rules: RuleContext
    history: tuple[HistoryEntry, ...]
    event: TransitionEvent


@frozen
class Registered:
    workflow: Workflow
    file: str
    area: str | None


@frozen
class TransitionResult:
    event: TransitionEvent
    warnings: tuple[str, ...] = ()
