"""The shared glossary (Wörterbuch) of hard words for Leichte Sprache.

Areas extend it through their own ``teilhabe_glossary`` hook; an area's entry replaces a
shared entry with the same term for that area's documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teilhabe_core.model import Glossary
from teilhabe_core.plugin import hookimpl, load_glossary


@hookimpl
def teilhabe_glossary() -> Sequence[Glossary]:
    return [load_glossary(Path(__file__).parent / "glossary.yaml")]
