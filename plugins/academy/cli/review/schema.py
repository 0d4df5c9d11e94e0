"""The JSON Schema of ``academy review --format json`` (``academy schema review``)."""

from __future__ import annotations

import json
from typing import Any

from academy.cli.review.findings import SECTIONS, VERSION

_KINDS = [
    "answer-key", "rename", "text", "added", "removed", "moved", "field", "scenario", "path", "quiz", "section",
    "problem",
]  # fmt: skip


def review_schema() -> dict[str, Any]:
    text = {"type": ["string", "null"]}
    finding = {
        "type": "object",
        "description": "One change a learner would notice, said once.",
        "properties": {
            "section": {"enum": list(SECTIONS), "description": "The report section, in risk order."},
            "kind": {"enum": _KINDS, "description": "What changed, for tools."},
            "where": {"type": "string", "description": "Where, in curriculum terms (Markdown code spans)."},
            "what": {"type": "string", "description": "What happened, in a few words."},
            "before": {**text, "description": "The old text, when a text changed."},
            "after": {**text, "description": "The new text."},
            "notes": {"type": "array", "items": {"type": "string"}, "description": "Further lines."},
            "short": {
                "type": "boolean",
                "description": "Only the changed stretches are shown (teaching text).",
            },
            "data": {"type": "object", "description": "The change as data; its fields depend on `kind`."},
        },
        "required": ["section", "kind", "where", "what", "before", "after", "notes", "short", "data"],
        "additionalProperties": False,
    }
    coverage = {
        "type": "object",
        "properties": {
            "objectives": {"type": "integer", "minimum": 0},
            "assessed": {"type": "integer", "minimum": 0},
            "percent": {"type": "number", "minimum": 0, "maximum": 100},
        },
        "required": ["objectives", "assessed", "percent"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://academy.invalid/schemas/review.schema.json",
        "title": "Academy curriculum review",
        "description": "`academy review --format json`: what a change means for the curriculum.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "version": {
                "const": VERSION,
                "description": "Changes only when a field is removed or changes meaning.",
            },
            "base": {"type": "string", "description": "The revision compared from."},
            "head": {"type": "string", "description": "The revision compared to (`working tree` when none)."},
            "summary": {
                "type": "object",
                "description": "Findings per section.",
                "propertyNames": {"enum": list(SECTIONS)},
                "additionalProperties": {"type": "integer", "minimum": 1},
            },
            "findings": {"type": "array", "items": finding},
            "coverage": {
                "type": "object",
                "properties": {"before": coverage, "after": coverage},
                "required": ["before", "after"],
                "additionalProperties": False,
            },
            "stale": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string"},
                        "line": {"type": "integer"},
                        "message": {"type": "string"},
                    },
                    "required": ["file", "line", "message"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["$schema", "version", "base", "head", "summary", "findings", "coverage", "stale"],
        "additionalProperties": False,
    }


def review_schema_text() -> str:
    return json.dumps(review_schema(), indent=2, ensure_ascii=False) + "\n"
