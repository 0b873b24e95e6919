"""Funding programmes shared by several areas, referenced by id from their profiles."""

from __future__ import annotations

from pathlib import Path

from teilhabe_core.model import FundingProgramme
from teilhabe_core.plugin import hookimpl, load_funding_programmes

HERE = Path(__file__).parent


@hookimpl
def teilhabe_funding_programmes() -> list[FundingProgramme]:
    return load_funding_programmes(HERE / "programmes.yaml")
