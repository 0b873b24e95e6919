"""teilhabe: plan, track, evaluate and publish municipal inclusion work.

The public API for embedding code::

    import teilhabe_core as th

    plan = th.load("counties/boerde/data/aktionsplan-2.yaml")
    app = th.Teilhabe.discover()          # all installed county plugins
    findings = app.validate_file("plan.yaml")

Exporters, Jinja2 and openpyxl are imported only when an export runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _compat
from .base.errors import (
    ConflictError,
    DocumentError,
    ExportError,
    FileError,
    Finding,
    Level,
    PluginError,
    ReadOnlyError,
    TeilhabeError,
    UnknownAreaError,
    WorkflowError,
)
from .documents.loader import Loaded, dump, dumps, load, load_file, load_text, loads, to_data
from .model import *  # noqa: F403 - the model is part of the public API
from .model import __all__ as _model_all

if TYPE_CHECKING:
    from .app import Teilhabe

__version__ = "0.1.0"

_compat.install()  # old flat import paths, deprecated (see _compat.MOVED)


def __getattr__(name: str) -> object:
    """``th.Teilhabe`` is imported on first use, keeping ``import teilhabe_core`` cheap."""
    if name == "Teilhabe":
        from .app import Teilhabe

        return Teilhabe
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ConflictError",
    "DocumentError",
    "ExportError",
    "FileError",
    "Finding",
    "Level",
    "Loaded",
    "PluginError",
    "ReadOnlyError",
    "Teilhabe",
    "TeilhabeError",
    "UnknownAreaError",
    "WorkflowError",
    "__version__",
    "dump",
    "dumps",
    "load",
    "load_file",
    "load_text",
    "loads",
    "to_data",
    *_model_all,
]
