"""The facade embedding code uses: one object that wires the services together.

:class:`Teilhabe` holds no logic of its own. It connects

* the plugin :class:`~teilhabe_core.hooks.registry.Registry` (plugins, areas, hooks),
* the area documents (:func:`~teilhabe_core.store.area_documents.load_area`, cached), or,
  with a :class:`~teilhabe_core.store.contract.Store` (``store=``), the store's documents,
* :class:`~teilhabe_core.hooks.validation.Validator` (rules and checks),
* :class:`~teilhabe_core.publish.exporting.Exporting` (exporters and importers),
* :class:`~teilhabe_core.workflow.Workflows` (transitions and history),

and delegates to them. Each service can be made and used on its own.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .base.errors import DocumentError, Finding, UsageError
from .base.i18n import _
from .documents.loader import Loaded
from .hooks.registry import DISABLE_ENV, ENTRY_POINT_GROUP, PluginFailure, Registry
from .hooks.validation import Validator
from .model import FundingProgramme, GlossaryEntry, RuleContext, Variant
from .store.area_documents import AreaDocuments, load_area, load_area_from
from .store.areas import AreaSource
from .store.contract import Key, Store, Stored

if TYPE_CHECKING:
    from .publish.api import ExportContext, Exporter, Importer, Output
    from .publish.exporting import Exporting
    from .workflow import TransitionResult, Workflows

__all__ = ["DISABLE_ENV", "ENTRY_POINT_GROUP", "AreaDocuments", "PluginFailure", "Teilhabe"]


class Teilhabe:
    """Plugins, areas and the operations on their documents.

    >>> app = Teilhabe.discover()                    # doctest: +SKIP
    >>> [a.id for a in app.areas()]                  # doctest: +SKIP
    ['boerde', 'mansfeld_suedharz', 'neuruppin', 'nienburg', 'saale_orla']
    """

    def __init__(self, registry: Registry | None = None, store: Store | None = None) -> None:
        self.registry = registry or Registry()
        self.store = store
        """Where documents are read and written; ``None``: the areas' folders (files)."""
        self._documents: dict[str, AreaDocuments] = {}
        self._workflows: Workflows | None = None
        self._exporting: Exporting | None = None
        self.registry.on_change.append(self._forget)
        self.validator = Validator(self.registry, self.documents, self.workflows)

    def _forget(self) -> None:
        self._documents.clear()
        self._workflows = None

    @classmethod
    def discover(cls, *, entry_points: bool = True, plugins: Iterable[object] = (),
                 disable: Iterable[str] | None = None, store: Store | None = None) -> Teilhabe:
        """Load every plugin of the entry point group ``teilhabe`` plus ``plugins``.

        ``disable`` (default: the ``TEILHABE_DISABLE_PLUGINS`` environment variable)
        names entry points to skip. A plugin that fails to import or has wrong hooks
        is listed in :attr:`failures`; the others stay usable.
        """
        return cls(Registry.discover(entry_points=entry_points, plugins=plugins,
                                     disable=disable), store)

    # -- plugins (Registry) ---------------------------------------------------------

    @property
    def failures(self) -> list[PluginFailure]:
        return self.registry.failures

    def register(self, plugin: object, name: str | None = None, package: str = "",
                 collect: bool = False, areas: Iterable[str] = ()) -> None:
        """Register a plugin object; see :meth:`Registry.register`."""
        self.registry.register(plugin, name, package, collect, areas)

    def plugin_names(self) -> list[str]:
        return self.registry.plugin_names()

    def areas(self) -> list[AreaSource]:
        """Installed areas, sorted by id."""
        return self.registry.areas()

    def area(self, area_id: str) -> AreaSource:
        """The area ``area_id``; :class:`UnknownAreaError` lists the installed ones."""
        return self.registry.area(area_id)

    def areas_of_plugin(self, plugin: str) -> set[str]:
        return self.registry.areas_of_plugin(plugin)

    def funding_programmes(self) -> list[FundingProgramme]:
        """Funding programmes of all plugins, sorted by id."""
        return self.registry.funding_programmes()

    def funding_programme(self, programme_id: str) -> FundingProgramme:
        return self.registry.funding_programme(programme_id)

    def glossary(self, area_id: str | None) -> tuple[GlossaryEntry, ...]:
        """The merged glossary for ``area_id`` (shared entries, then the area's own)."""
        return self.registry.glossary(area_id)

    def hook_caller(self, hook: str, area_id: str | None) -> Callable[..., list[Any]]:
        """An area-scoped caller for ``hook`` (used by the workflow and easy modules)."""
        return self.registry.hook_caller(hook, area_id)

    def per_plugin(self, hook: str) -> list[tuple[str, Any]]:
        """Results of ``hook`` attributed to each plugin (used by core modules)."""
        return self.registry.per_plugin(hook)

    # -- documents and validation -----------------------------------------------------

    def documents(self, area_id: str) -> AreaDocuments:
        """Every document in the area's data folder (files with errors in ``failures``)."""
        if area_id not in self._documents:
            source = self.registry.area(area_id)
            self._documents[area_id] = (load_area(source) if self.store is None
                                        else load_area_from(self.store, source))
        return self._documents[area_id]

    def release_documents(self, area_id: str) -> None:
        """Drop the area's documents from memory (they are read again on next use)."""
        self._documents.pop(area_id, None)

    # -- the store ------------------------------------------------------------------------

    def _store(self) -> Store:
        if self.store is None:
            raise UsageError(_("No store is open (--store URL or TEILHABE_STORE)."))
        return self.store

    def find(self, ident: str | Key) -> Key:
        """The key of the document with id ``ident`` in the store (any area, any kind)."""
        if isinstance(ident, Key):
            return ident
        store = self._store()
        found = [k for area in store.areas() for k in store.list(area) if k.id == ident]
        if len(found) == 1:
            return found[0]
        if found:
            raise UsageError(_("'{id}' is ambiguous: {found}.", id=ident,
                               found=", ".join(map(str, found))))
        raise UsageError(_("There is no document '{id}' in {store}.", id=ident, store=store.url))

    def read(self, ident: str | Key) -> Stored:
        """A document of the store with its history and revision."""
        return self._store().read(self.find(ident))

    def validate_stored(self, ident: str | Key) -> list[Finding]:
        """Every finding for a document of the store (errors and warnings), history included."""
        try:
            stored = self.read(ident)
        except DocumentError as exc:
            return list(exc.findings)
        return self.validator.check_stored(stored)

    def context_for(self, document: Any) -> RuleContext:
        return self.validator.context_for(document)

    def load(self, path: str | os.PathLike[str]) -> Loaded:
        """Load and fully validate a file; raises :class:`DocumentError` on any error."""
        return self.validator.load(path)

    def validate_file(self, path: str | os.PathLike[str]) -> list[Finding]:
        """Every finding for a file (errors and warnings); never raises for bad input."""
        return self.validator.validate_file(path)

    def check_document(self, document: Any) -> list[Finding]:
        """Cross-document checks and plugin rules for an in-memory document."""
        return self.validator.check_document(document)

    def check(self, loaded: Loaded) -> list[Finding]:
        """Warnings of loading, unknown area, cross-document checks and plugin rules."""
        return self.validator.check(loaded)

    # -- exporters and importers (Exporting) ----------------------------------------------

    @property
    def exporting(self) -> Exporting:
        """The export service (made on first use: exporters load Jinja2 and openpyxl)."""
        if self._exporting is None:
            from .publish.exporting import Exporting

            registry = self.registry
            self._exporting = Exporting(self, registry.has_area, registry.exporter_classes,
                                        registry.importer_classes)
        return self._exporting

    def exporters(self, document: Any = None) -> list[type[Exporter]]:
        """Exporter classes sorted by identifier; with ``document``, those that accept it."""
        return self.exporting.exporters(document)

    def describe_exporters(self) -> list[dict[str, Any]]:
        return self.exporting.describe_exporters()

    def exporter(self, identifier: str) -> type[Exporter]:
        return self.exporting.exporter(identifier)

    def export_context(self, document: Any, variant: Variant = Variant.LONG) -> ExportContext:
        return self.exporting.export_context(document, variant)

    def render(self, document: Any, identifier: str, options: dict[str, Any] | None = None,
               variant: Variant | None = None) -> list[Output]:
        """Render ``document`` with exporter ``identifier`` in memory."""
        return self.exporting.render(document, identifier, options, variant)

    def export(self, document: Any, identifier: str, out_dir: str | os.PathLike[str],
               options: dict[str, Any] | None = None,
               variant: Variant | None = None) -> list[Path]:
        """Render, then write every file atomically below ``out_dir``; returns the paths."""
        return self.exporting.export(document, identifier, out_dir, options, variant)

    def importers(self) -> list[type[Importer]]:
        return self.exporting.importers()

    def describe_importers(self) -> list[dict[str, Any]]:
        return self.exporting.describe_importers()

    def importer(self, identifier: str) -> type[Importer]:
        return self.exporting.importer(identifier)

    # -- workflows ------------------------------------------------------------------------

    def workflows(self) -> Workflows:
        """Workflow definitions and guards of all plugins (loaded on first use)."""
        if self._workflows is None:
            from .workflow import Workflows

            self._workflows = Workflows(self)
        return self._workflows

    def transition(self, target: str | os.PathLike[str] | Key, ref: str, name: str, *,
                   by: str = "", note: str = "", at: dt.datetime | None = None,
                   workflow: str | None = None, view: Stored | None = None) -> TransitionResult:
        """Move object ``ref`` (``plan``, ``paper``, ``measure:ID`` …) by transition ``name``.

        ``target`` is a file path, or, with a store, a document id or :class:`Key`. The
        document is validated first; the state change and its history entry are written
        as one atomic unit. ``view`` is the document as the caller read it: a change of
        the same object since then is a :class:`ConflictError`, transitions of other
        objects merge.
        """
        if self.store is not None and (isinstance(target, Key) or (
                isinstance(target, str) and not Path(target).is_file())):
            key = self.find(target)
            current = view or self.store.read(key)
            errors = [f for f in self.validator.check_stored(current) if f.is_error]
            if errors:
                raise DocumentError(errors, current.where)
            result = self.workflows().transition_stored(
                self.store, key, ref, name, by=by, note=note, at=at, workflow=workflow,
                view=current)
        else:
            if isinstance(target, Key):
                raise UsageError(_("Without a store a document is named by its path."))
            loaded = self.load(target)
            result = self.workflows().transition(loaded.file, ref, name, by=by, note=note,
                                                 at=at, workflow=workflow, loaded=loaded)
        self._documents.pop(result.event.area or "", None)
        return result
