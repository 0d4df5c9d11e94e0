"""Learning paths end to end: placement, assessments, certificate, review.

The clock is controlled by the test (Playwright's clock), so review items
come due over simulated days.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from browserkit import ARTIFACTS

KEY = "academy:/"
START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def question_data(page, li) -> dict:
    return json.loads(li.locator("template.ac-data").evaluate("t => t.content.textContent"))


def answer(page, li, right: bool) -> None:
    """Answer one visible question, rightly or wrongly, through its controls."""
    data = question_data(page, li)
    kind = data["type"]
    if kind in ("single", "multiple"):
        targets = [str(i) for i, c in enumerate(data["choices"]) if c["correct"] == right]
        for value in targets if right else targets[:1]:
            li.locator(f"input[value='{value}']").check()
    elif kind == "true-false":
        li.locator(f"input[value='{str(data['answer'] == right).lower()}']").check()
    elif kind == "text":
        li.locator("input[type=text]").fill(data["answers"][0] if right else "not this")
    else:  # pragma: no cover - the fixture quizzes use the types above
        raise AssertionError(kind)


def visible_questions(page):
    return page.locator(".ac-question:not([hidden])")


def take(page, url: str, right) -> str:
    """Start an attempt, answer every drawn question, submit; return the result text."""
    page.goto(url)
    page.wait_for_selector("[data-ac-start]")
    page.click("[data-ac-start]")
    questions = visible_questions(page)
    for i in range(questions.count()):
        li = questions.nth(i)
        answer(page, li, right(question_data(page, li)))
    page.click("[data-ac-submit]")
    results = page.locator("[data-ac-results]")
    results.wait_for()
    # Explicit submit: focus goes to the result's headline, inside the results box.
    assert page.evaluate("document.activeElement.matches('[data-ac-results] .ac-result')")
    return " ".join(results.inner_text().split())


def complete_module(page, site, module: str) -> None:
    """Answer every check right and play every scenario to an ending."""
    page.goto(site.url + f"modules/{module}/")
    page.wait_for_selector(".ac-meta__status:not([hidden])")
    for box in page.locator(".ac-check").all():
        data = json.loads(box.locator("template.ac-data").evaluate("t => t.content.textContent"))
        kind = data["type"]
        if kind in ("single", "multiple", "true-false", "text"):
            answer(page, box, True)
        elif kind == "order":
            box.evaluate(
                "b => { const l = b.querySelector('.ac-order');"
                " [...l.children].sort((x, y) => x.dataset.acItem - y.dataset.acItem).forEach(li => l.append(li)); }"
            )
        elif kind == "match":
            for i, select in enumerate(box.locator("select").all()):
                select.select_option(str(i))
        box.locator("button[type=submit]").click()
        assert box.locator(".ac-feedback").inner_text().startswith("✓")
    for scenario in page.locator(".ac-scenario").all():
        while scenario.locator(".ac-restart").count() == 0:
            scenario.locator(".ac-now .ac-option-button").first.click()
    assert page.locator(".ac-meta__status [data-ac-status]").inner_text() == "✓ Completed"


def record(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def test_placement_tests_out_of_one_module(page, runtime_site) -> None:
    def right(data: dict) -> bool:
        return data["module"] == "basics"

    result = take(page, runtime_site.url + "quizzes/placement/", right)
    assert result.startswith("You tested out of 1 of 2 modules.")
    assert "Basics 2/2 · Tested out" in result
    assert "Every question type 0/1" in result
    page.goto(runtime_site.url + "paths/main/")
    assert page.locator("[data-ac-module-row=basics] [data-ac-status]").inner_text() == "✓ Tested out"
    assert page.locator("[data-ac-module-row=all-types] [data-ac-status]").inner_text() == "○ Not started"
    assert page.locator("[data-ac-remaining]").inner_text() == "15 min"  # 25 min minus the tested-out 10
    # The tested-out module stays open to read, and says so.
    page.goto(runtime_site.url + "modules/basics/")
    assert page.locator(".ac-meta__status [data-ac-status]").inner_text() in ("✓ Tested out", "◐ In progress")
    assert page.locator("#check-basic").is_visible()


def test_failing_then_passing_an_assessment(page, runtime_site) -> None:
    url = runtime_site.url + "quizzes/stage-one/"
    failed = take(page, url, lambda data: False)
    assert failed.startswith("✗ Not passed yet You scored 0%. The pass mark is 80%. Not yet.")
    assert "Results by module and objective" in failed
    assert visible_questions(page).count() == 3  # draw: 3 of 5
    link = page.locator("[data-ac-results] a").first
    assert re.search(r"/modules/(basics|all-types)/$", link.get_attribute("href"))
    # Each question now shows its verdict and explanation.
    assert visible_questions(page).first.locator(".ac-feedback").inner_text().startswith("✗ Not quite.")
    passed = take(page, url, lambda data: True)
    assert passed.startswith("✓ Passed You scored 100%. The pass mark is 80%. Full marks")
    rows = page.locator("[data-ac-history] tr")
    assert rows.count() == 2
    assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(2)] == ["0%", "100%"]
    assert [rows.nth(i).locator("td").nth(2).inner_text() for i in range(2)] == ["Not passed yet", "Passed"]
    page.goto(runtime_site.url + "paths/main/")
    assert page.locator("[data-ac-quiz-status=stage-one]").inner_text().strip() == "· ✓ Passed (100%)"


def test_the_draw_is_stable_within_an_attempt(page, runtime_site) -> None:
    page.goto(runtime_site.url + "quizzes/stage-one/")
    page.click("[data-ac-start]")
    first = visible_questions(page).evaluate_all("els => els.map(e => e.dataset.acQuestion)")
    assert len(first) == 3
    page.reload()
    page.wait_for_selector("[data-ac-submit]")
    assert visible_questions(page).evaluate_all("els => els.map(e => e.dataset.acQuestion)") == first


def test_whole_path_to_a_printed_certificate(page, runtime_site, tmp_path) -> None:
    page.goto(runtime_site.url + "paths/main/")
    assert page.locator("[data-ac-certificate-state]").inner_text().startswith("Complete every module")
    page.goto(runtime_site.url + "paths/main/certificate/")
    assert page.locator("[data-ac-locked]").is_visible()
    assert page.locator("[data-ac-cert]").is_hidden()
    complete_module(page, runtime_site, "basics")
    page.goto(runtime_site.url + "paths/main/")
    go = page.locator("[data-ac-continue]")
    assert go.inner_text() == "Continue: Every question type"
    assert go.get_attribute("href").endswith("modules/all-types/?path=main")
    complete_module(page, runtime_site, "all-types")
    take(page, runtime_site.url + "quizzes/stage-one/", lambda data: True)
    page.goto(runtime_site.url + "paths/main/")
    assert page.locator("[data-ac-certificate-state]").inner_text() == "Unlocked: your certificate is ready."
    assert page.locator("[data-ac-remaining]").inner_text() == "0 min"
    page.goto(runtime_site.url + "paths/main/certificate/")
    assert page.locator("[data-ac-locked]").is_hidden()
    page.fill("#ac-learner-name", "Amara Osei")
    page.click("[data-ac-save-name]")
    assert page.locator("[data-ac-name-status]").inner_text() == "Name saved."
    page.reload()
    cert = page.locator("[data-ac-cert]")
    assert page.input_value("#ac-learner-name") == "Amara Osei"
    text = " ".join(cert.inner_text().split())
    assert "Amara Osei" in text and "Fixture Certificate" in text and "Main path" in text
    assert "Basics" in text and "Every question type" in text
    assert "Stage one assessment: 100%" in text
    assert "Self-attested: issued by this browser" in text
    assert re.search(r"Date: \w+ \d+, 20\d\d", text)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "certificate-1280.png"), full_page=True)
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=True)
        (ARTIFACTS / f"certificate-{paper}.pdf").write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"the certificate prints on {pages} {paper} pages"


def days(n: float) -> dt.datetime:
    return START + dt.timedelta(days=n)


def test_review_items_come_due_over_simulated_days(context, console, runtime_site) -> None:
    context.clock.install(time=START)
    page = context.new_page()
    console.attach(page)
    base = runtime_site.url

    def at(n: float, url: str) -> None:
        page.clock.set_fixed_time(days(n))
        page.goto(base + url)
        page.wait_for_load_state("networkidle")

    def badge() -> str | None:
        b = page.locator(".ac-review-badge")
        return None if b.is_hidden() else b.locator(".ac-review-badge__count").inner_text()

    def review_answer(right: bool) -> None:
        box = page.locator("[data-ac-review-list] .ac-check").first
        box.wait_for()
        box.locator(f"input[value={'true' if right else 'false'}]").check()
        box.locator("button[type=submit]").click()

    def entry() -> dict:
        return record(page)["review"]["basics/basic"]

    at(0, "modules/basics/")
    page.check("#check-basic input[value=false]")
    page.click("#check-basic button[type=submit]")
    assert entry()["box"] == 1
    assert badge() is None  # due tomorrow, not now
    at(0.9, "review/")
    assert page.locator("[data-ac-review-summary]").inner_text() == "Nothing is due for review right now."
    at(1, "review/")
    assert badge() == "1"
    assert page.locator("[data-ac-review-summary]").inner_text() == "1 question is due for review."
    review_answer(True)  # box 2: back in 3 days
    assert entry()["box"] == 2
    assert page.locator("[data-ac-review-summary]").inner_text() == "Nothing is due for review right now."
    for day, box in ((4, 3), (11, 4), (25, 5), (55, 5)):  # +3, +7, +14, +30, then every 30
        at(day - 0.1, "review/")
        assert badge() is None, f"due too early on day {day}"
        at(day, "review/")
        assert badge() == "1", f"not due on day {day}"
        review_answer(True)
        assert entry()["box"] == box
    at(85, "review/")
    review_answer(False)  # wrong: back to box 1, due the next day
    assert entry()["box"] == 1
    assert entry()["due"] == int(days(86).timestamp() * 1000)
    assert entry()["url"] == "modules/basics/"  # still points at the original widget
    assert console.errors == []
