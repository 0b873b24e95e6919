"""The JSON Schema matches what the loader accepts, and every shipped YAML names it."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from teilhabe_core.documents.loader import PACKAGE_SCHEMA
from teilhabe_core.documents.schema import document_schema
from teilhabe_core.documents.yamlsafe import parse_yaml
from teilhabe_core.model import names
from tests.conftest import ROOT
from tests.test_german_values import ENUMS, variants

SHIPPED = sorted(p for folder in ("counties", "plugins", "examples")
                 for p in (ROOT / folder).rglob("*.yaml")
                 if "build" not in p.parts and ".history." not in p.name)


@pytest.fixture(scope="module")
def validator():
    schema = document_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_there_are_shipped_files():
    assert len(SHIPPED) >= 20


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_yaml_has_modeline_and_validates(path: Path, validator):
    text = path.read_text("utf-8")
    first = text.split("\n", 1)[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = path.parent / first.split("=", 1)[1]
    assert target.read_bytes() == PACKAGE_SCHEMA.read_bytes()  # the package's or a copy
    errors = [e.message for e in validator.iter_errors(parse_yaml(text))]
    assert errors == []


@pytest.mark.parametrize("mutation, fragment", [
    (lambda d: d | {"unbekannt": 1}, "Additional properties"),
    (lambda d: d | {"kind": "masterplan"}, "is not valid under any of the given schemas"),
    (lambda d: {k: v for k, v in d.items() if k != "title"}, "'title' is a required"),
    (lambda d: d | {"version": "zwei"}, "is not of type 'integer'"),
    (lambda d: d | {"measures": [{"id": "x", "title": "t", "life_areas": ["a"],
                                  "start": "11.12.2019"}]}, "11.12.2019"),
])
def test_invalid_documents_fail_the_schema(validator, mutation, fragment):
    plan = parse_yaml((ROOT / "counties/boerde/data/aktionsplan-1.yaml").read_text("utf-8"))
    errors = [e.message for e in validator.iter_errors(mutation(plan))]
    assert any(fragment in e for e in errors), errors


def test_unknown_document_kind_fails(validator):
    assert list(validator.iter_errors({"document": "planung"}))


# -- enums: German names first, and the spellings the loader accepts ---------------------------


def enum_validator(enum: type[Enum]) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/$defs/{enum.__name__}",
                                 "$defs": document_schema()["$defs"]})


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_each_enum_offers_its_german_names_first_with_descriptions(enum):
    offered = document_schema()["$defs"][enum.__name__]["anyOf"][0]
    german = [n for m in enum for n in names.names(m)[:-1]]
    ids = [m.value for m in enum if m.value not in german]
    assert offered["enum"] == list(dict.fromkeys(german)) + ids
    assert len(offered["enumDescriptions"]) == len(offered["enum"])
    assert offered["enumDescriptions"][offered["enum"].index(names.german(enum(ids[0])))] \
        == f"Kennung: {ids[0]}"


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_the_schema_accepts_every_spelling_the_loader_accepts(enum):
    validator = enum_validator(enum)
    for member in enum:
        for name in names.names(member):
            for typed in variants(name):
                assert validator.is_valid(typed), typed
        assert validator.is_valid(f"_{member.value}- ")
    assert not validator.is_valid("gibt es nicht") and not validator.is_valid(12)


SPELLING = st.text(st.sampled_from("aeinrtsguläöüßAEUÖÄÜ _-"), max_size=16)


@given(st.sampled_from(ENUMS), st.data())
def test_property_schema_and_loader_agree_on_any_text(enum, data):
    """Near-miss texts built from the letters of real names: the editor flags exactly what
    the loader refuses."""
    member = data.draw(st.sampled_from(list(enum)))
    name = data.draw(st.sampled_from(names.names(member)))
    text = data.draw(st.one_of(SPELLING, st.builds(lambda a, b: a + name + b, SPELLING,
                                                      SPELLING)))
    assert enum_validator(enum).is_valid(text) == (names.member_of(enum, text) is not None)
