"""Old import paths, kept working for one release (0.2) with a :class:`DeprecationWarning`.

Before 0.2 every core module sat directly in ``teilhabe_core/``. Plugins that import
``teilhabe_core.export`` (or any other old path in :data:`MOVED`) get the module at its new
place, the very same module object, so classes and functions are identical. The finder
is installed by ``teilhabe_core/__init__.py``; it answers only for the names in
:data:`MOVED`.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

MOVED: dict[str, str] = {
    "errors": "base.errors",
    "messages": "base.messages",
    "dates": "base.dates",
    "fileio": "base.fileio",
    "easy.text": "base.text",
    "labels": "model.labels",
    "yamlsafe": "documents.yamlsafe",
    "converter": "documents.converter",
    "loader": "documents.loader",
    "schema": "documents.schema",
    "checks": "documents.checks",
    "rules": "documents.cross_checks",
    "evaluate": "evaluation.evaluate",
    "rollup": "evaluation.rollup",
    "diff": "evaluation.diff",
    "successor": "evaluation.successor",
    "coverage": "evaluation.coverage",
    "indicators": "evaluation.indicators",
    "deadlines": "evaluation.deadlines",
    "reporting": "publish.reporting",
    "export": "publish.api",
    "site": "publish.site",
    "templating": "publish.templating",
    "charts": "publish.charts",
    "easy.markup": "publish.easy_markup",
    "hookspecs": "hooks.hookspecs",
    "scaffold": "cli.scaffold",
}
"""Old module (below ``teilhabe_core``) → its new place."""

PACKAGE = "teilhabe_core"


class _Alias(importlib.abc.Loader):
    """Loads an old name as the module at its new place."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        # stacklevel 2 names the importing line: warnings skips importlib's own frames
        warnings.warn(f"{self.old} has moved to {self.new}; the old import path will be removed "
                      "in teilhabe 0.3.", DeprecationWarning, stacklevel=2)
        return importlib.import_module(self.new)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module was executed at its new place."""


class MovedModules(importlib.abc.MetaPathFinder):
    """A meta path finder answering only for the old paths in :data:`MOVED`."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        prefix = PACKAGE + "."
        if not fullname.startswith(prefix):
            return None
        new = MOVED.get(fullname[len(prefix):])
        if new is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _Alias(fullname, prefix + new))


def install() -> None:
    """Add the finder once (importing ``teilhabe_core`` calls this)."""
    if not any(isinstance(f, MovedModules) for f in sys.meta_path):
        sys.meta_path.append(MovedModules())
