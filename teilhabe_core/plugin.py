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

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from .base.datetext import date_text, moment_text
from .base.errors import DocumentError, ExportError, Finding, Level, PluginError
from .base.i18n import Bilingual
from .hooks.hookspecs import PROJECT
from .model import RuleContext
from .model.labels import label
from .publish.api import ExportContext, Exporter, Importer, NoOptions, Output, file_stem, slug
from .store.areas import AreaSource, area_from_folder, load_funding_programmes, load_glossary
from .workflow.events import GuardContext, TransitionEvent, WorkflowSource

if TYPE_CHECKING:
    from .model import CouncilPaper, Evaluation, Measure, Plan

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Decorator for hook implementations: ``@hookimpl def teilhabe_areas(): ...``."""


def rule_finding(rule: str, path: str, message: str, message_en: str = "",
                 level: Level = Level.ERROR) -> Finding:
    """A finding from a validation rule; the core adds file, line and column."""
    return Finding(code="rule", rule=rule, path=path, message=message,
                   message_en=message_en or message, level=level)


# -- for exporters: the shared page layout and the data the core's templates get -----------
# (imported when called, so that loading a plugin does not load Jinja)


def render_page(context: ExportContext, template: str, folders: Sequence[Path] = (),
                **data: Any) -> str:
    """Render an HTML page on the shared accessible layout (``base.html.j2``); templates
    are looked up in the area's ``templates/``, then ``folders``, then the core's."""
    from .publish import templating

    return templating.render_page(context, template, folders, **data)


def stylesheet() -> Output:
    """The shared stylesheet, to ship beside HTML pages as ``style.css``."""
    from .publish import templating

    return templating.stylesheet()


def evaluation_report_data(evaluation: Evaluation, context: ExportContext) -> dict[str, Any]:
    """What the core's evaluation report template gets: the evaluated plan, the roll-ups
    and labels (:class:`ExportError` if the plan is not among the area's documents)."""
    from .publish import reporting

    return reporting.evaluation_report_data(evaluation, context)


def measures_of_paper(paper: CouncilPaper, plans: Sequence[Plan]) -> list[tuple[Plan, Measure]]:
    """The measures a council paper decided or concerns, with their plans."""
    from .publish import domain_data

    return domain_data.measures_of_paper(paper, plans)


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
    "evaluation_report_data",
    "file_stem",
    "hookimpl",
    "label",
    "load_funding_programmes",
    "load_glossary",
    "measures_of_paper",
    "moment_text",
    "render_page",
    "rule_finding",
    "slug",
    "stylesheet",
]
