"""What the tests of the machine-readable outputs share: the sample academy and a hostile one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from academy.core.engine import run
from academy.core.model import (
    Academy,
    Choice,
    LearningPath,
    Module,
    Objective,
    Question,
    Stage,
)
from academy.core.settings import Settings
from academy.render.urls import SiteUrls

REPO = Path(__file__).resolve().parents[1]
SITE = "https://academy.example.org/"
PAYLOAD = "</script><script>alert(1)</script>\u2028&\u2029<!--"
DIRS = SiteUrls(use_directory_urls=True)
FLAT = SiteUrls(use_directory_urls=False)


def sample_academy() -> Academy:
    result = run(Settings.from_options(REPO, {}))
    assert result.errors == []
    return result.academy


def keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keys(value)
    elif isinstance(node, list):
        for value in node:
            yield from keys(value)


def hostile_academy() -> Academy:
    """One module and one path whose every text field carries a script payload."""
    check = Question(
        id="q",
        type="single",
        prompt=f"# Heading?\n```\n{PAYLOAD}",
        objective="know",
        choices=(Choice("first\nline", correct=True), Choice("- second")),
        explanation="Because.",
    )
    module = Module(
        id="hostile",
        title=f"Title {PAYLOAD}",
        summary=f"Summary {PAYLOAD}",
        level="foundation",
        duration=90,
        file="modules/hostile.md",
        body="Intro.\n\n[[check q]]\n\nEnd.\n",
        objectives=(Objective("know", f"Objective {PAYLOAD}", "remember"),),
        checks=(check,),
    )
    path = LearningPath(
        id="hostile-path",
        title=f"Path {PAYLOAD}",
        role=f"Role {PAYLOAD}",
        file="paths/hostile-path.yml",
        stages=(Stage("one", "One", ("hostile",)),),
        summary=f"Path summary {PAYLOAD}",
    )
    return Academy.of((module,), (path,), ())


def section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]
