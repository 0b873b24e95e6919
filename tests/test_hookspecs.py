"""Meta-test: every hook has the prefix, a docstring in the template, and a test using it."""

from __future__ import annotations

import inspect

import pytest

from teilhabe_core.hooks import hookspecs
from tests.conftest import ROOT

HOOKS = sorted(name for name, obj in vars(hookspecs).items()
               if callable(obj) and hasattr(obj, "teilhabe_spec"))


def test_hooks_found():
    assert len(HOOKS) >= 9


def test_every_hookspec_function_is_marked():
    plain = [name for name, obj in vars(hookspecs).items()
             if inspect.isfunction(obj) and obj.__module__ == hookspecs.__name__
             and not hasattr(obj, "teilhabe_spec")]
    assert plain == []


@pytest.mark.parametrize("name", HOOKS)
def test_prefix_and_docstring_template(name):
    assert name.startswith("teilhabe_")
    doc = inspect.getdoc(getattr(hookspecs, name)) or ""
    for part in ("**When**", "**Args**", "**Returns**", "**Example**", "firstresult"):
        assert part in doc, f"{name} docstring lacks {part}"


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_has_a_test(name):
    users = [p.name for p in (ROOT / "tests").glob("test_*.py")
             if p.name != "test_hookspecs.py" and name in p.read_text("utf-8")]
    assert users, f"no test implements or calls {name}"
