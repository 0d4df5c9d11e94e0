"""The GitHub workflows: this repository's and the one ``academy init`` writes.

actionlint (with ShellCheck for the ``run:`` scripts, both from the test
lock) must pass on each. The content workflow's shell steps also run for
real, in ``test_install.py``, against a repository made by ``academy init``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from academy.cli.init import init, workflow

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: How this repository installs Academy in CI: the locked dependencies, then the checkout.
REPO_INSTALL = "python -m pip install -r requirements/site.lock && python -m pip install --no-deps --no-build-isolation ."


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("actionlint", path=str(BIN))
    assert tool, "actionlint is missing from the venv; `make install-test` installs it from the test lock"
    assert shutil.which("shellcheck", path=str(BIN)), "shellcheck is missing from the venv"
    return subprocess.run(
        [tool, "-no-color", *map(str, files)],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
        check=False,
        cwd=files[0].parent,
    )


def test_this_repositorys_workflow_is_the_content_workflow_with_its_own_install_step() -> None:
    ours = (REPO / ".github" / "workflows" / "academy.yml").read_text(encoding="utf-8")
    assert ours == workflow(REPO_INSTALL, "requirements/site.lock")


def test_no_workflow_installs_the_checkout_as_a_project_in_a_content_repository(tmp_path: Path) -> None:
    init(tmp_path / "academy", None, None, force=False)
    text = (tmp_path / "academy" / ".github" / "workflows" / "academy.yml").read_text(encoding="utf-8")
    assert "pip install -e" not in text
    assert text.count("run: python -m pip install -r requirements.txt\n") == 4
    assert text.count("cache-dependency-path: requirements.txt\n") == 4


@pytest.mark.parametrize("name", ["academy.yml", "upstream.yml"])
def test_this_repositorys_workflows_pass_actionlint(name: str) -> None:
    proc = actionlint(REPO / ".github" / "workflows" / name)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_the_workflow_init_writes_passes_actionlint(tmp_path: Path) -> None:
    init(tmp_path / "academy", None, None, force=False)
    proc = actionlint(tmp_path / "academy" / ".github" / "workflows" / "academy.yml")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_actionlint_checks_the_shell_scripts_too(tmp_path: Path) -> None:
    # Proof that the passes above mean something: an unquoted variable in a
    # `run:` script is ShellCheck's finding, reported through actionlint.
    init(tmp_path / "academy", None, None, force=False)
    target = tmp_path / "academy" / ".github" / "workflows" / "academy.yml"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace(
            'cat academy-review.md >> "$GITHUB_STEP_SUMMARY"', "cat academy-review.md >> $GITHUB_STEP_SUMMARY"
        )
    )
    proc = actionlint(target)
    assert proc.returncode == 1
    assert "SC2086" in proc.stdout


def test_upstream_workflow_runs_test_latest_on_a_schedule() -> None:
    import yaml

    data = yaml.safe_load((REPO / ".github" / "workflows" / "upstream.yml").read_text(encoding="utf-8"))
    triggers = data[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"][0]["cron"]
    steps = data["jobs"]["test-latest"]["steps"]
    assert steps[-1]["run"] == "make test-latest"
