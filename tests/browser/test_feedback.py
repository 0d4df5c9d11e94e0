"""Feedback that teaches (issue 22, defect 9 and deliverable 4): which items
are wrong, by words and not colour alone; a verdict never outlives its
answer; Show me after two tries; Move to a position directly; and plain
wording, plurals and dates in English and Spanish."""

from __future__ import annotations

import re

import pytest
from learnerkit import fill, text
from test_checks import moves

from browserkit import Site, build_fixture, free_port, tab_to

MODULE = "modules/all-types/"


def open_module(page, site) -> None:
    page.goto(site.url + MODULE)
    page.wait_for_selector("#check-in-order .ac-pos")


def order(page) -> list[int]:
    return page.locator("#check-in-order .ac-order > li").evaluate_all(
        "els => els.map(e => +e.dataset.acItem)"
    )


def test_order_feedback_marks_each_misplaced_item(page, runtime_site) -> None:
    open_module(page, runtime_site)
    shown = order(page)
    page.click("#check-in-order button[type=submit]")
    rows = page.locator("#check-in-order .ac-order > li")
    names = [text(rows.nth(i).locator(".ac-order__text")) for i in range(5)]
    marks = [text(rows.nth(i).locator(".ac-mark")) for i in range(5)]
    wrong = [n for n, item, pos in zip(names, shown, range(5), strict=True) if item != pos]
    assert marks == ["✓ Right" if item == pos else "✗ Wrong place" for pos, item in enumerate(shown)]
    feedback = text(page.locator("#check-in-order .ac-feedback"))
    assert f"In the wrong place: {', '.join(wrong)}." in feedback
    assert rows.first.locator(".ac-mark .ac-icon").get_attribute("aria-hidden") == "true"
    # Moving an item changes the answer: the old verdict and marks go, the box is not red.
    tab_to(page, "#check-in-order .ac-order > li:nth-child(2) .ac-move--up")
    page.keyboard.press("Enter")
    box = page.locator("#check-in-order")
    assert box.evaluate("b => !b.matches('.is-wrong, .is-right, .is-partial')")
    assert text(page.locator("#check-in-order .ac-feedback")) == ""
    assert page.locator("#check-in-order .ac-mark").count() == 0
    assert moves(page, "in-order").endswith("moved to position 1 of 5.")


def test_match_feedback_marks_each_wrong_pair(page, runtime_site) -> None:
    open_module(page, runtime_site)
    for i, value in enumerate(["1", "0", "2"]):
        page.select_option(f"#check-pairs-{i}", value)
    page.click("#check-pairs button[type=submit]")
    rows = page.locator("#check-pairs .ac-match > li")
    assert [text(rows.nth(i).locator(".ac-mark")) for i in range(3)] == [
        "✗ Wrong match",
        "✗ Wrong match",
        "✓ Right",
    ]
    assert "1 of 3 pairs are right. Wrong matches: CSAT, FCR." in text(
        page.locator("#check-pairs .ac-feedback")
    )
    instructions = text(page.locator("#check-pairs .ac-instructions"))
    assert "left" not in instructions and "right" not in instructions


def test_partly_right_is_amber_not_red(page, runtime_site) -> None:
    open_module(page, runtime_site)
    page.check("#check-pick-many input[value='0']")
    page.click("#check-pick-many button[type=submit]")
    box = page.locator("#check-pick-many")
    assert box.evaluate("b => b.classList.contains('is-partial') && !b.classList.contains('is-wrong')")
    color = page.eval_on_selector("#check-pick-many .ac-feedback", "f => getComputedStyle(f).borderLeftColor")
    assert color == "rgb(178, 106, 0)"
    assert text(page.locator("#check-pick-many .ac-verdict")) == "◐ Partly right."


