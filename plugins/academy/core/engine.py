"""One run of the whole check: discover, load, model, rules, grade, sort.

Both adapters call :func:`run`: the CLI to report, the MkDocs plugin to
report and then render. Passing the plugin's :class:`LoadCache` makes repeated
runs (``mkdocs serve``) reload only the files whose bytes changed; the
on-disk store (:mod:`academy.core.store`) does the same across processes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from dataclasses import dataclass

from academy.core.loader import LoadCache, Loaded
from academy.core.model import Academy, LearningPath, Module, Quiz
from academy.core.problems import Problem, Severity, sort_problems
from academy.core.rules import Context, run_rules
from academy.core.settings import Settings
from academy.core.sources import MODULE, PAGE, PATH, QUIZ, discover
from academy.core.store import Store


@dataclass(frozen=True)
class Result:
    """The outcome of a check.

    Attributes:
        academy: The model (complete only when there are no errors).
        problems: Graded and sorted problems.
        files: Every file checked, relative to the project root.
        loaded: Per-file load results, for tools that need positions (review).
        shape: Hash of everything files show each other (every ``Loaded.head``):
            unchanged when an edit touched module bodies only.
    """

    academy: Academy
    problems: tuple[Problem, ...]
    files: tuple[str, ...]
    loaded: dict[str, Loaded]
    shape: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def run(settings: Settings, cache: LoadCache | None = None, focus: frozenset[str] = frozenset()) -> Result:
    """Check the project described by ``settings``.

    ``focus`` names the files a partial check is about (``academy check
    FILE``); the whole project is still checked, so references resolve.
    """
    refs, problems = discover(settings, (MODULE, PATH, QUIZ, PAGE))
    keep = cache is not None
    cache = cache if cache is not None else LoadCache()
    env = (settings.today_date(), _ignored(settings))
    loaded = {
        item.ref.rel: item for item in cache.load_many(refs, env, Store.for_project(settings.root, env))
    }
    if keep:
        cache.prune({(ref.kind + ":" + ref.rel, loaded[ref.rel].digest) for ref in refs})
    return evaluate(loaded, settings, problems, cache.cross_file if keep else None, focus)


def _ignored(settings: Settings) -> frozenset[str]:
    return frozenset(code for code, level in settings.severity.items() if level is Severity.IGNORE)


def evaluate(
    loaded: dict[str, Loaded],
    settings: Settings,
    problems: list[Problem] | None = None,
    memo: dict[Hashable, tuple[Problem, ...]] | None = None,
    focus: frozenset[str] = frozenset(),
) -> Result:
    """Build the academy from loaded files and run the cross-file rules.

    Separate from :func:`run` so tools that already hold the sources (the
    fuzzer, the review command reading git objects) skip the file system.
    ``memo`` keeps the cross-file rules' results between runs (see
    :func:`run_rules`).
    """
    problems = list(problems or [])
    for item in loaded.values():
        problems.extend(item.problems)
    modules = tuple(i.item for i in loaded.values() if isinstance(i.item, Module))
    paths = tuple(i.item for i in loaded.values() if isinstance(i.item, LearningPath))
    quizzes = tuple(i.item for i in loaded.values() if isinstance(i.item, Quiz))
    academy = Academy.of(modules, paths, quizzes)
    shape = hashlib.sha256(
        "\0".join(f"{item.ref.kind}:{rel}:{item.head}" for rel, item in loaded.items()).encode()
    ).hexdigest()
    context = Context(
        academy, loaded, settings.today_date(), settings.root, _ignored(settings), focus, settings.content_dir
    )
    problems.extend(run_rules(context, shape, memo))
    graded = sort_problems(settings.grade(problems))
    return Result(academy, tuple(graded), tuple(loaded), loaded, shape)
