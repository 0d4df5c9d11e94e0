"""Cross-file and semantic rules, run after every file has been loaded.

A rule module exposes ``check_file(ctx, item)`` for what depends on one file
alone, and ``check(ctx)`` for what needs the whole academy. Per-file results
are cached by the file's content hash (see :func:`run_rules`), so under
``mkdocs serve`` an edit re-runs them for the edited file only. Rules only
look at items whose shape passed the schema (``ctx.sound``), so a schema
error is not echoed by a rule that tripped over the same mistake.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from academy.core.loader import Loaded
from academy.core.model import Academy
from academy.core.problems import Problem

from . import answers, body, curriculum, files, identity, links, lints, references, scenarios
from .context import Context

RULES = (identity, references, answers, scenarios, curriculum, body, files, links, lints)


def local_problems(loaded: Loaded, env: Hashable) -> tuple[Problem, ...]:
    """The per-file rules' problems for one loaded file, alone."""
    today, ignored = env  # type: ignore[misc]
    ctx = Context(Academy(), {loaded.ref.rel: loaded}, today, Path("."), ignored)
    assert loaded.item is not None
    return tuple(
        p for rule in RULES if hasattr(rule, "check_file") for p in rule.check_file(ctx, loaded.item)
    )


#: Cross-file rules that look beyond what ``Loaded.head`` covers (the disk,
#: module and content pages' bodies); they run every time.
UNCACHED = (files, links, lints)


def run_rules(
    ctx: Context, shape: str = "", memo: dict[Hashable, tuple[Problem, ...]] | None = None
) -> list[Problem]:
    """Every rule's problems.

    Per-file results computed while loading (and cached with the loaded
    file) are reused when they were computed for the same date and grading.
    The cross-file rules read only what files show each other, which
    ``shape`` hashes; with a ``memo`` (kept by ``mkdocs serve`` across
    rebuilds) their results are reused while it is unchanged, so editing a
    module's body costs no cross-file work at all.
    """
    out: list[Problem] = []
    env = (ctx.today, ctx.ignored)
    for loaded in ctx.files.values():
        if loaded.item is None:
            continue
        if loaded.local is not None and loaded.local[0] == env:
            out.extend(loaded.local[1])
        else:
            out.extend(local_problems(loaded, env))
    key = (shape, ctx.today, ctx.ignored, ctx.root, ctx.focus) if shape else None
    cached = memo.get(key) if memo is not None and key is not None else None
    if cached is None:
        cached = tuple(
            p for rule in RULES if hasattr(rule, "check") and rule not in UNCACHED for p in rule.check(ctx)
        )
        if memo is not None and key is not None:
            memo.clear()  # only the latest result is ever asked for again
            memo[key] = cached
    out.extend(cached)
    for rule in UNCACHED:
        out.extend(rule.check(ctx))
    return out


__all__ = ["Context", "local_problems", "run_rules"]
