"""Loader behaviour that the case files cannot show: safety and positions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from academy.core import yamlload
from academy.core.text import decode, split_front_matter
from academy.core.yamlload import YamlDate, fast, load_yaml
from academy.core.yamlload.guards import syntax_problems


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def test_front_matter_split_keeps_line_numbers() -> None:
    text = "---\nid: a\ntitle: T\n---\nline five\n"
    front, problems = split_front_matter(text, "m.md")
    assert problems == []
    assert front.yaml == "id: a\ntitle: T\n"
    assert front.yaml_line == 2
    assert front.body_line == 5
    assert front.body.split("\n")[0] == "line five"


def test_crlf_is_normalised_without_moving_lines() -> None:
    text, problems = decode(b"---\r\nid: a\r\n---\r\nbody\r\n", "m.md")
    assert text == "---\nid: a\n---\nbody\n"
    assert codes(problems) == ["file.crlf"]


def test_positions_point_at_values_and_keys() -> None:
    doc, problems = load_yaml("id: a\nchecks:\n  - id: q\n    prompt: Why?\n", "m.md", 2)
    assert problems == [] and doc is not None
    assert doc.locate(("checks", 0, "prompt")) == (5, 13)
    assert doc.locate_key(("checks", 0, "prompt")) == (5, 5)
    assert doc.locate(("checks", 0)) == (4, 5)
    # A path that does not exist resolves to its deepest existing ancestor.
    assert doc.locate(("checks", 0, "missing")) == (4, 5)


def test_keys_are_text_even_when_yaml_would_read_a_boolean() -> None:
    doc, problems = load_yaml("on: 1\nno: 2\n3: x\n", "f.yml", 1)
    assert problems == [] and doc is not None
    assert doc.data == {"on": 1, "no": 2, "3": "x"}


def test_unquoted_date_is_kept_as_its_text() -> None:
    doc, _ = load_yaml("reviewed: 2026-10-01\n", "f.yml", 1)
    assert doc is not None
    assert doc.data["reviewed"] == "2026-10-01"
    assert isinstance(doc.data["reviewed"], YamlDate)


def test_merge_keys_and_aliases_are_supported() -> None:
    doc, problems = load_yaml("base: &b {a: 1, b: 2}\nitem:\n  <<: *b\n  b: 3\n", "f.yml", 1)
    assert problems == [] and doc is not None
    assert doc.data["item"] == {"a": 1, "b": 3}


def test_python_tags_are_never_executed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    payload = (
        'a: !!python/object/apply:os.system ["touch pwned"]\n'
        'b: !!python/object/new:subprocess.Popen [["touch", "pwned2"]]\n'
        "c: !!python/name:os.system\n"
    )
    _, problems = load_yaml(payload, "f.yml", 1)
    assert codes(problems) == ["yaml.tag", "yaml.tag", "yaml.tag"]
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "pwned2").exists()


def test_alias_bomb_is_rejected_without_expanding() -> None:
    # Nine to the twelfth values if expanded; the builder stops at MAX_NODES.
    # (How fast is measured by benchmarks, not here.)
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 12):
        refs = ", ".join([f"*l{i - 1}"] * 9)
        lines.append(f"l{i}: &l{i} [{refs}]")
    doc, problems = load_yaml("\n".join(lines) + "\n", "f.yml", 1)
    assert doc is None
    assert codes(problems) == ["yaml.too-complex"]


def test_recursive_alias_is_rejected() -> None:
    doc, problems = load_yaml("a: &a [1, *a]\n", "f.yml", 1)
    assert doc is None
    assert codes(problems) == ["yaml.too-complex"]


LOADERS = {"libyaml": yamlload.Loader, "pure Python": yaml.SafeLoader}


@pytest.mark.parametrize("loader", list(LOADERS))
@pytest.mark.parametrize("depth", [65, 1_001, 3_000, 100_000])
def test_deep_nesting_is_too_deep_at_the_level_that_passes_the_limit(
    monkeypatch: pytest.MonkeyPatch, loader: str, depth: int
) -> None:
    # Our limit, our message, our position: the bracket that opens level 65
    # (column 68), whatever limit and message the parser has of its own
    # (libyaml in PyYAML 6.0.3+ stops at 1,000 levels; the pure-Python
    # parser has no limit, and its composer recurses).
    for module in (yamlload, fast):  # every place that parses
        monkeypatch.setattr(module, "Loader", LOADERS[loader])
    doc, problems = load_yaml("v: " + "[" * depth + "]" * depth + "\n", "f.yml", 1)
    assert doc is None
    assert [(p.code, p.line, p.column, p.message, p.hint) for p in problems] == [
        (
            "yaml.too-deep",
            1,
            68,
            f"the YAML nests more than {yamlload.MAX_DEPTH} levels deep",
            "Flatten the structure.",
        )
    ]


def test_nesting_at_the_limit_is_accepted() -> None:
    text = "v: " + "[" * yamlload.MAX_DEPTH + "]" * yamlload.MAX_DEPTH + "\n"
    doc, problems = load_yaml(text, "f.yml", 1)
    assert problems == []
    assert doc is not None


def test_libyaml_nesting_error_is_classified_as_too_deep() -> None:
    # The error as libyaml 0.2.5 raises it, whether or not this machine's
    # PyYAML was built with that libyaml.
    mark = yaml.Mark("f.yml", 0, 0, 1002, None, None)
    error = yaml.scanner.ScannerError(
        "while increasing flow level", mark, "exceeded maximum nesting depth", mark
    )
    text = "v: " + "[" * 2_000 + "]" * 2_000 + "\n"
    problems = syntax_problems(error, text, "f.yml", 1)
    assert [(p.code, p.column, p.hint) for p in problems] == [("yaml.too-deep", 68, "Flatten the structure.")]


def test_nesting_past_the_byte_limit_is_too_large_before_it_is_parsed() -> None:
    doc, problems = load_yaml("v: " + "[" * 200_000 + "]" * 200_000 + "\n", "f.yml", 1)
    assert doc is None
    assert codes(problems) == ["file.too-large"]


def test_block_sequence_nesting_on_one_line_is_capped() -> None:
    doc, problems = load_yaml("- " * 30_000 + "x\n", "f.yml", 1)
    assert doc is None
    assert codes(problems) == ["yaml.too-deep"]
