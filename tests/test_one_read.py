"""One read per document: the parse yields the data and the position index together.

Every test here counts the YAML loaders made (each one reads a text) and makes PyYAML's
composer fail, so a second parse or a compose for positions is caught.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import teilhabe_core as th
from teilhabe_core.documents import jsonsafe, loader, positions, yamlsafe
from teilhabe_core.workflow import set_field
from tests.conftest import MINIMAL_PLAN, ROOT

CORE = ROOT / "teilhabe_core"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Texts read by a YAML loader, counted; composing a node tree fails the test."""
    counter: Counter[str] = Counter()
    base = yamlsafe._Loader

    class Counting(base):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            counter[stream] += 1
            super().__init__(stream)

    def no_compose(*args: object, **kwargs: object) -> None:
        raise AssertionError("a text was composed")

    monkeypatch.setattr(yamlsafe, "_Loader", Counting)
    monkeypatch.setattr(yaml, "compose", no_compose)
    monkeypatch.setattr(yaml, "compose_all", no_compose)
    monkeypatch.setattr(positions, "compose", no_compose)
    return counter


def with_findings() -> str:
    """A plan with a warning-level rule finding and an easy-language finding."""
    return MINIMAL_PLAN.replace("    title: Erste Maßnahme",
                                "    title: Erste Maßnahme\n"
                                "    easy_text: Der Umbau wurde geprüft, weil es z. B. regnet.")


def test_validate_reads_each_text_once_and_positions_come_from_that_read(
        write, reads: Counter[str]) -> None:
    text = with_findings()
    found = th.Teilhabe.discover().validate_file(write(text))
    assert found and all(f.line and f.column for f in found)
    assert reads[text] == 1
    assert set(reads.values()) == {1}  # area documents too: one read each


def test_errors_are_positioned_from_the_one_read(write, reads: Counter[str]) -> None:
    text = MINIMAL_PLAN.replace("    title: Erste Maßnahme", "    title: Erste Maßnahme\n"
                                "    statu: x\n    costs: viel")
    with pytest.raises(th.DocumentError) as info:
        th.load_file(write(text))
    assert sorted((f.code, f.line) for f in info.value.findings) == [
        ("expected-money", 13), ("unknown-field", 12)]
    assert reads[text] == 1


def test_loaded_document_keeps_its_index_from_the_parse(write, reads: Counter[str]) -> None:
    loaded = th.load_file(write(MINIMAL_PLAN))
    assert reads[MINIMAL_PLAN] == 1
    assert loaded.index is not None and not loaded.index.built  # nothing looked up yet
    f = loaded.locate([th.Finding(code="x", message="m", path="measures[0].title")])[0]
    assert (f.line, f.column) == (11, 12)
    assert loaded.index.built
    assert reads[MINIMAL_PLAN] == 1


def test_json_positions_come_from_a_token_scan_not_a_yaml_read(
        write, reads: Counter[str]) -> None:
    data = yamlsafe.parse_yaml(with_findings())
    text = json.dumps(data, ensure_ascii=False, indent=1)
    found = th.Teilhabe.discover().validate_file(write(text, "plan.json"))
    assert found and all(f.line for f in found)
    assert reads[text] == 0
    dup = '{"a":\n {"a": 1,\n  "a": 2},\n "b": 1, "b": 2}'
    with pytest.raises(th.DocumentError):
        yamlsafe.parse_json(dup)
    assert reads[dup] == 0


def test_transition_edits_the_text_with_the_index_of_its_read(
        tmp_path: Path, reads: Counter[str]) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN, "utf-8")
    th.Teilhabe.discover().transition(path, "measure:m1", "start", by="Amt",
                                      at=dt.datetime(2025, 2, 1, 9))
    after = path.read_text("utf-8")
    assert "status: in_progress" in after
    # read to validate, read again under the store's lock (a colleague may have saved in
    # between, issue 14), and the edited text checked once before it is written
    assert reads[MINIMAL_PLAN] == 3
    assert reads[after] == 1  # the edited text is checked once


