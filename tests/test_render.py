"""Golden tests for rendered fragments, plus escaping guarantees.

Set ``UPDATE_GOLDEN=1`` to rewrite the golden files after an intended change,
then read the diff: these files are what learners' browsers receive.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from academy.core.engine import run
from academy.core.settings import Settings
from academy.render.html import Renderer
from academy.render.text import json_for_html, paragraphs, stable_shuffle

from casefiles import materialise, parse

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"


@pytest.fixture(scope="module")
def renderer(tmp_path_factory: pytest.TempPathFactory) -> Renderer:
    root = tmp_path_factory.mktemp("golden")
    materialise(parse(HERE / "cases" / "clean.case"), root)
    result = run(Settings.from_options(root, {}))
    assert result.problems == ()
    return Renderer(result.academy, "en")


def golden(name: str, html: str) -> None:
    # The case's text is ASCII, so the interface's own words must be too:
    # one non-ASCII character widens a whole page in memory (see _ascii_html).
    assert html.isascii(), [c for c in html if not c.isascii()]
    target = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        target.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == target.read_text(encoding="utf-8")


@pytest.mark.parametrize("check_id", ["first-step", "m", "tf", "o", "ma", "t"])
def test_check_fragments(renderer: Renderer, check_id: str) -> None:
    module = renderer.academy.module("deescalation-leaps")
    assert module is not None
    check = module.check(check_id)
    assert check is not None
    golden(f"check-{check.type}.html", renderer.question(module.id, check))


def test_scenario_fragment(renderer: Renderer) -> None:
    module = renderer.academy.module("deescalation-leaps")
    assert module is not None
    golden("scenario.html", renderer.scenario(module, module.scenarios[0]))


def test_module_header_fragment(renderer: Renderer) -> None:
    module = renderer.academy.module("deescalation-leaps")
    assert module is not None
    golden("module-header.html", renderer.module_header(module, "../../"))


def test_path_and_cards_fragments(renderer: Renderer) -> None:
    lp = renderer.academy.path("main")
    assert lp is not None
    golden("path.html", renderer.path_page(lp, "../../"))
    golden("role-cards.html", renderer.role_cards(""))


def test_fragments_have_no_blank_lines(renderer: Renderer) -> None:
    # Markdown ends a raw HTML block at a blank line.
    module = renderer.academy.module("deescalation-leaps")
    assert module is not None
    for check in module.checks:
        assert "\n\n" not in renderer.question(module.id, check)
    assert "\n\n" not in renderer.scenario(module, module.scenarios[0])


def test_embedded_json_cannot_close_its_script() -> None:
    payload = {"text": "</script><script>alert(1)</script> & \u2028\u2029"}
    html = str(json_for_html(payload))
    assert "<" not in html and ">" not in html and "&" not in html
    assert "\u2028" not in html and "\u2029" not in html
    assert json.loads(html) == payload


def test_text_is_escaped_and_paragraphed() -> None:
    assert str(paragraphs("<b>one</b>\ntwo\n\nthree")) == "<p>&lt;b&gt;one&lt;/b&gt;<br>two</p><p>three</p>"


def test_shuffle_is_stable_and_never_the_identity() -> None:
    items = ["Listen", "Empathise", "Apologise", "Problem-solve", "Summarise"]
    first = stable_shuffle(items, "m/o")
    assert first == stable_shuffle(items, "m/o")
    assert sorted(first) == sorted(items)
    assert stable_shuffle(["a", "b"], "x") != ["a", "b"]


def test_front_matter_text_is_escaped_everywhere(tmp_path: Path) -> None:
    payload = "<img src=x onerror=alert(1)>\"'</script>{{7*7}}"
    text = (HERE / "cases" / "clean.case").read_text(encoding="utf-8")
    text = text.replace("prompt: Name it", f"prompt: {json.dumps(payload)}").replace(
        "title: The third late order", f"title: {json.dumps(payload)}"
    )
    case = tmp_path / "x.case"
    case.write_text(text, encoding="utf-8")
    root = tmp_path / "p"
    materialise(parse(case), root)
    result = run(Settings.from_options(root, {}))
    r = Renderer(result.academy)
    module = result.academy.module("deescalation-leaps")
    assert module is not None
    html = r.question(module.id, module.check("t")) + r.scenario(module, module.scenarios[0])
    assert "<img" not in html
    assert html.count("<script") == html.count("</script>") == 2  # only the two data blocks
    assert "&lt;img src=x onerror=alert(1)&gt;&#34;&#39;&lt;/script&gt;{{7*7}}" in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" not in html  # prompts are not duplicated into JSON
