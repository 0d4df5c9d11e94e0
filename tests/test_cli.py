"""``academy check``: exit codes, formats, and the acceptance scenarios."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from academy.cli import main

from helpers import module, path, small_project, write

REPO = Path(__file__).resolve().parents[1]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _not_on_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_clean_project_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(small_project(tmp_path))], capsys)
    assert (code, out) == (0, "0 errors, 0 warnings in 3 files\n")


def test_warning_fails_only_under_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_project(tmp_path)
    write(tmp_path, {"modules/orphan.md": module("orphan")})
    code, out, _ = run(["check", str(tmp_path)], capsys)
    assert code == 0
    assert out.endswith("0 errors, 1 warning in 4 files\n")
    code, _, _ = run(["check", str(tmp_path), "--strict"], capsys)
    assert code == 1


def test_usage_and_configuration_errors_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(tmp_path / "missing")], capsys)
    assert code == 2 and "is not a folder" in err
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2
    write(tmp_path, {"mkdocs.yml": "plugins:\n  - academy:\n      modules_folder: mods\n"})
    code, _, err = run(["check", str(tmp_path)], capsys)
    assert code == 2
    assert "unknown option 'modules_folder'" in err and "Did you mean 'modules_dir'?" in err
    write(tmp_path, {"mkdocs.yml": "plugins:\n  - academy:\n      severity: {coverag: ignore}\n"})
    code, _, err = run(["check", str(tmp_path)], capsys)
    assert code == 2 and "Did you mean 'coverage'?" in err


@pytest.mark.parametrize("command", ["check", "stats"])
def test_mkdocs_yml_syntax_error_is_one_located_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    small_project(tmp_path)
    write(tmp_path, {"mkdocs.yml": "site_name: x\nplugins:\n  - academy:\n      strict: [true\n"})
    code, out, err = run([command, str(tmp_path)], capsys)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"academy: configuration error: {tmp_path / 'mkdocs.yml'}:5:1: expected ',' or ']', "
        "but got '<stream end>' (while parsing a flow sequence)"
    ]


def test_mkdocs_yml_with_python_tags_is_read_without_executing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_project(tmp_path)
    write(
        tmp_path,
        {
            "mkdocs.yml": (
                "markdown_extensions:\n  - pymdownx.emoji:\n"
                "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                "plugins:\n  - academy:\n      severity: {coverage: error}\n"
            ),
            "modules/orphan.md": module("orphan"),
        },
    )
    code, out, _ = run(["check", str(tmp_path)], capsys)
    assert code == 1
    assert "error [coverage.orphan]" in out


FIVE_MISTAKES = """---
id: broken
title: Broken module
summary: Five mistakes in one file.
level: expert
duration: 10
prerequisites: [alpah]
objectives:
  - id: know
    text: Know it.
    bloom: apply
checks:
  - id: both
    objective: know
    type: single
    prompt: Which one?
    choices:
      - text: This one
        correct: true
        feedback: Yes.
      - text: That one
        correct: true
        feedback: Also yes.
    explanation: Both are marked correct.
  - id: lost
    objective: knwo
    type: true-false
    prompt: True?
    answer: true
    explanation: Yes.
scenarios:
  - id: walk
    objective: know
    title: A walk
    start: opening
    steps:
      opening:
        text: Hello.
        options:
          - text: Go on.
            next: nowhere
      done:
        text: Done.
        ending: success
