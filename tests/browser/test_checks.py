"""Every question type, answered wrong and then right, by keyboard only.

Each test asserts what a sighted learner sees (the feedback panel) and what a
screen-reader user hears (the same panel is a polite live region, present at
load, so its text is what gets announced).
"""

from __future__ import annotations

import json

import pytest

from browserkit import tab_to

MODULE = "modules/all-types/"


def open_module(page, site) -> None:
    page.goto(site.url + MODULE)
    page.wait_for_selector("#check-pick-one .ac-actions:not([hidden])")


def data(page, check: str) -> dict:
    return json.loads(page.eval_on_selector(f"#check-{check} template.ac-data", "t => t.content.textContent"))


def announced(page, check: str) -> str:
    region = page.locator(f"#check-{check} .ac-feedback")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    return " ".join(region.inner_text().split())


def moves(page, check: str) -> str:
    """What the check's own status region (for moves, apart from the verdict) says."""
    region = page.locator(f"#check-{check} > .ac-sr[role=status]")
    return region.inner_text()


def submit(page, check: str) -> None:
    tab_to(page, f"#check-{check} button[type=submit]")
    page.keyboard.press("Enter")


def test_live_regions_exist_before_any_answer(page, runtime_site) -> None:
    page.goto(runtime_site.url + MODULE)
    for check in ("pick-one", "pick-many", "yes-or-no", "in-order", "pairs", "word"):
        assert page.locator(f"#check-{check} .ac-feedback[role=status]").count() == 1
        assert announced(page, check) == ""


def choose_radio(page, check: str, index_in_dom: int) -> None:
    """Reach the radio group with Tab, then move with the arrow keys."""
    tab_to(page, f"#check-{check} input[type=radio]")
    radios = page.locator(f"#check-{check} input[type=radio]")
    # Tab lands on the checked radio of a group, or on its first one.
    at = page.evaluate(
        "[...document.activeElement.form.querySelectorAll('input')].indexOf(document.activeElement)"
    )
    for _ in range(abs(index_in_dom - at)):
        page.keyboard.press("ArrowDown" if index_in_dom > at else "ArrowUp")
    if not radios.nth(index_in_dom).is_checked():
        page.keyboard.press("Space")
    assert radios.nth(index_in_dom).is_checked()


def dom_index_of(page, check: str, value: str) -> int:
    values = page.locator(f"#check-{check} input").evaluate_all("els => els.map(e => e.value)")
    return values.index(value)


def test_single_choice(page, runtime_site) -> None:
    open_module(page, runtime_site)
    info = data(page, "pick-one")
    wrong = next(i for i, c in enumerate(info["choices"]) if not c["correct"])
    right = next(i for i, c in enumerate(info["choices"]) if c["correct"])
    choose_radio(page, "pick-one", dom_index_of(page, "pick-one", str(wrong)))
    submit(page, "pick-one")
    text = announced(page, "pick-one")
    assert text.startswith("✗ Not quite.")
    assert info["choices"][wrong]["feedback"] in text
    assert "LEAPS starts with listening." not in text  # the explanation waits for a right answer
    assert page.locator("#check-pick-one .ac-answer").is_visible()
    choose_radio(page, "pick-one", dom_index_of(page, "pick-one", str(right)))
    submit(page, "pick-one")
    text = announced(page, "pick-one")
    assert text == "✓ Correct. Listening first lowers the temperature. LEAPS starts with listening."
    assert page.locator("#check-pick-one .ac-feedback .ac-icon").get_attribute("aria-hidden") == "true"


def test_multiple_choice(page, runtime_site) -> None:
    open_module(page, runtime_site)
    values = page.locator("#check-pick-many input").evaluate_all("els => els.map(e => e.value)")

    def set_boxes(wanted: set[str]) -> None:
        for position, value in enumerate(values):
            box = page.locator("#check-pick-many input").nth(position)
            tab_to(page, f"#check-pick-many input[value='{value}']")
            if box.is_checked() != (value in wanted):
                page.keyboard.press("Space")

    set_boxes({"0", "1"})
    submit(page, "pick-many")
    text = announced(page, "pick-many")
    assert text.startswith("◐ Partly right.")
    assert "Interrupting cuts the customer off" in text
    assert "At least one correct choice is not selected." in text
    set_boxes({"0", "2"})
    submit(page, "pick-many")
    assert announced(page, "pick-many") == (
        "✓ Correct. Paraphrasing shows you understood. Clarifying questions uncover the real problem. "
        "Paraphrasing and clarifying questions both show attention."
    )


def test_true_false(page, runtime_site) -> None:
    open_module(page, runtime_site)
    choose_radio(page, "yes-or-no", dom_index_of(page, "yes-or-no", "false"))
    submit(page, "yes-or-no")
    assert announced(page, "yes-or-no") == (
        "✗ Not quite. It is exactly that, said out loud. Change your answer and check again, or open the answer below."
    )
    choose_radio(page, "yes-or-no", dom_index_of(page, "yes-or-no", "true"))
    submit(page, "yes-or-no")
    assert announced(page, "yes-or-no") == (
        '✓ Correct. Right, for example "That sounds frustrating". Naming the emotion helps the customer feel heard.'
    )


