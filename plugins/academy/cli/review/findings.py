"""What a review reports: findings, in sections ordered by risk.

A finding is one change a learner would notice, said once, where it is:
an answer key, a renamed id that resets progress, a changed sentence in a
check or a scenario, a path's new order, a paragraph of teaching text. The
renderers (Markdown, text, JSON) read the same findings.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

#: Section id -> heading, in the order a reviewer should read them: what can
#: mislead a learner first, then what resets progress, then what they read.
SECTIONS: dict[str, str] = {
    "answer-keys": "⚠️ Answer keys changed",
    "renames": "⚠️ Renamed: learner progress resets",
    "learner-text": "What learners read in checks and scenarios",
    "structure": "Modules, checks and scenarios",
    "objectives": "Objectives",
    "paths": "Learning paths",
    "quizzes": "Quiz banks",
    "teaching-text": "Teaching text",
    "problems": "Problems",
}

#: What each section's count is called in the summary line.
COUNTED = {
    "answer-keys": ("answer-key change", "answer-key changes"),
    "renames": ("rename that resets progress", "renames that reset progress"),
    "learner-text": ("change to what learners read", "changes to what learners read"),
    "structure": ("change to modules, checks or scenarios", "changes to modules, checks or scenarios"),
    "objectives": ("objective change", "objective changes"),
    "paths": ("path change", "path changes"),
    "quizzes": ("quiz bank change", "quiz bank changes"),
    "teaching-text": ("teaching-text change", "teaching-text changes"),
    "problems": ("problem introduced or fixed", "problems introduced or fixed"),
}

#: Version of the JSON report (``review.schema.json``).
VERSION = 2


@dataclass(frozen=True)
class Finding:
    """One change, as a reviewer reads it.

    Attributes:
        section: A key of :data:`SECTIONS`.
        kind: What changed, for tools: ``answer-key``, ``rename``, ``text``,
            ``added``, ``removed``, ``moved``, ``field``, ``scenario``,
            ``path``, ``quiz``, ``section``, ``problem``.
        where: Where, in curriculum terms (``module `refunds`, check `window```).
        what: What happened, in a few words.
        before: The old text, when a text changed (shown with a word diff).
        after: The new text.
        notes: More lines under the finding (the prompt beside a key change,
            the explanation, what to do about a rename).
        short: Show only the changed stretches of ``before``/``after`` (long
            teaching text).
        data: The change as data, for the JSON report.
    """

    section: str
    kind: str
    where: str
    what: str
    before: str | None = None
    after: str | None = None
    notes: tuple[str, ...] = ()
    short: bool = False
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    """Every finding of a review, and the curriculum's health before and after."""

    base: str
    head: str
    findings: list[Finding] = field(default_factory=list)
    coverage: dict[str, Any] = field(default_factory=dict)
    stale: list[dict[str, Any]] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        if finding not in self.findings:  # each finding once, however it was reached
            self.findings.append(finding)

    def by_section(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {name: [] for name in SECTIONS}
        for finding in self.findings:
            out[finding.section].append(finding)
        return {name: items for name, items in out.items() if items}

    @property
    def empty(self) -> bool:
        return not self.findings

    def to_json(self) -> str:
        payload = {
            "$schema": "review.schema.json",
            "version": VERSION,
            "base": self.base,
            "head": self.head,
            "summary": {name: len(items) for name, items in self.by_section().items()},
            "findings": [asdict(f) | {"notes": list(f.notes)} for f in self.findings],
            "coverage": self.coverage,
            "stale": self.stale,
        }
        return json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n"


def listed(values: Any) -> str:
    """A list as a reader writes one: `a`, `b` (or "none")."""
    items = list(values) if isinstance(values, list | tuple) else [values]
    return ", ".join(f"`{v}`" for v in items) if items else "none"


def quoted(text: Any) -> str:
    return f"“{' '.join(str(text).split())}”"