---
Body.
"""


def test_five_mistakes_in_one_module_are_all_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_project(tmp_path)
    write(
        tmp_path,
        {"modules/broken.md": FIVE_MISTAKES, "paths/main.yml": path("main", ["alpha", "beta", "broken"])},
    )
    code, out, _ = run(["check", str(tmp_path)], capsys)
    assert code == 1
    assert out == (
        "modules/broken.md:5:8: error [schema.enum] level is `expert`; expected one of `foundation`, `intermediate`, `advanced`\n"
        "modules/broken.md:7:17: error [ref.prerequisite] prerequisite `alpah` is not a module\n"
        "    hint: Did you mean `alpha`?\n"
        "modules/broken.md:22:9: error [answer.single] choice 2 of single-choice question `both` is marked "
        "correct, and so is choice 1\n"
        "    hint: Keep `correct: true` on one choice only, or use `type: multiple`.\n"
        "modules/broken.md:26:16: error [ref.objective] objective `knwo` is not an objective of module `broken`\n"
        "    hint: Did you mean `know`?\n"
        "modules/broken.md:41:19: error [scenario.next] option 1 of step `opening` leads to `nowhere`, which is not a step of `walk`\n"
        "    hint: Steps: opening, done.\n"
        "5 errors, 0 warnings in 4 files\n"
    )


def test_design_section_3_module_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = (REPO / "tests" / "cases" / "clean.case").read_text(encoding="utf-8")
    assert "type: order" in case and "type: match" in case and "type: text" in case
    from casefiles import materialise, parse

    materialise(parse(REPO / "tests" / "cases" / "clean.case"), tmp_path)
    code, out, _ = run(["check", str(tmp_path), "--strict"], capsys)
    assert (code, out) == (0, "0 errors, 0 warnings in 3 files\n")


def test_github_format_is_exact_workflow_command_syntax(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_project(tmp_path)
    write(tmp_path, {"modules/beta.md": module("beta", extra="prerequisites: [alph]\nlevel: x\n")})
    _, out, _ = run(["check", str(tmp_path), "--format", "github"], capsys)
    lines = out.splitlines()
    command = re.compile(
        r"^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[a-z0-9-]+\.[a-z0-9-]+::[^\r\n]+$"
    )
    assert all(command.match(line) for line in lines[:-1]), lines
    assert (
        "::error file=modules/beta.md,line=7,col=17,title=ref.prerequisite::"
        "prerequisite `alph` is not a module%0AHint: Did you mean `alpha`?"
    ) in lines
    assert lines[-1].endswith("in 3 files")


def test_github_format_is_default_on_github_actions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    small_project(tmp_path)
    write(tmp_path, {"modules/orphan.md": module("orphan")})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(["check", str(tmp_path)], capsys)
    assert out.startswith("::warning file=modules/orphan.md,line=2,col=5,title=coverage.orphan::")


def test_github_escapes_property_and_message_separators() -> None:
    from academy.cli.report import github_annotation
    from academy.core.problems import Problem, Severity

    p = Problem("yaml.syntax", Severity.ERROR, "modules/a,b:c.md", 3, 4, "100% wrong\nreally", "fix: it")
    assert github_annotation(p) == (
        "::error file=modules/a%2Cb%3Ac.md,line=3,col=4,title=yaml.syntax::100%25 wrong%0Areally%0AHint: fix: it"
    )


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_project(tmp_path)
    write(tmp_path, {"modules/orphan.md": module("orphan")})
    code, out, _ = run(["check", str(tmp_path), "--format", "json"], capsys)
    payload = json.loads(out)
    assert code == 0
    assert payload["summary"] == {
        "errors": 0,
        "warnings": 1,
        "files": 4,
        "text": "0 errors, 1 warning in 4 files",
    }
    assert payload["problems"][0] == {
        "code": "coverage.orphan",
        "severity": "warning",
        "file": "modules/orphan.md",
        "line": 2,
        "column": 5,
        "message": "module `orphan` is in no learning path",
        "hint": "Add it to a stage in paths/, or retire it.",
        "related": [],
    }


def test_severity_overrides_regrade_families_and_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_project(tmp_path)
    write(
        tmp_path,
        {
            "modules/orphan.md": module("orphan", extra="reviewed: 2020-01-01\n"),
            "mkdocs.yml": "plugins:\n  - academy:\n      today: 2026-11-01\n      severity:\n        coverage: error\n        review.stale: ignore\n",
        },
    )
    code, out, _ = run(["check", str(tmp_path)], capsys)
    assert code == 1
    assert "error [coverage.orphan]" in out
    assert "review.stale" not in out


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    small_project(tmp_path)
    write(tmp_path, {"modules/bad.md": "\x00binary"})
    proc = subprocess.run(
        [sys.executable, "-m", "academy", "check", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stdout.splitlines()[-1] == "1 error, 0 warnings in 4 files"
