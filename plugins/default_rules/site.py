"""Rules for an area's publication site: the facts its legal pages need.

Warnings (errors with ``validate --strict``): a missing Impressum or Datenschutzerklärung
link, a missing accessibility statement (or its date or the state's enforcement body), and
placeholders the new-county scaffold writes (host ``.invalid``, ``BITTE EINTRAGEN``).
"""

from __future__ import annotations

from collections.abc import Iterator

from teilhabe_core.base.errors import Finding, Level
from teilhabe_core.model import Area
from teilhabe_core.plugin import rule_finding

MISSING, PLACEHOLDER = "generic.site-missing", "generic.site-placeholder"

_FIELDS = (
    ("imprint_url", "der Link zum Impressum", "the link to the imprint"),
    ("privacy_url", "der Link zur Datenschutzerklärung", "the link to the privacy notice"),
)
_STATEMENT = (
    ("date", "das Datum der Erklärung zur Barrierefreiheit", "the statement's date"),
    ("enforcement_body", "die Schlichtungs- oder Durchsetzungsstelle des Landes",
     "the state's enforcement body"),
)


def is_placeholder(value: str) -> bool:
    host = value.split("://", 1)[-1].split("/", 1)[0].split("@")[-1]
    return host.endswith(".invalid") or "BITTE EINTRAGEN" in value.upper().replace("-", " ")


def _missing(path: str, what: str, what_en: str) -> Finding:
    return rule_finding(
        MISSING, path,
        f"Für die Veröffentlichung fehlt {what} (unter 'site' im Profil); ohne sie darf eine "
        "öffentliche Stelle die Seiten nicht ins Netz stellen.",
        f"The publication lacks {what_en} (under 'site' in the profile); a public body must "
        "not put the pages online without it.", Level.WARNING)


def _placeholder(path: str, value: str) -> Finding:
    return rule_finding(
        PLACEHOLDER, path,
        f"'{value}' ist ein Platzhalter; bitte die echte Angabe des Gebiets eintragen.",
        f"'{value}' is a placeholder; please enter the area's real value.", Level.WARNING)


def site_findings(area: Area) -> Iterator[Finding]:
    site = area.site
    if site.enforcement is not None:
        for name in ("name", "url"):
            value = getattr(site.enforcement, name)
            if value and is_placeholder(value):
                yield _placeholder(f"site.enforcement.{name}", value)
    for name, what, what_en in _FIELDS:
        value = getattr(site, name)
        if not value:
            yield _missing(f"site.{name}", what, what_en)
        elif is_placeholder(value):
            yield _placeholder(f"site.{name}", value)
    statement = site.accessibility
    if statement is None:
        yield _missing("site.accessibility", "die Erklärung zur Barrierefreiheit",
                       "the accessibility statement")
        return
    for name, what, what_en in _STATEMENT:  # site.enforcement names the body too
        if not getattr(statement, name) and not (name == "enforcement_body"
                                                 and site.enforcement is not None):
            yield _missing(f"site.accessibility.{name}", what, what_en)
    for name in ("contact_email", "contact_url", "enforcement_body", "enforcement_url"):
        value = getattr(statement, name)
        if value and is_placeholder(value):
            yield _placeholder(f"site.accessibility.{name}", value)
