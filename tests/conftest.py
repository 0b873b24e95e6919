"""Shared fixtures: the discovered application and small document builders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("TEILHABE_LANG", "de")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

MINIMAL_PLAN = """\
document: plan
id: test-plan
county: boerde
kind: action_plan
title: Testplan
life_areas:
  - id: bildung
    name: Bildung
measures:
  - id: m1
    title: Erste Maßnahme
    life_areas: [bildung]
"""


@pytest.fixture(scope="session")
def app():
    from teilhabe_core.app import Teilhabe

    return Teilhabe.discover()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text (or bytes) to a file in a temp folder and return its path."""

    def _write(content: str | bytes, name: str = "doc.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
