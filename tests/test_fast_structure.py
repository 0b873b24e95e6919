"""The fast paths of the loader give exactly what the detailed ones give.

* :mod:`teilhabe_core.documents.fast` (structuring valid data without error paths) against
  the detailed cattrs conversion: the same object for valid data, a refusal wherever the
  detailed conversion refuses, and through :func:`converter.structure` the very same errors;
* :func:`jsonsafe.parse_json_quick` against :func:`jsonsafe.parse_json`;
* the loader's quick JSON route against its full route, on whole texts (findings, lines,
  columns, messages).

Inputs: generated plans and the shipped documents, each changed at a drawn place (a value
replaced by one of many troublesome ones, a key dropped, an unknown key added), and JSON
texts with duplicate keys, ``NaN``, long numbers, escaped surrogates and deep nesting.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs.errors import BaseValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.base.errors import DocumentError
from teilhabe_core.documents import converter, jsonsafe, loader, yamlsafe
from teilhabe_core.documents.converter import (
    Invalid,
    structure,
    structure_detailed,
    structure_fast,
)
from teilhabe_core.documents.fast import FastStructurer, model_depth
from teilhabe_core.documents.kinds import DOCUMENT_KINDS
from teilhabe_core.model import Goal, Plan
from tests.strategies import plans

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(p for folder in ("counties", "plugins", "examples")
                 for p in (ROOT / folder).rglob("*.yaml"))
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


TROUBLE = [None, True, False, 0, 1, -5, 101, Decimal("1.5"), Decimal("12.500"), 10**120, "",
           " ", "x", [], {}, ["a"], {"a": "b"}, [1], "2024-13-01", "01.02.2024", "2024-02-30",
           "2024-2-3", " 2024-02-03 ", dt.date(2024, 2, 3), "1.500,50", "12.500", "1500.505",
           "1500.50", "-1", "in Umsetzung", "IN_PROGRESS", "in_progress", "geplant", "hoch",
           "Leitziel", {"id": "g", "name": "n"}, [{"id": "x"}], ["mobilitaet", "nirgendwo"],
           "18:00", "25:00", "m-1", "bad id!", 55, [9, 70], "1" * 120, _deep(70),
           yamlsafe.YamlInt(15, "017"), yamlsafe.YamlDecimal(Decimal("1.10"), "1.10")]
KEYS = ["foo", "titel", "title", "id", "status", "start", "ende", "document", "costs"]


def _copy(data: Any) -> Any:
    """``data`` with its mappings and lists copied (scalars are shared, never changed)."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(item) for item in data]
    return data


