"""HTML fragments for checks, scenarios, module headers, paths and role cards.

Engine-agnostic: the MkDocs plugin places these fragments into pages, and a
future engine (or a test) can call the same functions. Templates are Jinja2
with autoescaping on, so nothing from front matter reaches HTML unescaped;
data for the browser runtime is embedded as ``<script type="application/json">``
with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped.

A project can replace any template with its own version of the same name
in the folder its ``templates_dir`` option names (:func:`check_templates`
refuses names the academy never renders).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from academy.core.model import Academy, LearningPath, Module, Question, Quiz, Scenario
from academy.core.problems import Problem, SettingsError, Severity, visible
from academy.render import i18n
from academy.render.text import ascii_html, inline, json_for_html, paragraphs, prose, stable_shuffle
from academy.render.urls import SiteUrls

#: The fragments the academy renders, which ``templates_dir`` may replace.
TEMPLATE_NAMES = tuple(
    sorted(t for t in jinja2.PackageLoader("academy.render", "templates").list_templates())
)


def check_templates(folder: Path) -> None:
    """Refuse a file in a project's templates folder that the academy never
    renders: a misspelt ``chek.html`` would otherwise change nothing, silently.

    Raises:
        SettingsError: naming the file, with the closest fragment name.
    """
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in TEMPLATE_NAMES:
            continue
        close = difflib.get_close_matches(path.name, TEMPLATE_NAMES, n=1)
        extra = f" Did you mean {close[0]}?" if close else f" The fragments are: {', '.join(TEMPLATE_NAMES)}."
        raise SettingsError(
            f"academy: option 'templates_dir': {path.name} is not a fragment the academy renders.{extra}"
        )


def templates_stamp(folder: Path | None) -> tuple[tuple[str, int], ...]:
    """Names and modification times of a templates folder's files: what a
    memo of rendered fragments must be invalidated by."""
    if folder is None:
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir() if p.name in TEMPLATE_NAMES))


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
        t={key: ascii_html(text) for key, text in table.items()},
        urls=SiteUrls(use_directory_urls),
        page_strings=lambda page: Markup(
            '<template data-ac-strings><script type="application/json">{}</script></template>'
        ).format(json_for_html(i18n.page_strings(language, page))),
    )
    return env


@dataclass(frozen=True)
class Marks:
    """How the site marks what its search index must leave out of a fragment.

    Engine-neutral templates say where such parts are; the site adapter says
    what marks them (for MkDocs with Material, the ``data-search-exclude``
    attribute, and placeholders that keep larger parts away from the search
    plugin entirely). A plain render marks nothing.

    Attributes:
        attribute: Printed inside the opening tag of each element to leave
            out, leading space included (``' data-search-exclude'``).
        opening: Printed before each larger part to leave out (a list of
            modules, a quiz's questions).
        closing: Printed after it.
    """

    attribute: str = ""
    opening: str = ""
    closing: str = ""

    def __post_init__(self) -> None:
        # Adapter text, not author text: printed as markup.
        for name in ("attribute", "opening", "closing"):
            object.__setattr__(self, name, Markup(getattr(self, name)))


class Renderer:
    """Renders fragments for one academy in one language."""

    def __init__(
        self,
        academy: Academy,
        language: str = "en",
        urls: SiteUrls | None = None,
        templates_dir: Path | None = None,
        xapi: str = "",
        marks: Marks | None = None,
    ) -> None:
        self.academy = academy
        self.xapi = xapi
        self.marks = marks or Marks()
        self.t: Mapping[str, str] = i18n.strings(language)
        self.urls = urls or SiteUrls()
        self.env = _environment(language, self.urls.use_directory_urls, templates_dir)

    def _render(self, template: str, **context: Any) -> str:
        html = self.env.get_template(template).render(
            academy_module=self.academy.module, marks=self.marks, **context
        )
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
            # What the ending card shows as the best route (the same walk as the maximum).
            "best": [[step, choice] for step, choice in scenario.best_route() if choice >= 0],
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

    def module_header(self, module: Module, base: str, facts: str | None = None) -> str:
        """The module's summary, facts and objectives.

        ``facts`` replaces the summary and facts (``module_facts``) with the
        given HTML: a site that adds them to the page after its search index
        has read it passes a placeholder, as the index leaves them out anyway.
        """
        if facts is not None:
            return self._render("module_header.html", m=module, facts=Markup(facts))
        return self._render("module_header.html", **self._facts_context(module, base))

    def module_facts(self, module: Module, base: str) -> str:
        """The module's summary and facts: level, duration, prerequisites, paths."""
        return self._render("module_facts.html", **self._facts_context(module, base))

    def _facts_context(self, module: Module, base: str) -> dict[str, Any]:
        return {
            "m": module,
            "base": base,
            "prerequisites": [(p, self.academy.module(p)) for p in module.prerequisites],
            "paths": self.academy.paths_of(module.id),
        }

    def path_nav(self, module: Module, base: str) -> str:
        """Previous/next links for every path that includes ``module``."""
        module_of = self.academy.module
        navs = [
            (
                place.path,
                module_of(place.previous) if place.previous else None,
                module_of(place.next) if place.next else None,
            )
            for place in self.academy.places(module.id)
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


def problems_page(problems: Sequence[Problem], language: str = "en") -> str:
    """The problems that keep the academy from being built, as HTML for a
    preview (``mkdocs serve`` shows it at every address until they are fixed)."""
    env = _environment(language, True, None)
    table = i18n.strings(language)
    errors = [p for p in problems if p.severity is Severity.ERROR] or list(problems)
    heading = (
        table["problems_title_one"]
        if len(errors) == 1
        else table["problems_title_other"].format(n=len(errors))
    )
    # Bidi overrides and control characters shown as escapes, as in the terminal.
    shown = [
        replace(p, file=visible(p.file), message=visible(p.message), hint=visible(p.hint)) for p in problems
    ]
    return env.get_template("problems.html").render(problems=shown, heading=heading, marks=Marks())
