"""HTML fragments for checks, scenarios, module headers, paths and role cards.

Engine-agnostic: the MkDocs plugin places these fragments into pages, and a
future engine (or a test) can call the same functions. Templates are Jinja2
with autoescaping on, so nothing from front matter reaches HTML unescaped;
data for the browser runtime is embedded as ``<script type="application/json">``
with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped.

Templates can be overridden by placing a file of the same name in a
project's ``templates_dir``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from academy.core.model import Academy, LearningPath, Module, Question, Quiz, Scenario
from academy.render import i18n

_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_for_html(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``.

    Escaping ``<`` makes ``</script>`` impossible; U+2028/2029 are escaped
    for older JavaScript parsers that treat them as line breaks.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.translate(_JSON_ESCAPES))


def _ascii_html(text: str) -> Markup:
    """Escaped text with every non-ASCII character as a character reference.

    The interface's own words ("Choose…") would otherwise be the only
    non-ASCII characters on many pages. Python stores such a page in two or
    four bytes per character instead of one, and MkDocs then copies and
    encodes every page of 300 KB or more (most of it navigation) several
    times slower.
    """
    return Markup(str(escape(text)).encode("ascii", "xmlcharrefreplace").decode("ascii"))


def paragraphs(text: str) -> Markup:
    """Plain text to ``<p>`` paragraphs; single newlines become ``<br>``."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in block.split("\n")))
        for block in blocks
    )


def prose(text: str) -> Markup:
    """Plain text to ``<p>`` paragraphs; single newlines (YAML's folded lines) are spaces."""
    return paragraphs("\n\n".join(" ".join(b.split()) for b in re.split(r"\n\s*\n", text.strip())))


def inline(text: str) -> Markup:
    """Plain text for inline contexts: escaped, whitespace collapsed."""
    return escape(" ".join(text.split()))


def stable_shuffle(items: Sequence[Any], seed: str) -> list[Any]:
    """A shuffle that is the same on every build of the same content.

    Seeded from the content's ids, never from ``hash()``, so builds are
    byte-identical whatever ``PYTHONHASHSEED`` is.
    """
    out = list(items)
    rng = random.Random(hashlib.sha256(seed.encode("utf-8")).digest())
    rng.shuffle(out)
    if len(out) > 1 and out == list(items):
        out = out[1:] + out[:1]  # a "shuffle" that shows the answer defeats the question
    return out


@dataclass(frozen=True)
class SiteUrls:
    """Where generated pages live, as MkDocs lays them out."""

    use_directory_urls: bool = True

    def page(self, section: str, item_id: str) -> str:
        return f"{section}/{item_id}/" if self.use_directory_urls else f"{section}/{item_id}.html"

    def module(self, module_id: str) -> str:
        return self.page("modules", module_id)

    def path(self, path_id: str) -> str:
        return self.page("paths", path_id)

    def quiz(self, quiz_id: str) -> str:
        return self.page("quizzes", quiz_id)

    def certificate(self, path_id: str) -> str:
        return self.page(f"paths/{path_id}", "certificate")

    def base_of(self, page_url: str) -> str:
        """Relative prefix from a page URL (``modules/x/``) back to the site root."""
        return "../" * page_url.count("/")


