"""Positions answers a path without building the whole-document path index, and its
answers are exactly the index's: on generated YAML with every kind of awkward key (dots,
brackets, empty keys, keys given twice, numbers), lists, flow style and stopped parses."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from teilhabe_core.documents import yamlsafe  # noqa: F401 - sets the text parser
from teilhabe_core.documents.positions import Positions

KEYS = st.sampled_from(["a", "b", "status", "3", "a.b", "x[0]", "]", "", "title", "b"])
SCALARS = st.sampled_from(["v", "'q'", "12", "no", "2024-01-01", '"a.b"', "~"])

values = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(st.tuples(KEYS, inner), max_size=4).map(lambda p: ("map", p)),
        st.lists(inner, max_size=4).map(lambda items: ("seq", items)),
        st.lists(st.tuples(KEYS, inner), max_size=3).map(lambda p: ("flowmap", p)),
    ),
    max_leaves=12,
)


def flow(value: object) -> str:
    if isinstance(value, str):
        return value
    kind, items = value  # type: ignore[misc]
    if kind == "seq":
        return "[" + ", ".join(flow(v) for v in items) + "]"
    return "{" + ", ".join(f"{json.dumps(k)}: {flow(v)}" for k, v in items) + "}"


def block(value: object, indent: int) -> str:
    pad = " " * indent
    if isinstance(value, str) or value[0] == "flowmap" or not value[1]:  # type: ignore[index]
        return f" {flow(value)}\n"
    kind, items = value  # type: ignore[misc]
    if kind == "seq":
        return "\n" + "".join(f"{pad}-{block(v, indent + 2)}" for v in items)
    return "\n" + "".join(f"{pad}{json.dumps(k)}:{block(v, indent + 2)}" for k, v in items)


def document(value: object) -> str:
    text = block(value, 0)
    return text[1:] if text.startswith("\n") else text.lstrip()


def paths_to_ask(index: dict[str, tuple[int, int]]) -> list[str]:
    asked = set(index)
    for path in index:
        asked |= {f"{path}.status", f"{path}[0]", f"{path}[7]", f"{path}.", f".{path}",
                  path.rpartition(".")[0], path.rpartition("[")[0]}
    return sorted(asked)


def index_find(index: dict[str, tuple[int, int]], positions: Positions,
               path: str) -> tuple[int, int]:
    """What ``find`` answered when it always built the index (the reference)."""
    while True:
        entry = index.get(path)
        if entry is not None:
            return positions.marks.line_column(entry[0])
        if not path:
            return 1, 1
        path = path[: max(path.rfind("."), path.rfind("["), 0)]


@settings(max_examples=400, deadline=None)
@given(values, st.integers(min_value=0, max_value=40))
def test_lookup_agrees_with_the_whole_index(value, cut):
    text = document(value)
    for source in (text, text[: len(text) * cut // 40]):  # also a parse that stops early
        reference = Positions(source)
        index = reference._paths()
        shared = Positions(source)
        for path in paths_to_ask(index):
            assert shared._lookup(path) == index.get(path), (source, path)
            assert Positions(source).find(path) == index_find(index, reference, path), \
                (source, path)
            assert Positions(source).plain(path) == reference.plain(path), (source, path)


def test_a_plain_document_is_answered_without_the_index():
    text = "measures:\n- id: m1\n  status: no\n- id: m2\n  status: geplant\n"
    positions = Positions(text)
    assert positions.find("measures[1].status") == (5, 11)
    assert positions.find("measures[1].nothing") == (4, 3)
    assert positions.plain("measures[0].status") == "no"
    assert positions._index is None


def test_an_ambiguous_key_is_answered_by_the_index():
    text = "a:\n  b: 1\na.b: 2\n"
    positions = Positions(text)
    assert positions.find("a.b") == (2, 6)  # the first in text order, as the index says
    assert positions._index is not None
