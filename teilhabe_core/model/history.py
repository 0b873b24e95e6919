"""The audit trail of workflow transitions, kept in an append-only journal file."""

from __future__ import annotations

import datetime as dt

from attrs import frozen


@frozen
class HistoryEntry:
    """One recorded transition of one object.

    ``object`` names the object inside the document: ``plan``, ``paper``, ``call``,
    ``measure:ID`` or ``barrier:ID``.
    """

    object: str
    workflow: str
    transition: str
    from_state: str
    to_state: str
    at: dt.datetime
    by: str
    note: str = ""


@frozen
class History:
    """The journal beside a document file (``plan.yaml`` → ``plan.history.yaml``)."""

    file: str
    entries: tuple[HistoryEntry, ...] = ()
