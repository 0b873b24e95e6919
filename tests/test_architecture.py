"""The core's layers (docs/architecture.md): no import goes up a layer, none goes sideways
between peers, no import cycle (``TYPE_CHECKING`` and function-level imports included),
no module over 500 lines, and the old flat import paths still work with a warning."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from attrs import evolve

from teilhabe_core import _compat

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "teilhabe_core"

LAYERS: dict[str, int] = {
    "base": 0,
    "model": 1,
    "documents": 2,
    "store": 3,
    "workflow": 4, "evaluation": 4, "easy": 4,
    "publish": 5,
    "hooks": 6,
}
"""Folder → rank. Top-level modules (``app``, ``plugin``, ``cli`` …) rank above all."""

TOP = 7
TOP_ORDER = {"_compat": 0, "plugin": 1, "app": 2, "__init__": 3, "tasks": 4, "cli": 5,
             "__main__": 6}
"""Among the top-level modules: who may import whom (lower never imports higher)."""

MAX_LINES = 500


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path) -> set[str]:
    """Every module of the package that ``path`` imports, wherever the import stands."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == root.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != root.name:
                continue
            for alias in node.names:  # ``from . import x``: x may be a module
                sub = f"{target}.{alias.name}"
                found.add(sub if _is_module(sub, root) else target)
    found.discard(name)
    return found


def _is_module(dotted: str, root: Path) -> bool:
    rel = Path(*dotted.split(".")[1:])
    base = root / rel
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def graph(root: Path) -> dict[str, set[str]]:
    return {module_name(p, root): imports_of(p, root) for p in sorted(root.rglob("*.py"))}


def rank(module: str) -> tuple[int, str, int]:
    """(layer rank, folder or top module, order among top modules)."""
    parts = module.split(".")[1:]
    if not parts:
        return TOP, "__init__", TOP_ORDER["__init__"]
    head = parts[0]
    if head in LAYERS:
        return LAYERS[head], head, 0
    return TOP, head, TOP_ORDER.get(head, TOP_ORDER["cli"])


def layer_violations(edges: dict[str, set[str]]) -> list[str]:
    """Imports that go up a layer, or sideways between two peer folders."""
    bad = []
    for source, targets in edges.items():
        s_rank, s_folder, s_order = rank(source)
        for target in sorted(targets):
            t_rank, t_folder, t_order = rank(target)
            if t_rank > s_rank:
                bad.append(f"{source} → {target} (up a layer)")
            elif t_rank == s_rank and t_folder != s_folder and s_rank != TOP:
                bad.append(f"{source} → {target} (between peers)")
            elif s_rank == TOP == t_rank and t_folder != s_folder and t_order > s_order:
                bad.append(f"{source} → {target} (up among the top modules)")
    return bad


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in edges:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def _package_edges(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """A package's ``__init__`` re-exports its own modules: those edges are not cycles."""
    return {s: {t for t in ts if not t.startswith(s + ".")} for s, ts in edges.items()}


# -- the rules on the real package -----------------------------------------------------


def test_no_import_goes_up_a_layer_or_between_peers():
    assert layer_violations(graph(CORE)) == []


def test_no_import_cycle():
    assert cycles(_package_edges(graph(CORE))) == []


@pytest.mark.parametrize("folder", ["teilhabe_core", "plugins", "counties"])
def test_no_module_over_500_lines(folder):
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / folder).rglob("*.py"))
            if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_every_folder_of_the_core_is_a_known_layer():
    folders = {p.name for p in CORE.iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(LAYERS) | {"tasks", "cli"}


# -- the checker itself fails where it should ------------------------------------------


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def test_the_rules_catch_an_upward_import_a_typing_import_and_a_cycle(tmp_path):
    pkg = _write(tmp_path / "teilhabe_core", {
        "__init__.py": "",
        "base/__init__.py": "",
        "base/errors.py": "def f():\n    from ..publish import api\n",
        "model/__init__.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                             "    from ..store import x\n",
        "store/__init__.py": "",
        "store/x.py": "from . import y\n",
        "store/y.py": "from .x import z\n",
        "easy/__init__.py": "from ..workflow import engine\n",
        "workflow/__init__.py": "", "workflow/engine.py": "",
        "publish/__init__.py": "", "publish/api.py": "",
    })
    edges = graph(pkg)
    assert layer_violations(edges) == [
        "teilhabe_core.base.errors → teilhabe_core.publish.api (up a layer)",
        "teilhabe_core.easy → teilhabe_core.workflow.engine (between peers)",
        "teilhabe_core.model → teilhabe_core.store.x (up a layer)",
    ]
    assert cycles(_package_edges(edges)) == [["teilhabe_core.store.x", "teilhabe_core.store.y"]]


# -- old import paths -----------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), sorted(_compat.MOVED.items()))
def test_old_import_paths_work_with_a_deprecation_warning(old, new):
    code = (f"import warnings; warnings.simplefilter('error', DeprecationWarning)\n"
            f"import importlib, teilhabe_core\n"
            f"new = importlib.import_module('teilhabe_core.{new}')\n"
            f"try:\n    importlib.import_module('teilhabe_core.{old}')\n"
            f"except DeprecationWarning as w:\n    print(w)\n"
            f"warnings.simplefilter('ignore')\n"
            f"assert importlib.import_module('teilhabe_core.{old}') is new\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out == (f"teilhabe_core.{old} has moved to teilhabe_core.{new}; the old import "
                   "path will be removed in teilhabe 0.3.\n")


def test_old_and_new_paths_give_the_same_classes():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        old = importlib.import_module("teilhabe_core.export")
    from teilhabe_core.plugin import Exporter
    from teilhabe_core.publish import api

    assert old.Exporter is api.Exporter is Exporter


def test_the_repository_itself_uses_no_old_path():
    old = {f"teilhabe_core.{name}" for name in _compat.MOVED}
    users = []
    for folder in ("teilhabe_core", "plugins", "counties", "examples", "tests", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name == "_compat.py" or path == Path(__file__).resolve():
                continue
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom)
                         and not node.level else [])
                users += [f"{path.relative_to(ROOT)}: {n}" for n in names if n in old]
    assert users == []


