"""Source of the published JSON Schemas (module, path, quiz).

The three schemas share most definitions (ids, question types). JSON Schema
files cannot share them without cross-file ``$ref``, which editors resolve
inconsistently, so this module builds each schema as one self-contained
document and ``python -m academy.schema_source`` writes them to
``academy/schemas/``. A test fails when the committed files differ from what
this module produces.

Every property carries a ``description`` and ``examples`` so editors can show
them, and every object sets ``additionalProperties: false`` so typos surface
as errors. ``x-hint`` is our own annotation: the fix shown when a value breaks
that subschema.
"""

from __future__ import annotations

import json
import sys
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


def question_defs(in_quiz: bool) -> dict[str, Any]:
    """Definitions of the six question types.

    Module checks must name an objective of their module. Quiz questions may
    instead name the module they test (``module``), which is how a placement
    test lets a learner test out of that module.
    """
    common: dict[str, Any] = {
        "id": ref("id", "Id of the question, unique within its module or quiz bank.", "first-step"),
        "type": prop(
            {"enum": list(QUESTION_TYPES)},
            "The question type; it decides which other fields apply.",
            "single",
        ),
        "prompt": ref(
            "text",
            "The question as the learner reads it.",
            'A customer writes: "This is the third time I\'ve asked!" What do you do first?',
        ),
        "objective": ref(
            "id",
            "Id of the objective this question assesses"
            + (" (an objective of `module`)." if in_quiz else ", declared in the module's `objectives`."),
            "apply-leaps",
        ),
        "hint": ref(
            "text", "A nudge the learner can reveal before answering.", "Which letter of LEAPS comes first?"
        ),
        "explanation": ref(
            "text",
            "Why the answer is right, shown after answering.",
            "LEAPS starts with listening: people calm down once they feel heard.",
        ),
    }
    if in_quiz:
        common["module"] = ref(
            "id",
            "Id of the module this question tests. Required in placement tests: a learner who answers all of a module's questions correctly tests out of it.",
            "deescalation-leaps",
        )
    required = ["id", "type", "prompt"] + ([] if in_quiz else ["objective"])
    choice = obj(
        {
            "text": ref("text", "The choice as shown.", "Let them finish, then name what you heard."),
            "correct": prop({"type": "boolean"}, "Marks a correct choice. Omit it for wrong choices.", True),
            "feedback": ref(
                "text",
                "Why this choice is right or wrong, shown when the learner picks it.",
                "A fix before the customer feels heard reads as a brush-off.",
            ),
        },
        ["text"],
        "One answer option.",
    )
    choices = prop(
        {"type": "array", "items": {"$ref": "#/$defs/choice"}, "minItems": 2, "maxItems": 12},
        "The answer options, in the order written unless `shuffle` is true.",
        [{"text": "Offer a credit", "feedback": "Too early."}, {"text": "Listen first", "correct": True}],
    )
    shuffle = prop(
        {"type": "boolean", "default": False},
        "Show the choices in a random order, stable within one attempt.",
        True,
    )
    outcome = ref("outcomeFeedback", "Feedback by outcome.", {"correct": "Right.", "incorrect": "Not quite."})
    specific: dict[str, dict[str, Any]] = {
        "single": {"choices": choices, "shuffle": shuffle},
        "multiple": {
            "choices": choices,
            "shuffle": shuffle,
            "partial": prop(
                {"type": "boolean", "default": False},
                "Give partial credit instead of all-or-nothing scoring.",
                True,
            ),
        },
        "true-false": {
            "answer": prop({"type": "boolean"}, "The correct answer.", True),
            "feedback": outcome,
        },
        "order": {
            "items": prop(
                {"type": "array", "items": {"$ref": "#/$defs/text"}, "minItems": 2, "maxItems": 12},
                "The items in their correct order; learners see them shuffled.",
                ["Listen", "Empathise", "Apologise", "Problem-solve", "Summarise"],
            ),
            "feedback": outcome,
        },
        "match": {
            "pairs": prop(
                {"type": "array", "items": {"$ref": "#/$defs/pair"}, "minItems": 2, "maxItems": 12},
                "Left items and the right item each one matches.",
                [{"left": "CSAT", "right": "Satisfaction with one interaction"}],
            ),
            "feedback": outcome,
        },
        "text": {
            "answers": prop(
                {"type": "array", "items": {"$ref": "#/$defs/text"}, "minItems": 1},
                "Accepted answers, compared trimmed and case-insensitively.",
                ["LEAPS"],
            ),
            "feedback": outcome,
        },
    }
    defs: dict[str, Any] = {
        "choice": choice,
        "pair": obj(
            {
                "left": ref("text", "The item to match.", "CSAT"),
                "right": ref("text", "What it matches.", "Satisfaction with one interaction"),
            },
            ["left", "right"],
            "One matching pair.",
        ),
    }
    must = {
        "single": ["choices"],
        "multiple": ["choices"],
        "true-false": ["answer"],
        "order": ["items"],
        "match": ["pairs"],
        "text": ["answers"],
    }
    branches = []
    for qtype in QUESTION_TYPES:
        name = "q-" + qtype
        props = {**common, "type": prop({"const": qtype}, "The question type.", qtype), **specific[qtype]}
        defs[name] = obj(props, required + must[qtype], f"A `{qtype}` question.")
        branches.append(
            {
                "if": {"properties": {"type": {"const": qtype}}, "required": ["type"]},
                "then": {"$ref": f"#/$defs/{name}"},
            }
        )
    defs["question"] = {
        "type": "object",
        "description": "A knowledge check: one of six types, chosen by `type`.",
        "required": required,
        "properties": {"type": common["type"]},
        "allOf": branches,
    }
    return defs


