"""Validation with everything installed: loading checks, history replay, the core's
cross-document checks and the plugins' ``teilhabe_validate`` rules."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from attrs import evolve

from ..base.collector import paused
from ..base.errors import DocumentError, Finding
from ..documents.cross_checks import cross_checks
from ..documents.kinds import area_of
from ..documents.loader import Loaded, load_file
from ..model import Area, RuleContext
from ..store.area_documents import AreaDocuments
from ..store.contract import Stored
from ..store.files import roll_forward
from ..store.journal import history_path
from .registry import Registry

if TYPE_CHECKING:
    from ..workflow import Workflows


class Validator:
    """Checks documents against their area, the workflows and the plugin rules."""

    def __init__(self, registry: Registry, documents: Callable[[str], AreaDocuments],
                 workflows: Callable[[], Workflows]) -> None:
        self.registry = registry
        self._documents = documents
        self._workflows = workflows

    def context_for(self, document: Any) -> RuleContext:
        """The area and its other documents, as rules and guards see them."""
        registry = self.registry
        area_id = area_of(document)
        if area_id is None or not registry.has_area(area_id):
            return RuleContext(funding=tuple(registry.funding_programmes()),
                               glossary=registry.glossary(None))
        context = self._documents(area_id).context(registry.funding_programmes(), document)
        return evolve(context, glossary=registry.glossary(area_id))

    def load(self, path: str | os.PathLike[str]) -> Loaded:
        """Load and fully validate a file; raises :class:`DocumentError` on any error."""
        roll_forward(path)
        loaded = load_file(path)
        findings = self.check(loaded)
        if any(f.is_error for f in findings):
            raise DocumentError(findings, loaded.file)
        return loaded

    def validate_file(self, path: str | os.PathLike[str]) -> list[Finding]:
        """Every finding for a file (errors and warnings); never raises for bad input."""
        with paused():  # see base/collector.py
            try:
                roll_forward(path)
                loaded = load_file(path)
            except DocumentError as exc:
                return list(exc.findings)
            return self.check(loaded)

    def check_stored(self, stored: Stored) -> list[Finding]:
        """Every finding for a document of a store, its history included."""
        loaded = Loaded(stored.document, stored.key.kind, stored.where, stored.revision,
                        stored.text)
        return self.check(loaded, stored)

    def check_document(self, document: Any) -> list[Finding]:
        """Cross-document checks and plugin rules for an in-memory document (no file,
        so findings carry field paths but no lines)."""
        context = self.context_for(document)
        findings = list(cross_checks(document, context))
        for result in self.registry.hook_caller("teilhabe_validate", area_of(document))(
                document=document, context=context):
            findings.extend(result)
        return findings

    def check(self, loaded: Loaded, stored: Stored | None = None) -> list[Finding]:
        """Warnings of loading, unknown area, history, cross-document checks and rules.

        ``stored`` gives the document's history (default: the journal file beside it)."""
        document = loaded.document
        findings = list(loaded.findings)
        area_id = area_of(document)
        if area_id is not None and not isinstance(document, Area) \
                and not self.registry.has_area(area_id):
            unknown = evolve(self.registry.unknown_area(area_id), path="county")
            findings.extend(loaded.locate([unknown]))
            return findings
        if stored is not None:
            findings.extend(self._workflows().check_stored(loaded, stored))
        elif loaded.file and history_path(loaded.file).exists():
            findings.extend(self._workflows().check_history(loaded))
        findings.extend(loaded.locate(self.check_document(document)))
        return findings
