"""Each learner's record, folded from the events, in memory only.

The figures need, per learner: each question's first attempt and how many
tries it took, which modules they finished, their first attempt and best
result on each quiz, how each scenario first ended, and when they
completed a path. These tables are keyed by the learner's number from the
collector; they never leave the analysis, and the figures built from them
are counts and shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from academy.core.analytics.collect import ANSWER, DONE, PATH, QUIZ, SCENARIO, SEEN


@dataclass(slots=True)
class Attempt:
    """A learner's answers to one question: the first one, and the tries."""

    right: bool
    response: str | None
    seconds: float | None
    tries: int = 1
    solved: bool = False


@dataclass(slots=True)
class QuizRecord:
    """A learner's attempts at one quiz."""

    first_score: float | None
    first_passed: bool | None
    tested: tuple[str, ...] | None
    passed: bool = False


@dataclass
class Learners:
    """Per target, per learner: what the figures are computed from."""

    answers: dict[int, dict[int, Attempt]] = field(default_factory=dict)
    done: dict[int, set[int]] = field(default_factory=dict)  # module target → learners
    quizzes: dict[int, dict[int, QuizRecord]] = field(default_factory=dict)
    scenarios: dict[int, dict[int, tuple[str, Any]]] = field(default_factory=dict)
    paths: dict[int, dict[int, float]] = field(default_factory=dict)  # path target → learner → time
    first_seen: dict[int, dict[int, float]] = field(default_factory=dict)  # any target → learner → time
    count: int = 0  # learners with at least one event left once voided ones are out


def fold(events: list[tuple[Any, ...]], voided: set[str]) -> tuple[Learners, int]:
    """Fold events in time order; return the tables and how many were voided.

    Sorts ``events`` in place (a copy would double the largest structure).
    """
    out = Learners()
    kept = [e for e in events if e[7] not in voided] if voided else events
    dropped = len(events) - len(kept)
    out.count = len({e[0] for e in kept})
    kept.sort(key=itemgetter(1))  # stable: statements of the same moment keep their order
    answers, done, quizzes, scenarios = out.answers, out.done, out.quizzes, out.scenarios
    first_seen = out.first_seen
    for learner, moment, kind, target, success, value, seconds, _ in kept:
        seen = first_seen.get(target)
        if seen is None:
            seen = first_seen[target] = {}
        seen.setdefault(learner, moment)
        if kind == ANSWER:
            table = answers.get(target)
            if table is None:
                table = answers[target] = {}
            record = table.get(learner)
            right = success is True
            if record is None:
                table[learner] = Attempt(right, value, seconds, 1, right)
            elif not record.solved:
                record.tries += 1
                record.solved = right
        elif kind == DONE:
            done.setdefault(target, set()).add(learner)
        elif kind == SEEN:
            pass
        elif kind == QUIZ:
            table = quizzes.setdefault(target, {})
            scaled, tested = value
            quiz = table.get(learner)
            if quiz is None:
                quiz = table[learner] = QuizRecord(scaled, success, tested)
            quiz.passed = quiz.passed or success is True
        elif kind == SCENARIO:
            scenarios.setdefault(target, {}).setdefault(learner, value)
        elif kind == PATH:
            out.paths.setdefault(target, {}).setdefault(learner, moment)
    return out, dropped
