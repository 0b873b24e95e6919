"""Council papers (Vorlagen) and their consultations (Beratungsfolge), after OParl."""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from .common import Money
from .enums import ConsultationResult, ConsultationRole, PaperStatus, PaperType


@frozen
class Consultation:
    """One body of the Beratungsfolge: ``body`` is a body id of the area profile."""

    body: str
    date: dt.date | None = None
    role: ConsultationRole = ConsultationRole.DECISION
    result: ConsultationResult = ConsultationResult.PENDING


@frozen
class FinancialImpact:
    """Finanzielle Auswirkungen; ``amount`` in EUR, ``None`` when there are none."""

    description: str
    amount: Money | None = None
    budget_year: int | None = None


@frozen
class HistoryNote:
    """A dated step in the facts of a paper (e.g. an earlier committee meeting)."""

    date: dt.date
    text: str
    body: str = ""
    paper: str = ""
    amount: Money | None = None


@frozen
class CouncilPaper:
    """A numbered council document, e.g. ``2019/066``."""

    reference: str
    county: str
    date: dt.date
    title: str
    paper_type: PaperType = PaperType.RESOLUTION
    status: PaperStatus = PaperStatus.DRAFTED
    public: bool = True
    originator: str = ""
    office: str = ""
    decision_proposal: str = ""
    facts: str = ""
    procedure: tuple[str, ...] = ()
    history: tuple[HistoryNote, ...] = ()
    financial_impact: FinancialImpact | None = None
    attachments: tuple[str, ...] = ()
    related_papers: tuple[str, ...] = ()
    consultations: tuple[Consultation, ...] = ()
