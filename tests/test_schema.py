"""The JSON Schema matches what the loader accepts, and every shipped YAML names it."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from teilhabe_core.documents.loader import PACKAGE_SCHEMA
from teilhabe_core.documents.schema import document_schema
from teilhabe_core.documents.yamlsafe import parse_yaml
from tests.conftest import ROOT

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
    (lambda d: d | {"kind": "aktionsplan"}, "is not one of"),
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
