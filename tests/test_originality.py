"""No sentence of the sample academy is copied from the reference articles.

Fails if any run of 12 consecutive words from ``../shared/reference/*.txt``
appears in ``modules/`` or ``content/``. Words are compared lowercased with
punctuation removed, so light re-punctuation does not hide a copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference"
RUN = 12
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def copied_runs(text: str, reference: set[tuple[str, ...]]) -> list[str]:
    tokens = words(text)
    return [
        " ".join(tokens[i : i + RUN])
        for i in range(len(tokens) - RUN + 1)
        if tuple(tokens[i : i + RUN]) in reference
    ]


@pytest.fixture(scope="module")
def reference_runs() -> set[tuple[str, ...]]:
    sources = sorted(REFERENCE.glob("*.txt"))
    if not sources:
        pytest.skip(
            f"reference articles not found at {REFERENCE}; the overlap check needs ../shared/reference/"
        )
    out: set[tuple[str, ...]] = set()
    for source in sources:
        out |= runs(words(source.read_text(encoding="utf-8")))
    return out


def test_detector_finds_a_copied_run(reference_runs: set[tuple[str, ...]]) -> None:
    sample = next(iter(reference_runs))
    assert copied_runs("Intro. " + " ".join(sample).upper() + ", and more.", reference_runs)


def test_no_twelve_word_run_is_copied(reference_runs: set[tuple[str, ...]]) -> None:
    found = []
    for folder in ("modules", "content", "paths", "quizzes"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and path.suffix in (".md", ".yml", ".yaml"):
                for run in copied_runs(path.read_text(encoding="utf-8"), reference_runs):
                    found.append(f"{path.relative_to(REPO)}: '{run}'")
    assert found == [], "copied from the reference articles:\n" + "\n".join(found)
