"""Where an area's documents live: its profile, data folder and template folder."""

from __future__ import annotations

import os
from pathlib import Path

from attrs import evolve, frozen

from ..base.errors import DocumentError, PluginError
from ..base.i18n import N_, Msg, _
from ..base.messages import finding
from ..documents.loader import load_file
from ..model import Area, FundingProgramme, FundingProgrammes, Glossary


@frozen
class AreaSource:
    """An area profile as a plugin provides it.

    ``data_dir`` holds the area's documents (plans, evaluations, papers …) as
    ``*.yaml``/``*.json``; ``templates_dir`` may hold template and label overrides.
    ``plugin`` and ``package`` are filled in by the registry.
    """

    area: Area
    data_dir: Path | None = None
    templates_dir: Path | None = None
    profile_file: Path | None = None
    plugin: str = ""
    package: str = ""

    @property
    def id(self) -> str:
        return self.area.id

    def data_files(self) -> list[Path]:
        """The area's document files, sorted by name."""
        if self.data_dir is None or not self.data_dir.is_dir():
            return []
        return sorted(p for p in self.data_dir.rglob("*")
                      if p.suffix in (".yaml", ".yml", ".json") and p.is_file()
                      and not p.name.startswith("."))

    def with_origin(self, plugin: str, package: str) -> AreaSource:
        return evolve(self, plugin=plugin, package=package)


def area_from_folder(folder: Path, profile: str = "area.yaml", data: str = "data",
                     templates: str = "templates") -> AreaSource:
    """Read ``folder/area.yaml`` and point at ``folder/data`` and ``folder/templates``."""
    loaded = load_file(folder / profile)
    if not isinstance(loaded.document, Area):
        raise DocumentError([finding("document-unknown", "document", msg=Msg(N_(
            "A document 'area' is expected here."))).at(str(folder / profile), 1, 1)],
            str(folder / profile))
    templates_dir = folder / templates
    return AreaSource(loaded.document, folder / data,
                      templates_dir if templates_dir.is_dir() else None, folder / profile)


def load_funding_programmes(path: Path) -> list[FundingProgramme]:
    """Read a ``document: funding_programmes`` file."""
    loaded = load_file(path)
    if not isinstance(loaded.document, FundingProgrammes):
        raise DocumentError([finding("document-unknown", "document", msg=Msg(N_(
            "'funding_programmes' is expected here."))).at(str(path), 1, 1)], str(path))
    return list(loaded.document.programmes)


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Load a ``document: glossary`` YAML file (raises :class:`DocumentError` if invalid)."""
    document = load_file(path).document
    if not isinstance(document, Glossary):
        raise PluginError(_("{file} is not a glossary (document: glossary).", file=path))
    return document