def _places(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _places(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _places(value, (*here, index))
    return out


@st.composite
def changed(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` unchanged or changed at one to three drawn places."""
    data = _copy(data)
    for _ in range(draw(st.integers(0, 3))):
        places = _places(data)[1:]
        if not places:  # everything dropped
            break
        place = draw(st.sampled_from(places))
        parent = data
        for step in place[:-1]:
            parent = parent[step]
        how = draw(st.sampled_from(["value", "value", "drop", "add"]))
        if how == "value":
            parent[place[-1]] = _copy(draw(st.sampled_from(TROUBLE)))
        elif how == "drop" and isinstance(parent, dict):
            del parent[place[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = _copy(draw(st.sampled_from(TROUBLE)))
    return data


def _outcome(fn: Any, data: Any, cls: type[Any]) -> Any:
    """The object, or the findings of the refusal (as the loader reports them)."""
    try:
        return fn(data, cls)
    except BaseValidationError as exc:
        return ("refused", [(f.code, f.path, f.message, f.message_en)
                            for f in converter.findings_from(exc)])
    except Exception as exc:
        return ("raised", type(exc), str(exc))


def _agree(data: dict[str, Any], cls: type[Any]) -> None:
    detailed = _outcome(structure_detailed, data, cls)
    assert _outcome(structure, data, cls) == detailed
    try:
        fast = structure_fast(data, cls)
    except Exception:
        return  # a refusal is always allowed: the detailed conversion decides then
    assert fast == detailed  # accepted only what the detailed conversion accepts, equally


def _plan_data(plan: Plan) -> dict[str, Any]:
    data = yamlsafe.parse_json(th.dumps(plan, "json"))
    del data["document"]
    return data


@PROPERTY
@given(st.data(), plans())
def test_fast_and_detailed_structuring_agree_on_generated_plans(data, plan):
    _agree(data.draw(changed(_plan_data(plan))), Plan)


@PROPERTY
@given(st.data(), plans())
def test_they_agree_on_data_read_from_yaml(data, plan):
    body = yamlsafe.parse_yaml(th.dumps(plan, "yaml"))
    del body["document"]
    _agree(data.draw(changed(body)), Plan)


@PROPERTY
@given(st.data(), st.sampled_from(SHIPPED))
def test_they_agree_on_the_shipped_documents(data, path):
    body = yamlsafe.parse_yaml(path.read_text("utf-8"), str(path))
    cls = DOCUMENT_KINDS[body.pop("document")]
    _agree(data.draw(changed(body)), cls)


def test_a_valid_plan_takes_the_fast_path(monkeypatch):
    """The fast path is really taken (else the figures in docs/benchmark.md would lie)."""
    text = (ROOT / "counties/boerde/data/aktionsplan-1.yaml").read_text("utf-8")
    expected = th.loads(text)

    def refuse(*_: Any) -> Any:
        raise AssertionError("detailed conversion used")

    monkeypatch.setattr(converter, "structure_detailed", refuse)
    assert th.loads(text) == expected
    assert th.loads(th.dumps(expected, "json"), "json") == expected


def test_goal_text_form_and_memo_refusals():
    fast = FastStructurer(converter.converter, converter.TEXT_FORMS)
    assert fast.structure("Alle können mitmachen", Goal) == converter.goal_from_text(
        "Alle können mitmachen")
    date = typing.Optional[dt.date]  # noqa: UP045 - the form cattrs sees in old annotations
    with pytest.raises(Invalid):
        fast.structure("2024-02-30", date)
    with pytest.raises(Invalid):  # a refusal is not remembered as a result
        fast.structure("2024-02-30", date)
    assert fast.structure("2024-02-03", date) == fast.structure("2024-02-03", date) \
        == dt.date(2024, 2, 3)


# -- depth: why the quick JSON route needs no depth check of its own ----------------------


def _leaf_types(t: Any, seen: set[Any]) -> set[Any]:
    if t in seen:
        return set()
    seen.add(t)
    if attrs.has(t):
        hints = typing.get_type_hints(t)
        return set().union(*(_leaf_types(hints[a.name], seen) for a in attrs.fields(t)))
    args = [a for a in typing.get_args(t) if a not in (Ellipsis, type(None))]
    return set().union(*(_leaf_types(a, seen) for a in args)) if args else {t}


def test_every_document_is_shallower_than_the_depth_limit():
    depths = {kind: model_depth(cls) for kind, cls in DOCUMENT_KINDS.items()}
    assert max(depths.values()) <= yamlsafe.MAX_DEPTH
    assert depths["plan"] == 7  # plan → measures → measure → funding → … → amount fields


@attrs.frozen
class Node:
    children: tuple[Node, ...] = ()


def test_model_depth_refuses_a_recursive_type():
    with pytest.raises(ValueError):
        model_depth(Node)


@pytest.mark.parametrize("leaf", sorted(_leaf_types(Plan, set()) | set().union(
    *(_leaf_types(c, set()) for c in DOCUMENT_KINDS.values())), key=repr))
def test_leaf_hooks_refuse_mappings_and_lists(leaf):
    """So data that structures is no deeper than the model (:func:`model_depth`)."""
    hook = converter.converter.get_structure_hook(leaf)
    for container in ({}, [], {"a": "b"}, ["a"]):
        with pytest.raises(Invalid):
            hook(container, leaf)


# -- JSON: quick parse and quick route against the full ones -------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5)
    | st.decimals(allow_nan=False, allow_infinity=False, places=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                max_size=3),
    max_leaves=12)


@st.composite
def json_texts(draw: st.DrawFn) -> str:
    text = json.dumps(draw(json_values), default=str)
    tweak = draw(st.sampled_from(["", "dup", "nan", "long", "surrogate", "deep", "cut"]))
    if tweak == "dup" and '{"' in text:
        at = text.index('{"') + 1
        text = text[:at] + '"k": 1, "k": 2, ' + text[at:]
    elif tweak == "nan":
        text = f"[{text}, NaN]"
    elif tweak == "long":
        text = f"[{text}, {'9' * draw(st.integers(95, 105))}, 1.{'0' * 120}]"
    elif tweak == "surrogate":
        text = f'[{text}, "\\ud83d"]'
    elif tweak == "deep":
        levels = draw(st.integers(60, 70))
        text = "[" * levels + text + "]" * levels
    elif tweak == "cut":
        text = text[:-1]
    return text


@settings(max_examples=300, deadline=None)
@given(json_texts())
def test_quick_json_parse_is_the_full_parse_or_nothing(text):
    quick = jsonsafe.parse_json_quick(text)
    try:
        full = jsonsafe.parse_json(text)
    except DocumentError as exc:
        # only the depth check is left to the caller
        assert quick is None or [f.code for f in exc.findings] == ["too-deep"]
        return
    assert quick is None or quick == full


def _load(text: str, fmt: str) -> Any:
    try:
        loaded = loader.load_bytes(text.encode("utf-8", "surrogatepass"), f"x.{fmt}")
    except DocumentError as exc:
        return [(f.code, f.path, f.line, f.column, f.message_en) for f in exc.findings]
    return loaded.document, [(f.code, f.path, f.line, f.column) for f in loaded.findings]


@PROPERTY
@given(st.data(), st.sampled_from(SHIPPED))
def test_quick_json_route_is_the_full_route(draws, path):
    body = yamlsafe.parse_yaml(path.read_text("utf-8"), str(path))
    text = json.dumps(draws.draw(changed(body)), default=str, ensure_ascii=False, indent=1)
    tweak = draws.draw(st.sampled_from(["", "", "dup", "nan", "surrogate", "deep"]))
    if tweak == "dup":
        text = text.replace("{", '{"document": "plan", ', 1)  # a second document key
    elif tweak == "nan":
        text = text.replace("{", '{"n": NaN, ', 1)
    elif tweak == "surrogate":
        text = text.replace("{", '{"s": "\\udc00", ', 1)
    elif tweak == "deep":
        text = text.replace("{", '{"d": ' + json.dumps(_deep(70)) + ", ", 1)
    quick = _load(text, "json")
    original = loader._quick_json
    loader._quick_json = lambda *_: None  # the full route only
    try:
        assert _load(text, "json") == quick
    finally:
        loader._quick_json = original
