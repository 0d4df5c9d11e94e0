"""Each module as clean Markdown, on the sample academy and hostile text."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from academy.core import markers
from academy.core.engine import run
from academy.core.model import (
    Academy,
    Module,
    Option,
    Scenario,
    Step,
)
from academy.core.settings import Settings
from academy.outputs.common import markdown_url
from academy.outputs.export import module_markdown

from machines import DIRS, FLAT, SITE, hostile_academy, sample_academy, section
from sample import sample, sample_links


@pytest.fixture(scope="module")
def academy() -> Academy:
    return sample_academy()


def test_markdown_url_ignores_the_url_style() -> None:
    assert markdown_url("active-listening") == "modules/active-listening.md"


def test_every_module_exports_all_checks_before_its_answers(academy: Academy) -> None:
    for module in academy.modules:
        text = module_markdown(module, academy, DIRS, SITE)
        assert text.startswith(f"# {module.title}\n\n> ")
        assert text.endswith("\n") and not text.endswith("\n\n")
        assert [m for m in markers.scan(text) if m.kind] == [], module.id
        assert "[[check" not in "\n".join(line for _, line in markers.outside_code(text)), module.id
        if not (module.checks or module.scenarios):
            assert "\n## Answers\n" not in text
            continue
        answers = text.index("\n## Answers\n")
        assert text.count("\n## Answers\n") == 1
        assert text.index("> Answer key for agents. Learners: try the questions first.") > answers
        # The answer key is the last section.
        assert "\n## " not in text[answers + 1 :].replace("\n## Answers\n", "", 1)
        for check in module.checks:
            first_line = check.prompt.strip().split("\n")[0].strip()
            asked = text.index(f"**Check your understanding** (`{check.id}`")
            assert text.count(f"**Check your understanding** (`{check.id}`") == 1, (module.id, check.id)
            assert first_line in text[asked:answers], (module.id, check.id)
            assert text.index(f"### Check `{check.id}`") > answers
            if check.explanation.strip():
                assert check.explanation.strip().split("\n")[0] not in text[:answers]
        for scenario in module.scenarios:
            assert text.index(f"**Scenario** (`{scenario.id}`)") < answers
            assert text.index(f"### Scenario `{scenario.id}`") > answers


OWN_MODULE = """---
id: own
title: Own module
summary: A module written for these tests.
level: foundation
duration: 10
objectives:
  - id: know
    text: Know the order of things.
    bloom: remember
checks:
  - id: first-move
    objective: know
    type: single
    shuffle: true
    prompt: What comes first?
    choices:
      - text: Offer a refund.
        feedback: Too early.
      - text: Listen to the whole story.
        correct: true
      - text: Quote the policy.
        feedback: Not yet.
    explanation: Listening comes first.
  - id: loop
    objective: know
    type: order
    prompt: Put the loop in order.
    items: [Listen, Paraphrase, Ask, Confirm, Act]
    explanation: The loop.
  - id: cause
    objective: know
    type: text
    prompt: What hides the cause?
    answers: [average call time, AHT]
    explanation: Short calls.
  - id: pairs
    objective: know
    type: match
    prompt: Match them.
    pairs:
      - {left: Calm, right: Listen}
      - {left: Angry, right: Acknowledge}
    explanation: Matched.
scenarios:
  - id: call
    objective: know
    title: A call
    start: open
    steps:
      open:
        text: The customer is upset.
        options:
          - text: Listen.
            next: good
            score: 1
            feedback: Good.
      good:
        text: Calmer now.
        ending: success
---
## Paraphrase and check

Say it back.

[[check first-move]]

### Then propose the fix

Fix it.

[[check loop]]

## Listening in writing

Write it.

## Practise it

