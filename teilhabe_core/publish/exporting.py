"""Finding exporters and importers, and rendering a document with one of them."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..base.errors import ExportError, ExportUsageError, TeilhabeError, short_error
from ..base.i18n import _
from ..documents.kinds import area_of
from ..model import Variant
from .api import (
    ExportContext,
    Exporter,
    Host,
    Importer,
    Output,
    applies,
    describe,
    parse_options,
    variant_refusal,
    write_outputs,
)

ClassPairs = list[tuple[type[Any], frozenset[str]]]


class Exporting:
    """Exporters and importers of the installed plugins, and rendering with them.

    ``exporters`` and ``importers`` give the classes with the areas each is limited to;
    ``host`` is what exporters see as ``context.app``.
    """

    def __init__(self, host: Host, has_area: Callable[[str], bool],
                 exporters: Callable[[], ClassPairs], importers: Callable[[], ClassPairs],
                 ) -> None:
        self.host = host
        self._has_area = has_area
        self._exporters = exporters
        self._importers = importers

    def exporters(self, document: Any = None) -> list[type[Exporter]]:
        """Exporter classes sorted by identifier; with ``document``, those that accept it."""
        return [cls for cls, areas in self._exporters()
                if document is None or applies(cls, areas, document)]

    def describe_exporters(self) -> list[dict[str, Any]]:
        """Every exporter with its options, as plain data (one call for listings)."""
        return [describe(cls, areas) for cls, areas in self._exporters()]

    def exporter(self, identifier: str) -> type[Exporter]:
        """The exporter class ``identifier``; :class:`ExportError` lists the known ones."""
        classes = [cls for cls, _areas in self._exporters()]
        for cls in classes:
            if cls.identifier == identifier:
                found: type[Exporter] = cls
                return found
        raise ExportUsageError(_("Unknown format '{format}'. Installed: {known}.",
                                 format=identifier,
                                 known=", ".join(cls.identifier for cls in classes)))

    def export_context(self, document: Any, variant: Variant = Variant.LONG) -> ExportContext:
        """The context exporters get for ``document`` (area, its documents, templates)."""
        area_id = area_of(document)
        if area_id is None or not self._has_area(area_id):
            return ExportContext(app=self.host, variant=variant)
        source = self.host.area(area_id)
        templates = (source.templates_dir,) if source.templates_dir else ()
        return ExportContext(app=self.host, area=source.area,
                             documents=self.host.documents(area_id), variant=variant,
                             templates_dirs=templates)

    def render(self, document: Any, identifier: str, options: dict[str, Any] | None = None,
               variant: Variant | None = None) -> list[Output]:
        """Render ``document`` with exporter ``identifier`` in memory."""
        cls = self.exporter(identifier)
        areas = dict(self._exporters())[cls]
        if not applies(cls, areas, document):
            accepted = ", ".join(c.__name__ for c in cls.accepts)
            only = _("; only for {areas}", areas=", ".join(sorted(areas))) if areas else ""
            raise ExportUsageError(_("The format '{format}' does not fit this document "
                                     "(expected: {kinds}{only}).", format=identifier,
                                     kinds=accepted, only=only))
        if variant is not None and variant not in cls.variants:
            raise ExportUsageError(variant_refusal(cls, variant))
        exporter = cls(parse_options(cls, options or {}))
        chosen = variant or (cls.variants[0] if cls.variants else Variant.LONG)
        try:
            return list(exporter.render(document, self.export_context(document, chosen)))
        except TeilhabeError:
            raise
        except Exception as exc:
            raise ExportError(_("The format '{format}' failed while writing: {error}",
                                format=identifier, error=short_error(exc))) from exc

    def export(self, document: Any, identifier: str, out_dir: str | os.PathLike[str],
               options: dict[str, Any] | None = None,
               variant: Variant | None = None) -> list[Path]:
        """Render, then write every file atomically below ``out_dir``; returns the paths."""
        return write_outputs(self.render(document, identifier, options, variant), out_dir)

    def importers(self) -> list[type[Importer]]:
        """Importer classes sorted by identifier."""
        return [cls for cls, _ in self._importers()]

    def describe_importers(self) -> list[dict[str, Any]]:
        """Every importer with its options, as plain data."""
        return [describe(cls) for cls in self.importers()]

    def importer(self, identifier: str) -> type[Importer]:
        for cls in self.importers():
            if cls.identifier == identifier:
                return cls
        known = ", ".join(cls.identifier for cls in self.importers())
        raise ExportError(_("Unknown import '{format}'. Installed: {known}.", format=identifier,
                            known=known))