def test_order_with_move_buttons(page, runtime_site) -> None:
    open_module(page, runtime_site)
    items = page.locator("#check-in-order .ac-order > li")
    shown = items.evaluate_all("els => els.map(e => +e.dataset.acItem)")
    assert sorted(shown) == [0, 1, 2, 3, 4] and shown != [0, 1, 2, 3, 4]
    submit(page, "in-order")
    text = announced(page, "in-order")
    assert text.startswith("✗ Not quite. Spell it out, L-E-A-P-S.")
    assert "items are in the right place." in text
    # Sort with the "move up" buttons, by keyboard; focus stays on the moved item's button.
    for target in range(5):
        order = items.evaluate_all("els => els.map(e => +e.dataset.acItem)")
        position = order.index(target)
        if position == target:
            continue
        name = page.locator(
            f"#check-in-order .ac-order > li[data-ac-item='{target}'] .ac-order__text"
        ).inner_text()
        tab_to(page, f"#check-in-order .ac-order > li[data-ac-item='{target}'] .ac-move--up")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Move up: {name}"
        for _ in range(position - target):
            page.keyboard.press("Enter")
        assert moves(page, "in-order") == f"{name} moved to position {target + 1} of 5."
        assert announced(page, "in-order") == ""  # the old verdict went with the old answer
        assert page.evaluate("document.activeElement.closest('li').dataset.acItem") == str(target)
    submit(page, "in-order")
    assert announced(page, "in-order") == (
        "✓ Correct. That is the LEAPS sequence. Listen, Empathise, Ask, Paraphrase, Summarise."
    )


def pick_option(page, select_id: str, value: str) -> None:
    """Choose an option of a native select with the arrow keys only."""
    tab_to(page, f"#{select_id}")
    values = page.locator(f"#{select_id} option").evaluate_all("els => els.map(e => e.value)")
    current = page.eval_on_selector(f"#{select_id}", "s => s.value")
    steps = values.index(value) - values.index(current)
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    assert page.eval_on_selector(f"#{select_id}", "s => s.value") == value


def test_match_with_native_selects(page, runtime_site) -> None:
    open_module(page, runtime_site)
    submit(page, "pairs")
    assert announced(page, "pairs") == "Choose a match for every item first."
    pick_option(page, "check-pairs-0", "1")
    pick_option(page, "check-pairs-1", "0")
    pick_option(page, "check-pairs-2", "2")
    submit(page, "pairs")
    text = announced(page, "pairs")
    assert text.startswith("✗ Not quite. Look at the letters of each acronym. 1 of 3 pairs are right.")
    pick_option(page, "check-pairs-0", "0")
    pick_option(page, "check-pairs-1", "1")
    submit(page, "pairs")
    assert announced(page, "pairs") == (
        "✓ Correct. All three pairs are right. CSAT is satisfaction, FCR first-contact resolution, AHT handle time."
    )


def test_text_answer_is_trimmed_and_case_insensitive(page, runtime_site) -> None:
    open_module(page, runtime_site)
    tab_to(page, "#check-word-input")
    page.keyboard.type("leaves")
    page.keyboard.press("Enter")
    assert announced(page, "word").startswith("✗ Not quite. It is an acronym of five steps.")
    tab_to(page, "#check-word-input")
    page.keyboard.press("Control+A")
    page.keyboard.type("  leaps ")
    page.keyboard.press("Enter")
    assert announced(page, "word") == (
        "✓ Correct. LEAPS it is. LEAPS stands for Listen, Empathise, Ask, Paraphrase, Summarise."
    )


def test_hint_on_demand_and_retry(page, runtime_site) -> None:
    open_module(page, runtime_site)
    hint = page.locator("#check-word details.ac-hint")
    assert not hint.evaluate("d => d.open")
    tab_to(page, "#check-word details.ac-hint summary")
    page.keyboard.press("Enter")
    assert hint.evaluate("d => d.open")
    assert "Listen, Empathise..." in hint.inner_text()
    tab_to(page, "#check-word-input")
    page.keyboard.type("wrong")
    page.keyboard.press("Enter")
    retry = page.locator("#check-word .ac-retry")
    assert retry.is_visible()
    tab_to(page, "#check-word .ac-retry")
    page.keyboard.press("Enter")
    assert announced(page, "word") == ""
    assert page.evaluate("document.activeElement.id") == "check-word-input"
    assert page.input_value("#check-word-input") == ""


def test_order_shuffle_is_stable_across_reloads_within_an_attempt(page, runtime_site) -> None:
    open_module(page, runtime_site)
    first = page.locator("#check-in-order .ac-order > li").evaluate_all(
        "els => els.map(e => e.dataset.acItem)"
    )
    page.reload()
    page.wait_for_selector("#check-in-order .ac-move")
    assert (
        page.locator("#check-in-order .ac-order > li").evaluate_all("els => els.map(e => e.dataset.acItem)")
        == first
    )
    # Try again clears the verdict but keeps the arrangement: the learner goes
    # on from where they were instead of starting over from a new shuffle.
    page.click("#check-in-order button[type=submit]")
    page.click("#check-in-order .ac-retry")
    assert (
        page.locator("#check-in-order .ac-order > li").evaluate_all("els => els.map(e => e.dataset.acItem)")
        == first
    )
    assert page.locator("#check-in-order .ac-feedback").inner_text() == ""


@pytest.mark.parametrize("check", ["pick-one", "pick-many", "yes-or-no", "in-order", "pairs", "word"])
def test_without_javascript_answers_are_in_details(browser, runtime_site, check: str) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(runtime_site.url + MODULE)
        answer = page.locator(f"#check-{check} details.ac-answer")
        assert answer.is_visible()
        assert page.locator(f"#check-{check} .ac-actions").is_hidden()
        answer.locator("summary").click()
        assert answer.locator(".ac-explanation").is_visible()
    finally:
        ctx.close()
