"""Lenient builders: front matter data -> model items.

Deliberately lenient: they run on data that may have failed schema
validation, taking what is well-formed and skipping the rest, so one bad
field does not hide the other mistakes in the same file: the cross-file and
answer-key rules still run on everything that has a usable shape. Each item
remembers ``path``, its location inside its file's YAML, so rules can point
at it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from academy.core.model import (
    Choice,
    LearningPath,
    Module,
    Objective,
    Option,
    Pair,
    Question,
    Quiz,
    Scenario,
    Stage,
    Step,
    YamlPath,
)


def _s(data: Any, key: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""


def _i(data: Any, key: str) -> int | None:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _b(data: Any, key: str) -> bool:
    return isinstance(data, dict) and data.get(key) is True


def _list(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _strs(data: Any, key: str) -> tuple[str, ...]:
    return tuple(v for v in _list(data, key) if isinstance(v, str))


def _pair(data: Any) -> Pair | None:
    """A pair in either form: ``{left, right}`` or ``[left, right]``."""
    if isinstance(data, dict):
        return Pair(_s(data, "left"), _s(data, "right"))
    if isinstance(data, list) and len(data) == 2:
        left, right = (v if isinstance(v, str) else "" for v in data)
        return Pair(left, right)
    return None


def question_from(data: Any, path: YamlPath) -> Question | None:
    if not isinstance(data, dict) or not _s(data, "id"):
        return None
    feedback = data.get("feedback")
    choices = tuple(
        Choice(_s(c, "text"), _b(c, "correct"), _s(c, "feedback"))
        for c in _list(data, "choices")
        if isinstance(c, dict)
    )
    pairs = tuple(pair for p in _list(data, "pairs") if (pair := _pair(p)) is not None)
    answer = data.get("answer")
    return Question(
        id=_s(data, "id"),
        type=_s(data, "type"),
        prompt=_s(data, "prompt"),
        objective=_s(data, "objective"),
        hint=_s(data, "hint"),
        explanation=_s(data, "explanation"),
        choices=choices,
        shuffle=_b(data, "shuffle"),
        partial=_b(data, "partial"),
        answer=answer if isinstance(answer, bool) else None,
        items=_strs(data, "items"),
        pairs=pairs,
        answers=_strs(data, "answers"),
        feedback_correct=_s(feedback, "correct"),
        feedback_incorrect=_s(feedback, "incorrect"),
        module=_s(data, "module"),
        path=path,
    )


def scenario_from(data: Any, path: YamlPath) -> Scenario | None:
    if not isinstance(data, dict) or not _s(data, "id"):
        return None
    raw_steps = data.get("steps")
    steps: list[Step] = []
    if isinstance(raw_steps, dict):
        for step_id, step in raw_steps.items():
            if not isinstance(step, dict):
                continue
            options = tuple(
                Option(_s(o, "text"), _s(o, "next"), _i(o, "score") or 0, _s(o, "feedback"))
                for o in _list(step, "options")
                if isinstance(o, dict)
            )
            steps.append(
                Step(
                    id=step_id,
                    text=_s(step, "text"),
                    speaker=_s(step, "speaker"),
                    options=options,
                    ending=_s(step, "ending"),
                    feedback=_s(step, "feedback"),
                    path=(*path, "steps", step_id),
                )
            )
    return Scenario(
        id=_s(data, "id"),
        objective=_s(data, "objective"),
        title=_s(data, "title"),
        start=_s(data, "start"),
        steps=tuple(steps),
        channel=_s(data, "channel"),
        intro=_s(data, "intro"),
        allow_loops=_b(data, "allow_loops"),
        path=path,
    )


def _date(value: Any) -> _dt.date | None:
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def module_from(data: Any, file: str, body: str = "", body_line: int = 1) -> Module | None:
    """Build a module from front matter data; ``None`` when it has no usable id."""
    if not isinstance(data, dict) or not _s(data, "id"):
        return None
    objectives = tuple(
        Objective(_s(o, "id"), _s(o, "text"), _s(o, "bloom"), ("objectives", i))
        for i, o in enumerate(_list(data, "objectives"))
        if isinstance(o, dict) and _s(o, "id")
    )
    checks = tuple(q for i, c in enumerate(_list(data, "checks")) if (q := question_from(c, ("checks", i))))
    scenarios = tuple(
        s for i, c in enumerate(_list(data, "scenarios")) if (s := scenario_from(c, ("scenarios", i)))
    )
    return Module(
        id=_s(data, "id"),
        title=_s(data, "title"),
        summary=_s(data, "summary"),
        level=_s(data, "level"),
        duration=_i(data, "duration") or 0,
        file=file,
        body=body,
        body_line=body_line,
        prerequisites=_strs(data, "prerequisites"),
        tags=_strs(data, "tags"),
        owner=_s(data, "owner"),
        reviewed=_date(data.get("reviewed")),
        review_every=_i(data, "review_every"),
        objectives=objectives,
        checks=checks,
        scenarios=scenarios,
    )


def path_from(data: Any, file: str) -> LearningPath | None:
    if not isinstance(data, dict) or not _s(data, "id"):
        return None
    stages = tuple(
        Stage(
            _s(s, "id"),
            _s(s, "title"),
            _strs(s, "modules"),
            _s(s, "summary"),
            _s(s, "assessment"),
            ("stages", i),
        )
        for i, s in enumerate(_list(data, "stages"))
        if isinstance(s, dict)
    )
    return LearningPath(
        id=_s(data, "id"),
        title=_s(data, "title"),
        role=_s(data, "role"),
        file=file,
        stages=stages,
        summary=_s(data, "summary"),
        placement=_s(data, "placement"),
        requires=_strs(data, "requires"),
        certificate_title=_s(data.get("certificate"), "title"),
    )


def quiz_from(data: Any, file: str) -> Quiz | None:
    if not isinstance(data, dict) or not _s(data, "id"):
        return None
    questions = tuple(
        q for i, c in enumerate(_list(data, "questions")) if (q := question_from(c, ("questions", i)))
    )
    return Quiz(
        id=_s(data, "id"),
        title=_s(data, "title"),
        kind=_s(data, "kind"),
        file=file,
        questions=questions,
        summary=_s(data, "summary"),
        pass_mark=_i(data, "pass_mark"),
        draw=_i(data, "draw"),
        show_solution=data.get("show_solution") is not False,
    )