def scenario_defs() -> dict[str, Any]:
    option = obj(
        {
            "text": ref(
                "text",
                "What the learner says or does.",
                "Three late orders is a lot. What happened with this one?",
            ),
            "next": ref("id", "The step this choice leads to.", "calmer"),
            "score": prop(
                {"type": "integer", "minimum": -100, "maximum": 100, "default": 0},
                "Points for this choice; the route's total is the learner's score.",
                2,
            ),
            "feedback": ref(
                "text",
                "Why this choice helps or hurts, shown after choosing.",
                "You acknowledged the pattern before asking.",
            ),
        },
        ["text", "next"],
        "One choice at a decision point.",
    )
    speaker = ref("text", "Who speaks in this step, such as the customer's name.", "Dana (customer)")
    decision = obj(
        {
            "speaker": speaker,
            "text": ref(
                "text", "The message or situation at this point.", "This is the THIRD time my order is late."
            ),
            "options": prop(
                {"type": "array", "items": {"$ref": "#/$defs/option"}, "minItems": 1, "maxItems": 6},
                "The choices offered at this decision point.",
                [{"text": "Tell me what happened.", "next": "calmer", "score": 2}],
            ),
        },
        ["text", "options"],
        "A decision point.",
    )
    ending = obj(
        {
            "speaker": speaker,
            "text": ref(
                "text", "What happens at the end of this route.", "The customer accepts the re-shipment."
            ),
            "ending": prop({"enum": list(ENDINGS)}, "The outcome of this route.", "success"),
            "feedback": ref(
                "text", "The lesson of this ending.", "You listened before solving, and it showed."
            ),
        },
        ["text", "ending"],
        "An ending.",
    )
    step = {
        "type": "object",
        "description": "A decision point (with `options`) or an ending (with `ending`).",
        "if": {"required": ["ending"]},
        "then": {"$ref": "#/$defs/ending"},
        "else": {"$ref": "#/$defs/decision"},
    }
    scenario = obj(
        {
            "id": ref("id", "Id of the scenario, unique within the module.", "third-late-order"),
            "objective": ref("id", "Id of the module objective the scenario practises.", "apply-leaps"),
            "title": ref("text", "Title shown above the scenario.", "The third late order"),
            "channel": prop(
                {"enum": list(CHANNELS)}, "How the conversation happens; sets the transcript style.", "chat"
            ),
            "intro": ref(
                "text",
                "Context the learner reads before the first step.",
                "You are on the chat queue. Dana's order is late again.",
            ),
            "start": ref("id", "Id of the first step.", "opening"),
            "allow_loops": prop(
                {"type": "boolean", "default": False},
                "Allow choices that lead back to an earlier step.",
                False,
            ),
            "steps": prop(
                {
                    "type": "object",
                    "propertyNames": {"$ref": "#/$defs/id"},
                    "additionalProperties": {"$ref": "#/$defs/step"},
                    "minProperties": 2,
                },
                "The steps, keyed by step id.",
                {
                    "opening": {
                        "text": "Where is my order?",
                        "options": [{"text": "Let me check.", "next": "done"}],
                    },
                    "done": {"text": "Found it.", "ending": "success"},
                },
            ),
        },
        ["id", "objective", "title", "start", "steps"],
        "A branching scenario.",
    )
    return {"option": option, "decision": decision, "ending": ending, "step": step, "scenario": scenario}


def _document(
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
    return _document(
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
    return _document(
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
    return _document(
        "quiz",
        "Academy quiz bank",
        "A question bank in `quizzes/`: a stage assessment, a placement test or a practice pool.",
        root,
        {**COMMON_DEFS, **question_defs(in_quiz=True)},
    )


SCHEMAS = {"module": module_schema, "path": path_schema, "quiz": quiz_schema}


def render(name: str) -> str:
    """The published text of one schema: stable key order, trailing newline."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    for name in SCHEMAS:
        target = SCHEMA_DIR / f"{name}.schema.json"
        target.write_text(render(name), encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
