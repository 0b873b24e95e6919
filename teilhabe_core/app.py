"""The facade embedding code uses: plugins, areas, loading with rules, exporting.

Core code never calls ``pm.hook`` directly; everything goes through :class:`Teilhabe`.
No plugin manager exists until :meth:`Teilhabe.discover` (or the constructor) runs.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pluggy
from attrs import evolve, frozen

from . import hookspecs
from .documents import area_of
from .errors import (
    DocumentError,
    ExportError,
    ExportUsageError,
    Finding,
    PluginError,
    TeilhabeError,
    UnknownAreaError,
)
from .loader import Loaded, load_file
from .messages import finding
from .model import (
    Area,
    CouncilPaper,
    Evaluation,
    FundingCall,
    FundingProgramme,
    GlossaryEntry,
    History,
    Plan,
    Variant,
)
from .plugin import AreaSource
from .rules import RuleContext, cross_checks

if TYPE_CHECKING:
    from .export import ExportContext, Exporter, Importer, Output
    from .workflow import TransitionResult, Workflows

ENTRY_POINT_GROUP = "teilhabe"
DISABLE_ENV = "TEILHABE_DISABLE_PLUGINS"
"""Comma-separated plugin (entry point) names to skip, e.g. ``nienburg,boerde``."""


@frozen
class PluginFailure:
    """A plugin that could not be used; the others stay usable."""

    name: str
    package: str
    error: str

    def describe(self) -> str:
        return f"Plugin '{self.name}' aus Paket '{self.package}' nicht geladen: {self.error}"


@frozen
class AreaDocuments:
    """All documents of one area, loaded from its data folder."""

    source: AreaSource
    loaded: tuple[Loaded, ...]
    failures: tuple[DocumentError, ...] = ()

    def _of(self, cls: type[Any]) -> tuple[Any, ...]:
        return tuple(item.document for item in self.loaded if isinstance(item.document, cls))

    @property
    def plans(self) -> tuple[Plan, ...]:
        return self._of(Plan)

    @property
    def evaluations(self) -> tuple[Evaluation, ...]:
        return self._of(Evaluation)

    @property
    def papers(self) -> tuple[CouncilPaper, ...]:
        return self._of(CouncilPaper)

    @property
    def calls(self) -> tuple[FundingCall, ...]:
        return self._of(FundingCall)

    def file_of(self, document: Any) -> Loaded | None:
        return next((item for item in self.loaded if item.document is document), None)

    def history_of(self, document: Any) -> History | None:
        """The history journal beside ``document``'s file, if there is one."""
        from .workflow import journal_of

        loaded = self.file_of(document)
        return journal_of(loaded.file) if loaded is not None and loaded.file else None

    def plan(self, plan_id: str | None) -> Plan | None:
        """The plan ``plan_id`` of this area, if there is one."""
        return next((p for p in self.plans if p.id == plan_id), None)

    def successors_of(self, plan_id: str) -> list[Plan]:
        """Plans that name ``plan_id`` as the version they supersede."""
        return [p for p in self.plans if p.supersedes == plan_id]

    def current_plan(self) -> Plan | None:
        """The newest plan that no other plan supersedes."""
        superseded = {p.supersedes for p in self.plans if p.supersedes}
        current = [p for p in self.plans if p.id not in superseded]
        return max(current, key=lambda p: (p.version, p.id), default=None)

    def context(self, funding: Sequence[FundingProgramme] = (),
                extra: Any = None) -> RuleContext:
        """A rule context; ``extra`` (a document being checked) replaces one of the same id."""
        loaded = [item.document for item in self.loaded]
        if extra is not None:
            key = _identity(extra)
            loaded = [d for d in loaded if _identity(d) != key] + [extra]

        def of(cls: type[Any]) -> tuple[Any, ...]:
            return tuple(d for d in loaded if isinstance(d, cls))

        return RuleContext(self.source.area, of(Plan), of(Evaluation), of(CouncilPaper),
                           of(FundingCall), tuple(funding))


def _identity(document: Any) -> tuple[str, str]:
    ident = getattr(document, "id", None) or getattr(document, "reference", "")
    return type(document).__name__, str(ident)


