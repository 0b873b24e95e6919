"""Funding programmes (Förderprogramme) and competitive funding calls."""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from .common import Period


@frozen
class FundingProgramme:
    """Who pays (``funders``), under which rules (``guideline``), for which period."""

    id: str
    name: str
    funders: tuple[str, ...]
    guideline: str = ""
    state: str = ""
    period: Period | None = None
    description: str = ""
    predecessors: tuple[str, ...] = ()


@frozen
class SelectionStage:
    """One round of a competitive selection; ``candidates`` entered it."""

    name: str
    candidates: int
    description: str = ""
    date: dt.date | None = None


@frozen
class FundingCall:
    """A funding call with a staged selection (e.g. Aktion Mensch, Kommune Inklusiv)."""

    id: str
    name: str
    programme: str
    county: str
    stages: tuple[SelectionStage, ...] = ()
    support: tuple[str, ...] = ()
    announced: dt.date | None = None
    notes: str = ""


@frozen
class FundingProgrammes:
    """A document listing funding programmes (used by plugins' YAML files)."""

    programmes: tuple[FundingProgramme, ...]
