"""The plugin registry: loads plugins, knows which areas each provides, calls their hooks.

Core code never calls ``pm.hook`` directly; everything goes through :class:`Registry`.
No plugin manager exists until a registry is made (:meth:`Registry.discover`).
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

import pluggy
from attrs import frozen

from ..base.errors import DocumentError, Finding, PluginError, UnknownAreaError, short_error
from ..base.i18n import _
from ..base.messages import finding, listing
from ..model import FundingProgramme, GlossaryEntry
from ..store.areas import AreaSource
from . import hookspecs

ENTRY_POINT_GROUP = "teilhabe"
DISABLE_ENV = "TEILHABE_DISABLE_PLUGINS"
"""Comma-separated plugin (entry point) names to skip, e.g. ``nienburg,boerde``."""

ClassPairs = list[tuple[type[Any], frozenset[str]]]
"""Exporter or importer classes, each with the areas it is limited to (empty: all)."""


@frozen
class PluginFailure:
    """A plugin that could not be used; the others stay usable."""

    name: str
    package: str
    error: str

    def describe(self) -> str:
        return _("Plugin '{name}' of package '{package}' not loaded: {error}", name=self.name,
                 package=self.package, error=self.error)


class AreaClaimedTwice(PluginError):
    """Two plugins provide the same area: never skipped, always raised."""


class Registry:
    """Installed plugins, the areas they provide and the results of their hooks."""

    def __init__(self) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self.failures: list[PluginFailure] = []
        self._areas: dict[str, AreaSource] = {}
        self._plugin_areas: dict[str, set[str]] = {}
        self._packages: dict[str, str] = {}
        self._cache: dict[str, Any] = {}
        self.on_change: list[Callable[[], None]] = []
        """Called after every registration (the facade drops its caches)."""

    @classmethod
    def discover(cls, *, entry_points: bool = True, plugins: Iterable[object] = (),
                 disable: Iterable[str] | None = None) -> Registry:
        """Load every plugin of the entry point group ``teilhabe`` plus ``plugins``.

        ``disable`` (default: the ``TEILHABE_DISABLE_PLUGINS`` environment variable)
        names entry points to skip. A plugin that fails to import or has wrong hooks
        is listed in :attr:`failures`; the others stay usable.
        """
        registry = cls()
        registry.load(entry_points=entry_points, plugins=plugins, disable=disable)
        return registry

    def load(self, *, entry_points: bool = True, plugins: Iterable[object] = (),
             disable: Iterable[str] | None = None) -> None:
        """Register the entry point plugins (minus ``disable``) and ``plugins``."""
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
                    self.failures.append(PluginFailure(ep.name, package, short_error(exc)))
                    continue
                self.register(module, ep.name, package, collect=True)
        for index, plugin in enumerate(plugins):
            name = getattr(plugin, "__name__", None) or f"plugin-{index}"
            self.register(plugin, name, "(registriert)")

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
                raise PluginError(_("Plugin '{name}' ({package}): {error}", name=name,
                                    package=package, error=exc)) from None
            except pluggy.PluginValidationError as exc:
                raise PluginError(_("Plugin '{name}' of package '{package}' has a wrong hook "
                                    "signature: {error}", name=name, package=package,
                                    error=exc)) from None
            try:
                self._pm.check_pending()
            except pluggy.PluginValidationError as exc:
                self._pm.unregister(name=name)
                raise PluginError(_("Plugin '{name}' of package '{package}' implements an "
                                    "unknown hook: {error}", name=name, package=package,
                                    error=exc)) from None
            self._collect_areas(name, package)
            self._plugin_areas[name] |= set(areas)
            self._packages[name] = package
        except PluginError as exc:
            if not collect or isinstance(exc, AreaClaimedTwice):
                raise
            self.failures.append(PluginFailure(name, package, str(exc)))
        self._cache.clear()
        for callback in self.on_change:
            callback()

    def _collect_areas(self, name: str, package: str) -> None:
        plugin = self._pm.get_plugin(name)
        sources: list[AreaSource] = []
        for impl in self._pm.hook.teilhabe_areas.get_hookimpls():
            if impl.plugin is plugin:
                try:
                    sources.extend(cast(Sequence[AreaSource], impl.function()))
                except DocumentError as exc:
                    self._pm.unregister(name=name)
                    raise PluginError(_("Plugin '{name}' of package '{package}': the area "
                                        "profile is faulty:", name=name, package=package)
                                      + f"\n{exc}") from None
        for source in sources:
            other = self._areas.get(source.id)
            if other is not None:
                self._pm.unregister(name=name)
                raise AreaClaimedTwice(_(
                    "The area '{area}' is claimed by two plugins: '{first}' (package "
                    "'{first_package}') and '{second}' (package '{second_package}'). Uninstall "
                    "or disable one of them ({variable}).", area=source.id, first=other.plugin,
                    first_package=other.package, second=name, second_package=package,
                    variable=DISABLE_ENV))
        for source in sources:
            self._areas[source.id] = source.with_origin(name, package)
        self._plugin_areas[name] = {s.id for s in sources}

    # -- plugins and hooks --------------------------------------------------------

    def plugin_names(self) -> list[str]:
        return sorted(self._packages)

    def areas_of_plugin(self, plugin: str) -> set[str]:
        """The areas ``plugin`` provides or was limited to (empty: a generic plugin)."""
        return set(self._plugin_areas.get(plugin, set()))

    def hook_caller(self, hook: str, area_id: str | None) -> Callable[..., list[Any]]:
        """A caller for ``hook`` without the plugins of *other* areas."""
        others = [self._pm.get_plugin(name) for name, areas in self._plugin_areas.items()
                  if areas and area_id not in areas]
        caller: Callable[..., list[Any]] = self._pm.subset_hook_caller(
            hook, remove_plugins=[p for p in others if p])
        return caller

    def per_plugin(self, hook: str) -> list[tuple[str, Any]]:
        """(plugin name, result) for each implementation of a hook without arguments,
        in registration order."""
        out: list[tuple[str, Any]] = []
        for impl in reversed(getattr(self._pm.hook, hook).get_hookimpls()):
            out.append((impl.plugin_name, impl.function()))
        return out

    # -- areas ----------------------------------------------------------------------

    def areas(self) -> list[AreaSource]:
        """Installed areas, sorted by id."""
        return [self._areas[k] for k in sorted(self._areas)]

    def has_area(self, area_id: str) -> bool:
        return area_id in self._areas

    def area(self, area_id: str) -> AreaSource:
        """The area ``area_id``; :class:`UnknownAreaError` lists the installed ones."""
        try:
            return self._areas[area_id]
        except KeyError:
            raise UnknownAreaError(self.unknown_area(area_id).text()) from None

    def unknown_area(self, area_id: str) -> Finding:
        """The finding for a document naming an area that is not installed."""
        return finding("unknown-area", "", area=area_id, installed=listing(sorted(self._areas)))

    # -- what plugins provide -----------------------------------------------------------

    def funding_programmes(self) -> list[FundingProgramme]:
        """Funding programmes of all plugins, sorted by id."""
        if "funding" not in self._cache:
            seen: dict[str, str] = {}
            result: list[FundingProgramme] = []
            for plugin, programmes in self.per_plugin("teilhabe_funding_programmes"):
                for programme in programmes:
                    if programme.id in seen:
                        raise PluginError(_("Funding programme '{programme}' twice: plugins "
                                            "'{first}' and '{second}'.", programme=programme.id,
                                            first=seen[programme.id], second=plugin))
                    seen[programme.id] = plugin
                    result.append(programme)
            self._cache["funding"] = sorted(result, key=lambda p: p.id)
        cached: list[FundingProgramme] = self._cache["funding"]
        return cached

    def funding_programme(self, programme_id: str) -> FundingProgramme:
        for programme in self.funding_programmes():
            if programme.id == programme_id:
                return programme
        raise UnknownAreaError(_("Funding programme '{programme}' is not installed.",
                                 programme=programme_id))

    def glossary(self, area_id: str | None) -> tuple[GlossaryEntry, ...]:
        """The merged glossary for ``area_id``: shared entries, then the area's own
        (which replace shared entries of the same term). ``None``: shared ones only."""
        from ..easy import merge_glossaries

        key = f"glossary:{area_id}"
        if key not in self._cache:
            results = [(name, result) for name, result in self.per_plugin("teilhabe_glossary")
                       if not self._plugin_areas.get(name)
                       or (area_id is not None and area_id in self._plugin_areas[name])]
            shared = [g for name, r in results if not self._plugin_areas.get(name) for g in r]
            own = [g for name, r in results if self._plugin_areas.get(name) for g in r]
            self._cache[key] = merge_glossaries([*shared, *own])
        entries: tuple[GlossaryEntry, ...] = self._cache[key]
        return entries

    def exporter_classes(self) -> ClassPairs:
        """Exporter classes of all plugins with the areas each is limited to."""
        return self._classes("teilhabe_exporters", "exporters")

    def importer_classes(self) -> ClassPairs:
        """Importer classes of all plugins with the areas each is limited to."""
        return self._classes("teilhabe_importers", "importers")

    def _classes(self, hook: str, kind: str) -> ClassPairs:
        from ..publish.api import Exporter, Importer, collect_classes

        if kind not in self._cache:
            base = Exporter if kind == "exporters" else Importer
            self._cache[kind] = collect_classes(self.per_plugin(hook), self._plugin_areas, base)
        pairs: ClassPairs = self._cache[kind]
        return pairs


def _package_of(plugin: object) -> str:
    module = getattr(plugin, "__module__", None) or getattr(plugin, "__name__", "")
    top = str(module).split(".")[0]
    for dist in importlib.metadata.packages_distributions().get(top, []):
        return dist
    return top or "?"