@functools.cache
def _environment(language: str, use_directory_urls: bool, templates_dir: Path | None) -> jinja2.Environment:
    """One Jinja environment per language and URL style, for the process.

    Compiling the templates is most of the cost of a first render; keeping
    the environment lets ``mkdocs serve`` rebuilds reuse compiled templates.
    Everything that depends on the academy is passed per render instead.
    """
    table = i18n.strings(language)
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
    loaders.append(jinja2.PackageLoader("academy.render", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters.update(
        paras=paragraphs,
        prose=prose,
        inline=inline,
        json_html=json_for_html,
        duration=lambda minutes: i18n.duration(minutes, table),
    )
    env.globals.update(
        t={key: _ascii_html(text) for key, text in table.items()},
        urls=SiteUrls(use_directory_urls),
        page_strings=lambda page: Markup(
            '<template data-ac-strings><script type="application/json">{}</script></template>'
        ).format(json_for_html(i18n.page_strings(language, page))),
    )
    return env


class Renderer:
    """Renders fragments for one academy in one language."""

    def __init__(
        self,
        academy: Academy,
        language: str = "en",
        urls: SiteUrls | None = None,
        templates_dir: Path | None = None,
        xapi: str = "",
    ) -> None:
        self.academy = academy
        self.xapi = xapi
        self.t: Mapping[str, str] = i18n.strings(language)
        self.urls = urls or SiteUrls()
        self.env = _environment(language, self.urls.use_directory_urls, templates_dir)

    def _render(self, template: str, **context: Any) -> str:
        html = self.env.get_template(template).render(academy_module=self.academy.module, **context)
        # One line per element keeps fragments free of blank lines, which
        # Markdown would otherwise read as the end of a raw HTML block.
        return "\n".join(line for line in html.split("\n") if line.strip())

    # --- checks -------------------------------------------------------------

    def question(self, owner_id: str, question: Question, dom_prefix: str = "check") -> str:
        """A knowledge check as a form that also works without JavaScript."""
        dom_id = f"{dom_prefix}-{owner_id}-{question.id}" if dom_prefix == "q" else f"check-{question.id}"
        seed = f"{owner_id}/{question.id}"
        choices = list(enumerate(question.choices))
        if question.shuffle:
            choices = stable_shuffle(choices, seed)
        order_items = (
            stable_shuffle(list(enumerate(question.items)), seed) if question.type == "order" else []
        )
        rights = (
            stable_shuffle(list(enumerate(question.pairs)), seed + "/right")
            if question.type == "match"
            else []
        )
        return self._render(
            "check.html",
            q=question,
            dom_id=dom_id,
            choices=choices,
            order_items=order_items,
            rights=rights,
            data=self.question_data(question),
        )

    @staticmethod
    def question_data(q: Question) -> dict[str, Any]:
        """What the runtime needs to mark an answer, and nothing it can derive."""
        data: dict[str, Any] = {"type": q.type, "id": q.id}
        if q.type in ("single", "multiple"):
            data["choices"] = [{"correct": c.correct, "feedback": c.feedback} for c in q.choices]
            if q.partial:
                data["partial"] = True
        elif q.type == "true-false":
            data["answer"] = q.answer
        elif q.type == "order":
            data["count"] = len(q.items)
        elif q.type == "match":
            data["count"] = len(q.pairs)
        elif q.type == "text":
            data["answers"] = [" ".join(a.split()).casefold() for a in q.answers]
        if q.feedback_correct:
            data["correct"] = q.feedback_correct
        if q.feedback_incorrect:
            data["incorrect"] = q.feedback_incorrect
        if q.explanation:
            data["explanation"] = q.explanation
        if q.objective:
            data["objective"] = q.objective
        if q.module:
            data["module"] = q.module
        return data

    # --- scenarios ------------------------------------------------------------

    def scenario(self, module: Module, scenario: Scenario) -> str:
        data = {
            "id": scenario.id,
            "start": scenario.start,
            "max": scenario.max_score,
            "objective": scenario.objective,
            "steps": {
                s.id: (
                    {"ending": s.ending}
                    if s.ending
                    else {
                        "options": [
                            {"next": o.next, "score": o.score, "feedback": o.feedback} for o in s.options
                        ]
                    }
                )
                for s in scenario.steps
            },
        }
        ordered = scenario.reading_order()
        return self._render(
            "scenario.html",
            sc=scenario,
            module=module,
            steps=ordered,
            dom_id=f"scenario-{scenario.id}",
            data=data,
        )

    # --- module page ----------------------------------------------------------

    def module_header(
        self,
        module: Module,
        base: str,
        paths: Sequence[LearningPath] | None = None,
        facts: str | None = None,
    ) -> str:
        """The module's summary, facts and objectives; ``paths`` that include it
        may be passed in when the caller has them indexed.

        ``facts`` replaces the summary and facts (``module_facts``) with the
        given HTML: a site that adds them to the page after its search index
        has read it passes a placeholder, as the index leaves them out anyway.
        """
        if facts is not None:
            return self._render("module_header.html", m=module, facts=Markup(facts))
        return self._render("module_header.html", **self._facts_context(module, base, paths))

    def module_facts(self, module: Module, base: str, paths: Sequence[LearningPath] | None = None) -> str:
        """The module's summary and facts: level, duration, prerequisites, paths."""
        return self._render("module_facts.html", **self._facts_context(module, base, paths))

    def _facts_context(
        self, module: Module, base: str, paths: Sequence[LearningPath] | None
    ) -> dict[str, Any]:
        return {
            "m": module,
            "base": base,
            "prerequisites": [(p, self.academy.module(p)) for p in module.prerequisites],
            "paths": self.academy.paths_of(module.id) if paths is None else paths,
        }

    def path_nav(
        self, module: Module, base: str, neighbours: Sequence[tuple[LearningPath, str, str]] | None = None
    ) -> str:
        """Previous/next links for every path that includes ``module``.

        ``neighbours`` lists ``(path, previous id, next id)``; computed here
        when not given.
        """
        if neighbours is None:
            found = []
            for lp in self.academy.paths_of(module.id):
                ids = lp.module_ids
                at = ids.index(module.id)
                found.append((lp, ids[at - 1] if at > 0 else "", ids[at + 1] if at + 1 < len(ids) else ""))
            neighbours = found
        navs = [
            (lp, self.academy.module(p) if p else None, self.academy.module(n) if n else None)
            for lp, p, n in neighbours
        ]
        return self._render("path_nav.html", navs=navs, base=base) if navs else ""

    def _assessments(self, path: LearningPath) -> list[Quiz]:
        return [q for s in path.stages if s.assessment and (q := self.academy.quiz(s.assessment))]

    def path_page(self, path: LearningPath, base: str) -> str:
        stages = [
            (
                stage,
                [m for i in stage.modules if (m := self.academy.module(i))],
                self.academy.quiz(stage.assessment) if stage.assessment else None,
            )
            for stage in path.stages
        ]
        return self._render(
            "path.html",
            p=path,
            base=base,
            stages=stages,
            assessments=[q.id for q in self._assessments(path)],
            total=self.academy.path_duration(path),
            placement=self.academy.quiz(path.placement) if path.placement else None,
            requires=[r for i in path.requires if (r := self.academy.path(i))],
            module_count=len(path.module_ids),
        )

    def certificate_page(self, path: LearningPath, base: str) -> str:
        return self._render(
            "certificate.html",
            p=path,
            base=base,
            modules=[m for i in path.module_ids if (m := self.academy.module(i))],
            assessments=self._assessments(path),
        )

    def review_page(self) -> str:
        return self._render("review.html")

    def quiz_page(self, quiz: Quiz, base: str) -> str:
        questions = [(q, Markup(self.question(quiz.id, q, dom_prefix="q"))) for q in quiz.questions]
        paths = [
            p
            for p in self.academy.paths
            if p.placement == quiz.id or any(s.assessment == quiz.id for s in p.stages)
        ]
        lookup: dict[str, Any] = {}
        for q in quiz.questions:
            module = self.academy.module(q.module) if q.module else None
            if module is not None and module.id not in lookup:
                lookup[module.id] = {
                    "title": module.title,
                    "url": self.urls.module(module.id),
                    "objectives": {o.id: o.text for o in module.objectives},
                }
        return self._render(
            "quiz.html", quiz=quiz, base=base, questions=questions, paths=paths, lookup=lookup
        )

    def progress_page(self, base: str) -> str:
        modules = sorted(self.academy.modules, key=lambda m: (m.title.casefold(), m.id))
        return self._render("progress.html", base=base, modules=modules, xapi=self.xapi)

    def role_cards(self, base: str) -> str:
        cards = [(p, self.academy.path_duration(p), len(p.module_ids)) for p in self.academy.paths]
        return self._render("role_cards.html", cards=cards, base=base)
