"""Cross-file and semantic rules, run after every file has been loaded.

Each rule module exposes ``check(ctx) -> Iterable[Problem]``. Rules only look
at items whose shape passed the schema (``ctx.sound``), so a schema error is
not echoed by a rule that tripped over the same mistake.
"""

from __future__ import annotations

from ..problems import Problem
from . import answers, body, curriculum, files, identity, references, scenarios
from .context import Context

RULES = (identity, references, answers, scenarios, curriculum, body, files)


def run_rules(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    for rule in RULES:
        out.extend(rule.check(ctx))
    return out


__all__ = ["Context", "run_rules"]