[[scenario call]]
"""


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> tuple[Academy, Module]:
    root = tmp_path_factory.mktemp("own")
    (root / "modules").mkdir()
    (root / "modules" / "own.md").write_text(OWN_MODULE, encoding="utf-8")
    result = run(Settings.from_options(root, {}))
    assert result.errors == [], result.errors
    module = result.academy.module("own")
    assert module is not None
    return result.academy, module


def test_placed_checks_appear_where_the_marker_was(own: tuple[Academy, Module]) -> None:
    academy, module = own
    text = module_markdown(module, academy, DIRS, "")
    assert (
        text.index("## Paraphrase and check")
        < text.index("(`first-move`, single choice)")
        < text.index("### Then propose the fix")
    )
    assert text.index("## Practise it") < text.index("**Scenario** (`call`)")
    # Not placed in the body: listed after it, before the answers.
    rest = section(text, "## Knowledge checks")
    assert "(`cause`, short answer)" in rest
    assert "(`pairs`, matching)" in rest
    assert "(`first-move`" not in rest
    assert "\n## Scenarios\n" not in text


def _lettered(block: str) -> dict[str, str]:
    return dict(re.findall(r"^- ([A-Z])\. (.+)$", block, re.M))


def test_answer_letters_name_the_options_the_question_shows(own: tuple[Academy, Module]) -> None:
    academy, module = own
    text = module_markdown(module, academy, DIRS, "")
    answers = text.index("\n## Answers\n")

    asked = text[text.index("(`first-move`") : text.index("### Then propose the fix")]
    shown = _lettered(asked)
    check = module.check("first-move")
    assert check is not None
    assert sorted(shown.values()) == sorted(c.text for c in check.choices)
    key = text[text.index("### Check `first-move`", answers) :]
    key = _lettered(key[: key.index("**Explanation:**")])
    assert len(key) == 1
    ((letter, choice),) = key.items()
    assert shown[letter] == choice == next(c.text for c in check.choices if c.correct)

    order = module.check("loop")
    assert order is not None
    asked = text[text.index("(`loop`") : text.index("## Listening in writing")]
    shown = _lettered(asked)
    assert list(shown.values()) != list(order.items)  # never shown already sorted
    key = text[text.index("### Check `loop`", answers) :]
    steps = re.findall(r"^(\d)\. ([A-Z])\. (.+)$", key, re.M)[:5]
    assert [text for _, _, text in steps] == list(order.items)
    assert all(shown[letter] == item for _, letter, item in steps)

    key = text[text.index("### Check `cause`", answers) :]
    assert "- average call time\n" in key and "- AHT\n" in key


def test_best_route_scores_the_scenario_maximum(academy: Academy) -> None:
    scenarios = [(m, s) for m in academy.modules for s in m.scenarios]
    assert scenarios
    for module, scenario in scenarios:
        text = module_markdown(module, academy, DIRS, "")
        key = text[text.index(f"### Scenario `{scenario.id}`") :]
        key = key[: key.index("**Choices and scores:**")]
        assert f"**Best score:** {scenario.max_score}\n" in key
        scores = [int(s) for s in re.findall(r"^\d+\. At `[^`]+` choose [A-Z]+ \(([+-]\d+)\)", key, re.M)]
        assert sum(scores) == scenario.max_score, scenario.id
        assert re.search(r"^\d+\. Ending `[^`]+` \(success\)$", key, re.M), scenario.id


def test_best_route_prefers_score_then_success_and_skips_loops(academy: Academy) -> None:
    scenario = Scenario(
        id="route",
        objective="know",
        title="Route",
        start="s",
        allow_loops=True,
        steps=(
            Step("s", "Start.", options=(Option("weak", "end-fail", 0), Option("good", "mid", 2))),
            Step(
                "mid",
                "Middle.",
                options=(
                    Option("ok", "end-partial", 1),
                    Option("also", "end-success", 1),
                    Option("again", "s", 5),  # closes a loop: never part of the best route
                ),
            ),
            Step("end-fail", "Lost.", ending="fail"),
            Step("end-partial", "Half.", ending="partial"),
            Step("end-success", "Won.", ending="success"),
        ),
    )
    assert scenario.max_score == 3
    module = replace(hostile_academy().modules[0], checks=(), body="", scenarios=(scenario,))
    text = module_markdown(module, academy, DIRS, "")
    key = text[text.index("### Scenario `route`") :]
    assert "**Best score:** 3\n" in key
    assert (
        "1. At `s` choose B (+2): good\n2. At `mid` choose B (+1): also\n3. Ending `end-success` (success)\n"
        in key
    )
    assert "- `mid` C (+5) → `s`." in key


def test_module_export_links(academy: Academy) -> None:
    links, files = sample_links(), sample()
    module = academy.module(links.module)
    assert module is not None
    relative = module_markdown(module, academy, DIRS, "")
    assert f"](../{links.page_stem}/#{links.anchor})" in relative
    assert f"]({links.other}.md)" in relative
    prerequisites = ", ".join(
        f"[{files.modules[p]['title']}]({p}.md)" for p in files.modules[links.module].get("prerequisites", [])
    )
    assert f"**Prerequisites:** {prerequisites or 'none'}" in relative
    for path_id in files.paths_of(links.module):
        title = next(p["title"] for p in files.paths if p["id"] == path_id)
        assert f"[{title}](../paths/{path_id}/)" in relative
    absolute = module_markdown(module, academy, FLAT, SITE)
    assert f"]({SITE}{links.page_stem}.html#{links.anchor})" in absolute
    assert f"]({SITE}modules/{links.other}.md)" in absolute
    assert f"({SITE}modules/{links.module}.html)" in absolute


def test_body_conversion_keeps_code_and_makes_mkdocs_syntax_plain(academy: Academy) -> None:
    module = academy.module("active-listening")
    assert module is not None
    body = "\n".join(
        [
            "Text with `[code](../sources.md)` and [a link](../glossary.md).",
            "",
            '!!! tip "Do this"',
            "    Inside the tip.",
            "",
            "    Second paragraph.",
            "",
            "After.",
            "",
            "```markdown",
            "[[check first-move]]",
            "!!! note",
            "```",
            "",
            "[[check first-move]]",
            "[[scenario nope]]",
            "[[check]]",
            "",
            "[ref]: ../sources.md#glossary",
        ]
    )
    text = module_markdown(replace(module, body=body), academy, DIRS, "")
    assert "Text with `[code](../sources.md)` and [a link](../glossary/)." in text
    assert "> **Do this**\n>\n> Inside the tip.\n>\n> Second paragraph.\n\nAfter." in text
    assert "```markdown\n[[check first-move]]\n!!! note\n```" in text
    assert text.count("(`first-move`, single choice)") == 1
    assert "[[scenario nope]]" not in text
    assert "[[check]]" not in text  # a broken marker (an error in the build) is dropped
    assert "[ref]: ../sources/#glossary" in text


def test_asset_links_point_at_published_copies(academy: Academy) -> None:
    module = academy.module("active-listening")
    assert module is not None
    line = '![Queue](img/q.png) <img src="img/q.png">'
    body_line = 30
    first, second = line.index("img/q.png") + 1, line.rindex("img/q.png") + 1
    assets = {
        (body_line, first): ("img/q.png", "assets/files/modules/img/q.png", False),
        (body_line, second): ("img/q.png", "assets/files/modules/img/q.png", True),
    }
    changed = replace(module, body=line, body_line=body_line)
    text = module_markdown(changed, academy, DIRS, "", assets=assets)
    assert '![Queue](../assets/files/modules/img/q.png) <img src="../assets/files/modules/img/q.png">' in text
    text = module_markdown(changed, academy, DIRS, SITE, assets=assets)
    assert (
        f'![Queue]({SITE}assets/files/modules/img/q.png) <img src="{SITE}assets/files/modules/img/q.png">'
        in text
    )


def test_author_text_cannot_break_the_export_structure() -> None:
    academy = hostile_academy()
    module = academy.module("hostile")
    assert module is not None
    text = module_markdown(module, academy, DIRS, "")
    lines = text.split("\n")
    assert not [line for line in lines if line.startswith("# Heading")]
    assert "(`q`, single choice): \\# Heading?" in text
    assert not [line for line in lines if line.startswith("```")]
    assert "- A. first line" in lines or "- B. first line" in lines
    assert "- A. - second" in lines or "- B. - second" in lines
    assert [line for line in lines if line.startswith("## ")] == ["## Learning objectives", "## Answers"]