class Teilhabe:
    """Plugins, areas and the operations on their documents.

    >>> app = Teilhabe.discover()                    # doctest: +SKIP
    >>> [a.id for a in app.areas()]                  # doctest: +SKIP
    ['boerde', 'mansfeld_suedharz', 'neuruppin', 'nienburg', 'saale_orla']
    """

    def __init__(self) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self.failures: list[PluginFailure] = []
        self._areas: dict[str, AreaSource] = {}
        self._plugin_areas: dict[str, set[str]] = {}
        self._packages: dict[str, str] = {}
        self._documents: dict[str, AreaDocuments] = {}
        self._cache: dict[str, Any] = {}

    # -- plugins -----------------------------------------------------------------

    @classmethod
    def discover(cls, *, entry_points: bool = True, plugins: Iterable[object] = (),
                 disable: Iterable[str] | None = None) -> Teilhabe:
        """Load every plugin of the entry point group ``teilhabe`` plus ``plugins``.

        ``disable`` (default: the ``TEILHABE_DISABLE_PLUGINS`` environment variable)
        names entry points to skip. A plugin that fails to import or has wrong hooks
        is listed in :attr:`failures`; the others stay usable.
        """
        app = cls()
        if disable is None:
            disable = [n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",")]
        skip = {name for name in disable if name}
        if entry_points:
            found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
            for ep in sorted(found, key=lambda e: e.name):
                if ep.name in skip:
                    continue
                package = ep.dist.name if ep.dist is not None else "?"
                try:
                    module = ep.load()
                except Exception as exc:
                    app.failures.append(PluginFailure(ep.name, package, _short(exc)))
                    continue
                app.register(module, ep.name, package, collect=True)
        for index, plugin in enumerate(plugins):
            name = getattr(plugin, "__name__", None) or f"plugin-{index}"
            app.register(plugin, name, "(registriert)")
        return app

    def register(self, plugin: object, name: str | None = None, package: str = "",
                 collect: bool = False, areas: Iterable[str] = ()) -> None:
        """Register a plugin object (module or instance).

        ``areas`` limits the plugin's area-scoped hooks to these areas (a plugin that
        provides areas through ``teilhabe_areas`` is limited to those automatically).

        Wrong hook signatures or unknown ``teilhabe_*`` hooks raise
        :class:`PluginError` naming the plugin and package (with ``collect=True`` they
        are listed in :attr:`failures` instead).
        """
        name = name or getattr(plugin, "__name__", None) or repr(plugin)
        package = package or _package_of(plugin)
        try:
            try:
                self._pm.register(plugin, name=name)
            except ValueError as exc:
                raise PluginError(f"Plugin '{name}' ({package}): {exc}") from None
            except pluggy.PluginValidationError as exc:
                raise PluginError(f"Plugin '{name}' aus Paket '{package}' hat eine falsche "
                                  f"Hook-Signatur: {exc}") from None
            try:
                self._pm.check_pending()
            except pluggy.PluginValidationError as exc:
                self._pm.unregister(name=name)
                raise PluginError(f"Plugin '{name}' aus Paket '{package}' implementiert einen "
                                  f"unbekannten Hook: {exc}") from None
            self._collect_areas(name, package)
            self._plugin_areas[name] |= set(areas)
            self._packages[name] = package
        except PluginError as exc:
            if not collect or "beansprucht" in str(exc):
                raise
            self.failures.append(PluginFailure(name, package, str(exc)))
        self._cache.clear()
        self._documents.clear()

    def _collect_areas(self, name: str, package: str) -> None:
        plugin = self._pm.get_plugin(name)
        sources: list[AreaSource] = []
        for impl in self._pm.hook.teilhabe_areas.get_hookimpls():
            if impl.plugin is plugin:
                try:
                    sources.extend(cast(Sequence[AreaSource], impl.function()))
                except DocumentError as exc:
                    self._pm.unregister(name=name)
                    raise PluginError(f"Plugin '{name}' aus Paket '{package}': Gebietsprofil "
                                      f"fehlerhaft:\n{exc}") from None
        for source in sources:
            other = self._areas.get(source.id)
            if other is not None:
                self._pm.unregister(name=name)
                raise PluginError(
                    f"Das Gebiet '{source.id}' wird von zwei Plugins beansprucht: "
                    f"'{other.plugin}' (Paket '{other.package}') und '{name}' (Paket "
                    f"'{package}'). Deinstallieren oder deaktivieren Sie eines davon "
                    f"({DISABLE_ENV}).")
        for source in sources:
            self._areas[source.id] = source.with_origin(name, package)
        self._plugin_areas[name] = {s.id for s in sources}

    def plugin_names(self) -> list[str]:
        return sorted(self._packages)

    def _scoped(self, hook: str, area_id: str | None) -> Any:
        """A hook caller without the plugins of *other* areas."""
        others = [self._pm.get_plugin(name) for name, areas in self._plugin_areas.items()
                  if areas and area_id not in areas]
        return self._pm.subset_hook_caller(hook, remove_plugins=[p for p in others if p])

    def _per_plugin(self, hook: str) -> list[tuple[str, Any]]:
        """(plugin name, result) for each implementation, in registration order."""
        out: list[tuple[str, Any]] = []
        for impl in reversed(getattr(self._pm.hook, hook).get_hookimpls()):
            out.append((impl.plugin_name, impl.function()))
        return out

    # -- areas ------------------------------------------------------------------

    def areas(self) -> list[AreaSource]:
        """Installed areas, sorted by id."""
        return [self._areas[k] for k in sorted(self._areas)]

    def area(self, area_id: str) -> AreaSource:
        """The area ``area_id``; :class:`UnknownAreaError` lists the installed ones."""
        try:
            return self._areas[area_id]
        except KeyError:
            raise UnknownAreaError(self._unknown(area_id).message) from None

    def _unknown(self, area_id: str) -> Finding:
        return finding("unknown-area", "", area=area_id,
                       installed=", ".join(sorted(self._areas)) or "(keine)")

    def areas_of_plugin(self, plugin: str) -> set[str]:
        return set(self._plugin_areas.get(plugin, set()))

    def funding_programmes(self) -> list[FundingProgramme]:
        """Funding programmes of all plugins, sorted by id."""
        if "funding" not in self._cache:
            seen: dict[str, str] = {}
            result: list[FundingProgramme] = []
            for plugin, programmes in self._per_plugin("teilhabe_funding_programmes"):
                for programme in programmes:
                    if programme.id in seen:
                        raise PluginError(f"Förderprogramm '{programme.id}' doppelt: Plugins "
                                          f"'{seen[programme.id]}' und '{plugin}'.")
                    seen[programme.id] = plugin
                    result.append(programme)
            self._cache["funding"] = sorted(result, key=lambda p: p.id)
        cached: list[FundingProgramme] = self._cache["funding"]
        return cached

    def funding_programme(self, programme_id: str) -> FundingProgramme:
        for programme in self.funding_programmes():
            if programme.id == programme_id:
                return programme
        raise UnknownAreaError(f"Förderprogramm '{programme_id}' ist nicht installiert.")

    # -- documents --------------------------------------------------------------

    def documents(self, area_id: str) -> AreaDocuments:
        """Every document in the area's data folder (files with errors in ``failures``)."""
        if area_id not in self._documents:
            source = self.area(area_id)
            loaded: list[Loaded] = []
            failures: list[DocumentError] = []
            for path in source.data_files():
                try:
                    loaded.append(load_file(path))
                except DocumentError as exc:
                    failures.append(exc)
            self._documents[area_id] = AreaDocuments(source, tuple(loaded), tuple(failures))
        return self._documents[area_id]

    def context_for(self, document: Any) -> RuleContext:
        area_id = area_of(document)
        if area_id is None or area_id not in self._areas:
            return RuleContext(funding=tuple(self.funding_programmes()),
                               glossary=self.glossary(None))
        context = self.documents(area_id).context(self.funding_programmes(), document)
        return evolve(context, glossary=self.glossary(area_id))

    def glossary(self, area_id: str | None) -> tuple[GlossaryEntry, ...]:
        """The merged glossary for ``area_id``: shared entries, then the area's own
        (which replace shared entries of the same term). ``None``: shared ones only."""
        from .easy import merge_glossaries

        key = f"glossary:{area_id}"
        if key not in self._cache:
            results = [(name, result) for name, result in self._per_plugin("teilhabe_glossary")
                       if not self._plugin_areas.get(name)
                       or (area_id is not None and area_id in self._plugin_areas[name])]
            shared = [g for name, r in results if not self._plugin_areas.get(name) for g in r]
            own = [g for name, r in results if self._plugin_areas.get(name) for g in r]
            self._cache[key] = merge_glossaries([*shared, *own])
        entries: tuple[GlossaryEntry, ...] = self._cache[key]
        return entries

    def load(self, path: str | os.PathLike[str]) -> Loaded:
        """Load and fully validate a file; raises :class:`DocumentError` on any error."""
        loaded = load_file(path)
        findings = self.check(loaded)
        if any(f.is_error for f in findings):
            raise DocumentError(findings, loaded.file)
        return loaded

    def validate_file(self, path: str | os.PathLike[str]) -> list[Finding]:
        """Every finding for a file (errors and warnings); never raises for bad input."""
        try:
            loaded = load_file(path)
        except DocumentError as exc:
            return list(exc.findings)
        return self.check(loaded)

    def check_document(self, document: Any) -> list[Finding]:
        """Cross-document checks and plugin rules for an in-memory document (no file,
        so findings carry field paths but no lines)."""
        context = self.context_for(document)
        findings = list(cross_checks(document, context))
        for result in self._scoped("teilhabe_validate", area_of(document))(
                document=document, context=context):
            findings.extend(result)
        return findings

    def check(self, loaded: Loaded) -> list[Finding]:
        """Warnings of loading, unknown area, cross-document checks and plugin rules."""
        document = loaded.document
        findings = list(loaded.findings)
        area_id = area_of(document)
        if area_id is not None and not isinstance(document, Area) and area_id not in self._areas:
            findings.extend(loaded.locate([evolve(self._unknown(area_id), path="county")]))
            return findings
        if _has_history(loaded.file):
            findings.extend(self.workflows().check_history(loaded))
        findings.extend(loaded.locate(self.check_document(document)))
        return findings

    # -- exporters --------------------------------------------------------------

    def _exporter_pairs(self) -> list[tuple[type[Exporter], frozenset[str]]]:
        from .export import Exporter, collect_classes

        if "exporters" not in self._cache:
            self._cache["exporters"] = collect_classes(
                self._per_plugin("teilhabe_exporters"), self._plugin_areas, Exporter)
        pairs: list[tuple[type[Exporter], frozenset[str]]] = self._cache["exporters"]
        return pairs

    def exporters(self, document: Any = None) -> list[type[Exporter]]:
        """Exporter classes sorted by identifier; with ``document``, those that accept it."""
        from .export import applies

        return [cls for cls, areas in self._exporter_pairs()
                if document is None or applies(cls, areas, document)]

    def describe_exporters(self) -> list[dict[str, Any]]:
        """Every exporter with its options, as plain data (one call for listings)."""
        from .export import describe

        return [describe(cls, areas) for cls, areas in self._exporter_pairs()]

    def exporter(self, identifier: str) -> type[Exporter]:
        """The exporter class ``identifier``; :class:`ExportError` lists the known ones."""
        for cls, _ in self._exporter_pairs():
            if cls.identifier == identifier:
                return cls
        known = ", ".join(cls.identifier for cls, _ in self._exporter_pairs())
        raise ExportUsageError(f"Unbekanntes Format '{identifier}'. Installiert sind: {known}.")

    def export_context(self, document: Any, variant: Variant = Variant.LONG) -> ExportContext:
        """The context exporters get for ``document`` (area, its documents, templates)."""
        from .export import ExportContext

        area_id = area_of(document)
        if area_id is None or area_id not in self._areas:
            return ExportContext(app=self, variant=variant)
        source = self._areas[area_id]
        templates = (source.templates_dir,) if source.templates_dir else ()
        return ExportContext(app=self, area=source.area, documents=self.documents(area_id),
                             variant=variant, templates_dirs=templates)

    def render(self, document: Any, identifier: str, options: dict[str, Any] | None = None,
               variant: Variant | None = None) -> list[Output]:
        """Render ``document`` with exporter ``identifier`` in memory."""
        from .export import applies, parse_options, variant_refusal

        cls = self.exporter(identifier)
        areas = dict(self._exporter_pairs())[cls]
        if not applies(cls, areas, document):
            accepted = ", ".join(c.__name__ for c in cls.accepts)
            raise ExportUsageError(f"Das Format '{identifier}' passt nicht zu diesem Dokument "
                                   f"(erwartet: {accepted}"
                                   + (f"; nur für {', '.join(sorted(areas))}" if areas else "")
                                   + ").")
        if variant is not None and variant not in cls.variants:
            raise ExportUsageError(variant_refusal(cls, variant))
        exporter = cls(parse_options(cls, options or {}))
        chosen = variant or (cls.variants[0] if cls.variants else Variant.LONG)
        try:
            return list(exporter.render(document, self.export_context(document, chosen)))
        except TeilhabeError:
            raise
        except Exception as exc:
            raise ExportError(f"Das Format '{identifier}' ist bei der Ausgabe gescheitert: "
                              f"{_short(exc)}") from exc

    def export(self, document: Any, identifier: str, out_dir: str | os.PathLike[str],
               options: dict[str, Any] | None = None,
               variant: Variant | None = None) -> list[Path]:
        """Render, then write every file atomically below ``out_dir``; returns the paths."""
        from .export import write_outputs

        return write_outputs(self.render(document, identifier, options, variant), out_dir)

    def importers(self) -> list[type[Importer]]:
        """Importer classes sorted by identifier."""
        from .export import Importer, collect_classes

        if "importers" not in self._cache:
            self._cache["importers"] = collect_classes(
                self._per_plugin("teilhabe_importers"), self._plugin_areas, Importer)
        return [cls for cls, _ in self._cache["importers"]]

    def describe_importers(self) -> list[dict[str, Any]]:
        """Every importer with its options, as plain data."""
        from .export import describe

        return [describe(cls) for cls in self.importers()]

    def importer(self, identifier: str) -> type[Importer]:
        for cls in self.importers():
            if cls.identifier == identifier:
                return cls
        known = ", ".join(cls.identifier for cls in self.importers())
        raise ExportError(f"Unbekannter Import '{identifier}'. Installiert sind: {known}.")

    # -- workflows --------------------------------------------------------------

    def workflows(self) -> Workflows:
        """Workflow definitions and guards of all plugins (loaded on first use)."""
        from .workflow import Workflows

        if "workflows" not in self._cache:
            self._cache["workflows"] = Workflows(self)
        flows: Workflows = self._cache["workflows"]
        return flows

    def transition(self, path: str | os.PathLike[str], ref: str, name: str, *, by: str = "",
                   note: str = "", at: dt.datetime | None = None,
                   workflow: str | None = None) -> TransitionResult:
        """Move object ``ref`` (``plan``, ``paper``, ``measure:ID`` …) of a file by ``name``.

        The file is validated first; the transition is recorded in its history journal.
        """
        loaded = self.load(path)
        return self.workflows().transition(loaded.file, ref, name, by=by, note=note, at=at,
                                           workflow=workflow, loaded=loaded)

    def hook_caller(self, hook: str, area_id: str | None) -> Callable[..., list[Any]]:
        """An area-scoped caller for ``hook`` (used by the workflow and easy modules)."""
        caller: Callable[..., list[Any]] = self._scoped(hook, area_id)
        return caller

    def per_plugin(self, hook: str) -> list[tuple[str, Any]]:
        """Results of ``hook`` attributed to each plugin (used by core modules)."""
        return self._per_plugin(hook)


def _has_history(file: str) -> bool:
    from .workflow import history_path

    return bool(file) and history_path(file).exists()


def _short(exc: BaseException) -> str:
    last = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return last


def _package_of(plugin: object) -> str:
    module = getattr(plugin, "__module__", None) or getattr(plugin, "__name__", "")
    top = str(module).split(".")[0]
    for dist in importlib.metadata.packages_distributions().get(top, []):
        return dist
    return top or "?"
