"""The repository integration files: the GitHub workflow and the pre-commit hooks.

GitHub and pre-commit run these files elsewhere, so the tests check what can
break here: the YAML parses into what each tool expects, every shell step is
valid bash, and every ``academy`` command in them is one the CLI accepts.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest

from academy.cli import build_parser, main

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "academy.yml"


def _workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _academy_commands(script: str) -> list[list[str]]:
    """Each ``academy …`` command in a shell script, as argv after ``academy``."""
    found = []
    # A backslash-newline continues the command, as the shell reads it.
    for line in script.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        for index, word in enumerate(words):
            if word == "academy" or word.endswith("/academy"):
                argv = []
                for arg in words[index + 1 :]:
                    if arg in {">", ">>", "|", "&&", ";"}:
                        break
                    argv.append(arg)
                found.append(argv)
                break
    return found


#: What the workflow's shell variables hold when its commands run.
SHELL_VALUES = {"LEARNING_PATH": "new-hire-agent", "format": "cmi5", "base": "0" * 40}


def _expand(word: str) -> str:
    """``$name`` and ``${name}`` as the shell would expand them; an unknown one fails the test."""
    return re.sub(r"\$\{?(\w+)\}?", lambda m: SHELL_VALUES[m.group(1)], word)


def test_workflow_has_the_four_duties() -> None:
    jobs = _workflow()["jobs"]
    steps = [step for job in jobs.values() for step in job["steps"]]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "academy check --strict --format github" in runs
    assert "academy build --strict" in runs
    assert "academy review" in runs
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "build/"
    comment = [s for s in steps if s.get("uses", "").startswith("actions/github-script@")]
    assert comment and "createComment" in comment[0]["with"]["script"]
    # Only the review job may write to the pull request.
    assert jobs["review"]["permissions"]["pull-requests"] == "write"
    assert _workflow()["permissions"] == {"contents": "read"}


def test_workflow_shell_steps_are_valid_bash_and_real_commands() -> None:
    parser = build_parser()
    commands = 0
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            script = step.get("run")
            if script is None:
                continue
            checked = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
            assert checked.returncode == 0, checked.stderr
            for argv in _academy_commands(script):
                commands += 1
                try:
                    parser.parse_args([_expand(a) for a in argv] or ["--help"])
                except SystemExit as exc:  # argparse exits on a bad command line
                    pytest.fail(f"`academy {' '.join(argv)}` is not a valid command line ({exc})")
    assert commands >= 3


def test_workflow_never_puts_event_text_into_a_shell() -> None:
    # Branch names and titles come from strangers: expand them through env, not inline.
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step


def test_pre_commit_hook_manifest_runs_academy_check() -> None:
    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "academy-check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    argv = shlex.split(hook["entry"])
    assert argv[0] == "academy"
    assert main([*argv[1:], str(REPO)]) == 0


def test_own_pre_commit_config_loads_and_checks_content() -> None:
    config = load_config(str(REPO / ".pre-commit-config.yaml"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format", "academy-check"} <= set(hooks)
    assert "academy check --strict" in hooks["academy-check"]["entry"]
