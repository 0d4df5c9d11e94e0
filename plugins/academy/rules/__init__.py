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

from ..problems import Problem
from . import answers, body, curriculum, files, identity, lints, references, scenarios
from .context import Context

RULES = (identity, references, answers, scenarios, curriculum, body, files, lints)


def run_rules(ctx: Context, memo: dict[Hashable, tuple[Problem, ...]] | None = None) -> list[Problem]:
    """Every rule's problems. ``memo`` keeps per-file results between runs."""
    out: list[Problem] = []
    fresh: dict[Hashable, tuple[Problem, ...]] = {}
    for loaded in ctx.files.values():
        item = loaded.item
        if item is None:
            continue
        key = (loaded.ref.rel, loaded.digest, ctx.today, ctx.ignored)
        found = memo.get(key) if memo is not None else None
        if found is None:
            found = tuple(
                p for rule in RULES if hasattr(rule, "check_file") for p in rule.check_file(ctx, item)
            )
        fresh[key] = found
        out.extend(found)
    if memo is not None:
        memo.clear()
        memo.update(fresh)
    for rule in RULES:
        if hasattr(rule, "check"):
            out.extend(rule.check(ctx))
    return out


__all__ = ["Context", "run_rules"]
