"""Item analysis: questions, objectives and assessments, with their flags.

Classical test theory, as an author can act on it:

- difficulty is the share of learners right on their first attempt (later
  attempts follow feedback, so they measure the feedback, not the item);
- discrimination compares each item with the rest of the learner's first
  attempts on the same module or assessment (the item itself left out of
  the total, so a short module does not correlate an item with itself);
- a choice's pick rate is the share of first attempts that chose it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from academy.core.analytics.figures import (
    AssessmentFigure,
    ChoiceFigure,
    Flag,
    ObjectiveFigure,
    QuestionFigure,
    Thresholds,
    Where,
)
from academy.core.analytics.learners import Attempt, Learners
from academy.core.analytics.stats import cronbach_alpha, point_biserial, upper_lower
from academy.core.model import Academy, Module, Question, Quiz, YamlPath

#: A discrimination flag needs the rest of the score to rest on this many
#: other items; against one or two, a good item can look bad by chance.
MIN_REST_ITEMS = 3

Locate = Callable[[str, YamlPath], Where]
Index = Mapping[tuple[str, ...], int]


def pct(value: float) -> str:
    return f"{round(100 * value)}%"


def _picks(question: Question, attempts: Sequence[Attempt]) -> list[int] | None:
    """How many first attempts chose each choice (true, false for true-false)."""
    if question.type == "true-false":
        counts = [0, 0]
        for a in attempts:
            if a.response in ("true", "false"):
                counts[0 if a.response == "true" else 1] += 1
        return counts
    if question.type not in ("single", "multiple") or not question.choices:
        return None
    counts = [0] * len(question.choices)
    for a in attempts:
        for part in (a.response or "").split("[,]"):
            if part.isdigit() and int(part) < len(counts):
                counts[int(part)] += 1
    return counts


def _choices(question: Question, file: str, locate: Locate, counts: list[int] | None, n: int, shown: bool):
    if question.type == "true-false":
        where = locate(file, question.path)
        return tuple(
            ChoiceFigure(
                i, label, question.answer is (i == 0), where, counts[i] / n if shown and counts else None
            )
            for i, label in enumerate(("true", "false"))
        )
    return tuple(
        ChoiceFigure(
            i,
            c.text,
            c.correct,
            locate(file, (*question.path, "choices", i)),
            counts[i] / n if shown and counts else None,
        )
        for i, c in enumerate(question.choices)
    )


def _owners(academy: Academy) -> list[tuple[Module | Quiz, str, str, tuple[Question, ...]]]:
    out: list[tuple[Module | Quiz, str, str, tuple[Question, ...]]] = []
    for m in academy.modules:
        out.append((m, "module", "check", m.checks))
    for q in academy.quizzes:
        out.append((q, "quiz", "question", q.questions))
    return out


def questions(
    academy: Academy, index: Index, learners: Learners, locate: Locate, limits: Thresholds
) -> tuple[list[QuestionFigure], list[Flag]]:
    figures: list[QuestionFigure] = []
    flags: list[Flag] = []
    for owner, owner_kind, key_kind, items in _owners(academy):
        tables = [learners.answers.get(index.get((key_kind, owner.id, q.id), -1), {}) for q in items]
        totals: dict[int, list[int]] = {}  # learner → [right, answered] over the owner's items
        for table in tables:
            for learner, attempt in table.items():
                total = totals.setdefault(learner, [0, 0])
                total[0] += attempt.right
                total[1] += 1
        for question, table in zip(items, tables, strict=True):
            figure = _question(owner, owner_kind, question, table, totals, locate, limits)
            figures.append(figure)
            flags += _question_flags(figure, question, owner_kind, limits, len(items) - 1 >= MIN_REST_ITEMS)
    return figures, flags


def _question(
    owner: Module | Quiz,
    owner_kind: str,
    question: Question,
    table: Mapping[int, Attempt],
    totals: Mapping[int, list[int]],
    locate: Locate,
    limits: Thresholds,
) -> QuestionFigure:
    n = len(table)
    where = locate(owner.file, question.path)
    shown = n >= limits.min_learners and n > 0
    attempts = list(table.values())
    counts = _picks(question, attempts)
    figure = QuestionFigure(
        owner=owner_kind,
        owner_id=owner.id,
        id=question.id,
        type=question.type,
        prompt=question.prompt,
        objective=question.objective,
        where=where,
        learners=n,
        choices=_choices(question, owner.file, locate, counts, n, shown),
    )
    if not shown:
        return figure
    item: list[bool] = []
    rest: list[float] = []
    for learner, attempt in table.items():
        right, answered = totals[learner]
        if answered > 1:  # the rest of the learner's score, this item left out
            item.append(attempt.right)
            rest.append((right - attempt.right) / (answered - 1))
    enough = len(item) >= limits.min_learners
    times = [a.seconds for a in attempts if a.seconds is not None]
    return replace(
        figure,
        difficulty=sum(a.right for a in attempts) / n,
        point_biserial=point_biserial(item, rest) if enough else None,
        upper_lower=upper_lower(item, rest) if enough else None,
        median_attempts=statistics.median(a.tries for a in attempts),
        median_seconds=statistics.median(times) if len(times) >= limits.min_learners else None,
        timed=len(times),
    )


def _question_flags(
    f: QuestionFigure, question: Question, owner_kind: str, limits: Thresholds, enough_rest: bool
) -> list[Flag]:
    if f.difficulty is None:
        return []
    name = f"{'check' if owner_kind == 'module' else 'question'} {f.owner_id}/{f.id}"
    right = f"{pct(f.difficulty)} right on the first attempt (n={f.learners})"
    out: list[Flag] = []
    if f.difficulty > limits.too_easy:
        out.append(
            Flag(
                "too-easy",
                f.where,
                name,
                right,
                "Almost everyone gets this right first time: make the wrong choices more plausible, or ask for application rather than recall.",
                f.learners,
            )
        )
    elif f.difficulty < limits.too_hard:
        out.append(
            Flag(
                "too-hard",
                f.where,
                name,
                right,
                "Most learners miss this: check the key, the wording, and whether the module teaches it.",
                f.learners,
            )
        )
    r = f.point_biserial
    if r is not None and enough_rest and f.difficulty <= limits.too_easy and r < limits.min_discrimination:
        out.append(
            Flag(
                "discrimination",
                f.where,
                name,
                f"discrimination {r:+.2f} against the rest of the {owner_kind} (n={f.learners})",
                "Learners who do well overall miss this: check the key.",
                f.learners,
            )
        )
    if question.type not in ("single", "multiple"):
        return out
    keys = [c.picked for c in f.choices if c.correct and c.picked is not None]
    for c in f.choices:
        if c.correct or c.picked is None:
            continue
        label = f"choice {c.index + 1} of {name}"
        if c.picked < limits.unpicked:
            out.append(
                Flag(
                    "unpicked",
                    c.where,
                    label,
                    f"picked by {pct(c.picked)} (n={f.learners})",
                    "Nobody picks this distractor: replace it with a mistake learners really make.",
                    f.learners,
                )
            )
        elif keys and c.picked > min(keys):
            out.append(
                Flag(
                    "distractor",
                    c.where,
                    label,
                    f"picked by {pct(c.picked)}, more than the answer marked correct ({pct(min(keys))}, n={f.learners})",
                    "Learners prefer this choice to the key: check the key, and whether this choice is also defensible.",
                    f.learners,
                )
            )
    return out


def objectives(
    academy: Academy, index: Index, learners: Learners, locate: Locate, limits: Thresholds
) -> tuple[list[ObjectiveFigure], list[Flag]]:
    """Mastery: right first time on every question of the objective the learner answered."""
    by_objective: dict[tuple[str, str], list[int]] = {}
    for m in academy.modules:
        for c in m.checks:
            by_objective.setdefault((m.id, c.objective), []).append(index.get(("check", m.id, c.id), -1))
    for quiz in academy.quizzes:
        for q in quiz.questions:
            if q.module:
                by_objective.setdefault((q.module, q.objective), []).append(
                    index.get(("question", quiz.id, q.id), -1)
                )
    figures: list[ObjectiveFigure] = []
    flags: list[Flag] = []
    for m in academy.modules:
        for o in m.objectives:
            targets = by_objective.get((m.id, o.id), [])
            mastered: dict[int, bool] = {}
            for t in targets:
                for learner, attempt in learners.answers.get(t, {}).items():
                    mastered[learner] = mastered.get(learner, True) and attempt.right
            n = len(mastered)
            share = sum(mastered.values()) / n if n >= limits.min_learners and n else None
            figure = ObjectiveFigure(
                m.id, o.id, o.text, o.bloom, locate(m.file, o.path), len(targets), n, share
            )
            figures.append(figure)
            if share is not None and share < limits.mastery:
                flags.append(
                    Flag(
                        "mastery",
                        figure.where,
                        f"objective {m.id}/{o.id} ({o.bloom})",
                        f"{pct(share)} of learners right first time on all its questions (n={n})",
                        "Fewer than half master this objective: look at how the module teaches it and whether its questions match its Bloom level.",
                        n,
                    )
                )
    return figures, flags


def assessments(academy: Academy, index: Index, learners: Learners, locate: Locate, limits: Thresholds):
    out: list[AssessmentFigure] = []
    for quiz in academy.quizzes:
        if quiz.kind not in ("assessment", "placement"):
            continue
        records = learners.quizzes.get(index.get(("quiz", quiz.id), -1), {})
        n = len(records)
        where = Where(quiz.file, 1, 1)
        if n < limits.min_learners or not n:
            out.append(
                AssessmentFigure(
                    quiz.id, quiz.title, quiz.kind, where, n, quiz.pass_mark, items=len(quiz.questions)
                )
            )
            continue
        scores = [100 * r.first_score for r in records.values() if r.first_score is not None]
        histogram = [0] * 10
        for s in scores:
            histogram[min(9, max(0, int(s // 10)))] += 1
        tables = [
            learners.answers.get(index.get(("question", quiz.id, q.id), -1), {}) for q in quiz.questions
        ]
        complete = set(records)
        for t in tables:
            complete &= set(t)
        rows = [[float(t[learner].right) for t in tables] for learner in complete]
        enough = len(tables) >= 3 and len(rows) >= limits.min_learners
        graded = quiz.kind == "assessment"
        out.append(
            AssessmentFigure(
                quiz.id,
                quiz.title,
                quiz.kind,
                where,
                n,
                quiz.pass_mark,
                first_pass_rate=sum(r.first_passed is True for r in records.values()) / n if graded else None,
                pass_rate=sum(r.passed for r in records.values()) / n if graded else None,
                median_score=statistics.median(scores) if scores else None,
                histogram=tuple(histogram),
                items=len(tables),
                reliability=cronbach_alpha(rows) if enough else None,
                reliability_learners=len(rows),
            )
        )
    return out
