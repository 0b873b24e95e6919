"""Declarative workflow definitions, written in YAML by plugins."""

from __future__ import annotations

from typing import Any

from attrs import frozen

from .enums import BarrierStatus, MeasureStatus, PaperStatus, PlanStatus
from .funding import FundingCall
from .paper import CouncilPaper
from .plan import Barrier, Measure, Plan


@frozen
class StateDef:
    id: str
    label: str = ""
    final: bool = False


@frozen
class TransitionDef:
    """A named step from one of ``sources`` to ``target``.

    ``guards`` name guard functions registered through the ``teilhabe_guards`` hook;
    ``requires`` lists inputs that must be given: ``by`` (who), ``note`` (why), ``at`` (when).
    """

    name: str
    sources: tuple[str, ...]
    target: str
    label: str = ""
    guards: tuple[str, ...] = ()
    requires: tuple[str, ...] = ("by",)


@frozen
class Workflow:
    """States and transitions of one kind of object.

    ``applies_to`` is the object kind: ``plan``, ``measure``, ``barrier``, ``paper`` or
    ``call``. With ``field`` set (e.g. ``status``), the state is also written into that
    field of the object in the document; without it, the state lives only in the history.
    """

    id: str
    applies_to: str
    initial: str
    states: tuple[StateDef, ...]
    transitions: tuple[TransitionDef, ...]
    name: str = ""
    field: str | None = None
    description: str = ""

    def state_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.states)

    def allowed(self, state: str) -> tuple[TransitionDef, ...]:
        return tuple(t for t in self.transitions if state in t.sources)


OBJECT_KINDS: dict[str, tuple[type[Any], Any]] = {
    "plan": (Plan, PlanStatus),
    "measure": (Measure, MeasureStatus),
    "barrier": (Barrier, BarrierStatus),
    "paper": (CouncilPaper, PaperStatus),
    "call": (FundingCall, None),
}
"""Object kinds a workflow can apply to, with their model class and state enum."""

INPUTS = ("by", "note", "at")
"""Inputs a transition may require: who, why, when."""
