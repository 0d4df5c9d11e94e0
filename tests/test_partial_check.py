"""``academy check FILE...`` and ``--changed-since``: the whole project is
checked, and every problem that involves the named files is reported, on the
named file's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from academy.cli import main

from gitkit import make_repo
from helpers import module, path, write

PROJECT = {
    "mkdocs.yml": "site_name: T\nplugins:\n  - academy:\n      today: 2026-11-01\n",
    "modules/alpha.md": module("alpha"),
    "modules/beta.md": module("beta", extra="prerequisites: [alpha]\n"),
    "paths/main.yml": path("main", ["alpha", "beta"]),
}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo(tmp_path / "academy", PROJECT)
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return root


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def test_a_copied_id_is_blamed_on_the_new_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `copy` sorts before `beta`, and the whole check blames the later file:
    # a check of the new file must blame the new file, wherever it sorts.
    write(repo, {"modules/a-copy.md": module("beta")})
    for args in (["modules/a-copy.md"], ["--changed-since", "HEAD"]):
        code, out = check(capsys, *args)
        assert code == 1, out
        assert out.startswith(
            "modules/a-copy.md:2:5: error [id.duplicate] module id `beta` is already used in modules/beta.md\n"
        ), out
        assert "modules/beta.md:" not in out
    code, out = check(capsys, "modules/beta.md")  # about beta: the copy in beta is the duplicate
    assert code == 1 and out.startswith(
        "modules/beta.md:2:5: error [id.duplicate] module id `beta` is already used in modules/a-copy.md\n"
    )


def test_a_renamed_id_reports_the_references_it_breaks(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo, {"modules/alpha.md": module("alpha").replace("id: alpha", "id: alpha-basics")})
    write(
        repo, {"modules/gamma.md": module("gamma").replace("id: gamma", "id: alphas")}
    )  # a look-alike elsewhere
    code, out = check(capsys, "modules/alpha.md")
    assert code == 1
    # Problems in other files, which the renamed module caused.
    assert "modules/beta.md:7:17: error [ref.prerequisite] prerequisite `alpha` is not a module\n" in out
    assert (
        "    hint: modules/alpha.md is named `alpha` but its id is `alpha-basics`: use `alpha-basics` here"
        in out
    )
    assert "paths/main.yml:7:15: error [ref.module] stage `one` lists `alpha`, which is not a module\n" in out


def test_unrelated_problems_stay_out_of_a_partial_check(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repo, {"modules/gamma.md": module("gamma"), "modules/alpha.md": module("alpha", title="Alpha again")}
    )
    code, out = check(capsys, "modules/alpha.md")
    assert (code, out) == (0, "0 errors, 0 warnings in 1 file\n")
    code, out = check(capsys, "modules/alpha.md", "modules/gamma.md", "--strict")
    assert code == 1 and "modules/gamma.md:2:5: warning [coverage.orphan]" in out
    assert out.endswith("0 errors, 1 warning in 2 files\n")


def test_a_file_outside_the_project_is_a_usage_error(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "elsewhere.md").write_text("x")
    assert main(["check", "modules/alpha.md", str(tmp_path / "elsewhere.md")]) == 2
    assert "is outside the project" in capsys.readouterr().err
