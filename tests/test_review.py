"""`academy review` on real git repositories, against golden reports; and the
other author tools: `check --changed-since`, `new`, `stats`, `schema`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from academy.cli import main

from helpers import write

GOLDEN = Path(__file__).parent / "golden"

MODULE = """---
id: refunds
title: Refunds
summary: Handle refund requests fairly.
level: foundation
duration: 20
owner: billing-team
objectives:
  - id: decide
    text: Decide whether a refund applies.
    bloom: apply
checks:
  - id: late-return
    objective: decide
    type: single
    prompt: A customer returns a kettle on day 31 of a 30-day window. What do you do?
    choices:
      - text: Refuse, quoting the policy.
        feedback: Policy is the start of the answer, not the end.
      - text: Check the order history, then decide with your lead.
        correct: true
        feedback: A day late with a good history is a judgment call.
      - text: Refund at once.
        feedback: You may not have the authority for that.
    explanation: Borderline cases are judgment calls.
  - id: window
    objective: decide
    type: text
    prompt: How many days is the standard return window?
    answers: ["30"]
    explanation: Thirty days.
scenarios:
  - id: angry-refund
    objective: decide
    title: The angry refund
    start: opening
    steps:
      opening:
        text: I want my money back NOW.
        options:
          - text: Tell me what happened.
            next: calm
            score: 2
            feedback: Listening first.
          - text: Policy says no.
            next: lost
            score: 0
            feedback: Too blunt.
      calm:
        text: The customer explains.
        ending: success
        feedback: Well done.
      lost:
        text: The customer leaves.
        ending: fail
        feedback: Listen first.
---
Body.
"""

OTHER = """---
id: basics
title: Basics
summary: The basics.
level: foundation
duration: 10
objectives:
  - id: know
    text: Know the basics.
    bloom: remember
checks:
  - id: q
    objective: know
    type: true-false
    prompt: Basics come first.
    answer: true
    explanation: They do.
---
Body.
"""

PATH = """id: agents
title: Agents
role: Every agent
stages:
  - id: first
    title: First
    modules: [basics, refunds]
  - id: second
    title: Second
    modules: [extra]
"""

EXTRA = (
    OTHER.replace("id: basics", "id: extra")
    .replace("title: Basics", "title: Extra")
    .replace("duration: 10", "duration: 15")
)


def sh(root: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-11-01T10:00:00",
        "GIT_COMMITTER_DATE": "2026-11-01T10:00:00",
    }
    return subprocess.run(args, cwd=root, capture_output=True, text=True, check=True, env=env).stdout


def commit(root: Path, message: str) -> None:
    sh(root, "git", "add", "-A")
    sh(root, "git", "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not shutil.which("git"):
        pytest.fail("git is required for the review tests")
    root = tmp_path / "academy"
    root.mkdir()
    sh(root, "git", "init", "-q", "-b", "main")
    sh(root, "git", "config", "user.email", "author@example.org")
    sh(root, "git", "config", "user.name", "An Author")
    write(
        root,
        {
            "mkdocs.yml": "site_name: Review\nplugins:\n  - academy:\n      today: 2026-11-01\n",
            "modules/refunds.md": MODULE,
            "modules/basics.md": OTHER,
            "modules/extra.md": EXTRA,
            "paths/agents.yml": PATH,
        },
    )
    commit(root, "Start")
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return root


def review(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["review", *args]) == 0
    return capsys.readouterr().out


def golden(name: str, text: str) -> None:
    target = GOLDEN / f"review-{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        target.write_text(text, encoding="utf-8")
    assert text == target.read_text(encoding="utf-8")


def test_answer_key_change_and_move_in_one_commit(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The acceptance scenario: a different choice becomes correct, and the
    module file moves into a sub-folder, in one commit."""
    changed = MODULE.replace(
        "      - text: Check the order history, then decide with your lead.\n        correct: true\n",
        "      - text: Check the order history, then decide with your lead.\n",
    )
    changed = changed.replace(
        "      - text: Refund at once.\n", "      - text: Refund at once.\n        correct: true\n"
    )
    (repo / "modules" / "refunds.md").unlink()
    write(repo, {"modules/billing/refunds.md": changed})
    commit(repo, "Refund at once, and file under billing")
    report = review(capsys, "HEAD~1")
    assert "### ⚠️ Answer keys changed" in report
    assert "check `late-return`" in report
    assert "now correct: “Refund at once.”" in report
    assert "no longer correct: “Check the order history, then decide with your lead.”" in report
    assert "- module `refunds`: moved: modules/refunds.md → modules/billing/refunds.md\n" in report
    assert "added" not in report and "removed" not in report
    golden("answer-key-and-move", report)
    data = json.loads(review(capsys, "HEAD~1", "--format", "json"))
    keys = [f for f in data["findings"] if f["kind"] == "answer-key"]
    assert [(k["where"], k["data"]["after"]) for k in keys] == [
        ("module `refunds`, check `late-return`", ["Refund at once."])
    ]
    moved = [f["data"] for f in data["findings"] if f["kind"] == "moved"]
    assert moved == [{"from": "modules/refunds.md", "to": "modules/billing/refunds.md"}]


