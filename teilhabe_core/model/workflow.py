"""Declarative workflow definitions, written in YAML by plugins."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Any, TypeVar

from attrs import frozen

from . import names
from .enums import BarrierStatus, MeasureStatus, PaperStatus, PlanStatus
from .funding import FundingCall
from .paper import CouncilPaper
from .plan import Barrier, Measure, Plan

T = TypeVar("T")


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

    def state_enum(self) -> type[Enum] | None:
        """The enum of the field the state is mirrored into (``None`` without one)."""
        return OBJECT_KINDS.get(self.applies_to, (None, None))[1] if self.field else None

    def state_names(self) -> Iterator[tuple[str, str]]:
        """``(name, state id)``: each state's id and label and, in a workflow mirrored into
        an enum field, the German names of the value (:mod:`.names`)."""
        enum = self.state_enum()
        values = {str(m.value): m for m in enum} if enum is not None else {}
        for state in self.states:
            member = values.get(state.id)
            for name in (state.id, state.label, *(names.names(member) if member else ())):
                if name:
                    yield name, state.id

    def transition_names(self) -> Iterator[tuple[str, TransitionDef]]:
        """``(name, transition)``: each transition's name and its German label."""
        for t in self.transitions:
            yield t.name, t
            if t.label:
                yield t.label, t

    def state_named(self, text: str) -> str | None:
        """The id of the state ``text`` names (id, label or German name; case, blanks and
        umlaut spelling aside), else ``None``."""
        return _first(self.state_names(), text)

    def transition_named(self, text: str) -> TransitionDef | None:
        """The transition ``text`` names (name or German label, matched like
        :meth:`state_named`), else ``None``."""
        return _first(self.transition_names(), text)

    def state_label(self, state: str) -> str:
        """The German name of state ``state``: its label, else the value's German name."""
        found = next((s for s in self.states if s.id == state), None)
        if found is not None and found.label:
            return found.label
        enum = self.state_enum()
        member = next((m for m in enum if m.value == state), None) if enum else None
        return names.german(member) if member is not None else state

    def step_title(self, name: str) -> str:
        """The German name of the transition called ``name`` (its label, else ``name``)."""
        return next((t.label for t in self.transitions if t.name == name and t.label), name)

    def transition_label(self, t: TransitionDef) -> str:
        """How a step is named to a clerk: its label and target (``abschließen (→
        abgeschlossen)``)."""
        return f"{t.label or t.name} (→ {self.state_label(t.target)})"


def _first(pairs: Iterator[tuple[str, T]], text: str) -> T | None:
    key = names.fold(text)
    return next((item for name, item in pairs if key in names.keys(name)), None)


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
