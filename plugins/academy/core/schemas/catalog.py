"""The JSON Schema of ``catalog.json`` (:mod:`academy.outputs.catalog`).

Built with the helpers of :mod:`academy.core.schemas.source`, so it follows
the same conventions as the content schemas (descriptions, examples, closed
objects); ``make schemas`` writes it with the other three.
"""

from __future__ import annotations

from typing import Any

from academy.core.schemas import parts as _ss

#: Bumped only when a field is removed or changes meaning; new fields keep it.
CATALOG_VERSION = 1
CATALOG_SCHEMA_URL = "schemas/catalog.schema.json"


def catalog_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`catalog`, as published in ``schemas/catalog.schema.json``.

    Built with the helpers of :mod:`academy.schema_source` so it follows the
    same conventions as the source schemas (descriptions, examples, closed
    objects); a test keeps the committed file equal to this.
    """
    prop, obj, ref = _ss.prop, _ss.obj, _ss.ref
    nullable_text = {"type": ["string", "null"]}
    id_list = {"type": "array", "items": {"$ref": "#/$defs/id"}}
    objective = obj(
        {
            "id": ref("id", "Objective id, unique within its module.", "apply-leaps"),
            "text": prop(
                {"type": "string"},
                "What the learner will be able to do.",
                "Apply the LEAPS sequence to an escalating chat.",
            ),
            "bloom": prop({"enum": list(_ss.BLOOM)}, "Bloom's taxonomy level.", "apply"),
        },
        ["id", "text", "bloom"],
        "A learning objective.",
    )
    module = obj(
        {
            "id": ref("id", "Module id.", "active-listening"),
            "title": prop({"type": "string"}, "Module title.", "Active listening"),
            "summary": prop(
                {"type": "string"},
                "What the learner will be able to do.",
                "Find out what a customer needs before you fix it.",
            ),
            "level": prop({"enum": list(_ss.LEVELS)}, "Difficulty level.", "foundation"),
            "duration": prop(
                {"type": "integer", "minimum": 0}, "Expected time in minutes, practice included.", 25
            ),
            "objectives": prop(
                {"type": "array", "items": {"$ref": "#/$defs/objective"}},
                "Learning objectives, in the author's order.",
                [{"id": "apply-leaps", "text": "Apply LEAPS.", "bloom": "apply"}],
            ),
            "tags": prop(
                {"type": "array", "items": {"type": "string"}},
                "Topic tags.",
                ["communication", "listening"],
            ),
            "prerequisites": prop(id_list, "Ids of modules to complete first.", ["support-philosophy"]),
            "url": prop(
                {"type": "string"},
                "Site-relative URL of the module page.",
                "modules/active-listening/",
            ),
            "markdown": prop(
                {"type": "string"},
                "Site-relative URL of the module as clean Markdown, answer key at the end.",
                "modules/active-listening.md",
            ),
            "paths": prop(
                id_list, "Ids of the learning paths that include the module, sorted.", ["team-lead"]
            ),
            "questions": prop({"type": "integer", "minimum": 0}, "Number of knowledge checks.", 4),
            "scenarios": prop({"type": "integer", "minimum": 0}, "Number of branching scenarios.", 1),
            "owner": prop(
                nullable_text,
                "Team or person who keeps the module current; null when not set.",
                "support-enablement",
            ),
            "reviewed": prop(
                {"type": ["string", "null"], "format": "date"},
                "Date of the last content review; null when not set.",
                "2026-10-14",
            ),
        },
        [
            "id",
            "title",
            "summary",
            "level",
            "duration",
            "objectives",
            "tags",
            "prerequisites",
            "url",
            "markdown",
            "paths",
            "questions",
            "scenarios",
            "owner",
            "reviewed",
        ],
        "A module.",
    )
    stage = obj(
        {
            "id": ref("id", "Stage id, unique within its path.", "week-1-foundations"),
            "title": prop({"type": "string"}, "Stage title.", "Week 1 - Foundations"),
            "summary": prop(nullable_text, "What the stage achieves; null when not set.", "Learn the tools."),
            "modules": prop(id_list, "Module ids, in the order to take them.", ["support-philosophy"]),
            "assessment": prop(
                {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
                "Id of the quiz that closes the stage; null when there is none.",
                "new-hire-week-1",
            ),
        },
        ["id", "title", "summary", "modules", "assessment"],
        "A stage of a path.",
    )
    path = obj(
        {
            "id": ref("id", "Path id.", "new-hire-agent"),
            "title": prop({"type": "string"}, "Path title.", "New-hire support agent"),
            "role": prop({"type": "string"}, "Who the path is for.", "Support agent, first six weeks"),
            "summary": prop(
                nullable_text,
                "What the learner achieves; null when not set.",
                "From first login to handling every ticket type on your own.",
            ),
            "url": prop({"type": "string"}, "Site-relative URL of the path page.", "paths/new-hire-agent/"),
            "duration": prop({"type": "integer", "minimum": 0}, "Total minutes of the path's modules.", 360),
            "placement": prop(
                {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
                "Id of the placement quiz; null when there is none.",
                "new-hire-placement",
            ),
            "requires": prop(id_list, "Ids of paths to complete first.", ["new-hire-agent"]),
            "stages": prop(
                {"type": "array", "items": {"$ref": "#/$defs/stage"}},
                "The stages, in order.",
                [
                    {
                        "id": "foundations",
                        "title": "Week 1 - Foundations",
                        "summary": None,
                        "modules": ["support-philosophy"],
                        "assessment": None,
                    }
                ],
            ),
        },
        ["id", "title", "role", "summary", "url", "duration", "placement", "requires", "stages"],
        "A learning path.",
    )
    quiz = obj(
        {
            "id": ref("id", "Quiz id.", "new-hire-week-1"),
            "title": prop({"type": "string"}, "Quiz title.", "Week 1 assessment"),
            "kind": prop({"enum": list(_ss.QUIZ_KINDS)}, "What the quiz is for.", "assessment"),
            "summary": prop(nullable_text, "What the quiz covers; null when not set.", "Product tiers."),
            "url": prop(
                {"type": "string"}, "Site-relative URL of the quiz page.", "quizzes/new-hire-week-1/"
            ),
            "pass_mark": prop(
                {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
                "Percent needed to pass; null when the quiz is not graded.",
                80,
            ),
            "draw": prop(
                {"type": ["integer", "null"], "minimum": 1},
                "Questions drawn per attempt; null when every question is asked.",
                10,
            ),
            "questions": prop({"type": "integer", "minimum": 0}, "Number of questions in the pool.", 12),
            "modules": prop(
                id_list, "Ids of the modules its questions map to, sorted, each once.", ["product-basics"]
            ),
        },
        ["id", "title", "kind", "summary", "url", "pass_mark", "draw", "questions", "modules"],
        "A quiz bank, without its questions or answers.",
    )
    site = obj(
        {
            "name": prop({"type": "string"}, "The site's name.", "Customer Service Academy"),
            "url": prop(
                {"type": ["string", "null"], "format": "uri"},
                "The site's public address, to resolve the site-relative URLs; null when not configured.",
                "https://academy.example.org/",
            ),
        },
        ["name", "url"],
        "The site the catalog describes.",
    )
    root = obj(
        {
            "$schema": prop(
                {"type": "string"}, "Relative URL of this schema, for editors.", CATALOG_SCHEMA_URL
            ),
            "version": prop(
                {"const": CATALOG_VERSION},
                "Format version; changes only when a field is removed or changes meaning.",
                CATALOG_VERSION,
            ),
            "site": prop({"$ref": "#/$defs/site"}, "The site.", {"name": "Academy", "url": None}),
            "built": prop(
                {"type": "string", "format": "date-time", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"},
                "Build time in UTC (SOURCE_DATE_EPOCH when set).",
                "2026-11-01T00:00:00Z",
            ),
            "modules": prop(
                {"type": "array", "items": {"$ref": "#/$defs/module"}},
                "Every module, sorted by id.",
                [],
            ),
            "paths": prop(
                {"type": "array", "items": {"$ref": "#/$defs/path"}},
                "Every learning path, in site order.",
                [],
            ),
            "quizzes": prop(
                {"type": "array", "items": {"$ref": "#/$defs/quiz"}},
                "Every quiz bank, sorted by id, without answers.",
                [],
            ),
        },
        ["$schema", "version", "site", "built", "modules", "paths", "quizzes"],
        "",
    )
    defs = {
        "id": _ss.COMMON_DEFS["id"],
        "site": site,
        "objective": objective,
        "module": module,
        "stage": stage,
        "path": path,
        "quiz": quiz,
    }
    return {
        "$schema": _ss.DIALECT,
        "$id": _ss.BASE_URI + "catalog.schema.json",
        "title": "Academy catalog",
        **root,
        "description": "`catalog.json`: every module, learning path and quiz of a built academy, for tools "
        "and AI agents. Holds no answers.",
        "$defs": defs,
    }
