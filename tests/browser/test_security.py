"""XSS payloads in every text field never execute, and the academy works
under a strict Content Security Policy (no inline script)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browserkit import Site, free_port
from helpers import mkdocs, write

#: The policy the authoring guide recommends for deployments.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
PAYLOAD = (
    "</script><script>alert(1)</script><img src=x onerror=alert(2)>javascript:alert(3)\u2028\u2029{{7*7}}${4}"
)


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


def hostile_project(root: Path, port: int) -> Path:
    p = q(PAYLOAD)
    module = f"""---
id: hostile
title: {q("T " + PAYLOAD)}
summary: {p}
level: foundation
duration: 10
objectives:
  - id: know
    text: {p}
    bloom: apply
checks:
  - id: single
    objective: know
    type: single
    prompt: {p}
    hint: {p}
    explanation: {p}
    choices:
      - text: {q("A " + PAYLOAD)}
        correct: true
        feedback: {p}
      - text: {q("B " + PAYLOAD)}
        feedback: {p}
  - id: multi
    objective: know
    type: multiple
    prompt: {p}
    explanation: {p}
    choices:
      - text: {q("C " + PAYLOAD)}
        correct: true
        feedback: {p}
      - text: {q("D " + PAYLOAD)}
        feedback: {p}
  - id: tf
    objective: know
    type: true-false
    prompt: {p}
    answer: true
    feedback: {{correct: {p}, incorrect: {p}}}
    explanation: {p}
  - id: order
    objective: know
    type: order
    prompt: {p}
    items: [{q("E " + PAYLOAD)}, {q("F " + PAYLOAD)}, {q("G " + PAYLOAD)}]
    explanation: {p}
  - id: match
    objective: know
    type: match
    prompt: {p}
    pairs:
      - {{left: {q("H " + PAYLOAD)}, right: {q("I " + PAYLOAD)}}}
      - {{left: {q("J " + PAYLOAD)}, right: {q("K " + PAYLOAD)}}}
    explanation: {p}
  - id: text
    objective: know
    type: text
    prompt: {p}
    answers: [{p}]
    explanation: {p}
scenarios:
  - id: scene
    objective: know
    title: {p}
    intro: {p}
    channel: chat
    start: one
    steps:
      one:
        speaker: {p}
        text: {p}
        options:
          - text: {q("L " + PAYLOAD)}
            next: win
            score: 1
            feedback: {p}
          - text: {q("M " + PAYLOAD)}
            next: lose
            feedback: {p}
      win:
        speaker: {p}
        text: {p}
        ending: success
        feedback: {p}
      lose:
        text: {p}
        ending: fail
        feedback: {p}
---
Body text.
"""
    path = f"""id: main
title: {q("P " + PAYLOAD)}
role: {p}
summary: {p}
placement: place
stages:
  - id: one
    title: {p}
    summary: {p}
    modules: [hostile]
    assessment: exam
certificate:
  title: {p}
"""
    quiz = """id: {id}
title: {title}
kind: {kind}
summary: {p}
pass_mark: 50
questions:
  - id: one
    module: hostile
    objective: know
    type: single
    prompt: {p}
    explanation: {p}
    choices:
      - text: {a}
        correct: true
        feedback: {p}
      - text: {b}
        feedback: {p}
"""
    return write(
        root,
        {
            "mkdocs.yml": (
                f"site_name: Hostile\nsite_url: http://127.0.0.1:{port}/\ndocs_dir: content\nsite_dir: build\n"
                "theme:\n  name: material\n  font: false\n  features: [navigation.instant]\n"
                "plugins:\n  - search\n  - academy\n"
            ),
            "content/index.md": "# Hostile\n\n<!-- academy:role-cards -->\n",
            "modules/hostile.md": module,
            "paths/main.yml": path,
            "quizzes/exam.yml": quiz.format(
                id="exam",
                kind="assessment",
                title=q("Q " + PAYLOAD),
                p=p,
                a=q("N " + PAYLOAD),
                b=q("O " + PAYLOAD),
            ),
            "quizzes/place.yml": quiz.format(
                id="place",
                kind="placement",
                title=q("R " + PAYLOAD),
                p=p,
                a=q("S " + PAYLOAD),
                b=q("U " + PAYLOAD),
            ),
        },
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    port = free_port()
    root = hostile_project(tmp_path_factory.mktemp("hostile"), port)
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    site = Site(root / "build", headers={"Content-Security-Policy": CSP}, port=port)
    yield site
    site.close()


class ScriptAudit(HTMLParser):
    """Collects every script element and every attribute that could run code."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts.append(values)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if (
                name in ("href", "src", "action", "formaction")
                and value
                and value.strip().lower().startswith("javascript:")
            ):
                self.urls.append(f"<{tag} {name}={value!r}>")


