"""``teilhabe new-county``: an installable county plugin package to start from."""

from __future__ import annotations

import re
from pathlib import Path

from ..base.errors import TeilhabeError
from ..base.fileio import atomic_write, windows_reserved
from ..base.i18n import _
from ..documents.loader import SCHEMA_FILE

MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"
"""Files in the package folder name the schema written beside them."""
DATA_MODELINE = f"# yaml-language-server: $schema=../{SCHEMA_FILE}\n"


def scaffold(area_id: str, name: str, state: str, ags: str, out: Path,
             kind: str = "landkreis") -> list[Path]:
    """Write a county plugin package below ``out``; returns the files written."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", area_id):
        raise TeilhabeError(_("The id '{id}' must start with a lower-case letter and may hold "
                              "only lower-case letters, digits and '_'.", id=area_id))
    if windows_reserved(area_id):
        raise TeilhabeError(_("The id '{id}' is a device name on Windows (like CON, NUL, COM1) "
                              "and cannot be a folder of the publication.", id=area_id))
    if ags and not re.fullmatch(r"\d{2}|\d{3}|\d{5}|\d{8}", ags):
        raise TeilhabeError(_("The municipality key '{ags}' must have 2, 3, 5 or 8 digits.",
                              ags=ags))
    package = f"teilhabe_county_{area_id}"
    root = out / f"teilhabe-county-{area_id.replace('_', '-')}"
    if root.exists() and any(root.iterdir()):
        raise TeilhabeError(_("The folder {folder} exists already and is not empty.",
                              folder=root))
    files = {
        "pyproject.toml": f'''[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "teilhabe-county-{area_id.replace('_', '-')}"
version = "0.1.0"
description = "teilhabe county plugin: {name}"
requires-python = ">=3.11"
dependencies = ["teilhabe"]

[project.entry-points.teilhabe]
{area_id} = "{package}.hooks"

[tool.setuptools]
packages = ["{package}"]

[tool.setuptools.package-data]
"{package}" = ["*.yaml", "*.json", "data/*.yaml", "workflows/*.yaml", "templates/*"]
''',
        f"{package}/__init__.py": f'"""teilhabe plugin for {name}."""\n',
        f"{package}/hooks.py": f'''"""Hooks of {name}: the area profile and its own rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from teilhabe_core.model import Plan
from teilhabe_core.plugin import (
    AreaSource,
    Finding,
    RuleContext,
    area_from_folder,
    hookimpl,
    rule_finding,
)

HERE = Path(__file__).parent


@hookimpl
def teilhabe_areas() -> list[AreaSource]:
    return [area_from_folder(HERE)]


@hookimpl
def teilhabe_validate(document: Any, context: RuleContext) -> list[Finding]:
    """Example rule: every measure names the office responsible for it."""
    if not isinstance(document, Plan):
        return []
    return [
        rule_finding("{area_id}.office", f"measures[{{i}}].responsible_office",
                     "Jede Maßnahme nennt das zuständige Amt.",
                     "Every measure names its responsible office.")
        for i, m in enumerate(document.measures)
        if not m.responsible_office
    ]
''',
        f"{package}/area.yaml": f'''{MODELINE}document: area
id: {area_id}
name: "{name}"
kind: {kind}
state: "{state}"
ags: "{ags}"
plan_defaults:
  review_interval_months: 24
life_areas:
  - id: bildung
    name: Bildung
    crpd_articles: [24]
  - id: arbeit
    name: Arbeit und Beschäftigung
    crpd_articles: [27]
bodies:
  - id: kreistag
    name: Kreistag
    kind: council
# Placeholders (host .invalid): `teilhabe validate` flags them until they are replaced.
site:
  imprint_url: https://bitte-eintragen.invalid/impressum
  privacy_url: https://bitte-eintragen.invalid/datenschutz
  accessibility:
    status: partial
    contact_email: barrierefreiheit@bitte-eintragen.invalid
    enforcement_body: BITTE EINTRAGEN (Schlichtungs- oder Durchsetzungsstelle des Landes)
    enforcement_url: https://bitte-eintragen.invalid/schlichtungsstelle
''',
        f"{package}/data/aktionsplan.yaml": f'''{DATA_MODELINE}# Replace the example with your own.
document: plan
id: {area_id.replace('_', '-')}-aktionsplan
county: {area_id}
kind: action_plan
title: Aktionsplan Inklusion (Entwurf)
easy_title: Entwurf für einen Aktions·plan für Inklusion
life_areas:
  - id: bildung
    name: Bildung
    crpd_articles: [24]
  - id: arbeit
    name: Arbeit und Beschäftigung
    crpd_articles: [27]
measures:
  - id: m-1
    title: Beispielmaßnahme
    easy_title: Ein Beispiel für eine Maßnahme
    life_areas: [bildung]
    responsible_office: Sozialamt
    example: true
''',
        "tests/test_county.py": f'''"""The county is found once installed; its data validates."""

from teilhabe_core.app import Teilhabe


def test_county_is_discovered_and_valid():
    app = Teilhabe.discover()
    source = app.area("{area_id}")
    assert source.area.name == "{name}"
    for path in [source.profile_file, *source.data_files()]:
        errors = [f for f in app.validate_file(path) if f.is_error]
        assert errors == []
''',
        "README.md": f'''# teilhabe county plugin: {name}

Install next to teilhabe with `pip install -e .`; `teilhabe counties` then lists
`{area_id}`. Edit `{package}/area.yaml` (profile) and the plans in `{package}/data/`,
check them with `teilhabe validate {package}`, publish with `teilhabe publish {area_id}
--out site`. Rules live in `{package}/hooks.py`; see teilhabe's `docs/plugins.md`.
''',
    }
    from ..documents.schema import schema_text

    files[f"{package}/{SCHEMA_FILE}"] = schema_text()  # the modelines' target, offline
    written = []
    for rel, text in files.items():
        written.append(atomic_write(root / rel, text.encode("utf-8")))
    return written
