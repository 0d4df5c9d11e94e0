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


# ---- parts: loaded where needed, once, and also on instantly loaded pages ---------


def part_requests(page) -> list[str]:
    seen: list[str] = []
    page.on(
        "request",
        lambda r: "/assets/academy/academy-" in r.url and seen.append(r.url.rsplit("/", 1)[1]),
    )
    return seen


def instant_go(page, url: str, ready: str) -> None:
    """Material's instant navigation, as a click on an internal link starts it."""
    page.evaluate("url => window.location$.next(new URL(url))", url)
    page.wait_for_selector(ready)
    assert page.evaluate("window.__noReload === true"), "the page was loaded in full"


def test_parts_come_once_and_only_where_their_widgets_are(page, runtime_site) -> None:
    seen = part_requests(page)
    page.goto(runtime_site.url)
    page.wait_for_load_state("networkidle")
    assert seen == [], "the home page has no widgets, so it needs no part"
    page.evaluate("window.__noReload = true")

    instant_go(page, runtime_site.url + "quizzes/stage-one/", "[data-ac-quiz] [data-ac-start]:not([hidden])")
    page.click("[data-ac-start]")
    page.click("[data-ac-submit]")  # all blank: the quiz part answers
    assert "still need an answer" in page.locator("[data-ac-unanswered]").inner_text()
    assert sorted(seen) == ["academy-checks.js", "academy-quiz.js"]

    instant_go(page, runtime_site.url + "modules/basics/", "#check-basic .ac-actions:not([hidden])")
    page.check("#check-basic input[value=true]")
    page.click("#check-basic button[type=submit]")
    assert page.locator("#check-basic .ac-feedback").inner_text().startswith("✓ Correct.")
    instant_go(
        page, runtime_site.url + "paths/main/", "[data-ac-path-bar] [role=progressbar], [data-ac-path-bar] *"
    )
    # Back on the quiz, the attempt resumes and its part answers again.
    instant_go(page, runtime_site.url + "quizzes/stage-one/", "[data-ac-quiz] [data-ac-submit]:not([hidden])")
    page.locator("[data-ac-unanswered]").evaluate("n => (n.textContent = '')")
    page.click("[data-ac-submit]")
    assert "still need an answer" in page.locator("[data-ac-unanswered]").inner_text()
    assert sorted(seen) == ["academy-checks.js", "academy-module.js", "academy-pages.js", "academy-quiz.js"]


def test_a_part_that_cannot_load_is_named_and_the_rest_of_the_page_starts(context, runtime_site) -> None:
    context.route(re.compile(r".*/academy-module\.js$"), lambda route: route.fulfill(status=404, body=""))
    page = context.new_page()
    errors = errors_of(page)
    page.goto(runtime_site.url + "modules/basics/")
    # The checks part came, so the module's checks still mark answers.
    page.wait_for_selector("#check-basic .ac-actions:not([hidden])")
    page.check("#check-basic input[value=true]")
    page.click("#check-basic button[type=submit]")
    assert page.locator("#check-basic .ac-feedback").inner_text().startswith("✓ Correct.")
    ours = [e for e in errors if not e.startswith("Failed to load resource")]
    assert ours == ["academy: could not load academy-module.js"]
