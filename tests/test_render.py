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
from academy.mkdocs.plugin import SEARCH_MARKS
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
    # The golden files hold what learners' browsers receive: marked for the site's search.
    return Renderer(result.academy, "en", marks=SEARCH_MARKS)


@pytest.fixture(scope="module")
def runtime_renderer() -> Renderer:
    """The browser-test fixture's academy: it has quiz banks and a certificate."""
    result = run(Settings.from_options(HERE / "fixtures" / "runtime", {"today": "2026-11-01"}))
    assert result.errors == []
    return Renderer(result.academy, "en", marks=SEARCH_MARKS)


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


def test_module_facts_and_path_navigation_fragments(renderer: Renderer) -> None:
    module = renderer.academy.module("active-listening")
    assert module is not None
    golden("module-facts.html", renderer.module_facts(module, "../../"))
    golden("path-nav.html", renderer.path_nav(module, "../../"))


def test_quiz_progress_and_certificate_fragments(runtime_renderer: Renderer) -> None:
    r = runtime_renderer
    quiz, lp = r.academy.quiz("stage-one"), r.academy.path("main")
    assert quiz is not None and lp is not None
    golden("quiz.html", r.quiz_page(quiz, "../../"))
    golden("progress.html", r.progress_page("../"))
    golden("certificate.html", r.certificate_page(lp, "../../../"))


def test_templates_carry_no_site_marks_of_their_own(runtime_renderer: Renderer) -> None:
    # Which parts search leaves out is the templates' to say; how a site marks
    # them (Material's attribute, the adapter's slots) is the site adapter's.
    plain = Renderer(runtime_renderer.academy, "en")
    quiz, lp = plain.academy.quiz("stage-one"), plain.academy.path("main")
    assert quiz is not None and lp is not None
    html = plain.quiz_page(quiz, "") + plain.progress_page("") + plain.certificate_page(lp, "")
    html += plain.path_page(lp, "")
    for module in plain.academy.modules:
        html += plain.module_facts(module, "") + plain.path_nav(module, "")
        html += "".join(plain.question(module.id, c) for c in module.checks)
    assert "data-search-exclude" not in html and "<!--ac-" not in html
    marked = runtime_renderer.quiz_page(quiz, "")
    assert SEARCH_MARKS.opening in marked and SEARCH_MARKS.attribute in marked


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


def test_match_pairs_as_lists_render_the_same_widget_as_mappings(renderer: Renderer) -> None:
    from academy.core.builders import question_from

    base = {"id": "ma", "type": "match", "prompt": "Match them.", "explanation": "So."}
    mappings = question_from(
        {**base, "pairs": [{"left": "In", "right": "Refund"}, {"left": "Out", "right": "Ask"}]}, ()
    )
    lists = question_from({**base, "pairs": [["In", "Refund"], ["Out", "Ask"]]}, ())
    assert mappings is not None and lists is not None
    assert mappings == lists
    assert renderer.question("m", lists) == renderer.question("m", mappings)
