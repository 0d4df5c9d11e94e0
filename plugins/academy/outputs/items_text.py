"""Checks and scenarios as plain Markdown text, with their answer keys.

Letters name the options a learner sees on the page: the same seeded
shuffles as the page, so an export and a page never disagree.
"""

from __future__ import annotations

import re
from typing import Any

from academy.core.model import Question, Scenario
from academy.outputs.common import one_line
from academy.render.text import stable_shuffle

_TYPE_NAMES = {
    "single": "single choice",
    "multiple": "multiple choice",
    "true-false": "true or false",
    "order": "put in order",
    "match": "matching",
    "text": "short answer",
}


_BLOCK_START = re.compile(r"^(?:[#>+*_=|`~-]|\d{1,9}[.)](?:\s|$))")


def plain_block(text: str) -> list[str]:
    """Plain author text as Markdown lines that cannot change the structure.

    Author fields are plain text (the site shows them as written), so a line
    that happens to start with ``#``, ``-`` or a fence must not become a
    heading, a list or a code block swallowing the rest of the file. Leading
    spaces go too: four of them would start a code block.
    """
    out: list[str] = []
    for raw in text.strip().split("\n"):
        line = raw.strip()
        if _BLOCK_START.match(line):
            match = re.match(r"^\d{1,9}", line)
            line = line[: match.end()] + "\\" + line[match.end() :] if match else "\\" + line
        out.append(line)
    # Collapse runs of blank lines to one: a paragraph break is all they mean.
    return [line for i, line in enumerate(out) if line or (i and out[i - 1])]


def quote(lines: list[str]) -> list[str]:
    return [f"> {line}" if line else ">" for line in lines]


def letter(index: int) -> str:
    # Past Z (never in valid content: at most a few choices) keep going as AA, AB...
    return chr(65 + index) if index < 26 else letter(index // 26 - 1) + chr(65 + index % 26)


def question_lines(owner: str, q: Question) -> list[str]:
    """A check as a learner sees it, answers left out."""
    label = _TYPE_NAMES.get(q.type, q.type)
    prompt = plain_block(q.prompt) or [""]
    out = [f"**Check your understanding** (`{q.id}`, {label}): {prompt[0]}", *prompt[1:], ""]
    if q.type in ("single", "multiple"):
        out += ["Choose one:" if q.type == "single" else "Choose all that apply:", ""]
        out += [f"- {letter(i)}. {one_line(c.text)}" for i, (_, c) in enumerate(_choices(owner, q))]
    elif q.type == "true-false":
        out += ["- True", "- False"]
    elif q.type == "order":
        out += ["Put these in order:", ""]
        out += [f"- {letter(i)}. {one_line(t)}" for i, (_, t) in enumerate(_order_items(owner, q))]
    elif q.type == "match":
        out += ["Match each item to one option:", ""]
        out += [f"{i + 1}. {one_line(p.left)}" for i, p in enumerate(q.pairs)]
        out += ["", "Options:", ""]
        out += [f"- {letter(i)}. {one_line(p.right)}" for i, (_, p) in enumerate(_rights(owner, q))]
    elif q.type == "text":
        out += ["Answer in a few words."]
    if q.hint.strip():
        out += ["", f"*Hint:* {one_line(q.hint)}"]
    return out


def _choices(owner: str, q: Question) -> list[tuple[int, Any]]:
    choices = list(enumerate(q.choices))
    return stable_shuffle(choices, f"{owner}/{q.id}") if q.shuffle else choices


def _order_items(owner: str, q: Question) -> list[tuple[int, str]]:
    return stable_shuffle(list(enumerate(q.items)), f"{owner}/{q.id}")


def _rights(owner: str, q: Question) -> list[tuple[int, Any]]:
    return stable_shuffle(list(enumerate(q.pairs)), f"{owner}/{q.id}/right")


def answer_lines(owner: str, q: Question) -> list[str]:
    out = [f"### Check `{q.id}`", ""]
    if q.type in ("single", "multiple"):
        right = [
            f"- {letter(i)}. {one_line(c.text)}" for i, (_, c) in enumerate(_choices(owner, q)) if c.correct
        ]
        out += ["**Correct:**", "", *right]
    elif q.type == "true-false":
        out += [f"**Correct:** {'True' if q.answer else 'False'}"]
    elif q.type == "text":
        out += ["**Accepted answers:**", "", *(f"- {one_line(a)}" for a in q.answers)]
    elif q.type == "order":
        letters = {index: letter(i) for i, (index, _) in enumerate(_order_items(owner, q))}
        out += ["**Correct order:**", ""]
        out += [f"{i + 1}. {letters[i]}. {one_line(t)}" for i, t in enumerate(q.items)]
    elif q.type == "match":
        letters = {index: letter(i) for i, (index, _) in enumerate(_rights(owner, q))}
        out += ["**Correct pairs:**", ""]
        out += [
            f"{i + 1}. {one_line(p.left)} → {letters[i]}. {one_line(p.right)}" for i, p in enumerate(q.pairs)
        ]
    if q.explanation.strip():
        explanation = plain_block(q.explanation)
        out += ["", f"**Explanation:** {explanation[0]}", *explanation[1:]]
    return out


def scenario_lines(scenario: Scenario) -> list[str]:
    """A scenario as readable text: every step, every choice and where it leads, no scores."""
    channel = f" ({scenario.channel})" if scenario.channel else ""
    out = [f"**Scenario** (`{scenario.id}`): **{one_line(scenario.title)}**{channel}", ""]
    if scenario.intro.strip():
        out += [*plain_block(scenario.intro), ""]
    out += [f"Start at step `{scenario.start}`.", ""]
    for step in scenario.reading_order():
        speaker = f" – {one_line(step.speaker)}:" if step.speaker.strip() else ""
        head = f"Ending `{step.id}` (outcome: {step.ending})" if step.ending else f"Step `{step.id}`"
        out += [f"**{head}**{speaker}", "", *quote(plain_block(step.text)), ""]
        if step.options:
            out += [
                f"- {letter(i)}. {one_line(o.text)} → step `{o.next}`" for i, o in enumerate(step.options)
            ]
            out += [""]
    return out[:-1]


def scenario_answer_lines(scenario: Scenario) -> list[str]:
    out = [f"### Scenario `{scenario.id}`", "", f"**Best score:** {scenario.max_score}", ""]
    by_id = {s.id: s for s in scenario.steps}
    route = [(by_id[step], choice) for step, choice in scenario.best_route()]
    if route:
        out += ["**Best route:**", ""]
        for n, (step, choice) in enumerate(route, 1):
            if choice < 0:
                out.append(f"{n}. Ending `{step.id}` ({step.ending or 'no ending'})")
            else:
                option = step.options[choice]
                out.append(
                    f"{n}. At `{step.id}` choose {letter(choice)} ({option.score:+d}): {one_line(option.text)}"
                )
        out.append("")
    out += ["**Choices and scores:**", ""]
    for step in scenario.reading_order():
        if step.ending:
            lesson = f": {one_line(step.feedback)}" if step.feedback.strip() else ""
            out.append(f"- Ending `{step.id}`, outcome {step.ending}{lesson}")
            continue
        for i, option in enumerate(step.options):
            why = f" {one_line(option.feedback)}" if option.feedback.strip() else ""
            out.append(f"- `{step.id}` {letter(i)} ({option.score:+d}) → `{option.next}`.{why}")
    return out
