"""The runtime's budget, its languages, and what stays out of search."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from academy.render import i18n

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import size  # noqa: E402


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_no_page_downloads_more_than_the_budget(language: str) -> None:
    """Issue 22's 14 KB: what any one page loads, core, stylesheet and its parts."""
    by_page = size.pages(language)
    assert size.BUDGET == 14 * 1024
    assert max(by_page.values()) <= size.BUDGET, by_page
    # Splitting must save something: a page without widgets gets only the core.
    assert by_page["plain page"] < by_page["module"] - 4000


def test_every_part_is_loaded_by_some_page_and_named_in_the_core() -> None:
    from academy.client.runtime import PARTS

    assert sorted({part for _, part in size.needs()}) == sorted(PARTS)
    assert size.parts_for(size.PAGES["module"]) == ["checks", "module"]
    assert size.parts_for(size.PAGES["review"]) == ["checks", "pages"]
    assert size.parts_for(size.PAGES["plain page"]) == []


def test_every_language_has_every_string() -> None:
    for code, table in i18n.LANGUAGES.items():
        assert set(table) == set(i18n.EN), code
        for key, text in table.items():
            assert text.count("{") == i18n.EN[key].count("{"), (code, key)


def test_runtime_contains_no_eval_and_no_inline_html() -> None:
    for script in sorted((REPO / "plugins" / "academy" / "client" / "assets").glob("*.js")):
        source = script.read_text(encoding="utf-8")
        for banned in (
            "eval(",
            "new Function",
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
        ):
            assert banned not in source, (script.name, banned)


def _academy(root: Path):
    from academy.core.engine import run
    from academy.core.settings import load_settings

    return run(load_settings(root)).academy


def _answer_texts(root: Path) -> list[str]:
    """Every answer, feedback, explanation and hint of the sample academy."""
    academy = _academy(root)
    texts: list[str] = []
    for _, q in academy.questions():
        texts += [q.explanation, q.hint, q.feedback_correct, q.feedback_incorrect, *q.answers]
        texts += [c.feedback for c in q.choices]
        texts += [c.text for c in q.choices if c.correct]
    for module in academy.modules:
        for sc in module.scenarios:
            for step in sc.steps:
                texts += [o.feedback for o in step.options]
                if step.ending:
                    texts.append(step.feedback)
    return [t for t in texts if t and len(t) > 12]


def _plain(text: str) -> str:
    import html

    return " ".join(html.unescape(text).split())


def test_answers_feedback_and_hints_never_reach_the_search_index(sample_build: Path) -> None:
    index = json.loads((sample_build / "build" / "search" / "search_index.json").read_text(encoding="utf-8"))
    corpus = _plain(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))
    texts = _answer_texts(sample_build)
    assert len(texts) > 100
    # Some short answers ("Flag for review") also occur in the teaching text,
    # which is rightly searchable; only text found nowhere else is a leak.
    academy = _academy(sample_build)
    visible = [m.body for m in academy.modules] + [
        p.read_text() for p in (sample_build / "content").rglob("*.md")
    ]
    visible += [f"{m.title} {m.summary} " + " ".join(o.text for o in m.objectives) for m in academy.modules]
    visible_text = _plain(" ".join(visible))
    leaked = [t for t in texts if _plain(t) in corpus and _plain(t) not in visible_text]
    assert leaked == [], leaked
    # The module text itself is searchable.
    assert "LEAPS" in corpus


def test_site_builds_in_spanish(tmp_path: Path) -> None:
    from browserkit import build_fixture

    site = build_fixture("runtime", tmp_path / "es", language="es")
    module = (site / "modules" / "all-types" / "index.html").read_text(encoding="utf-8")
    assert "Lo que podrás hacer" in module
    assert "Comprobar respuesta" in module
    assert "Comprueba lo que has aprendido" in module
    assert "Intermedio" in module
    runtime = (site / "assets" / "academy" / "academy.js").read_text(encoding="utf-8")
    assert '"search":"Buscar"' in runtime
    assert '"correct":"Correcto."' in module  # what marking says travels in pages with checks
    progress = (site / "progress" / "index.html").read_text(encoding="utf-8")
    assert "Exportar progreso" in progress
