"""A widget whose HTML lacks a part it needs is skipped with a console error
that names the widget and the part; the rest of the page still starts."""

from __future__ import annotations

import re

import pytest

from academy.client.runtime import PARTS

from browserkit import REPO


def serve_without(context, url_part: str, pattern: str, keep: str = "") -> None:
    """Serve the page at ``url_part`` with ``pattern`` replaced by ``keep``."""

    def handle(route):
        response = route.fetch()
        body = re.sub(pattern, keep, response.text(), count=1, flags=re.S)
        route.fulfill(
            response=response,
            body=body,
            headers={**response.headers, "content-length": str(len(body.encode()))},
        )

    context.route(re.compile(".*" + re.escape(url_part) + "(index.html)?$"), handle)


def errors_of(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: m.type == "error" and found.append(m.text))
    page.on("pageerror", lambda e: found.append(f"uncaught: {e}"))
    return found


def test_a_quiz_without_its_submit_button_is_named_and_skipped(context, runtime_site) -> None:
    serve_without(context, "quizzes/stage-one/", r"<button[^>]*data-ac-submit>.*?</button>")
    page = context.new_page()
    errors = errors_of(page)
    page.goto(runtime_site.url + "quizzes/stage-one/")
    page.wait_for_load_state("networkidle")
    assert errors == ["academy: quiz stage-one: no [data-ac-submit] button"]
    # The rest of the page started: the search dialog got its name, the questions stay readable.
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "Search"
    assert page.locator(".ac-question").first.is_visible()


def test_a_check_without_its_live_region_does_not_stop_the_others(context, runtime_site) -> None:
    serve_without(
        context,
        "modules/all-types/",
        r'(<section class="ac-check" id="check-pick-one".*?)<div class="ac-feedback"[^>]*></div>',
        r"\1",
    )
    page = context.new_page()
    errors = errors_of(page)
    page.goto(runtime_site.url + "modules/all-types/")
    page.wait_for_load_state("networkidle")
    assert errors == ["academy: check #check-pick-one: no .ac-feedback live region"]
    assert page.locator("#check-pick-one .ac-actions").is_hidden()  # skipped: still the no-script form
    page.check("#check-yes-or-no input[value=true]")
    page.click("#check-yes-or-no button[type=submit]")
    assert page.locator("#check-yes-or-no .ac-feedback").inner_text().startswith("✓ Correct.")
    assert page.locator(".ac-module-progress .ac-count").inner_text() == "1 of 5 checks answered"


ASSETS = REPO / "plugins" / "academy" / "client" / "assets"


def runtime_source() -> str:
    """The core and every widget part, as one text."""
    names = ["academy.js"] + [f"academy-{part}.js" for part in PARTS]
    return "\n".join((ASSETS / name).read_text(encoding="utf-8") for name in names)


def test_the_runtime_opens_with_a_map_of_its_sections_and_events() -> None:
    core = (ASSETS / "academy.js").read_text(encoding="utf-8")
    head = core[: core.index("(() => {")]
    source = runtime_source()
    for part in PARTS:
        assert f"academy-{part}.js" in head, part
    sections = re.findall(r"// ---- ([a-z][a-z ,.:&-]*?)(?::| -|\s*-{3,})", source)
    assert "Sections, in order:" in head and "Events, dispatched on document" in head
    for name in (
        "helpers",
        "storage guard",
        "progress store",
        "grading",
        "knowledge checks",
        "branching scenarios",
    ):
        assert name in " ".join(sections), name
        assert name.split()[0] in head, name
    for event in ("page", "module", "done", "answer", "scenario", "quiz", "path", "sync"):
        assert re.search(rf"^\s+{event}\s+\{{", head, re.M), event


@pytest.mark.parametrize("event", ["answer", "scenario", "quiz", "module", "done", "path", "page"])
def test_documented_events_are_the_ones_dispatched(event: str) -> None:
    assert re.search(rf'emit\("{event}"', runtime_source()), event
