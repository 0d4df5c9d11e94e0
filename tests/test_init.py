"""``academy init DIR``: a new content repository that is valid as written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from academy.cli import main
from academy.cli.init import FILES, requirement

REPO = Path(__file__).resolve().parents[1]
WRITTEN = [*FILES.values(), "requirements.txt"]


def test_init_writes_the_repository_and_says_what_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "support-academy"
    assert main(["init", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[: len(WRITTEN) + 1] == [f"Wrote a new academy in {target}:"] + [
        f"  {name}" for name in WRITTEN
    ]
    assert "  academy check    # every problem, with file:line and the fix" in out
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert files == sorted(WRITTEN)
    assert "site_name: Support academy\n" in (target / "mkdocs.yml").read_text()
    assert (target / "README.md").read_text().startswith("# Support academy\n")


def test_the_new_academy_passes_check_strict_with_no_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init", str(tmp_path / "academy"), "--name", "Harbour Academy"])
    capsys.readouterr()
    assert main(["check", "--strict", str(tmp_path / "academy")]) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings in 5 files\n"


@pytest.mark.slow
def test_the_new_academy_builds_strict_with_no_warning(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "academy")]) == 0
    proc = subprocess.run(
        [sys.executable, "-m", "academy", "build", "--strict"],
        cwd=tmp_path / "academy",
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert [line for line in proc.stderr.splitlines() if not line.startswith("INFO")] == [
        f"academy build: built {(tmp_path / 'academy').resolve()}/build"
    ]
    home = (tmp_path / "academy" / "build" / "index.html").read_text(encoding="utf-8")
    assert "Writing for this academy" in home  # the path's role card


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    assert main(["init", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"academy init: {tmp_path} is not empty; nothing was written. Use --force to write into it anyway\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_force_writes_into_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Old\n")
    assert main(["init", str(tmp_path), "--force", "--name", "New"]) == 0
    assert (tmp_path / "notes.txt").read_text() == "mine\n"
    assert "site_name: New\n" in (tmp_path / "mkdocs.yml").read_text()


def test_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("")
    assert main(["init", str(tmp_path / "file")]) == 2
    assert capsys.readouterr().err == f"academy init: {tmp_path / 'file'} is a file, not a folder\n"


HEADER = "# Academy, pinned: the version this academy is checked and built with (0.1.0 wrote it).\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (None, "mkdocs-academy==0.1.0\n"),
        (
            "git+https://git.example.org/learning/academy.git@v0.1.0",
            "mkdocs-academy @ git+https://git.example.org/learning/academy.git@v0.1.0\n",
        ),
        (
            "git+https://git.example.org/learning/academy.git",
            "# Add @TAG or @COMMIT to the URL to pin the version.\n"
            "mkdocs-academy @ git+https://git.example.org/learning/academy.git\n",
        ),
        (
            "https://files.example.org/mkdocs_academy-0.1.0-py3-none-any.whl",
            "mkdocs-academy @ https://files.example.org/mkdocs_academy-0.1.0-py3-none-any.whl\n",
        ),
        (
            "https://pypi.example.org/simple/",
            "# From a private index, which must also serve Academy's dependencies (most\n"
            "# mirror PyPI); if yours does not, write --extra-index-url instead.\n"
            "--index-url https://pypi.example.org/simple/\nmkdocs-academy==0.1.0\n",
        ),
    ],
)
def test_requirements_pin_the_running_version_from_each_kind_of_source(
    source: str | None, expected: str
) -> None:
    assert requirement(source, "0.1.0").text == HEADER + expected


def test_a_wheel_file_is_copied_beside_the_requirements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wheel = tmp_path / "mkdocs_academy-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"PK wheel bytes")
    assert main(["init", str(tmp_path / "academy"), "--from", str(wheel)]) == 0
    assert "  wheels/mkdocs_academy-0.1.0-py3-none-any.whl" in capsys.readouterr().out
    assert (tmp_path / "academy" / "wheels" / wheel.name).read_bytes() == b"PK wheel bytes"
    assert (tmp_path / "academy" / "requirements.txt").read_text() == HEADER + f"./wheels/{wheel.name}\n"


def test_a_source_that_is_neither_url_nor_wheel_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "academy"), "--from", "academy-0.1.0.zip"]) == 2
    assert capsys.readouterr().err == (
        "academy init: --from academy-0.1.0.zip: not a git+ URL, an http(s) URL or a wheel file; "
        "for example --from git+https://example.org/team/academy.git@v0.1.0\n"
    )
    assert not (tmp_path / "academy").exists()


def test_the_pre_commit_configuration_is_valid(tmp_path: Path) -> None:
    main(["init", str(tmp_path / "academy")])
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
        cwd=tmp_path / "academy",
        capture_output=True,
        text=True,
        check=False,
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_new_names_the_commands_of_the_repository_it_runs_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init", str(tmp_path / "content")])
    capsys.readouterr()
    assert main(["new", "module", "first-steps", "--project", str(tmp_path / "content")]) == 0
    assert "  3. Run `academy check`, and `mkdocs serve` to preview it.\n" in capsys.readouterr().out
    # This repository wraps both in its Makefile, which also installs them.
    (tmp_path / "content" / "Makefile").write_text((REPO / "Makefile").read_text())
    assert main(["new", "module", "second-steps", "--project", str(tmp_path / "content")]) == 0
    assert "  3. Run `make check`, and `make serve` to preview it.\n" in capsys.readouterr().out
