"""Every reference resolves: prerequisites, path modules, quizzes, objectives.

Unknown ids get a "did you mean" from the ids that do exist, because the
usual cause is a typo.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from academy.core.model import Module, Question, Quiz
from academy.core.problems import Problem
from academy.core.suggest import did_you_mean

from .context import Context, Item


def check(ctx: Context) -> Iterable[Problem]:
    yield from _modules(ctx)
    yield from _paths(ctx)
    yield from _quizzes(ctx)


def check_file(ctx: Context, item: Item) -> Iterable[Problem]:
    """References that stay within one module: its own objectives."""
    if isinstance(item, Module):
        objective_ids = [o.id for o in item.objectives]
        for part in (*item.checks, *item.scenarios):
            yield from _objective(ctx, item, part.objective, part.path, objective_ids)


def _modules(ctx: Context) -> Iterator[Problem]:
    academy = ctx.academy
    for module in academy.modules:
        f = module.file
        for i, prereq in enumerate(module.prerequisites):
            path = ("prerequisites", i)
            if not ctx.sound(f, path):
                continue
            if prereq == module.id:
                yield ctx.at(
                    "ref.self", f, path, f"module `{module.id}` lists itself as a prerequisite", "Remove it."
                )
            elif academy.module(prereq) is None:
                yield ctx.unresolved(
                    "ref.prerequisite",
                    f,
                    path,
                    f"prerequisite `{prereq}` is not a module",
                    "module",
                    prereq,
                    "Use the id of an existing module.",
                )


def _objective(
    ctx: Context, module: Module, objective: str, path: tuple, objective_ids: list[str]
) -> Iterator[Problem]:
    where = (*path, "objective")
    if (
        objective
        and ctx.sound(module.file, where)
        and ctx.sound(module.file, ("objectives",))
        and module.objective(objective) is None
    ):
        known = ", ".join(f"`{o}`" for o in objective_ids) or "none"
        yield ctx.at(
            "ref.objective",
            module.file,
            where,
            f"objective `{objective}` is not an objective of module `{module.id}`",
            did_you_mean(objective, objective_ids) or f"Objectives of this module: {known}.",
        )


def _paths(ctx: Context) -> Iterator[Problem]:
    academy = ctx.academy
    for lp in academy.paths:
        f = lp.file
        for i, required in enumerate(lp.requires):
            if ctx.sound(f, ("requires", i)) and academy.path(required) is None:
                yield ctx.unresolved(
                    "ref.path",
                    f,
                    ("requires", i),
                    f"required path `{required}` does not exist",
                    "path",
                    required,
                    "Use the id of a file in the paths folder.",
                )
        if lp.placement and ctx.sound(f, ("placement",)):
            yield from _quiz_ref(ctx, f, ("placement",), lp.placement, "placement")
        for stage in lp.stages:
            for i, module_id in enumerate(stage.modules):
                path = (*stage.path, "modules", i)
                if ctx.sound(f, path) and academy.module(module_id) is None:
                    yield ctx.unresolved(
                        "ref.module",
                        f,
                        path,
                        f"stage `{stage.id}` lists `{module_id}`, which is not a module",
                        "module",
                        module_id,
                        "Use the id of an existing module.",
                    )
            if stage.assessment and ctx.sound(f, (*stage.path, "assessment")):
                yield from _quiz_ref(ctx, f, (*stage.path, "assessment"), stage.assessment, "assessment")


def _quiz_ref(ctx: Context, file: str, path: tuple, quiz_id: str, kind: str) -> Iterator[Problem]:
    quiz = ctx.academy.quiz(quiz_id)
    if quiz is None:
        yield ctx.unresolved(
            "ref.quiz",
            file,
            path,
            f"{kind} quiz `{quiz_id}` does not exist",
            "quiz",
            quiz_id,
            "Use the id of a file in the quizzes folder.",
        )
    elif quiz.kind and quiz.kind != kind:
        yield ctx.at(
            "ref.quiz-kind",
            file,
            path,
            f"`{quiz_id}` is a quiz of kind `{quiz.kind}`; `{path[-1]}` needs kind `{kind}`",
            f"Point at a quiz with `kind: {kind}`, or change the quiz's kind.",
        )


def _quizzes(ctx: Context) -> Iterator[Problem]:
    academy = ctx.academy
    module_ids = [m.id for m in academy.modules]
    for quiz in academy.quizzes:
        for question in quiz.questions:
            yield from _question(ctx, quiz, question, module_ids)


def _question(ctx: Context, quiz: Quiz, question: Question, module_ids: list[str]) -> Iterator[Problem]:
    f = quiz.file
    module = None
    if question.module and ctx.sound(f, (*question.path, "module")):
        module = ctx.academy.module(question.module)
        if module is None:
            yield ctx.unresolved(
                "ref.module",
                f,
                (*question.path, "module"),
                f"question `{question.id}` maps to `{question.module}`, which is not a module",
                "module",
                question.module,
                "Use the id of an existing module.",
            )
            return
    if not question.objective or not ctx.sound(f, (*question.path, "objective")):
        return
    if module is None:
        yield ctx.at(
            "ref.objective",
            f,
            (*question.path, "objective"),
            f"question `{question.id}` names objective `{question.objective}` but no `module`",
            "Add `module:` so the objective can be found.",
        )
        return
    objective_ids = [o.id for o in module.objectives]
    if module.objective(question.objective) is None and ctx.sound(module.file, ("objectives",)):
        yield ctx.at(
            "ref.objective",
            f,
            (*question.path, "objective"),
            f"objective `{question.objective}` is not an objective of module `{module.id}`",
            did_you_mean(question.objective, objective_ids)
            or "Objectives of that module: " + (", ".join(f"`{o}`" for o in objective_ids) or "none") + ".",
        )
