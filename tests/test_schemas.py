"""The published JSON Schemas: valid, documented, strict, and in sync."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from academy.core.schemas import KINDS, schema, schema_text
from academy.core.schemas import source as schema_source

from helpers import schema_objects


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    document = schema(kind)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


@pytest.mark.parametrize("kind", sorted(schema_source.SCHEMAS))
def test_committed_schema_matches_its_source(kind: str) -> None:
    assert schema_text(kind) == schema_source.render(kind), "run `make schemas` and commit the result"


def test_make_schemas_writes_all_four(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema_source, "SCHEMA_DIR", tmp_path)
    assert schema_source.main() == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "catalog.schema.json",
        "module.schema.json",
        "path.schema.json",
        "quiz.schema.json",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_has_description_and_examples(kind: str) -> None:
    missing = []
    for where, obj in schema_objects(schema(kind), kind):
        for name, prop in obj["properties"].items():
            if where.endswith("/if/properties") or "/if" in where:
                continue
            if not prop.get("description") or not prop.get("examples"):
                missing.append(f"{where}/properties/{name}")
    assert missing == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_object_rejects_unknown_fields(kind: str) -> None:
    loose = [
        where
        for where, obj in schema_objects(schema(kind), kind)
        if "/if" not in where and obj.get("additionalProperties") is not False and "allOf" not in obj
    ]
    assert loose == []


def test_examples_of_the_module_root_validate() -> None:
    validator = Draft202012Validator(schema("module"))
    example = {
        "id": "deescalation-leaps",
        "title": "De-escalation with LEAPS",
        "summary": "Calm an upset customer.",
        "level": "intermediate",
        "duration": 20,
        "objectives": [{"id": "apply-leaps", "text": "Apply LEAPS.", "bloom": "apply"}],
    }
    assert list(validator.iter_errors(example)) == []
    assert json.loads(json.dumps(example)) == example
