"""``academy review`` reports every change a learner would notice, once, in
curriculum terms: the acceptance scenario, renames, lists, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from academy.cli import main
from academy.cli.review.words import sections, words

from gitkit import commit, make_repo
from helpers import write

MODULE = """---
id: deciding
title: Deciding
summary: Decide what a refund needs.
level: foundation
duration: 15
prerequisites: []
objectives:
  - id: decide
    text: Decide whether a refund applies.
    bloom: apply
checks:
  - id: gather
    objective: decide
    type: single
    prompt: What do you need before you can decide on a refund?
    choices:
      - text: The order history.
        correct: true
        feedback: History shows whether this is a pattern.
      - text: The customer's mood.
        feedback: Mood matters, but it does not decide a refund.
    explanation: Decide from the facts of the order.
  - id: window
    objective: decide
    type: true-false
    prompt: The return window is thirty days.
    answer: true
    explanation: Thirty days from delivery.
scenarios:
  - id: late
    objective: decide
    title: A late return
    start: open
    steps:
      open:
        text: "Customer: I know it's day 31, but the kettle never worked."
        options:
          - text: Let me look at your order.
            next: done
            score: 1
      done:
        text: You check the history and find a fair answer.
        ending: success
---
## Before you decide

Read the order history first. A customer with years of orders and one late
return deserves a different answer from one with a pattern of returns.

## Deciding

Say what you will do, and why.
"""

PATH = "id: main\ntitle: Main\nrole: Agents\nstages:\n  - id: one\n    title: One\n    modules: [deciding]\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo(
        tmp_path / "academy",
        {
            "mkdocs.yml": "site_name: R\nplugins:\n  - academy:\n      today: 2026-11-01\n",
            "modules/deciding.md": MODULE,
            "paths/main.yml": PATH,
        },
    )
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return root


def review(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["review", *args]) == 0
    return capsys.readouterr().out


def test_six_edits_and_a_rename_are_each_named_with_old_and_new_text(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = (
        MODULE.replace(
            "What do you need before you can decide on a refund?",
            "What can you ignore when you decide on a refund?",
        )
        .replace("explanation: Decide from the facts of the order.", "explanation: Always decline.")
        .replace("feedback: Mood matters, but it does not decide a refund.", "feedback: Wrong.")
        .replace(
            "text: You check the history and find a fair answer.", "text: You refuse and the customer leaves."
        )
        .replace(
            "deserves a different answer from one with a pattern",
            "deserves the same answer as one with a pattern",
        )
        .replace("  - id: window\n", "  - id: return-window\n")
    )
    write(repo, {"modules/deciding.md": edited})
    commit(repo, "Edits")
    report = review(capsys, "HEAD~1")
    # The rename first among the risks after answer keys, with what to do.
    assert "### ⚠️ Renamed: learner progress resets" in report
    assert "- module `deciding`, check `return-window`: check `window` is now `return-window`" in report
    assert (
        "Learner progress for this check resets. To keep it, add `renamed_from: [window]` to the check."
        in report
    )
    learner = report.split("### What learners read in checks and scenarios")[1].split("\n### ")[0]
    for where, what, old, new in [
        ("check `gather`", "prompt changed", "What do you need before you can decide on a refund?",
         "What can you ignore when you decide on a refund?"),
        ("check `gather`", "explanation changed", "Decide from the facts of the order.", "Always decline."),
        ("check `gather`", "feedback on choice 2 changed", "Mood matters, but it does not decide a refund.", "Wrong."),
        ("scenario `late`", "step `done` changed", "You check the history and find a fair answer.",
         "You refuse and the customer leaves."),
    ]:  # fmt: skip
        block = learner.split(f"- module `deciding`, {where}: {what}\n")[1].split("\n- ")[0]
        assert f"  - before: “{old}”" in block and f"  - after: “{new}”" in block, block
    assert "What ~~do~~ **can** you ~~need before~~ **ignore when** you" in learner
    teaching = report.split("### Teaching text")[1]
    assert "- module `deciding`, section “Before you decide”: text changed" in teaching
    assert "~~a different~~ **the same** answer ~~from~~ **as**" in teaching
    assert "“Deciding”" not in teaching  # an unchanged section is not listed
    assert (
        "Summary: **1 rename that resets progress**, 4 changes to what learners read, 1 teaching-text change."
        in report
    )
    # Each finding once.
    lines = [line for line in report.splitlines() if line.startswith("- ")]
    assert len(lines) == len(set(lines))


def test_a_renamed_module_in_the_same_file_and_a_carried_over_rename(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, {"modules/deciding.md": MODULE.replace("id: deciding", "id: refund-decisions"),
                 "paths/main.yml": PATH.replace("[deciding]", "[refund-decisions]")})  # fmt: skip
    commit(repo, "Rename the module")
    report = review(capsys, "HEAD~1")
    assert (
        "- module `refund-decisions` (modules/deciding.md): module `deciding` is now `refund-decisions`"
        in report
    )
    assert "removed" not in report and "added" not in report
    write(repo, {"modules/deciding.md": MODULE.replace("  - id: window\n", "  - id: return-window\n")})
    data = json.loads(review(capsys, "HEAD", "--format", "json"))
    renames = [f for f in data["findings"] if f["kind"] == "rename"]
    assert [r["data"]["from"] for r in renames] == ["refund-decisions", "window"]


def test_lists_print_as_lists_and_the_stale_warning_once(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repo,
        {
            "modules/basics.md": MODULE.replace("id: deciding", "id: basics").replace(
                "title: Deciding", "title: Basics"
            )
        },
    )
    commit(repo, "Basics")
    stale = MODULE.replace("prerequisites: []", "prerequisites: [basics]\nreviewed: 2020-01-01")
    write(repo, {"modules/deciding.md": stale})
    report = review(capsys, "HEAD")
    assert "prerequisites: `basics` (was none)" in report
    assert "['basics']" not in report
    assert report.count("was last reviewed on 2020-01-01") == 1
    assert "### Stale content" in report


def test_text_and_json_formats(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, {"modules/deciding.md": MODULE.replace("answer: true", "answer: false")})
    text = review(capsys, "HEAD", "--format", "text")
    assert "Curriculum review: HEAD → working tree\n====" in text
    assert "the answer is now false (was true)" in text and "**" not in text and "`" not in text
    assert main(["schema", "review"]) == 0
    schema = json.loads(capsys.readouterr().out)
    Draft202012Validator.check_schema(schema)
    data = json.loads(review(capsys, "HEAD", "--format", "json"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data["version"] == 2 and data["summary"] == {"answer-keys": 1}


def test_word_diffs_mark_words_and_shorten_long_texts() -> None:
    assert words("a b c", "a x c").marked == "a ~~b~~ **x** c"
    long_before = " ".join(f"w{i}" for i in range(40))
    long_after = long_before.replace("w20", "changed")
    diff = words(long_before, long_after, short=True)
    assert diff.marked == "… w16 w17 w18 w19 ~~w20~~ **changed** w21 w22 w23 w24 …"
    assert (diff.removed, diff.added) == (1, 1)
    assert sections("Intro.\n\n## One\n\nA.\n\n```\n## not a heading\n```\n\n## One\n\nB.") == {
        "": "Intro.",
        "One": "A.\n\n```\n## not a heading\n```",
        "One (again)": "B.",
    }
