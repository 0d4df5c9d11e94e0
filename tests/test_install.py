"""Academy as a package: the wheel, installed where this checkout is out of reach.

The wheel and sdist (fixtures in ``installkit.py``) are used the way a team
with its own content repository uses them: ``academy init``, then check,
build, and the workflow's own shell steps. The browser test that opens the
built home page is ``browser/test_installed_site.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from academy.cli.init import FILES
from academy.client.runtime import PARTS

from installkit import REPO, clean_env, run

pytestmark = pytest.mark.slow


def names(archive: Path) -> set[str]:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as whl:
            return set(whl.namelist())
    with tarfile.open(archive) as sdist:
        return {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}


def test_wheel_and_sdist_hold_the_schemas_templates_and_assets(dists: tuple[Path, Path]) -> None:
    wheel, sdist = dists
    assert wheel.name == "mkdocs_academy-0.1.0-py3-none-any.whl"
    assert sdist.name == "mkdocs_academy-0.1.0.tar.gz"
    data = {
        *(f"academy/core/schemas/{kind}.schema.json" for kind in ("module", "path", "quiz", "catalog")),
        *(
            f"academy/render/templates/{name}.html"
            for name in ("check", "path", "quiz", "scenario", "role_cards")
        ),
        *(
            f"academy/client/assets/{name}"
            for name in (
                "academy.js",
                "academy.css",
                "academy-xapi.js",
                *(f"academy-{part}.js" for part in PARTS),
            )
        ),
        *(f"academy/cli/templates/init/{name}" for name in FILES),
    }
    in_wheel = names(wheel)
    assert data <= in_wheel
    assert data <= {name.removeprefix("plugins/") for name in names(sdist)}
    assert not [name for name in in_wheel if "__pycache__" in name or name.endswith(".pyc")]
    with zipfile.ZipFile(wheel) as whl:
        metadata = whl.read("mkdocs_academy-0.1.0.dist-info/METADATA").decode()
        entry_points = whl.read("mkdocs_academy-0.1.0.dist-info/entry_points.txt").decode()
    assert "Name: mkdocs-academy\n" in metadata
    assert "academy = academy.cli:main" in entry_points
    assert "[mkdocs.plugins]\nacademy = academy.mkdocs.plugin:AcademyPlugin" in entry_points


def test_the_installed_package_is_the_wheel_not_this_checkout(installed: Path, tmp_path: Path) -> None:
    proc = run(
        [str(installed / "python"), "-c", "import academy; print(academy.__file__)"],
        cwd=tmp_path,
        env=clean_env(installed),
    )
    assert proc.returncode == 0, proc.stderr
    where = Path(proc.stdout.strip())
    assert where.is_relative_to(installed.parent / "lib")
    assert not where.is_relative_to(REPO)
    version = run([str(installed / "academy"), "--version"], cwd=tmp_path, env=clean_env(installed))
    assert version.stdout == "academy 0.1.0\n"


def test_a_new_academy_checks_and_builds_strict_with_no_warning(installed: Path, new_academy: Path) -> None:
    env = clean_env(installed)
    check = run([str(installed / "academy"), "check", "--strict"], cwd=new_academy, env=env)
    assert (check.returncode, check.stdout, check.stderr) == (0, "0 errors, 0 warnings in 5 files\n", "")
    build = run([str(installed / "academy"), "build", "--strict"], cwd=new_academy, env=env)
    assert build.returncode == 0, build.stderr
    assert [line for line in build.stderr.splitlines() if not line.startswith("INFO")] == [
        f"academy build: built {new_academy.resolve()}/build"
    ]
    assert (new_academy / "build" / "index.html").is_file()
    assert (new_academy / "build" / "modules" / "writing-objectives" / "index.html").is_file()
    assert (new_academy / "requirements.txt").read_text().splitlines()[-1] == (
        "./wheels/mkdocs_academy-0.1.0-py3-none-any.whl"
    )


# -- the content workflow's shell steps, run for real --------------------------


def steps(repo: Path, job: str) -> dict[str, dict[str, Any]]:
    """The named steps of a job in the workflow ``academy init`` wrote."""
    data = yaml.safe_load((repo / ".github" / "workflows" / "academy.yml").read_text(encoding="utf-8"))
    return {step["name"]: step for step in data["jobs"][job]["steps"] if "name" in step}


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Author",
        "GIT_AUTHOR_EMAIL": "author@example.org",
        "GIT_COMMITTER_NAME": "Author",
        "GIT_COMMITTER_EMAIL": "author@example.org",
    }
    proc = run(["git", *args], cwd=repo, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def run_step(
    step: dict[str, Any], repo: Path, env: dict[str, str], context: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """A ``run:`` step as GitHub runs it: ``bash --noprofile --norc -eo pipefail``, with the step's
    env, whose ``${{ expression }}`` values GitHub would fill in come from ``context``."""
    script = step["run"]
    assert "${{" not in script, "expressions belong in env:, never inside a script"
    step_env = {}
    for name, value in step.get("env", {}).items():
        expression = re.fullmatch(r"\$\{\{\s*(.+?)\s*\}\}", str(value))
        step_env[name] = (context or {})[expression.group(1)] if expression else str(value)
    return run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=repo, env={**env, **step_env}
    )


def test_content_workflow_steps_run_in_a_repository_made_by_init(
    new_academy: Path, installed: Path, constraints: Path | None, tmp_path: Path
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(new_academy, repo, ignore=shutil.ignore_patterns("build"))
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Start the academy")
    base = git(repo, "rev-parse", "HEAD")
    # The pull request: a new module, placed in the path.
    new = run(
        [str(installed / "academy"), "new", "module", "second-module"], cwd=repo, env=clean_env(installed)
    )
    assert new.returncode == 0, new.stderr
    assert "3. Run `academy check`, and `mkdocs serve` to preview it." in new.stdout
    path_file = repo / "paths" / "academy-authors.yml"
    path_file.write_text(
        path_file.read_text().replace("[writing-objectives]", "[writing-objectives, second-module]")
    )
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Add a second module")

    # The runner's Python: a fresh venv, into which the workflow's own install step installs.
    runner = tmp_path / "runner"
    proc = run([sys.executable, "-m", "venv", str(runner)], cwd=tmp_path, env={**os.environ})
    assert proc.returncode == 0, proc.stderr
    summary = tmp_path / "step-summary.md"
    env = clean_env(runner / "bin", GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    if constraints:
        env["PIP_CONSTRAINT"] = str(constraints)
    build_job, review_job = steps(repo, "check-and-build"), steps(repo, "review")

    assert build_job["Install Academy"] == review_job["Install Academy"]
    install = run_step(build_job["Install Academy"], repo, env)
    assert install.returncode == 0, install.stdout + install.stderr
    assert not (
        runner / "lib" / "python3.11" / "site-packages" / "__editable__.mkdocs_academy-0.1.0.pth"
    ).exists()

    check = run_step(build_job["Check content"], repo, env)
    assert (check.returncode, check.stdout) == (0, "0 errors, 0 warnings in 6 files\n"), check.stderr
    built = run_step(build_job["Build the site (strict)"], repo, env)
    assert built.returncode == 0, built.stderr
    assert (repo / "build" / "modules" / "second-module" / "index.html").is_file()

    review = run_step(
        review_job["Summarise the change in curriculum terms"],
        repo,
        env,
        {"github.event.pull_request.base.sha": base},
    )
    assert review.returncode == 0, review.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(f"## Curriculum review: `{base}` → `HEAD`\n")
    assert "- module `second-module`: added: “Second module” (modules/second-module.md, 15 min)" in text
    assert "  - `second-module` added to stage `first-steps`" in text

    # A problem becomes an annotation on the pull request, and fails the job.
    path_file.write_text(
        path_file.read_text().replace("[writing-objectives, second-module]", "[writing-objectives]")
    )
    check = run_step(build_job["Check content"], repo, env)
    assert check.returncode == 1
    assert check.stdout.splitlines() == [
        "::warning file=modules/second-module.md,line=4,col=5,title=coverage.orphan::module `second-module` "
        "is in no learning path%0AHint: Add it to a stage in paths/, or retire it.",
        "0 errors, 1 warning in 6 files",
    ]
