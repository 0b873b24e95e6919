"""How an area's publication site is run: its legal pages and which exporters it shows.

Facts only from the area's own sources: a profile without an imprint or privacy URL, or
without an accessibility statement, is published without them and ``validate`` warns.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from attrs import frozen


class Conformity(Enum):
    """Conformity with EN 301 549 / WCAG 2.1 AA (EU model statement, Decision 2018/1523)."""

    FULL = "full"  # vollständig vereinbar
    PARTIAL = "partial"  # teilweise vereinbar
    NONE = "none"  # nicht vereinbar


@frozen
class AccessibilityStatement:
    """The facts of an "Erklärung zur Barrierefreiheit" (BITV 2.0 § 7, EU 2016/2102).

    ``enforcement_body``/``enforcement_url``: the state's Schlichtungs- or
    Durchsetzungsstelle, named by the county (teilhabe names none itself).
    """

    status: Conformity = Conformity.PARTIAL
    date: dt.date | None = None
    method: str = "Selbstbewertung"
    limitations: tuple[str, ...] = ()
    contact_email: str = ""
    contact_url: str = ""
    enforcement_body: str = ""
    enforcement_url: str = ""
    example: bool = False


@frozen
class EnforcementBody:
    """The state's Schlichtungs-, Ombuds- or Durchsetzungsstelle for the accessibility of
    public websites (EU 2016/2102 Art. 9), as a public source names it: ``name``, the
    ``legal_basis``, the ``procedure`` in the source's words, its ``url`` and ``address``
    where published, and the ``source`` (the address where it was looked up);
    ``easy_name`` names it on the Leichte Sprache page (``Schlichtungs·stelle vom Land …``)."""

    name: str
    easy_name: str = ""
    legal_basis: str = ""
    procedure: str = ""
    url: str = ""
    address: str = ""
    source: str = ""


@frozen
class SiteSettings:
    """The area's part of the publication site.

    ``exporters``: ids of installed exporters published on the area's site (none is
    published unless named here or, for the built-in ones, by the exporter itself).
    ``enforcement``: the state's enforcement body, named on the accessibility statement
    also while the statement itself is not yet given (a statement's own
    ``enforcement_body`` comes first).
    """

    imprint_url: str = ""
    privacy_url: str = ""
    accessibility: AccessibilityStatement | None = None
    enforcement: EnforcementBody | None = None
    exporters: tuple[str, ...] = ()
