"""What publishing needs from the plugin host, as a protocol (no upward import)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from ..model import FundingProgramme, GlossaryEntry, Variant
from ..store.area_documents import AreaDocuments
from ..store.areas import AreaSource

if TYPE_CHECKING:
    from .api import Exporter, Output


class Host(Protocol):
    """Implemented by :class:`teilhabe_core.app.Teilhabe`; exporters see it as
    ``context.app``."""

    def area(self, area_id: str) -> AreaSource:
        """The installed area ``area_id``."""

    def documents(self, area_id: str) -> AreaDocuments:
        """Every document of the area."""

    def funding_programmes(self) -> list[FundingProgramme]:
        """Funding programmes of all plugins, sorted by id."""

    def glossary(self, area_id: str | None) -> tuple[GlossaryEntry, ...]:
        """The merged glossary for the area."""

    def exporters(self, document: Any = None) -> list[type[Exporter]]:
        """Exporter classes; with ``document``, those that accept it."""

    def render(self, document: Any, identifier: str, options: dict[str, Any] | None = None,
               variant: Variant | None = None) -> list[Output]:
        """Render ``document`` with exporter ``identifier`` in memory."""
