"""Properties: YAML ↔ objects ↔ JSON round trips; garbage never escapes as a foreign error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.documents.loader import load_text
from tests.strategies import plans

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(plans())
def test_yaml_round_trip(plan):
    text = th.dumps(plan, "yaml")
    again = th.loads(text, "yaml")
    assert again == plan
    assert th.dumps(again, "yaml") == text  # stable bytes


@FAST
@given(plans())
def test_json_round_trip(plan):
    text = th.dumps(plan, "json")
    again = th.loads(text, "json")
    assert again == plan
    assert th.dumps(again, "json") == text


@FAST
@given(plans())
def test_yaml_json_yaml(plan):
    via_json = th.loads(th.dumps(plan, "json"), "json")
    assert th.loads(th.dumps(via_json, "yaml")) == plan


yaml_garbage = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(["document: plan\n", "id: x\n", "- a\n", "  b: [\n", "&a x\n",
                              "*a\n", "!!binary x\n", "? k\n", ": v\n", "{a: 1}\n", "no\n",
                              "title: 12:30\n", "measures:\n", "  - id: m\n", "\t\n", "'\n",
                              "%YAML 1.1\n", "---\n", "...\n", "\x00", "\ufeff"]),
             max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(yaml_garbage)
def test_yaml_garbage_only_raises_library_errors(text):
    try:
        load_text(text, "garbage.yaml", "yaml")
    except th.DocumentError as exc:
        assert exc.findings
        assert all(f.line and f.column for f in exc.findings)


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=20),
       st.sampled_from(["plan", "area", "paper", "evaluation", "funding_call"]))
def test_json_garbage_structures_only_raise_library_errors(data, kind):
    import json

    doc = {"document": kind, **data} if isinstance(data, dict) else data
    try:
        load_text(json.dumps(doc), "garbage.json", "json")
    except th.DocumentError as exc:
        assert exc.findings
