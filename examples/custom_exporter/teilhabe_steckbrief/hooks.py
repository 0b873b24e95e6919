"""Registers the exporter through the ``teilhabe_exporters`` hook."""

from __future__ import annotations

from typing import Any

from teilhabe_core.plugin import hookimpl


@hookimpl
def teilhabe_exporters() -> list[type[Any]]:
    from .exporter import Steckbrief

    return [Steckbrief]
