"""The learner walk: a new hire completes the whole new-hire path of the
sample academy by keyboard only, from the home page to the unlocked
certificate, taking the placement test first, and reads each page's
progress display on the way. No clicks: Tab, Shift+Tab, Enter, Space, arrow
keys, digits and typing."""

from __future__ import annotations

import json

from learnerkit import text

PATH = "paths/new-hire-agent/"
LEFT = ("product-basics", "active-listening")  # answered wrongly in the placement test
STEPS = 18  # 15 modules and 3 stage assessments


def reach(page, selector: str, limit: int = 400) -> None:
    """Move focus to an element matching ``selector`` with Tab or Shift+Tab."""
    for _ in range(limit):
        where = page.evaluate(
            """s => { const a = document.activeElement; if (a && a.matches(s)) return 'here';
            const t = document.querySelector(s); if (!t) return 'missing';
            return a && a !== document.body && (a.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_PRECEDING) ? 'back' : 'fwd'; }""",
            selector,
        )
        if where == "here":
            return
        assert where != "missing", f"no {selector} on {page.url}"
        page.keyboard.press("Shift+Tab" if where == "back" else "Tab")
    raise AssertionError(f"{selector} is not reachable by keyboard on {page.url}")


def follow(page, selector: str) -> None:
    """Reach a link by keyboard and follow it with Enter."""
    reach(page, selector)
    before = page.url.split("#")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("#")[0] != before)
    page.wait_for_load_state("load")
    skip(page)


def skip(page) -> None:
    """The skip link comes first: Tab, Enter, and focus starts at the content."""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    # Following the link moves the focus start point to the content (and
    # blurs the link): wait for that before pressing on.
    page.wait_for_function(
        "location.hash.length > 1 && !document.activeElement.classList.contains('md-skip')"
    )


def press(page, selector: str, key: str = "Enter") -> None:
    reach(page, selector)
    page.keyboard.press(key)


def answer(page, scope: str, right: bool) -> None:
    """Answer the check or question at ``scope`` by keyboard."""
    data = json.loads(page.eval_on_selector(f"{scope} template.ac-data", "t => t.content.textContent"))
    kind = data["type"]
    if kind in ("single", "true-false"):
        values = [str(i) for i, c in enumerate(data.get("choices", [])) if c["correct"] == right]
        target = str(data["answer"] == right).lower() if kind == "true-false" else values[0]
        reach(page, f"{scope} input[type=radio]")
        radios = page.locator(f"{scope} input[type=radio]").evaluate_all("els => els.map(e => e.value)")
        at = radios.index(page.evaluate("document.activeElement.value"))
        to = radios.index(target)
        for _ in range(abs(to - at)):
            page.keyboard.press("ArrowDown" if to > at else "ArrowUp")
        if not page.is_checked(f"{scope} input[value='{target}']"):
            page.keyboard.press("Space")
    elif kind == "multiple":
        wanted = {str(i) for i, c in enumerate(data["choices"]) if c["correct"]}
        if not right:
            wanted = {str(next(i for i, c in enumerate(data["choices"]) if not c["correct"]))}
        for value in page.locator(f"{scope} input[type=checkbox]").evaluate_all(
            "els => els.map(e => e.value)"
        ):
            if value in wanted:
                press(page, f"{scope} input[value='{value}']", "Space")
    elif kind == "text":
        reach(page, f"{scope} input[type=text]")
        page.keyboard.type(data["answers"][0] if right else "no idea")
    elif kind == "match":
        for i in range(data["count"]):
            select = f"{scope} select[data-ac-left='{i}']"
            reach(page, select)
            options = page.locator(f"{select} option").evaluate_all("els => els.map(e => e.value)")
            want = str(i if right else (i + 1) % data["count"])
            for _ in range(
                options.index(want) - options.index(page.eval_on_selector(select, "s => s.value"))
            ):
                page.keyboard.press("ArrowDown")
            assert page.eval_on_selector(select, "s => s.value") == want
    elif kind == "order":
        if right:
            for i in range(data["count"]):
                press(page, f"{scope} li[data-ac-item='{i}'] .ac-pos", str(i + 1))
    else:  # pragma: no cover
        raise AssertionError(kind)


def bar(page, name: str) -> str:
    return page.get_by_role("progressbar", name=name).get_attribute("aria-valuetext")


