"""catalog.json and its JSON Schema, on the sample academy."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from academy.core.model import (
    Academy,
)
from academy.core.schemas import schema_text
from academy.core.schemas.catalog import catalog_schema
from academy.outputs.catalog import catalog, catalog_json
from academy.outputs.common import build_time
from academy.render.urls import SiteUrls

from helpers import schema_objects
from machines import DIRS, FLAT, SITE, keys, sample_academy
from sample import sample


@pytest.fixture(scope="module")
def academy() -> Academy:
    return sample_academy()


def _catalog(academy: Academy, urls: SiteUrls = DIRS, site_url: str = SITE) -> dict[str, Any]:
    return catalog(academy, urls, site_name=sample().site_name, site_url=site_url, built=dt.date(2026, 11, 1))


def test_catalog_schema_is_valid_draft_2020_12() -> None:
    # That the committed file matches its source is test_schemas' job, for all four.
    document = json.loads(schema_text("catalog"))
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_catalog_schema_follows_the_schema_conventions() -> None:
    objects = list(schema_objects(catalog_schema(), "catalog"))
    assert len(objects) == 7  # root, site, objective, module, stage, path, quiz
    undocumented = [
        f"{where}/{name}"
        for where, obj in objects
        for name, prop in obj["properties"].items()
        if not prop.get("description") or not prop.get("examples")
    ]
    assert undocumented == []
    assert [where for where, obj in objects if obj.get("additionalProperties") is not False] == []


@pytest.mark.parametrize(("urls", "site_url"), [(DIRS, SITE), (FLAT, ""), (DIRS, "")])
def test_catalog_validates_against_its_schema(academy: Academy, urls: SiteUrls, site_url: str) -> None:
    validator = Draft202012Validator(catalog_schema(), format_checker=FormatChecker())
    data = json.loads(catalog_json(_catalog(academy, urls, site_url)))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_catalog_schema_rejects_unknown_fields_and_answers(academy: Academy) -> None:
    validator = Draft202012Validator(catalog_schema())
    data = _catalog(academy)
    data["quizzes"][0]["answers"] = ["x"]
    assert not validator.is_valid(data)


def test_catalog_lists_every_module_path_and_quiz(academy: Academy) -> None:
    files = sample()
    data = _catalog(academy)
    assert [m["id"] for m in data["modules"]] == sorted(files.modules)
    assert [p["id"] for p in data["paths"]] == [p["id"] for p in files.paths]
    assert [q["id"] for q in data["quizzes"]] == sorted(files.quizzes)
    assert data["$schema"] == "schemas/catalog.schema.json"
    assert data["version"] == 1
    assert data["site"] == {"name": files.site_name, "url": SITE}
    assert data["built"] == "2026-11-01T00:00:00Z"


def test_catalog_entries_say_what_the_files_say(academy: Academy) -> None:
    files = sample()
    data = _catalog(academy)
    for entry in data["modules"]:
        raw = files.modules[entry["id"]]
        assert entry == {
            "id": raw["id"],
            "title": raw["title"].strip(),
            "summary": raw["summary"].strip(),
            "level": raw["level"],
            "duration": raw["duration"],
            "objectives": [
                {"id": o["id"], "text": o["text"].strip(), "bloom": o["bloom"]} for o in raw["objectives"]
            ],
            "tags": raw.get("tags", []),
            "prerequisites": raw.get("prerequisites", []),
            "url": f"modules/{raw['id']}/",
            "markdown": f"modules/{raw['id']}.md",
            "paths": sorted(files.paths_of(raw["id"])),
            "questions": len(raw.get("checks", [])),
            "scenarios": len(raw.get("scenarios", [])),
            "owner": raw.get("owner"),
            "reviewed": str(raw["reviewed"]) if raw.get("reviewed") else None,
        }, entry["id"]
    for entry, raw in zip(data["paths"], files.paths, strict=True):
        assert entry == {
            "id": raw["id"],
            "title": raw["title"].strip(),
            "role": raw["role"].strip(),
            "summary": raw["summary"].strip() if raw.get("summary") else None,
            "url": f"paths/{raw['id']}/",
            "duration": files.duration(raw),
            "placement": raw.get("placement"),
            "requires": raw.get("requires", []),
            "stages": [
                {
                    "id": s["id"],
                    "title": s["title"].strip(),
                    "summary": s["summary"].strip() if s.get("summary") else None,
                    "modules": s["modules"],
                    "assessment": s.get("assessment"),
                }
                for s in raw["stages"]
            ],
        }, entry["id"]
    for entry in data["quizzes"]:
        raw = files.quizzes[entry["id"]]
        assert entry == {
            "id": raw["id"],
            "title": raw["title"].strip(),
            "kind": raw["kind"],
            "summary": raw["summary"].strip() if raw.get("summary") else None,
            "url": f"quizzes/{raw['id']}/",
            "pass_mark": raw.get("pass_mark"),
            "draw": raw.get("draw"),
            "questions": len(raw["questions"]),
            "modules": sorted({q["module"] for q in raw["questions"] if q.get("module")}),
        }, entry["id"]
    # The sample exercises what these comparisons could otherwise miss.
    assert any(len(files.paths_of(m)) > 1 for m in files.modules), "a module in two paths"
    assert any(p.get("requires") for p in files.paths) and any(p.get("placement") for p in files.paths)


def test_catalog_urls_follow_the_url_style_but_markdown_does_not(academy: Academy) -> None:
    data = _catalog(academy, FLAT, "")
    for module in data["modules"]:
        assert module["url"] == f"modules/{module['id']}.html"
        assert module["markdown"] == f"modules/{module['id']}.md"
    assert [p["url"] for p in data["paths"]] == [f"paths/{p['id']}.html" for p in data["paths"]]
    assert data["site"]["url"] is None


def test_catalog_contains_no_answer_data(academy: Academy) -> None:
    data = _catalog(academy)
    forbidden = {"correct", "answer", "answers", "pairs", "choices", "items", "explanation", "feedback"}
    assert forbidden & set(keys(data)) == set()
    text = catalog_json(data)
    for _, question in academy.questions():
        assert question.prompt.strip() not in text
        for choice in question.choices:
            if len(choice.text) > 30:  # short texts ("Yes") occur anywhere
                assert choice.text.strip() not in text


def test_catalog_text_is_stable(academy: Academy) -> None:
    first = catalog_json(_catalog(academy))
    assert first == catalog_json(_catalog(academy))
    assert first.endswith("}\n")


def test_build_time_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch, academy: Academy) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793491200")
    built = build_time()
    assert built == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    data = catalog(academy, DIRS, site_name="A", site_url="", built=built)
    assert data["built"] == "2026-11-01T00:00:00Z"


def test_build_time_without_epoch_is_now_in_utc_to_the_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    built = build_time()
    assert built.tzinfo is dt.UTC
    assert built.microsecond == 0
    assert before <= built <= dt.datetime.now(dt.UTC)


def test_built_is_normalised_to_utc(academy: Academy) -> None:
    plus_two = dt.timezone(dt.timedelta(hours=2))
    aware = dt.datetime(2026, 11, 1, 2, 30, 15, 999, tzinfo=plus_two)
    data = catalog(academy, DIRS, site_name="A", site_url="", built=aware)
    assert data["built"] == "2026-11-01T00:30:15Z"
