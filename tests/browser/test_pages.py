"""Every page type: zero axe violations (WCAG 2.0/2.1/2.2 A and AA), reflow at
320 px, and screenshots at 1280 and 360 px for people to look at."""

from __future__ import annotations

import pytest

from browserkit import ARTIFACTS, axe_violations

PAGES = {
    "home": "",
    "module": "modules/all-types/",
    "path": "paths/main/",
    "quiz": "quizzes/practice/",
    "progress": "progress/",
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


def test_search_dialog_has_a_name(page, runtime_site) -> None:
    page.goto(runtime_site.url)
    page.wait_for_load_state("networkidle")
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "Search"
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert result.response["violations"] == []


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("kind", list(PAGES))
def test_screenshots(browser, runtime_site, kind: str, width: int) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(runtime_site.url + PAGES[kind])
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"{kind}-{width}.png"), full_page=True)
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
