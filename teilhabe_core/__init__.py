"""teilhabe: plan, track, evaluate and publish municipal inclusion work.

The public API for embedding code::

    import teilhabe_core as th

    plan = th.load("counties/boerde/data/aktionsplan-2.yaml")
    app = th.Teilhabe.discover()          # all installed county plugins
    findings = app.validate_file("plan.yaml")

    store = th.open_store("postgresql+psycopg://teilhabe@db/teilhabe")  # or a folder
    app = th.Teilhabe.discover(store=store)
    app.transition("boerde-aktionsplan-2", "measure:bo-bildung-3", "start", by="Amt")

Exporters, Jinja2 and openpyxl are imported only when an export runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from . import _compat

if TYPE_CHECKING:
    from .app import Teilhabe
    from .base.errors import (
        ConflictError,
        DocumentError,
        ExportError,
        FileError,
        Finding,
        Level,
        PluginError,
        ReadOnlyError,
        StoreError,
        TeilhabeError,
        UnknownAreaError,
        WorkflowError,
    )
    from .base.version import __version__
    from .documents.loader import Loaded, dump, dumps, load, load_file, load_text, loads, to_data
    from .model import *  # noqa: F403
    from .store.contract import Commit, Key, Store, Stored
    from .store.opening import open_store


_compat.install()  # old flat import paths, deprecated (see _compat.MOVED)

_ERRORS = ("ConflictError", "DocumentError", "ExportError", "FileError", "Finding", "Level",
           "PluginError", "ReadOnlyError", "StoreError", "TeilhabeError", "UnknownAreaError",
           "WorkflowError")
_LOADER = ("Loaded", "dump", "dumps", "load", "load_file", "load_text", "loads", "to_data")
# the model's public names (tests/test_one_read.py checks them against model.__all__)
_MODEL = (
    "Accessibility", "AccessibilityStatement", "Adoption", "Area", "AreaKind", "Barrier",
    "BarrierStatus", "Body", "BodyKind", "Checked", "Conformity", "Consultation",
    "ConsultationResult", "ConsultationRole", "CouncilPaper", "CrossCuttingGoal",
    "EasyLanguageSettings", "EnforcementBody", "Evaluation", "EvaluationEntry", "Event",
    "EventKind",
    "FinancialImpact", "FundingCall", "FundingProgramme", "FundingProgrammes", "Glossary",
    "GlossaryEntry", "Goal", "GoalLevel", "GroupMeeting", "History", "HistoryEntry",
    "HistoryNote", "Indicator",
    "LifeArea", "Measure", "MeasureFunding", "MeasureStatus", "Measurement", "Money", "Network",
    "Office", "PaperStatus", "PaperType", "ParticipantGroup", "ParticipationFormat",
    "ParticipationStep", "Period", "Phase", "Plan", "PlanDefaults", "PlanKind", "PlanStatus",
    "Priority", "Project", "Publication", "PublicationState", "Role", "SelectionStage",
    "Severity", "SiteSettings", "StateDef", "Transition", "TransitionDef", "Variant",
    "Vocabulary", "Workflow", "WorkingGroup", "YearAmount"
)
_STORE = ("Commit", "Key", "Store", "Stored")
_HOME = {**dict.fromkeys(_ERRORS, ".base.errors"), **dict.fromkeys(_LOADER, ".documents.loader"),
         **dict.fromkeys(_STORE, ".store.contract"), "open_store": ".store.opening",
         "Teilhabe": ".app", "__version__": ".base.version"}


def __getattr__(name: str) -> Any:
    """Every public name is imported on first use, keeping ``import teilhabe_core`` (and
    ``teilhabe --help``) cheap: nothing but this file runs at import time."""
    home = _HOME.get(name)
    if home is None:
        model = import_module(".model", __name__)
        if name not in _MODEL:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(model, name)
    else:
        value = getattr(import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Commit",
    "ConflictError",
    "DocumentError",
    "ExportError",
    "FileError",
    "Key",
    "Finding",
    "Level",
    "Loaded",
    "PluginError",
    "ReadOnlyError",
    "Store",
    "StoreError",
    "Stored",
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
    "open_store",
    "to_data",
    *_MODEL,
]
