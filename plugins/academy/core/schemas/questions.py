"""Schema definitions of the six question types and of branching scenarios,
shared by the module and quiz-bank schemas."""

from __future__ import annotations

from typing import Any

from academy.core.schemas.parts import CHANNELS, ENDINGS, QUESTION_TYPES, obj, prop, ref

#: Shown when a pair has neither shape.
PAIR_HINT = "Write each pair as `- {left: Within window, right: Refund}` or as `- [Within window, Refund]`."


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
        "pair": {
            "anyOf": [
                obj(
                    {
                        "left": ref("text", "The item to match.", "CSAT"),
                        "right": ref("text", "What it matches.", "Satisfaction with one interaction"),
                    },
                    ["left", "right"],
                    "A pair as a mapping: `{left: CSAT, right: Satisfaction with one interaction}`.",
                ),
                {
                    "type": "array",
                    "items": {"$ref": "#/$defs/text"},
                    "minItems": 2,
                    "maxItems": 2,
                    "description": "A pair as a two-item list, left then right: `[CSAT, Satisfaction]`.",
                    "examples": [["CSAT", "Satisfaction with one interaction"]],
                    "x-hint": "A pair in list form holds two items, left then right: `[Within window, Refund]`.",
                },
            ],
            "description": "One matching pair: a mapping with `left` and `right`, or a two-item list "
            "`[left, right]`.",
            "examples": [
                {"left": "CSAT", "right": "Satisfaction with one interaction"},
                ["Within window", "Refund"],
            ],
            "x-hint": PAIR_HINT,
        },
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
