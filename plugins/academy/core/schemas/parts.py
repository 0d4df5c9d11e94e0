"""The building blocks of the published JSON Schemas: vocabulary and helpers.

Every property carries a ``description`` and ``examples`` so editors can show
them, and every object sets ``additionalProperties: false`` so typos surface
as errors. ``x-hint`` is our own annotation: the fix shown when a value breaks
that subschema.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://academy.invalid/schemas/"
SCHEMA_DIR = Path(__file__).parent

QUESTION_TYPES = ("single", "multiple", "true-false", "order", "match", "text")
LEVELS = ("foundation", "intermediate", "advanced")
BLOOM = ("remember", "understand", "apply", "analyze", "evaluate", "create")
ENDINGS = ("success", "partial", "fail")
CHANNELS = ("chat", "email", "phone", "in-person")
QUIZ_KINDS = ("assessment", "placement", "practice")

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_HINT = "Ids are kebab-case: lowercase letters, digits and single hyphens, such as `active-listening`."


def prop(schema: dict[str, Any], description: str, *examples: Any) -> dict[str, Any]:
    """A property schema with the description and examples editors show."""
    return {**schema, "description": description, "examples": list(examples)}


def ref(name: str, description: str, *examples: Any) -> dict[str, Any]:
    return prop({"$ref": f"#/$defs/{name}"}, description, *examples)


def obj(properties: dict[str, Any], required: list[str], description: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "required": required,
        "properties": properties,
        "additionalProperties": False,
        **extra,
    }


def id_list(description: str, *examples: Any) -> dict[str, Any]:
    return prop(
        {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": True},
        description,
        *examples,
    )


COMMON_DEFS: dict[str, Any] = {
    "id": {
        "type": "string",
        "pattern": ID_PATTERN,
        "maxLength": 64,
        "description": "A stable identifier in kebab-case. Learner progress is keyed by it: do not rename lightly.",
        "examples": ["active-listening"],
        "x-hint": ID_HINT,
    },
    "text": {
        "type": "string",
        "pattern": r"\S",
        "description": "Plain text. Blank lines separate paragraphs; HTML is shown as written, never interpreted.",
        "examples": ["Let the customer finish before you answer."],
    },
    "outcomeFeedback": obj(
        {
            "correct": ref(
                "text", "Shown when the learner answers correctly.", "Right: listening comes first."
            ),
            "incorrect": ref(
                "text",
                "Shown when the learner answers wrongly.",
                "Not quite: think about what the customer needs first.",
            ),
        },
        [],
        "Feedback for a question without choices, by outcome.",
    ),
}


def document(
    name: str, title: str, description: str, root: dict[str, Any], defs: dict[str, Any]
) -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "$id": BASE_URI + f"{name}.schema.json",
        "title": title,
        **root,
        "description": description,
        "$defs": defs,
    }
