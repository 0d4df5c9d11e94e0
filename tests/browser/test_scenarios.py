"""The scenario player, driven by keyboard to every kind of ending."""

from __future__ import annotations

import pytest

from browserkit import tab_to

MODULE = "modules/all-types/"
BOX = "#scenario-late-order"

ROUTES = {
    "success": (["Three late orders is a lot.", "I'll rebook it"], "Success", "Score: 4 of 4."),
    "partial": (
        ["Three late orders is a lot.", "Let's wait another day"],
        "Partial success",
        "Score: 3 of 4.",
    ),
    "fail": (
        ["Delivery times are estimates.", "I understand. I'll get a team lead now."],
        "Not resolved",
        "Score: 0 of 4.",
    ),
}


def choose(page, starts_with: str) -> None:
    selector = f"{BOX} .ac-now .ac-option-button"
    index = page.locator(selector).evaluate_all(
        "(els, text) => els.findIndex(e => e.textContent.startsWith(text))", starts_with
    )
    assert index >= 0, f"no option starting with {starts_with!r}"
    tab_to(page, f"{BOX} .ac-now li:nth-child({index + 1}) .ac-option-button")
    page.keyboard.press("Enter")
    # Choosing is an explicit action: focus moves to what happens next.
    assert page.evaluate("document.activeElement.classList.contains('ac-turn__message')")


@pytest.mark.parametrize("ending", ["success", "partial", "fail"])
def test_walk_to_each_ending(page, runtime_site, ending: str) -> None:
    page.goto(runtime_site.url + MODULE)
    page.wait_for_selector(f"{BOX} .ac-option-button")
    assert page.locator(f"{BOX} .ac-steps").is_hidden()
    first = page.locator(f"{BOX} .ac-turn--current").inner_text()
    assert "Dana (customer)" in first and "this is the THIRD time my order is late" in first
    steps, label, score = ROUTES[ending]
    for text in steps:
        choose(page, text)
    current = page.locator(f"{BOX} .ac-ending-card")
    outcome = current.locator(".ac-outcome")
    assert (
        outcome.inner_text() == f"✓ Outcome: {label}"
        if ending == "success"
        else label in outcome.inner_text()
    )
    assert current.locator(".ac-outcome .ac-icon").get_attribute("aria-hidden") == "true"
    assert current.locator(".ac-score").inner_text() == score
    # The route taken, as the learner's turns, with the feedback for every step.
    turns = page.locator(f"{BOX} .ac-transcript > li.ac-turn--you")
    assert turns.count() == 2
    for i, text in enumerate(steps):
        assert turns.nth(i).locator(".ac-speaker").inner_text() == "You"
        assert text in turns.nth(i).locator(".ac-message").inner_text()
        assert turns.nth(i).locator(".ac-choice__feedback").inner_text()
    live = page.locator(f"{BOX} .ac-scenario__live")
    assert live.get_attribute("aria-live") == "polite"
    assert f"Outcome: {label}." in live.inner_text() and score in live.inner_text()
    # Restart is offered and returns to the opening.
    tab_to(page, f"{BOX} .ac-restart")
    page.keyboard.press("Enter")
    assert page.locator(f"{BOX} .ac-transcript > li").count() == 1
    assert "this is the THIRD time" in page.locator(f"{BOX} .ac-turn--current").inner_text()


def test_scenario_resumes_after_reload(page, runtime_site) -> None:
    page.goto(runtime_site.url + MODULE)
    page.wait_for_selector(f"{BOX} .ac-option-button")
    choose(page, "Three late orders is a lot.")
    page.reload()
    page.wait_for_selector(f"{BOX} .ac-option-button")
    assert page.locator(f"{BOX} .ac-transcript > li").count() == 3  # Dana, you, Dana
    assert "tracking hasn't moved" in page.locator(f"{BOX} .ac-turn--current").inner_text()


def test_without_javascript_the_scenario_reads_as_linked_text(browser, runtime_site) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(runtime_site.url + MODULE)
        assert page.locator(f"{BOX} .ac-step").count() == 6
        page.click(f"{BOX} a.ac-option >> text=Three late orders is a lot.")
        assert page.url.endswith("#scenario-late-order--calmer")
        assert page.locator(f"{BOX} .ac-ending--success .ac-outcome").inner_text() == "Outcome: Success"
    finally:
        ctx.close()