def take_quiz(page, right) -> str:
    """Start an attempt, answer every drawn question, submit; return the headline."""
    press(page, "[data-ac-start]")
    questions = page.locator(".ac-question:not([hidden])")
    n = questions.count()
    # An order question counts as answered from the start (its items are in some order).
    kinds = [
        json.loads(q.locator("template.ac-data").evaluate("t => t.content.textContent"))["type"]
        for q in questions.all()
    ]
    for i in range(n):
        li = questions.nth(i)
        qid = li.get_attribute("data-ac-question")
        assert li.locator(".ac-prompt .ac-kicker").text_content() == f"Question {i + 1} of {n}"
        data = json.loads(li.locator("template.ac-data").evaluate("t => t.content.textContent"))
        answer(page, f".ac-question[data-ac-question='{qid}']", right(data))
        ahead = kinds[i + 1 :].count("order")
        assert text(page.locator("[data-ac-count]")) == f"{i + 1 + ahead} of {n} questions answered"
    assert text(page.locator("[data-ac-count]")) == f"{n} of {n} questions answered"
    press(page, "[data-ac-submit]")
    head = page.locator("[data-ac-results] .ac-result")
    head.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('ac-result')")
    return text(head)


def complete_module(page) -> None:
    panel = page.locator(".ac-module-progress")
    checks = page.locator(".ac-check")
    total = checks.count()
    assert text(panel.locator(".ac-count")) == f"0 of {total} checks answered"
    for i in range(total):
        box = f"#{checks.nth(i).get_attribute('id')}"
        answer(page, box, True)
        press(page, f"{box} button[type=submit]")
        assert text(page.locator(f"{box} .ac-verdict")).startswith("✓"), box
        assert text(panel.locator(".ac-count")) == f"{i + 1} of {total} checks answered"
    for scenario in page.locator(".ac-scenario").all():
        sid = f"#{scenario.get_attribute('id')}"
        for _ in range(12):
            if page.locator(f"{sid} .ac-restart").count():
                break
            press(page, f"{sid} .ac-now .ac-option-button")
        assert page.locator(f"{sid} .ac-ending-card").is_visible()
    assert text(panel.locator(".ac-module-progress__done")) == "✓ You have completed this module."
    assert page.locator(".ac-done-card").is_visible()
    assert text(page.locator(".ac-meta__status [data-ac-status]")) == "✓ Completed"


def test_a_new_hire_walks_the_whole_path_by_keyboard(page, sample_site) -> None:
    page.goto(sample_site.url)
    skip(page)
    follow(page, f".ac-cards a[href$='{PATH}']")
    assert bar(page, "Your progress on this path") == f"0 of {STEPS} done"
    # The placement test first: everything right except the two modules in LEFT.
    follow(page, ".ac-placement a")
    headline = take_quiz(page, lambda data: data["module"] not in LEFT)
    assert headline == "You tested out of 13 of 15 modules."
    follow(page, f".ac-quiz .ac-meta a[href$='{PATH}']")
    assert bar(page, "Your progress on this path") == f"13 of {STEPS} done"
    assert bar(page, "Your progress in Stage 1 Week 1 – Foundations") == "4 of 6 done"
    # The two modules left, each reached with "Continue".
    for module, title in zip(
        LEFT, ("Product knowledge through real use cases", "Active listening"), strict=True
    ):
        assert text(page.locator("[data-ac-continue]")) == f"Continue: {title}"
        follow(page, "[data-ac-continue]")
        assert f"modules/{module}/" in page.url
        complete_module(page)
        follow(page, ".ac-pathnav:not([hidden]) .ac-pathnav__up a")
    assert bar(page, "Your progress on this path") == f"15 of {STEPS} done"
    # The three stage assessments.
    for n, stage in enumerate(("week-1-foundations", "weeks-2-4-guided-contact", "weeks-5-6-autonomy"), 1):
        follow(page, f"#stage-{stage} .ac-stage__assessment a")
        assert take_quiz(page, lambda data: True) == "✓ Passed"
        assert "You scored 100%." in text(page.locator("[data-ac-results]"))
        follow(page, f".ac-quiz .ac-meta a[href$='{PATH}']")
        assert bar(page, "Your progress on this path") == f"{15 + n} of {STEPS} done"
        assert text(page.locator(f"#stage-{stage} .ac-stage__assessment")).endswith(
            "Pass mark 80% · ✓ Passed (100%)"
        )
    assert text(page.locator("[data-ac-certificate-state]")) == "Unlocked: your certificate is ready."
    follow(page, ".ac-certificate a")
    reach(page, "#ac-learner-name")
    page.keyboard.type("Amara Osei")
    assert page.input_value("#ac-learner-name") == "Amara Osei", page.evaluate(
        "document.activeElement.outerHTML"
    )
    press(page, "[data-ac-save-name]")
    assert text(page.locator("[data-ac-name-status]")) == "Name saved."
    cert = page.locator("[data-ac-cert]")
    assert cert.is_visible()
    assert "Amara Osei" in text(cert) and "Support Agent Foundations" in text(cert)
