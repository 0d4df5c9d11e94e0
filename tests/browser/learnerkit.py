"""Helpers shared by the learner-experience tests: answer any check or
question through its controls, and read what the page says."""

from __future__ import annotations

import json


def data_of(box) -> dict:
    return json.loads(box.locator("template.ac-data").first.evaluate("t => t.content.textContent"))


def fill(box, right: bool) -> None:
    """Answer one check or quiz question, rightly or wrongly, with the mouse."""
    data = data_of(box)
    kind = data["type"]
    if kind in ("single", "multiple"):
        targets = [str(i) for i, c in enumerate(data["choices"]) if c["correct"] == right]
        for value in targets if right else targets[:1]:
            box.locator(f"input[value='{value}']").check()
    elif kind == "true-false":
        box.locator(f"input[value='{str(data['answer'] == right).lower()}']").check()
    elif kind == "text":
        box.locator("input[type=text]").fill(data["answers"][0] if right else "not this")
    elif kind == "order":
        # The shuffle never shows the answer, so leaving it is a wrong answer.
        if right:
            for i in range(data["count"]):
                box.locator(f".ac-order > li[data-ac-item='{i}'] .ac-pos").select_option(index=i)
    elif kind == "match":
        selects = box.locator("select[data-ac-left]")
        n = selects.count()
        for i in range(n):
            selects.nth(i).select_option(str(i if right else (i + 1) % n))
    else:  # pragma: no cover
        raise AssertionError(kind)


def text(locator) -> str:
    return " ".join(locator.inner_text().split())


def record(page, key: str = "academy:/") -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{key}')") or "{}")