def test_no_unexpected_scripts_or_handlers_in_any_page(hostile_site) -> None:
    pages = sorted(Path(hostile_site.root).rglob("*.html"))
    assert len(pages) >= 8
    for html_file in pages:
        audit = ScriptAudit()
        audit.feed(html_file.read_text(encoding="utf-8"))
        for script in audit.scripts:
            src = script.get("src")
            if src is not None:
                assert "assets/" in src and not src.startswith(("http:", "https:", "//", "javascript:")), (
                    html_file,
                    src,
                )
            else:
                # Data blocks only: JSON for the runtime, JSON-LD for search engines.
                assert script.get("type") in ("application/json", "application/ld+json"), (html_file, script)
        assert audit.handlers == [], (html_file, audit.handlers)
        assert audit.urls == [], (html_file, audit.urls)


def test_json_ld_keeps_payloads_as_inert_text(hostile_site) -> None:
    page = (Path(hostile_site.root) / "modules" / "hostile" / "index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    assert "<" not in block and "\u2028" not in block
    data = json.loads(block)
    assert "</script>" in json.dumps(data["name"] + data["description"], ensure_ascii=False)


WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def guarded(context, console):
    context.add_init_script(WATCH)
    page = context.new_page()
    console.attach(page)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    return page


@pytest.mark.parametrize(
    "url",
    [
        "",
        "modules/hostile/",
        "paths/main/",
        "quizzes/exam/",
        "quizzes/place/",
        "paths/main/certificate/",
        "progress/",
        "review/",
    ],
)
def test_payloads_never_execute(guarded, console, hostile_site, url: str) -> None:
    page = guarded
    page.goto(hostile_site.url + url)
    page.wait_for_load_state("networkidle")
    if url == "modules/hostile/":
        page.check("#check-single input[value='1']")
        page.click("#check-single button[type=submit]")
        page.fill("#check-text-input", "wrong")
        page.click("#check-text button[type=submit]")
        page.click("#scenario-scene .ac-option-button >> nth=0")
        page.click("#check-single details.ac-answer summary")
    if url == "quizzes/exam/":
        page.click("[data-ac-start]")
        page.check(".ac-question:not([hidden]) input[value='1']")
        page.click("[data-ac-submit]")
    page.keyboard.press("/")  # open search, which renders titles
    page.keyboard.type("alert")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("window.__violations") == []
    assert console.errors == []
    if url == "modules/hostile/":  # the title is shown as the text it is
        assert page.title().startswith("T </script><script>alert(1)</script><img src=x onerror=alert(2)>")


def test_a_quiz_runs_under_the_strict_policy(guarded, console, runtime_site_csp) -> None:
    page = guarded
    page.goto(runtime_site_csp.url + "modules/all-types/")
    page.wait_for_selector("#check-pick-one .ac-actions:not([hidden])")
    page.check("#check-pick-one input[value='1']")
    page.click("#check-pick-one button[type=submit]")
    assert page.locator("#check-pick-one .ac-feedback").inner_text().startswith("✓ Correct.")
    page.click("#scenario-late-order .ac-option-button >> nth=0")
    page.wait_for_load_state("networkidle")
    page.click(".md-nav__link[href$='modules/basics/']")  # instant navigation re-runs page scripts
    page.wait_for_selector("[data-ac-module='basics'] .ac-meta__status:not([hidden])")
    page.goto(runtime_site_csp.url + "quizzes/stage-one/")
    page.click("[data-ac-start]")
    page.click("[data-ac-submit]")
    assert "still need an answer" in page.locator("[data-ac-unanswered]").inner_text()
    assert page.evaluate("window.__violations") == []
    assert console.errors == []


def test_the_policy_is_enforced_in_these_tests(guarded, hostile_site) -> None:
    """Guards the two tests above: an inline script is blocked and reported."""
    page = guarded
    page.goto(hostile_site.url)
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }"
    )
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("window.__violations")[0].startswith("script-src")
