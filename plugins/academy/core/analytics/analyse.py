"""One call from statements to figures: :func:`analyse`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from academy.core.analytics import items, journeys
from academy.core.analytics.collect import Collector
from academy.core.analytics.figures import Flag, Insights, Summary, Thresholds, Where
from academy.core.analytics.items import Locate
from academy.core.analytics.learners import fold
from academy.core.loader import Loaded
from academy.core.model import Academy, YamlPath

#: Flags in the order an author should read them: keys first.
FLAG_ORDER = ("discrimination", "distractor", "too-hard", "mastery", "stop", "unpicked", "too-easy")


def locator(loaded: Mapping[str, Loaded]) -> Locate:
    """Source positions from the engine's loaded documents (``Result.loaded``)."""

    def locate(file: str, path: YamlPath) -> Where:
        found = loaded.get(file)
        if found is None or found.doc is None:
            return Where(file, 1, 1)
        line, column = found.doc.locate(path)
        return Where(file, line, column)

    return locate


def analyse(
    statements: Iterable[Any],
    academy: Academy,
    base: str,
    locate: Locate,
    limits: Thresholds | None = None,
) -> Insights:
    """Read every statement once and compute the report's figures.

    Args:
        statements: Statement objects (dicts) or :class:`~.read.Malformed`.
        academy: The current content.
        base: The activity base; other activities are counted, not analysed.
        locate: Maps a file and YAML path to a position.
        limits: Minimum sample and flag thresholds.
    """
    limits = limits or Thresholds()
    collector = Collector(academy, base)
    for statement in statements:
        collector.add(statement)
    got = collector.out
    learners, voided = fold(got.events, got.voided)
    index = collector.target_index
    questions, flags = items.questions(academy, index, learners, locate, limits)
    objectives, more = items.objectives(academy, index, learners, locate, limits)
    flags += more
    scenarios = journeys.scenarios(academy, index, learners, locate, limits)
    paths, more = journeys.paths(academy, index, learners, locate, limits)
    flags += more
    assessments = items.assessments(academy, index, learners, locate, limits)
    summary = Summary(
        read=got.read,
        used=len(got.events) - voided,
        learners=learners.count,
        duplicates=got.duplicates,
        voided=voided,
        malformed=tuple(sorted(got.malformed.items(), key=lambda kv: (-kv[1], kv[0]))),
        malformed_notes=tuple(f"{n.source}:{n.line}: {n.message}" for n in got.notes),
        outside=got.outside,
        ignored=got.ignored,
        gone=tuple(sorted(got.gone.items())),
    )
    return Insights(
        summary,
        limits,
        tuple(questions),
        tuple(objectives),
        tuple(scenarios),
        tuple(paths),
        tuple(assessments),
        tuple(sorted(flags, key=_flag_key)),
    )


def _flag_key(flag: Flag) -> tuple[int, str, int, int]:
    return (FLAG_ORDER.index(flag.kind), flag.where.file, flag.where.line, flag.where.column)
