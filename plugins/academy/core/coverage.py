"""Objective coverage: which objectives some check, scenario or quiz question assesses.

One definition for the rule that reports unassessed objectives, ``academy
stats`` and ``academy review``, so the three never disagree on a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from academy.core.model import Academy, Module, Objective


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many objectives are assessed, and which are not.

    Attributes:
        objectives: Every objective of every module.
        assessed: How many of them something assesses.
        unassessed: ``(module, objective)`` for the rest, in module order.
    """

    objectives: int
    assessed: int
    unassessed: tuple[tuple[Module, Objective], ...]

    @property
    def percent(self) -> float:
        """Share assessed, to one decimal; 100 when there are no objectives."""
        return round(100 * self.assessed / self.objectives, 1) if self.objectives else 100.0

    def summary(self) -> dict[str, int | float]:
        """The figures as reports print them."""
        return {"objectives": self.objectives, "assessed": self.assessed, "percent": self.percent}


def assessed(academy: Academy) -> set[tuple[str, str]]:
    """``(module id, objective id)`` of everything some item assesses.

    A module's checks and scenarios assess its own objectives; a quiz
    question assesses an objective of the module it names.
    """
    out = {(m.id, item.objective) for m in academy.modules for item in (*m.checks, *m.scenarios)}
    out |= {(q.module, q.objective) for quiz in academy.quizzes for q in quiz.questions if q.module}
    return out


def coverage(academy: Academy) -> Coverage:
    done = assessed(academy)
    missing = tuple((m, o) for m in academy.modules for o in m.objectives if (m.id, o.id) not in done)
    total = sum(len(m.objectives) for m in academy.modules)
    return Coverage(total, total - len(missing), missing)