def test_series_of_commits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 1. An answer-key change in a text check.
    write(repo, {"modules/refunds.md": MODULE.replace('answers: ["30"]', 'answers: ["30", "thirty"]')})
    commit(repo, "Accept thirty")
    golden("text-answers", review(capsys, "HEAD~1", "HEAD"))
    # 2. A rename: the file moves, the id stays.
    os.makedirs(repo / "modules" / "intro")
    shutil.move(repo / "modules" / "basics.md", repo / "modules" / "intro" / "basics.md")
    commit(repo, "Move basics")
    golden("rename", review(capsys, "HEAD~1", "HEAD"))
    # 3. A path reshuffle: extra moves to the first stage, refunds to the second, and a new module joins.
    write(
        repo,
        {
            "paths/agents.yml": PATH.replace(
                "modules: [basics, refunds]", "modules: [basics, extra, more]"
            ).replace("modules: [extra]", "modules: [refunds]"),
            "modules/more.md": OTHER.replace("id: basics", "id: more")
            .replace("title: Basics", "title: More")
            .replace("duration: 10", "duration: 25"),
        },
    )
    commit(repo, "Reshuffle the path")
    golden("path-reshuffle", review(capsys, "HEAD~1", "HEAD"))
    # 4. A new scenario ending, and a changed score.
    scenario = MODULE.replace(
        "            feedback: Too blunt.\n",
        "            feedback: Too blunt.\n          - text: Let me see what I can do.\n            next: maybe\n            score: 1\n            feedback: Halfway.\n",
    )
    scenario = scenario.replace(
        "      lost:\n",
        "      maybe:\n        text: The customer waits.\n        ending: partial\n        feedback: Not bad.\n      lost:\n",
    )
    scenario = scenario.replace(
        "            next: calm\n            score: 2", "            next: calm\n            score: 3"
    )
    write(repo, {"modules/refunds.md": scenario.replace('answers: ["30"]', 'answers: ["30", "thirty"]')})
    commit(repo, "A partial ending")
    golden("scenario-ending", review(capsys, "HEAD~1", "HEAD"))


def test_working_tree_and_problems(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, {"modules/basics.md": OTHER.replace("level: foundation", "level: fundamental")})
    report = review(capsys, "HEAD")
    assert "`review` → `working tree`" not in report
    assert "→ `working tree`" in report
    assert "- modules/basics.md:5: new error `schema.enum`: level is `fundamental`" in report


def test_unknown_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "no-such-branch"]) == 2
    assert "no-such-branch" in capsys.readouterr().err


def test_changed_since_reports_only_changed_files_but_checks_everything(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A committed problem in one file, and a new problem in a changed file that
    # only the whole academy reveals (a prerequisite that does not exist).
    write(repo, {"modules/extra.md": EXTRA.replace("level: foundation", "level: wrong")})
    commit(repo, "Break extra")
    write(
        repo,
        {"modules/basics.md": OTHER.replace("duration: 10\n", "duration: 10\nprerequisites: [nowhere]\n")},
    )
    assert main(["check", ".", "--changed-since", "HEAD"]) == 1
    out = capsys.readouterr().out
    assert "modules/basics.md:7:17: error [ref.prerequisite]" in out
    assert "modules/extra.md" not in out
    assert out.endswith("1 error, 0 warnings in 1 file\n")
    assert main(["check", ".", "--changed-since", "HEAD~1", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "::error file=modules/extra.md,line=5,col=8,title=schema.enum::" in out
    assert "::error file=modules/basics.md,line=7,col=17,title=ref.prerequisite::" in out


def test_check_one_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        repo,
        {
            "modules/basics.md": OTHER.replace("duration: 10\n", "duration: 10\nprerequisites: [refundz]\n"),
            "modules/extra.md": EXTRA.replace("level: foundation", "level: x"),
        },
    )
    assert main(["check", "modules/basics.md"]) == 1
    out = capsys.readouterr().out
    assert "modules/basics.md:7:17: error [ref.prerequisite] prerequisite `refundz` is not a module" in out
    assert "Did you mean `refunds`?" in out
    assert "extra.md" not in out


def test_check_one_folder_of_a_project(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        repo,
        {
            "modules/billing/basics.md": OTHER.replace(
                "duration: 10\n", "duration: 10\nprerequisites: [refundz]\n"
            ),
            "modules/extra.md": EXTRA.replace("level: foundation", "level: x"),
        },
    )
    (repo / "modules" / "basics.md").unlink()
    assert main(["check", "modules/billing"]) == 1
    out = capsys.readouterr().out
    assert "modules/billing/basics.md:7:17: error [ref.prerequisite]" in out
    assert "extra.md" not in out
    assert out.rstrip().endswith("1 error, 0 warnings in 1 file")


@pytest.mark.parametrize("kind", ["module", "path", "quiz"])
def test_scaffolds_pass_check_and_never_overwrite(
    repo: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    assert main(["new", kind, "fresh-one", "--title", "A fresh one"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wrote ") and "Next:" in out
    written = next(repo.rglob("fresh-one.*"))
    assert "#" in written.read_text(encoding="utf-8")  # guidance comments
    assert main(["check", ".", "--strict"]) == 0, capsys.readouterr().out
    capsys.readouterr()
    assert main(["new", kind, "fresh-one"]) == 1
    assert "already exists; nothing was written" in capsys.readouterr().err
    assert main(["new", kind, "Bad Id"]) == 1
    assert "not a valid id" in capsys.readouterr().err


def test_stats_text_and_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "."]) == 0
    text = capsys.readouterr().out
    assert text.startswith("3 modules, 1 paths, 0 quiz banks\n")
    assert "agents" in text and "0 h 45 min" in text
    assert main(["stats", ".", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["checks"] == 4
    assert data["question_types"]["single"] == 1 and data["question_types"]["text"] == 1
    assert data["bloom"]["apply"] == 1 and data["bloom"]["remember"] == 2
    assert data["coverage"] == {"objectives": 3, "assessed": 3, "percent": 100.0}


@pytest.mark.parametrize("kind", ["module", "path", "quiz"])
def test_schema_command_prints_the_published_schema(capsys: pytest.CaptureFixture[str], kind: str) -> None:
    from academy.core.schemas import schema_text

    assert main(["schema", kind]) == 0
    assert capsys.readouterr().out == schema_text(kind)
