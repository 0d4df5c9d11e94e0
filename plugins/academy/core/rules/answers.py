"""Answer keys are sane, and wrong answers teach.

A single-choice question with two correct choices, or a multiple-choice
question with none, cannot be answered correctly; repeated options make the
learner guess which copy is meant. Missing feedback and explanations do not
break anything, so they are warnings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from academy.core.model import Module, Question, Quiz
from academy.core.problems import Problem

from .context import Context, Item


def check_file(ctx: Context, item: Item) -> Iterable[Problem]:
    questions = item.checks if isinstance(item, Module) else item.questions if isinstance(item, Quiz) else ()
    for question in questions:
        if ctx.sound(item.file, question.path):
            yield from _question(ctx, item.file, question)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _repeats(
    ctx: Context, file: str, base: tuple, values: Iterable[str], what: str, suffix: tuple = ()
) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        key = _fold(value)
        if key in seen:
            yield ctx.at(
                "answer.duplicate",
                file,
                (*base, i, *suffix),
                f"{what} {i + 1} repeats {what} {seen[key] + 1} (`{value.strip()}`)",
                "Make every option distinct.",
            )
        else:
            seen[key] = i


def _question(ctx: Context, file: str, q: Question) -> Iterator[Problem]:
    correct = q.correct_indexes
    if q.type == "single" and len(correct) > 1:
        # Reported where the author wrote each extra key, not at the question.
        first = correct[0] + 1
        for extra in correct[1:]:
            yield ctx.at(
                "answer.single",
                file,
                (*q.path, "choices", extra, "correct"),
                f"choice {extra + 1} of single-choice question `{q.id}` is marked correct, "
                f"and so is choice {first}",
                "Keep `correct: true` on one choice only, or use `type: multiple`.",
                key=True,
            )
    elif q.type == "single" and not correct:
        yield ctx.at(
            "answer.single",
            file,
            (*q.path, "choices"),
            f"single-choice question `{q.id}` has no correct choice",
            "Mark exactly one choice `correct: true`.",
            key=True,
        )
    if q.type == "multiple" and not correct:
        yield ctx.at(
            "answer.none-correct",
            file,
            (*q.path, "choices"),
            f"multiple-choice question `{q.id}` has no correct choice",
            "Mark at least one choice `correct: true`.",
            key=True,
        )
    if q.type in ("single", "multiple"):
        yield from _repeats(ctx, file, (*q.path, "choices"), [c.text for c in q.choices], "choice", ("text",))
        for i, choice in enumerate(q.choices):
            if not choice.correct and not choice.feedback:
                yield ctx.at(
                    "answer.feedback",
                    file,
                    (*q.path, "choices", i),
                    f"wrong choice {i + 1} of `{q.id}` has no feedback",
                    "Add `feedback:` saying why this choice is wrong.",
                )
    elif q.type == "order":
        yield from _repeats(ctx, file, (*q.path, "items"), q.items, "item")
    elif q.type == "match":
        yield from _repeats(
            ctx, file, (*q.path, "pairs"), [p.left for p in q.pairs], "left side of pair", ("left",)
        )
        yield from _repeats(
            ctx, file, (*q.path, "pairs"), [p.right for p in q.pairs], "right side of pair", ("right",)
        )
    elif q.type == "text":
        yield from _repeats(ctx, file, (*q.path, "answers"), q.answers, "accepted answer")
    if not q.explanation:
        yield ctx.at(
            "answer.explanation",
            file,
            q.path,
            f"check `{q.id}` has no explanation",
            "Add `explanation:`; learners read it after answering.",
        )