@pytest.mark.parametrize("check", ["in-order", "pairs"])
def test_show_me_comes_after_two_tries(page, runtime_site, check: str) -> None:
    open_module(page, runtime_site)
    box = page.locator(f"#check-{check}")
    fill(box, False)
    show = box.locator(".ac-show")
    box.locator("button[type=submit]").click()
    assert show.is_hidden()
    box.locator("button[type=submit]").click()
    assert show.is_visible() and text(show) == "Show me"
    tab_to(page, f"#check-{check} .ac-show")
    page.keyboard.press("Enter")
    assert (
        text(box.locator(".ac-feedback"))
        == "This is the correct answer. Check it to finish, or study it first."
    )
    box.locator("button[type=submit]").click()
    assert text(box.locator(".ac-verdict")).startswith("✓")


def test_move_to_a_position_takes_one_key_per_item(page, runtime_site) -> None:
    open_module(page, runtime_site)
    keys = []
    for target in range(5):
        if order(page).index(target) == target:
            continue
        tab_to(page, f"#check-in-order li[data-ac-item='{target}'] .ac-pos")
        name = page.locator(f"#check-in-order li[data-ac-item='{target}'] .ac-order__text").inner_text()
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Position of {name}"
        page.keyboard.press(str(target + 1))  # type-ahead: the option "3" is position 3
        keys.append(target)
        assert order(page).index(target) == target
        assert page.evaluate("document.activeElement.closest('li').dataset.acItem") == str(target)
        assert moves(page, "in-order") == f"{name} moved to position {target + 1} of 5."
    assert order(page) == [0, 1, 2, 3, 4]
    assert len(keys) <= 5  # one key press per item moved (besides Tab to reach it)
    page.click("#check-in-order button[type=submit]")
    assert text(page.locator("#check-in-order .ac-verdict")).startswith("✓ Correct.")


def test_the_verdict_is_said_once_and_instructions_once(page, sample_site) -> None:
    page.goto(sample_site.url + "modules/service-metrics/")
    page.fill("#check-fcr-calc-input", "75")
    page.click("#check-fcr-calc button[type=submit]")
    feedback = text(page.locator("#check-fcr-calc .ac-feedback"))
    assert feedback.startswith("✓ Correct. 30 of 40 tickets stayed fixed, which is 75%.")
    assert feedback.count("Correct.") == 1
    leading = page.locator(".ac-check", has_text="leading indicators")
    assert text(leading).lower().count("select all that apply") == 1


# ---- plurals and dates, English and Spanish (deliverable 8) ----------------------


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory):
    port = free_port()
    site = Site(
        build_fixture("runtime", tmp_path_factory.mktemp("es") / "project", language="es", port=port),
        port=port,
    )
    yield site
    site.close()


@pytest.mark.parametrize(
    "language,one,many,date",
    [
        ("en", "1 question still needs an answer.", "2 questions still need an answer.", r"Nov 2, 2026"),
        ("es", "Falta 1 pregunta por responder.", "Faltan 2 preguntas por responder.", r"2 nov 2026"),
    ],
)
def test_plurals_and_dates_follow_the_page_language(
    context, console, runtime_site, spanish_site, language, one, many, date
) -> None:
    site = spanish_site if language == "es" else runtime_site
    context.clock.install(time="2026-11-02T09:00:00Z")
    page = context.new_page()
    console.attach(page)
    page.goto(site.url + "quizzes/stage-one/")
    page.click("[data-ac-start]")
    questions = page.locator(".ac-question:not([hidden])")
    fill(questions.nth(0), True)
    page.click("[data-ac-submit]")
    assert text(page.locator("[data-ac-unanswered]")) == many
    fill(questions.nth(1), True)
    page.click("[data-ac-submit]")
    assert text(page.locator("[data-ac-unanswered]")) == one
    fill(questions.nth(2), True)
    page.click("[data-ac-submit]")
    when = page.locator("[data-ac-history] td").first.inner_text()
    assert re.fullmatch(date, when.replace(".", "")), when
    assert console.errors == []
