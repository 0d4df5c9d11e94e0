"""The three content schemas: module front matter, learning paths, quiz banks."""

from __future__ import annotations

from typing import Any

from academy.core.schemas.parts import (
    BLOOM,
    COMMON_DEFS,
    ID_PATTERN,
    LEVELS,
    QUIZ_KINDS,
    document,
    id_list,
    obj,
    prop,
    ref,
)
from academy.core.schemas.questions import question_defs, scenario_defs


def module_schema() -> dict[str, Any]:
    properties = {
        "id": ref(
            "id", "Module id, unique across the academy. Its page is `modules/<id>/`.", "deescalation-leaps"
        ),
        "title": prop(
            {"$ref": "#/$defs/text", "maxLength": 120}, "Module title.", "De-escalation with LEAPS"
        ),
        "summary": prop(
            {"$ref": "#/$defs/text", "maxLength": 300},
            "One or two sentences: what the learner will be able to do.",
            "Calm an upset customer with a repeatable five-step sequence.",
        ),
        "level": prop({"enum": list(LEVELS)}, "Difficulty level.", "intermediate"),
        "duration": prop(
            {"type": "integer", "minimum": 1, "maximum": 600},
            "Expected time in minutes, reading and practice included.",
            20,
        ),
        "prerequisites": id_list("Ids of modules to complete first.", ["active-listening"]),
        "tags": prop(
            {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}, "uniqueItems": True},
            "Topic tags, kebab-case.",
            ["communication", "de-escalation"],
        ),
        "owner": prop(
            {"$ref": "#/$defs/text", "maxLength": 80},
            "Team or person who keeps the module current.",
            "support-enablement",
        ),
        "reviewed": prop(
            {"type": "string", "format": "date", "x-hint": "Write an ISO date: YYYY-MM-DD."},
            "Date of the last content review (ISO `YYYY-MM-DD`).",
            "2026-10-01",
        ),
        "review_every": prop(
            {"type": "integer", "minimum": 1, "maximum": 3650},
            "Days between reviews; past due, the module is reported stale.",
            180,
        ),
        "objectives": prop(
            {"type": "array", "items": {"$ref": "#/$defs/objective"}, "minItems": 1, "maxItems": 8},
            "What the learner will be able to do, each with a Bloom level.",
            [
                {
                    "id": "apply-leaps",
                    "text": "Apply the LEAPS sequence to an escalating chat.",
                    "bloom": "apply",
                }
            ],
        ),
        "checks": prop(
            {"type": "array", "items": {"$ref": "#/$defs/question"}},
            "Knowledge checks. Place one in the body with `[[check ID]]`; the rest appear at the end.",
            [
                {
                    "id": "first-step",
                    "objective": "apply-leaps",
                    "type": "true-false",
                    "prompt": "LEAPS starts with listening.",
                    "answer": True,
                }
            ],
        ),
        "scenarios": prop(
            {"type": "array", "items": {"$ref": "#/$defs/scenario"}},
            "Branching scenarios. Place one in the body with `[[scenario ID]]`.",
            [
                {
                    "id": "third-late-order",
                    "objective": "apply-leaps",
                    "title": "The third late order",
                    "start": "opening",
                    "steps": {},
                }
            ],
        ),
    }
    objective = obj(
        {
            "id": ref("id", "Objective id, unique within the module.", "apply-leaps"),
            "text": ref(
                "text",
                "What the learner will be able to do, starting with a verb.",
                "Apply the LEAPS sequence to an escalating chat.",
            ),
            "bloom": prop({"enum": list(BLOOM)}, "Bloom's taxonomy level of the objective.", "apply"),
        },
        ["id", "text", "bloom"],
        "A learning objective.",
    )
    root = obj(properties, ["id", "title", "summary", "level", "duration", "objectives"], "")
    defs = {**COMMON_DEFS, "objective": objective, **question_defs(in_quiz=False), **scenario_defs()}
    return document(
        "module",
        "Academy module front matter",
        "The YAML front matter of a Markdown module in `modules/`.",
        root,
        defs,
    )


