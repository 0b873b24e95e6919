"""The document kinds a file can hold, named by its top-level ``document:`` field."""

from __future__ import annotations

from typing import Any

from ..model import (
    Area,
    CouncilPaper,
    Evaluation,
    FundingCall,
    FundingProgrammes,
    Glossary,
    History,
    Plan,
    Workflow,
)

DOCUMENT_KINDS: dict[str, type[Any]] = {
    "area": Area,
    "plan": Plan,
    "evaluation": Evaluation,
    "paper": CouncilPaper,
    "funding_programmes": FundingProgrammes,
    "funding_call": FundingCall,
    "history": History,
    "workflow": Workflow,
    "glossary": Glossary,
}
"""``document:`` value → model class. Each file holds exactly one document."""

KIND_OF: dict[type[Any], str] = {cls: kind for kind, cls in DOCUMENT_KINDS.items()}

Document = (Area | Plan | Evaluation | CouncilPaper | FundingProgrammes | FundingCall | History
            | Workflow | Glossary)


def kind_of(document: Any) -> str:
    """The ``document:`` value for a model object."""
    try:
        return KIND_OF[type(document)]
    except KeyError:
        raise TypeError(f"{type(document).__name__} is not a teilhabe document") from None


def area_of(document: Any) -> str | None:
    """The area id a document belongs to (``id`` for an area profile), if any."""
    if isinstance(document, Area):
        return document.id
    county = getattr(document, "county", None)
    return county if isinstance(county, str) and county else None
