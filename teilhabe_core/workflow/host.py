"""What the workflow engine needs from the plugin host, as a protocol (no upward import)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from ..model import RuleContext


class WorkflowHost(Protocol):
    """Implemented by :class:`teilhabe_core.app.Teilhabe` (and by test doubles)."""

    def per_plugin(self, hook: str) -> list[tuple[str, Any]]:
        """Results of ``hook``, one per implementing plugin, as ``(plugin, result)``."""

    def areas_of_plugin(self, plugin: str) -> set[str]:
        """The area ids a plugin is limited to (empty: all areas)."""

    def hook_caller(self, hook: str, area_id: str | None) -> Callable[..., list[Any]]:
        """A caller for ``hook`` without the plugins of other areas."""

    def context_for(self, document: Any) -> RuleContext:
        """The rule context (area and its documents) for ``document``."""