def path_schema() -> dict[str, Any]:
    stage = obj(
        {
            "id": ref("id", "Stage id, unique within the path.", "foundations"),
            "title": ref("text", "Stage title.", "Week 1 - Foundations"),
            "summary": ref(
                "text",
                "What this stage achieves.",
                "Learn the product and the tools before you talk to customers.",
            ),
            "modules": prop(
                {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": True, "minItems": 1},
                "Module ids, in the order to take them.",
                ["support-philosophy", "product-basics"],
            ),
            "assessment": ref(
                "id", "Id of a quiz bank of kind `assessment` that closes the stage.", "new-hire-week-1"
            ),
        },
        ["id", "title", "modules"],
        "A stage of the path.",
    )
    properties = {
        "id": ref("id", "Path id, unique across the academy. Its page is `paths/<id>/`.", "new-hire-agent"),
        "title": prop(
            {"$ref": "#/$defs/text", "maxLength": 120},
            "Path title, shown on the role card.",
            "New-hire support agent",
        ),
        "role": prop(
            {"$ref": "#/$defs/text", "maxLength": 120},
            "Who the path is for.",
            "Support agent, first six weeks",
        ),
        "summary": prop(
            {"$ref": "#/$defs/text", "maxLength": 400},
            "What the learner achieves.",
            "From first login to handling every ticket type on your own.",
        ),
        "placement": ref(
            "id",
            "Id of a quiz bank of kind `placement` that lets learners test out of modules.",
            "new-hire-placement",
        ),
        "requires": id_list(
            "Ids of paths to complete before this one; their modules count as known.", ["new-hire-agent"]
        ),
        "stages": prop(
            {"type": "array", "items": {"$ref": "#/$defs/stage"}, "minItems": 1},
            "The stages, in order.",
            [{"id": "foundations", "title": "Week 1 - Foundations", "modules": ["support-philosophy"]}],
        ),
        "certificate": prop(
            obj(
                {"title": ref("text", "Title printed on the certificate.", "Support Agent Foundations")},
                ["title"],
                "Certificate awarded when the path is complete.",
            ),
            "Certificate awarded when every module is complete and every assessment passed.",
            {"title": "Support Agent Foundations"},
        ),
    }
    root = obj(properties, ["id", "title", "role", "stages"], "")
    return document(
        "path",
        "Academy learning path",
        "A role-based learning path in `paths/`.",
        root,
        {**COMMON_DEFS, "stage": stage},
    )


def quiz_schema() -> dict[str, Any]:
    properties = {
        "id": ref(
            "id", "Quiz bank id, unique across the academy. Its page is `quizzes/<id>/`.", "new-hire-week-1"
        ),
        "title": prop({"$ref": "#/$defs/text", "maxLength": 120}, "Quiz title.", "Week 1 assessment"),
        "kind": prop({"enum": list(QUIZ_KINDS)}, "What the quiz is for.", "assessment"),
        "summary": ref(
            "text", "What the quiz covers.", "Product tiers, the ticket system and our service standards."
        ),
        "pass_mark": prop({"type": "integer", "minimum": 0, "maximum": 100}, "Percent needed to pass.", 80),
        "draw": prop(
            {"type": "integer", "minimum": 1}, "Ask this many questions, drawn at random per attempt.", 10
        ),
        "show_solution": prop(
            {"type": "boolean"},
            "Offer a Show solution button after an attempt, revealing every question's answer"
            " (default true; set false to show only each verdict and the score).",
            False,
        ),
        "questions": prop(
            {"type": "array", "items": {"$ref": "#/$defs/question"}, "minItems": 1},
            "The question pool.",
            [
                {
                    "id": "tiers",
                    "module": "product-basics",
                    "type": "true-false",
                    "prompt": "Every plan includes phone support.",
                    "answer": False,
                }
            ],
        ),
    }
    root = obj(
        properties,
        ["id", "title", "kind", "questions"],
        "",
        allOf=[
            {"if": {"properties": {"kind": {"const": "assessment"}}}, "then": {"required": ["pass_mark"]}}
        ],
    )
    return document(
        "quiz",
        "Academy quiz bank",
        "A question bank in `quizzes/`: a stage assessment, a placement test or a practice pool.",
        root,
        {**COMMON_DEFS, **question_defs(in_quiz=True)},
    )
