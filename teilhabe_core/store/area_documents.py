"""All documents of one area, loaded from its data folder, with lookups over them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from ..base.errors import DocumentError
from ..documents.loader import Loaded, load_file
from ..model import (
    CouncilPaper,
    Evaluation,
    FundingCall,
    FundingProgramme,
    History,
    Plan,
    RuleContext,
)
from .areas import AreaSource
from .contract import Store
from .files import roll_forward
from .journal import journal_of


@frozen
class AreaDocuments:
    """All documents of one area, loaded from its data folder."""

    source: AreaSource
    loaded: tuple[Loaded, ...]
    failures: tuple[DocumentError, ...] = ()
    journals: Mapping[str, History] | None = None
    """Histories by ``Loaded.file`` when the documents come from a store (else the
    journal files beside the documents)."""

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
        loaded = self.file_of(document)
        if loaded is None or not loaded.file:
            return None
        if self.journals is not None:
            return self.journals.get(loaded.file)
        return journal_of(loaded.file)

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


def load_area(source: AreaSource) -> AreaDocuments:
    """Every document in the area's data folder; files with errors go to ``failures``."""
    loaded: list[Loaded] = []
    failures: list[DocumentError] = []
    for path in source.data_files():
        try:
            roll_forward(path)
            loaded.append(load_file(path))
        except DocumentError as exc:
            failures.append(exc)
    return AreaDocuments(source, tuple(loaded), tuple(failures))


def load_area_from(store: Store, source: AreaSource) -> AreaDocuments:
    """Every document of the area in ``store`` (the store validated them when written)."""
    loaded: list[Loaded] = []
    journals: dict[str, History] = {}
    failures: list[DocumentError] = []
    for key in store.list(source.id):
        try:
            stored = store.read(key)
        except DocumentError as exc:
            failures.append(exc)
            continue
        loaded.append(Loaded(stored.document, key.kind, stored.where, stored.revision,
                             stored.text))
        journals[stored.where] = stored.history
    return AreaDocuments(source, tuple(loaded), tuple(failures), journals)
