"""``academy new``: scaffolds that pass ``check --strict`` as written, and the
path edit that lists a new module."""

from __future__ import annotations

from pathlib import Path

import pytest

from academy.cli import main

from helpers import module, write

TWO_PATHS = {
    "modules/basics.md": module("basics"),
    "modules/advanced.md": module("advanced", extra="prerequisites: [middle]\n"),
    "modules/middle.md": module("middle", extra="prerequisites: [basics]\n"),
    "paths/flow.yml": "id: flow\ntitle: Flow\nrole: Agents\nstages:\n  - id: one\n    title: One\n    modules: [basics, middle, advanced]\n",
    "paths/block.yml": (
        "id: block\ntitle: Block\nrole: Leads\nstages:\n"
        "  - id: first\n    title: First\n    modules:\n      - basics  # start here\n"
        "  - id: second\n    title: Second\n    modules:\n      - middle\n      - advanced\n"
        "    # the assessment comes later\n"
    ),
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path, TWO_PATHS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def test_a_module_joins_the_named_stage_of_a_block_list(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "module", "fresh", "--path", "block", "--stage", "first"]) == 0
    assert "It is listed last in stage `first` of paths/block.yml" in capsys.readouterr().out
    text = (project / "paths" / "block.yml").read_text(encoding="utf-8")
    assert "    modules:\n      - basics  # start here\n      - fresh\n  - id: second" in text
    assert main(["check", ".", "--strict"]) == 0, capsys.readouterr().out


def test_a_module_joins_the_last_stage_by_default(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "module", "fresh", "--path", "block"]) == 0
    text = (project / "paths" / "block.yml").read_text(encoding="utf-8")
    assert "      - middle\n      - advanced\n      - fresh\n    # the assessment comes later\n" in text
    assert main(["new", "module", "other", "--path", "flow"]) == 0
    assert "    modules: [basics, middle, advanced, other]\n" in (project / "paths" / "flow.yml").read_text()
    capsys.readouterr()
    assert main(["check", ".", "--strict"]) == 0, capsys.readouterr().out


def test_an_unknown_path_or_stage_is_named(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "module", "fresh", "--path", "flwo"]) == 1
    assert "there is no path `flwo`; paths: `block`, `flow`" in capsys.readouterr().out
    assert main(["new", "module", "fresh2", "--path", "block", "--stage", "third"]) == 1
    assert "path `block` has no stage `third`; its stages: `first`, `second`" in capsys.readouterr().out


def test_without_path_among_several_the_module_waits_for_one(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "module", "fresh"]) == 0
    assert "`--path PATH_ID`" in capsys.readouterr().out
    assert "fresh" not in (project / "paths" / "flow.yml").read_text()


def test_a_new_path_starts_with_a_module_that_needs_nothing_first(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `advanced` sorts first but needs `middle`; listed alone it would warn (path.outside).
    assert main(["new", "path", "fresh"]) == 0
    assert "    modules: [basics]" in (project / "paths" / "fresh.yml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", ".", "--strict"]) == 0, capsys.readouterr().out