# -- each service works without the facade ----------------------------------------------


def test_services_work_without_the_facade():
    from teilhabe_core.hooks.registry import Registry
    from teilhabe_core.hooks.validation import Validator
    from teilhabe_core.store.area_documents import load_area
    from teilhabe_core.workflow import Workflows

    registry = Registry.discover()
    cache: dict[str, object] = {}

    def area_documents(area_id):
        return cache.setdefault(area_id, load_area(registry.area(area_id)))

    class Host:  # what the workflow engine needs: the registry plus rule contexts
        per_plugin = staticmethod(registry.per_plugin)
        areas_of_plugin = staticmethod(registry.areas_of_plugin)
        hook_caller = staticmethod(registry.hook_caller)

        def context_for(self, document):
            return validator.context_for(document)

    flows = Workflows(Host())
    validator = Validator(registry, area_documents, lambda: flows)
    plan = area_documents("boerde").current_plan()
    loaded = area_documents("boerde").file_of(plan)
    assert [f for f in validator.check(loaded) if f.is_error] == []
    broken = evolve(plan, supersedes="no-such-plan")
    errors = [f.code for f in validator.check_document(broken) if f.is_error]
    assert errors == ["dangling-reference"]
    assert flows.default_for("measure", "boerde").id == "measure"


# -- plugin code uses the public plugin API ---------------------------------------------

PUBLIC_FOR_PLUGINS = {"teilhabe_core.plugin", "teilhabe_core.model"}
"""What county plugins and the example plugins import from teilhabe_core: the plugin API
and the model's value classes (docs/plugins.md)."""


def _plugin_files() -> list[Path]:
    return sorted([*(ROOT / "counties").rglob("*.py"),
                   *(ROOT / "examples" / "custom_exporter" / "teilhabe_steckbrief").glob("*.py"),
                   *(ROOT / "examples" / "harz_county" / "teilhabe_harz").glob("*.py")])


def foreign_imports(source: str) -> list[str]:
    """The teilhabe_core modules ``source`` imports beyond the public plugin API."""
    found = []
    for node in ast.walk(ast.parse(source)):
        modules = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                   [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level
                   else [])
        found += [m for m in modules if m.split(".")[0] == "teilhabe_core"
                  and not any(m == p or m.startswith(p + ".") for p in PUBLIC_FOR_PLUGINS)]
    return found


def test_county_and_example_plugins_import_only_the_plugin_api():
    files = _plugin_files()
    assert len(files) >= 12
    bad = {str(p.relative_to(ROOT)): m for p in files
           if (m := foreign_imports(p.read_text("utf-8")))}
    assert bad == {}


def test_the_scaffold_writes_a_plugin_that_imports_only_the_plugin_api(tmp_path):
    from teilhabe_core.cli.scaffold import scaffold

    written = sorted(p for p in scaffold("harz", "Landkreis Harz", "Sachsen-Anhalt", "15085",
                                         tmp_path) if p.suffix == ".py" and "tests" not in p.parts)
    assert written
    assert {str(p.relative_to(tmp_path)): foreign_imports(p.read_text("utf-8"))
            for p in written} == {str(p.relative_to(tmp_path)): [] for p in written}


def test_foreign_imports_sees_internal_modules():
    assert foreign_imports("from teilhabe_core.publish.api import slug\n"
                           "import teilhabe_core.base.errors\n"
                           "from teilhabe_core.plugin import hookimpl\n"
                           "from teilhabe_core.model import Plan\n") == [
        "teilhabe_core.publish.api", "teilhabe_core.base.errors"]
