"""What ``academy insights`` found: frozen records the report writers read.

Every figure carries ``learners``, the number of learners it rests on, and
is ``None`` where that number is below the minimum sample, so a writer
cannot show noise as signal by mistake. None of these records holds a
learner's identity or a per-learner value: only counts, shares and medians.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Where:
    """A place in a source file (1-based line and column)."""

    file: str
    line: int
    column: int = 1


@dataclass(frozen=True)
class Thresholds:
    """When a figure becomes a flag; each is a command-line option."""

    min_learners: int = 10
    too_easy: float = 0.95
    too_hard: float = 0.30
    min_discrimination: float = 0.10
    unpicked: float = 0.02
    mastery: float = 0.50
    stop: float = 0.25


@dataclass(frozen=True)
class ChoiceFigure:
    index: int
    text: str
    correct: bool
    where: Where
    picked: float | None  # share of first attempts that chose it


@dataclass(frozen=True)
class QuestionFigure:
    owner: str  # "module" or "quiz"
    owner_id: str
    id: str
    type: str
    prompt: str
    objective: str
    where: Where
    learners: int
    difficulty: float | None = None  # share right on the first attempt
    point_biserial: float | None = None  # against the rest of the owner's score
    upper_lower: float | None = None
    choices: tuple[ChoiceFigure, ...] = ()
    median_attempts: float | None = None
    median_seconds: float | None = None
    timed: int = 0  # first attempts that carried a duration


@dataclass(frozen=True)
class ObjectiveFigure:
    module: str
    id: str
    text: str
    bloom: str
    where: Where
    questions: int
    learners: int
    mastery: float | None = None


@dataclass(frozen=True)
class EndingFigure:
    ending: str
    learners: int
    share: float | None


@dataclass(frozen=True)
class ScenarioFigure:
    module: str
    id: str
    title: str
    where: Where
    learners: int
    endings: tuple[EndingFigure, ...] = ()
    routed: int = 0  # learners whose statement carried the route
    leave_step: str = ""
    leave_where: Where | None = None
    leave_share: float | None = None


@dataclass(frozen=True)
class FunnelStep:
    label: str
    stage: str  # the stage id, or "" for start and completion
    learners: int
    stop_share: float | None  # share of the previous step's learners who got no further


@dataclass(frozen=True)
class PlacementFigure:
    quiz: str
    learners: int
    modules: int  # modules the placement test can test out of
    median_tested: float | None
    tested_share: tuple[tuple[str, float], ...] = ()  # per module, share tested out


@dataclass(frozen=True)
class PathFigure:
    id: str
    title: str
    where: Where
    learners: int
    funnel: tuple[FunnelStep, ...] = ()
    completed: int = 0
    median_hours: float | None = None
    placement: PlacementFigure | None = None


@dataclass(frozen=True)
class AssessmentFigure:
    id: str
    title: str
    kind: str
    where: Where
    learners: int
    pass_mark: int | None = None
    first_pass_rate: float | None = None
    pass_rate: float | None = None  # passed at any attempt
    median_score: float | None = None
    histogram: tuple[int, ...] = ()  # first-attempt scores in tenths: 0-9, 10-19, …, 90-100
    items: int = 0
    reliability: float | None = None
    reliability_name: str = "KR-20"
    reliability_learners: int = 0  # learners who answered every item on a first attempt


@dataclass(frozen=True)
class Flag:
    """A figure past a threshold, pointing the author at a line."""

    kind: str  # too-easy, too-hard, discrimination, unpicked, distractor, mastery, stop
    where: Where
    item: str  # what it is about, e.g. "check basics/basic" or "choice 2 of …"
    figure: str  # the number, e.g. "97% right on the first attempt (n=212)"
    advice: str  # what to look at
    learners: int


@dataclass(frozen=True)
class Summary:
    read: int
    used: int
    learners: int
    duplicates: int
    voided: int
    malformed: tuple[tuple[str, int], ...] = ()
    malformed_notes: tuple[str, ...] = ()
    outside: int = 0  # other sites' activities
    ignored: int = 0  # this site's, but nothing analysed (pages, other verbs)
    gone: tuple[tuple[str, int], ...] = ()  # activity id, statements


@dataclass(frozen=True)
class Insights:
    summary: Summary
    thresholds: Thresholds
    questions: tuple[QuestionFigure, ...] = ()
    objectives: tuple[ObjectiveFigure, ...] = ()
    scenarios: tuple[ScenarioFigure, ...] = ()
    paths: tuple[PathFigure, ...] = ()
    assessments: tuple[AssessmentFigure, ...] = ()
    flags: tuple[Flag, ...] = field(default=())
