"""Every page type: zero axe violations (WCAG 2.0/2.1/2.2 A and AA), reflow at
320 px, and screenshots at 1280 and 360 px for people to look at."""

from __future__ import annotations

import json

import pytest

from browserkit import ARTIFACTS, axe_violations

PAGES = {
    "home": "",
    "module": "modules/all-types/",
    "path": "paths/main/",
    "quiz": "quizzes/practice/",
    "progress": "progress/",
    "certificate": "paths/main/certificate/",
    "review": "review/",
}


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}" for v in violations)


@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_no_violations(page, runtime_site, kind: str) -> None:
    page.goto(runtime_site.url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_axe_after_answering_and_playing(page, runtime_site) -> None:
    """Feedback, reorder buttons and the scenario player are accessible too."""
    page.goto(runtime_site.url + PAGES["module"])
    page.wait_for_selector("#check-in-order .ac-move")
    page.click("#check-pick-one button[type=submit]")  # "choose an answer first"
    page.check("#check-yes-or-no input[value=false]")
    page.click("#check-yes-or-no button[type=submit]")
    page.check("#check-pick-many input[value='0']")
    page.click("#check-pick-many button[type=submit]")
    page.click("#check-in-order button[type=submit]")
    page.click("#scenario-late-order .ac-option-button >> nth=0")
    page.click("#scenario-late-order .ac-option-button >> nth=1")
    page.click("#check-yes-or-no details.ac-answer summary")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_axe_on_an_assessment_attempt_and_its_results(page, runtime_site) -> None:
    page.goto(runtime_site.url + "quizzes/stage-one/")
    page.click("[data-ac-start]")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.click("[data-ac-submit]")  # "n questions still need an answer"
    for box in page.locator(".ac-question:not([hidden])").all():
        first = box.locator("input").first
        if first.get_attribute("type") == "text":
            first.fill("x")
        else:
            first.check()
    page.click("[data-ac-submit]")
    page.locator("[data-ac-results]").wait_for()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_axe_on_an_unlocked_certificate_and_a_due_review(context, runtime_site) -> None:
    record = {
        "version": 1,
        "checks": {"basics/basic": {"ok": True}},
        "modules": {
            "basics": {"done": "2026-11-01T00:00:00Z"},
            "all-types": {"done": "2026-11-01T00:00:00Z"},
        },
        "quizzes": {
            "stage-one": {"attempts": [{"at": "2026-11-01T00:00:00Z", "score": 100, "passed": True}]}
        },
        "review": {"basics/basic": {"box": 1, "due": 0, "url": "modules/basics/", "id": "check-basic"}},
        "name": "Amara Osei",
    }
    context.add_init_script(f"localStorage.setItem('academy:/', {json.dumps(json.dumps(record))})")
    page = context.new_page()
    page.goto(runtime_site.url + "paths/main/certificate/")
    page.locator("[data-ac-cert]").wait_for()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.goto(runtime_site.url + "review/")
    page.locator("[data-ac-review-list] .ac-check").wait_for()
    assert page.locator(".ac-review-badge").is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_search_dialog_has_a_name(page, runtime_site) -> None:
    page.goto(runtime_site.url)
    page.wait_for_load_state("networkidle")
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "Search"
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert result.response["violations"] == []


#: What each page type is for, which its first screen must show.
MAIN = {
    "home": ".ac-card",
    "module": ".ac-check",
    "path": ".ac-stage",
    "quiz": ".ac-quiz",
    "progress": ".ac-progress-page",
    "certificate": ".ac-certificate-page",
    "review": ".ac-review-page",
}


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("kind", list(PAGES))
def test_screenshots_show_the_title_and_the_page_s_content(
    browser, runtime_site, kind: str, width: int
) -> None:
    """The screenshot (kept in tests/artifacts for people to look at) shows the
    page's title on the first screen, and its academy content whole across."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(runtime_site.url + PAGES[kind])
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"{kind}-{width}.png"), full_page=True)
        title = page.locator("article h1").first
        assert title.is_visible() and title.inner_text().strip()
        box = title.bounding_box()
        assert box is not None and 0 <= box["y"] < 900 and box["x"] >= 0 and box["x"] + box["width"] <= width
        main = page.locator(MAIN[kind]).first
        assert main.is_visible(), f"{MAIN[kind]} is not shown on the {kind} page"
        where = main.bounding_box()
        assert where is not None and where["x"] >= 0 and where["x"] + where["width"] <= width + 1
    finally:
        ctx.close()


@pytest.mark.parametrize("kind", list(PAGES))
def test_reflows_at_320_px(browser, runtime_site, kind: str) -> None:
    ctx = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = ctx.new_page()
        page.goto(runtime_site.url + PAGES[kind])
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{kind} scrolls sideways by {overflow}px at 320px"
    finally:
        ctx.close()


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_reduced_motion_turns_off_transitions(browser, runtime_site, motion: str) -> None:
    ctx = browser.new_context(reduced_motion=motion)
    try:
        page = ctx.new_page()
        page.goto(runtime_site.url + PAGES["module"])
        page.wait_for_selector("#check-in-order .ac-move")
        # Material animates its buttons; inside our widgets that stops on request.
        duration = page.eval_on_selector(
            "#check-in-order .ac-actions .md-button", "b => getComputedStyle(b).transitionDuration"
        )
        if motion == "reduce":
            assert set(duration.replace(" ", "").split(",")) == {"0s"}
        else:
            assert set(duration.replace(" ", "").split(",")) != {"0s"}
    finally:
        ctx.close()
