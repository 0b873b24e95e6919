"""Every hook of teilhabe, declared once. Plugin authors read only this page.

Each docstring follows one template: **When** it is called, **Args**, **Returns**,
whether the first result wins (**firstresult**), and an **Example** for a county
plugin. Hooks marked *area-scoped* are called only on plugins that provide the
document's area, plus plugins that provide no area at all (the generic ones in
``teilhabe_plugins``): Nienburg's rules never see a Börde plan.

Implement hooks with :data:`teilhabe_core.plugin.hookimpl` in a module named by an
entry point of the group ``teilhabe``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from ..base.errors import Finding
    from ..base.i18n import Bilingual
    from ..model import FundingProgramme, Glossary, RuleContext
    from ..publish.api import Exporter, Importer
    from ..store.areas import AreaSource
    from ..workflow.events import TransitionEvent, WorkflowSource

PROJECT = "teilhabe"
hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def teilhabe_areas() -> Sequence[AreaSource]:
    """Provide county or area profiles.

    **When**: once, when :class:`~teilhabe_core.app.Teilhabe` discovers plugins.

    **Args**: none.

    **Returns**: a list of :class:`~teilhabe_core.plugin.AreaSource` — the profile
    (:class:`~teilhabe_core.model.Area`: id, names, state, AGS, life areas, vocabulary,
    plan defaults, publication variants) and the folder of the area's data files.
    Two plugins returning the same area id is a :class:`~teilhabe_core.base.errors.PluginError`.
    Not firstresult: all lists are joined.

    **Example**::

        @hookimpl
        def teilhabe_areas():
            return [area_from_folder(Path(__file__).parent)]  # reads area.yaml, data/
    """


@hookspec
def teilhabe_funding_programmes() -> Sequence[FundingProgramme]:
    """Provide funding programmes that areas refer to by id.

    **When**: on the first call of :meth:`Teilhabe.funding_programmes`.

    **Args**: none.

    **Returns**: a list of :class:`~teilhabe_core.model.FundingProgramme`; ids must be
    unique across plugins. Not firstresult.

    **Example**::

        @hookimpl
        def teilhabe_funding_programmes():
            return load_funding_programmes(Path(__file__).parent / "funding.yaml")
    """


@hookspec
def teilhabe_glossary() -> Sequence[Glossary]:
    """Provide glossaries (Wörterbuch) of hard words for texts in Leichte Sprache.

    **When**: when easy-language texts are checked (``teilhabe validate``) or the easy
    publication is rendered. *Area-scoped*: an area's glossary applies to its documents
    only; glossaries of plugins without areas apply to every area.

    **Args**: none.

    **Returns**: a list of :class:`~teilhabe_core.model.Glossary`. Entries of an area's
    glossary replace shared entries with the same term. Not firstresult.

    **Example**::

        @hookimpl
        def teilhabe_glossary():
            return [load_glossary(Path(__file__).parent / "glossary.yaml")]
    """


@hookspec
def teilhabe_workflows() -> Sequence[WorkflowSource]:
    """Provide workflow definitions (states, transitions, guards by name) as YAML files.

    **When**: when the workflow engine is first used. *Area-scoped* when a workflow
    is looked up for a document: an area's workflow of the same name replaces the
    generic one for that area's documents only.

    **Args**: none.

    **Returns**: a list of :class:`~teilhabe_core.workflow.WorkflowSource` (a YAML path and
    the document kind it applies to). Not firstresult.

    **Example**::

        @hookimpl
        def teilhabe_workflows():
            return [WorkflowSource(HERE / "workflows" / "plan.yaml")]
    """


@hookspec
def teilhabe_guards() -> Mapping[str, Callable[..., bool | str | Bilingual | None]]:
    """Provide guard functions that workflow YAML names in ``guard:``.

    **When**: when the workflow engine is first used.

    **Args**: none.

    **Returns**: a mapping of guard name to a function ``guard(document, context) ->
    None | True`` (allowed) or ``False``/a text (refused, the text is the reason: German,
    or ``Bilingual(de, en)`` from :mod:`teilhabe_core.plugin` for both languages; dates in
    it with ``date_text``). A name must be unique across plugins. Not firstresult.

    **Example**::

        @hookimpl
        def teilhabe_guards():
            return {"boerde.evaluation_exists": lambda doc, ctx: bool(ctx.evaluations)}
    """


@hookspec
def teilhabe_validate(document: Any, context: RuleContext) -> Sequence[Finding]:
    """Check a loaded document and report findings (validation rules).

    **When**: by :meth:`Teilhabe.validate_file` and ``teilhabe validate`` after the
    document loaded without errors. *Area-scoped*.

    **Args**: ``document`` — the model object (``Plan``, ``Area``, ``CouncilPaper`` …);
    ``context`` — :class:`~teilhabe_core.plugin.RuleContext` with the area profile and the
    area's other documents (``context.plans``, ``context.evaluations`` …).

    **Returns**: a list of :class:`~teilhabe_core.base.errors.Finding` with a field ``path``
    (line and column are added by the core) and ``rule`` set to the rule id; empty when
    all is well. Not firstresult.

    **Example**::

        @hookimpl
        def teilhabe_validate(document, context):
            if isinstance(document, Plan) and not document.measures:
                return [rule_finding("boerde.measures", "measures", "Keine Maßnahmen.")]
            return []
    """


@hookspec
def teilhabe_exporters() -> Sequence[type[Exporter]]:
    """Provide exporter classes (subclasses of :class:`~teilhabe_core.publish.api.Exporter`).

    **When**: when exporters are listed or an export runs. Exporters of an area plugin
    apply only to that area's documents.

    **Args**: none.

    **Returns**: a list of exporter classes; identifiers must be unique. Not firstresult.

    **Example**::

        @hookimpl
        def teilhabe_exporters():
            return [PaperPrintExporter]
    """


@hookspec
def teilhabe_importers() -> Sequence[type[Importer]]:
    """Provide importer classes (subclasses of :class:`~teilhabe_core.publish.api.Importer`).

    **When**: when importers are listed or an import runs.

    **Args**: none.

    **Returns**: a list of importer classes (e.g. a measure table from CSV/XLSX into a
    plan); identifiers must be unique. Not firstresult.

    **Example**::

        @hookimpl
        def teilhabe_importers():
            return [MeasureTableImporter]
    """


@hookspec
def teilhabe_veto_transition(event: TransitionEvent) -> str | None:
    """Refuse a workflow transition before it happens.

    **When**: after the workflow's own guards passed, before the state changes.
    *Area-scoped*.

    **Args**: ``event`` — :class:`~teilhabe_core.workflow.TransitionEvent` (document,
    workflow, transition name, from and to state, who, when, note).

    **Returns**: ``None`` to allow, or a German reason shown to the user to refuse.
    Not firstresult: every reason is collected.

    **Example**::

        @hookimpl
        def teilhabe_veto_transition(event):
            if event.to_state == "adopted" and not event.note:
                return "Bitte die Beschlussnummer als Notiz angeben."
    """


@hookspec
def teilhabe_transition_done(event: TransitionEvent) -> None:
    """Be told about every completed transition (send mail, update a ticket …).

    **When**: after the transition was recorded in the history. *Area-scoped*.

    **Args**: ``event`` — :class:`~teilhabe_core.workflow.TransitionEvent`.

    **Returns**: nothing; exceptions are reported as warnings and do not undo the change.
    Not firstresult: every implementation is called.

    **Example**::

        @hookimpl
        def teilhabe_transition_done(event):
            mailer.send(f"{event.document_id}: {event.from_state} → {event.to_state}")
    """
