"""The academy's content model: frozen dataclasses, nothing engine-specific.

Builders here are deliberately lenient. They run on data that may have failed
schema validation, taking what is well-formed and skipping the rest, so that
one bad field does not hide the other mistakes in the same file: the
cross-file and answer-key rules still run on everything that has a usable
shape. Each item remembers ``path``, its location inside its file's YAML, so
rules can point at it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Objective:
    id: str
    text: str
    bloom: str
    path: YamlPath = ()


@dataclass(frozen=True, slots=True)
class Choice:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Pair:
    left: str
    right: str


@dataclass(frozen=True, slots=True)
class Question:
    """A knowledge check in a module, or a question in a quiz bank.

    Only the fields of its ``type`` are meaningful; the others stay empty.
    ``module`` is set for quiz-bank questions that map to a module.
    """

    id: str
    type: str
    prompt: str
    objective: str = ""
    hint: str = ""
    explanation: str = ""
    choices: tuple[Choice, ...] = ()
    shuffle: bool = False
    partial: bool = False
    answer: bool | None = None
    items: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    answers: tuple[str, ...] = ()
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    module: str = ""
    path: YamlPath = ()

    @property
    def correct_indexes(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.choices) if c.correct)


@dataclass(frozen=True, slots=True)
class Option:
    text: str
    next: str
    score: int = 0
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """A decision point (``options``) or an ending (``ending`` is set)."""

    id: str
    text: str
    speaker: str = ""
    options: tuple[Option, ...] = ()
    ending: str = ""
    feedback: str = ""
    path: YamlPath = ()


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    objective: str
    title: str
    start: str
    steps: tuple[Step, ...]
    channel: str = ""
    intro: str = ""
    allow_loops: bool = False
    path: YamlPath = ()

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def reading_order(self) -> tuple[Step, ...]:
        """Steps breadth-first from the start, then any unreachable ones.

        How a scenario reads as text (the page without JavaScript, the
        Markdown export): the opening first, and each choice's result soon
        after the choice.
        """
        by_id = {s.id: s for s in self.steps}
        order = [self.start] if self.start in by_id else []
        seen = set(order)
        for current in order:  # grows while iterating: a queue
            for option in by_id[current].options:
                if option.next in by_id and option.next not in seen:
                    seen.add(option.next)
                    order.append(option.next)
        order += [s.id for s in self.steps if s.id not in seen]
        return tuple(by_id[i] for i in order)

    def route_graph(self) -> tuple[list[str], set[tuple[str, int]]]:
        """Steps reachable from the start in post-order (successors first),
        and the options that close loops, as (step id, option index).

        An iterative depth-first search, so deep scenarios never hit the
        recursion limit; best-route calculations walk ``order`` and skip ``back``.
        """
        by_id = {s.id: s for s in self.steps}
        order: list[str] = []
        back: set[tuple[str, int]] = set()
        if self.start not in by_id:
            return order, back
        state: dict[str, int] = {self.start: 1}
        stack = [(self.start, 0)]
        while stack:
            step_id, index = stack[-1]
            options = by_id[step_id].options
            if index >= len(options):
                stack.pop()
                state[step_id] = 2
                order.append(step_id)
                continue
            stack[-1] = (step_id, index + 1)
            target = options[index].next
            if target not in by_id:
                continue
            if state.get(target) == 1:
                back.add((step_id, index))
            elif target not in state:
                state[target] = 1
                stack.append((target, 0))
        return order, back

    @property
    def max_score(self) -> int:
        """Best total score over any route from the start.

        Computed on the graph without the options that close loops (found by
        an iterative depth-first search), so scenarios with ``allow_loops``
        get the best score of a route that visits each step once.
        """
        by_id = {s.id: s for s in self.steps}
        if self.start not in by_id:
            return 0
        order, back = self.route_graph()
        best: dict[str, int] = {}
        for step_id in order:
            scores = [
                o.score + best.get(o.next, 0)
                for i, o in enumerate(by_id[step_id].options)
                if (step_id, i) not in back and o.next in by_id
            ]
            best[step_id] = max(scores, default=0)
        return best.get(self.start, 0)


@dataclass(frozen=True, slots=True)
class Module:
    id: str
    title: str
    summary: str
    level: str
    duration: int
    file: str
    body: str = ""
    body_line: int = 1
    prerequisites: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    owner: str = ""
    reviewed: _dt.date | None = None
    review_every: int | None = None
    objectives: tuple[Objective, ...] = ()
    checks: tuple[Question, ...] = ()
    scenarios: tuple[Scenario, ...] = ()

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def check(self, check_id: str) -> Question | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    title: str
    modules: tuple[str, ...]
    summary: str = ""
    assessment: str = ""
    path: YamlPath = ()


@dataclass(frozen=True, slots=True)
class LearningPath:
    id: str
    title: str
    role: str
    file: str
    stages: tuple[Stage, ...]
    summary: str = ""
    placement: str = ""
    requires: tuple[str, ...] = ()
    certificate_title: str = ""

    @property
    def module_ids(self) -> tuple[str, ...]:
        return tuple(m for stage in self.stages for m in stage.modules)


@dataclass(frozen=True, slots=True)
class Quiz:
    id: str
    title: str
    kind: str
    file: str
    questions: tuple[Question, ...]
    summary: str = ""
    pass_mark: int | None = None
    draw: int | None = None
    show_solution: bool = True


@dataclass(frozen=True)
class Academy:
    """Every module, path and quiz bank, with lookups by id."""

    modules: tuple[Module, ...] = ()
    paths: tuple[LearningPath, ...] = ()
    quizzes: tuple[Quiz, ...] = ()
    _modules: Mapping[str, Module] = field(default_factory=dict, repr=False, compare=False)
    _paths: Mapping[str, LearningPath] = field(default_factory=dict, repr=False, compare=False)
    _quizzes: Mapping[str, Quiz] = field(default_factory=dict, repr=False, compare=False)
    _paths_of: Mapping[str, tuple[LearningPath, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(
        cls,
        modules: tuple[Module, ...],
        paths: tuple[LearningPath, ...],
        quizzes: tuple[Quiz, ...],
    ) -> Academy:
        # First definition wins; duplicates are reported by the identity rules.
        def index(items: tuple[Any, ...]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for item in items:
                out.setdefault(item.id, item)
            return out

        # Which paths list each module, asked once per module page and export.
        paths_of: dict[str, list[LearningPath]] = {}
        for lp in paths:
            for module_id in dict.fromkeys(lp.module_ids):
                paths_of.setdefault(module_id, []).append(lp)
        return cls(
            modules,
            paths,
            quizzes,
            index(modules),
            index(paths),
            index(quizzes),
            {k: tuple(v) for k, v in paths_of.items()},
        )

    def module(self, module_id: str) -> Module | None:
        return self._modules.get(module_id)

    def path(self, path_id: str) -> LearningPath | None:
        return self._paths.get(path_id)

    def quiz(self, quiz_id: str) -> Quiz | None:
        return self._quizzes.get(quiz_id)

    def paths_of(self, module_id: str) -> tuple[LearningPath, ...]:
        if self._paths_of or not self.paths:
            return self._paths_of.get(module_id, ())
        return tuple(p for p in self.paths if module_id in p.module_ids)  # built without `of`

    def path_duration(self, path: LearningPath) -> int:
        return sum(m.duration for m in (self.module(i) for i in path.module_ids) if m)

    def questions(self) -> Iterator[tuple[Module | Quiz, Question]]:
        for module in self.modules:
            for check in module.checks:
                yield module, check
        for quiz in self.quizzes:
            for question in quiz.questions:
                yield quiz, question


# --- lenient builders ---------------------------------------------------------


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


def question_from(data: Any, path: YamlPath) -> Question | None:
    if not isinstance(data, dict) or not _s(data, "id"):
        return None
    feedback = data.get("feedback")
    choices = tuple(
        Choice(_s(c, "text"), _b(c, "correct"), _s(c, "feedback"))
        for c in _list(data, "choices")
        if isinstance(c, dict)
    )
    pairs = tuple(Pair(_s(p, "left"), _s(p, "right")) for p in _list(data, "pairs") if isinstance(p, dict))
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
