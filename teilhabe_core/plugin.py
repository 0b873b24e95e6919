"""Everything a plugin author needs, in one import: the hook marker, the values hooks get
and return, and small helpers for YAML-first plugins. The hooks themselves are declared in
:mod:`teilhabe_core.hooks.hookspecs` (docs/plugins.md).

A minimal county plugin (``mycounty/hooks.py``)::

    from pathlib import Path
    from teilhabe_core.plugin import area_from_folder, hookimpl

    @hookimpl
    def teilhabe_areas():
        return [area_from_folder(Path(__file__).parent)]

with ``mycounty/area.yaml`` (``document: area``) and plans in ``mycounty/data/``.
"""

from __future__ import annotations

import pluggy

from .base.datetext import date_text, moment_text
from .base.errors import DocumentError, ExportError, Finding, Level, PluginError
from .base.i18n import Bilingual
from .hooks.hookspecs import PROJECT
from .model import RuleContext
from .model.labels import label
from .publish.api import ExportContext, Exporter, Importer, NoOptions, Output
from .store.areas import AreaSource, area_from_folder, load_funding_programmes, load_glossary
from .workflow.events import GuardContext, TransitionEvent, WorkflowSource

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Decorator for hook implementations: ``@hookimpl def teilhabe_areas(): ...``."""


def rule_finding(rule: str, path: str, message: str, message_en: str = "",
                 level: Level = Level.ERROR) -> Finding:
    """A finding from a validation rule; the core adds file, line and column."""
    return Finding(code="rule", rule=rule, path=path, message=message,
                   message_en=message_en or message, level=level)


__all__ = [
    "AreaSource",
    "Bilingual",
    "DocumentError",
    "ExportContext",
    "ExportError",
    "Exporter",
    "Finding",
    "GuardContext",
    "Importer",
    "Level",
    "NoOptions",
    "Output",
    "PluginError",
    "RuleContext",
    "TransitionEvent",
    "WorkflowSource",
    "area_from_folder",
    "date_text",
    "hookimpl",
    "label",
    "load_funding_programmes",
    "load_glossary",
    "moment_text",
    "rule_finding",
]