def test_set_field_with_an_index_reads_nothing(reads: Counter[str]) -> None:
    text = "a: 1  # Kommentar\nb:   x\n\nc: [1, 2]\n"
    index = yamlsafe.Positions(yamlsafe.parse_yaml_marked(text)[1])
    assert reads[text] == 1
    assert set_field(text, "b", "y", positions=index) == "a: 1  # Kommentar\nb:   y\n\nc: [1, 2]\n"
    assert reads[text] == 1


def test_no_library_module_composes_or_reindexes_text() -> None:
    """Only the test reference in positions.py composes; no module calls it, and no
    module builds an index from text (``Positions(text)``, ``marks_of``) but the
    fallbacks for callers that hold nothing else."""
    allowed = {("positions.py", "compose"), ("loader.py", "marks_of"),
               ("text_edit.py", "marks_of"), ("positions.py", "marks_of")}
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = getattr(func, "attr", getattr(func, "id", ""))
                owner = getattr(getattr(func, "value", None), "id", "")
                bare = isinstance(func, ast.Name)  # ``loaded.locate(...)`` uses its own index
                if name in ("compose", "compose_all", "marks_of") or (
                        name == "locate" and (bare or owner in ("yamlsafe", "positions"))):
                    assert (path.name, name) in allowed, (path, node.lineno, name)


_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\x85", "\u2028"])
_WORDS = st.text(alphabet="abcäöü ß·", min_size=1, max_size=6).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, _WORDS, _BREAKS), min_size=1, max_size=6))
def test_index_agrees_with_the_composer_on_odd_line_breaks(entries) -> None:
    text = "".join(f"k{i}: {value}{brk}" for i, (_, value, brk) in enumerate(entries))
    text += "l: [" + ", ".join(f"'{w}'" for w, _, _ in entries) + "]\n"
    try:
        data, marks = yamlsafe.parse_yaml_marked(text)
    except th.DocumentError:
        return
    index, root = yamlsafe.Positions(marks), positions.compose(text)
    paths = [*data, *(f"l[{i}]" for i in range(len(entries))), "missing", "l[99]"]
    for path in paths:
        assert index.find(path) == positions.locate(root, path)[:2], (text, path)


@settings(max_examples=40, deadline=None)
@given(st.recursive(st.one_of(st.integers(-5, 5), st.text("ab\u2028\x85ü", max_size=4),
                              st.booleans(), st.none()),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text("xyä", min_size=1, max_size=3), inner,
                                      max_size=3), max_leaves=8))
def test_json_token_scan_agrees_with_the_yaml_reader(data) -> None:
    text = json.dumps({"root": data}, ensure_ascii=False, indent=1)
    scanned = yamlsafe.Positions(jsonsafe.json_marks(text))
    read = yamlsafe.Positions(text)  # JSON is YAML: the reader gives the reference marks
    for path in _paths(data, "root"):
        assert scanned.find(path) == read.find(path), (text, path)
        assert scanned.plain(path) == read.plain(path)


def _paths(data: object, path: str) -> list[str]:
    out = [path, f"{path}.missing"]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, item in enumerate(data):
            out += _paths(item, f"{path}[{i}]")
    return out


def test_loaded_made_without_a_parse_indexes_its_text_on_first_use() -> None:
    loaded = loader.Loaded(None, "plan", "x.json", "", '{\n "a": [1, 2]\n}\n')
    assert loaded.positions.find("a[1]") == (2, 11)


def test_package_names_are_the_models_and_import_lazily() -> None:
    import subprocess
    import sys

    import teilhabe_core
    from teilhabe_core import model

    assert set(model.__all__) <= set(teilhabe_core.__all__)
    assert tuple(model.__all__) == teilhabe_core._MODEL
    code = ("import sys, teilhabe_core; "
            "print(sorted(m for m in sys.modules if m.startswith(('teilhabe_core.', 'yaml', "
            "'attr', 'cattrs'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['teilhabe_core._compat']"  # the finder of the old paths
