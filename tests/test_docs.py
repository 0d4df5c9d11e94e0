"""Documentation that must not drift from the code."""

from __future__ import annotations

from pathlib import Path

from academy.core.codes import CODES, markdown_reference
from academy.core.options import OPTIONS
from academy.mkdocs.config import AcademyConfig

REPO = Path(__file__).resolve().parents[1]


def test_problem_code_reference_is_current() -> None:
    page = (REPO / "content" / "authoring" / "problem-codes.md").read_text(encoding="utf-8")
    assert page == markdown_reference(), (
        "run `.venv/bin/academy codes --markdown > content/authoring/problem-codes.md`"
    )


def test_every_code_is_documented_with_example_and_fix() -> None:
    page = markdown_reference()
    for code in CODES.values():
        assert f"### `{code.code}`" in page
        assert code.example.strip() and code.fix.strip(), code.code


def test_plugin_options_are_the_core_options() -> None:
    assert [name for name, _ in AcademyConfig._schema] == list(OPTIONS)


def test_every_option_is_documented_with_its_description() -> None:
    guide = (REPO / "content" / "authoring" / "index.md").read_text(encoding="utf-8")
    for name, option in OPTIONS.items():
        assert f"| `{name}` |" in guide and f"| {option.description} |" in guide, name


def test_readme_quick_start_is_exactly_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line.strip() for line in quick.splitlines() if line.strip().startswith("make ")]
    assert commands == ["make site", "make test"]
