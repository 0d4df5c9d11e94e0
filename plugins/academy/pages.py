"""Page parts for one build, each rendered once per change of what it shows.

Under ``mkdocs serve`` every edit rebuilds every page. Rendering a module's
header or a path page again is wasted work unless something it shows has
changed, so each part here is memoised on a *signature*: the content hashes
of exactly the files it draws from (a module header depends on its module,
its prerequisites' titles and the paths that include it). One edit then
re-renders only the parts that show that file. Memo entries not used by a
build are dropped at the end of it, so memory follows the academy's size.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from .engine import Result
from .model import LearningPath, Module, Quiz
from .render import Renderer


class PageParts:
    """Memoised fragments of the generated pages, for one plugin instance."""

    def __init__(self) -> None:
        self._previous: dict[Hashable, str] = {}
        self._current: dict[Hashable, str] = {}
        self.renderer: Renderer | None = None
        self.result: Result | None = None
        self._generation: Hashable = None
        self._paths_of: dict[str, list[LearningPath]] = {}
        self._positions: dict[str, dict[str, int]] = {}

    def start(self, renderer: Renderer, result: Result, generation: Hashable) -> None:
        """Begin a build. ``generation`` names what every fragment depends on
        beyond the content (language, URL style); a change drops the memo."""
        if generation != self._generation:
            self._previous, self._current = {}, {}
            self._generation = generation
        self.renderer, self.result = renderer, result
        self._paths_of = {}
        self._positions = {}
        for lp in result.academy.paths:
            self._positions[lp.id] = {m: i for i, m in enumerate(lp.module_ids)}
            for module_id in dict.fromkeys(lp.module_ids):
                self._paths_of.setdefault(module_id, []).append(lp)

    def finish(self) -> None:
        """End a build: keep only what this build used."""
        self._previous, self._current = self._current, {}

    def _digest(self, file: str) -> str:
        assert self.result is not None
        loaded = self.result.loaded.get(file)
        return loaded.digest if loaded is not None else ""

    def _module_digest(self, module_id: str) -> str:
        assert self.result is not None
        module = self.result.academy.module(module_id)
        return self._digest(module.file) if module is not None else module_id

    def _shown(self, module_id: str) -> tuple[Any, ...]:
        """What other pages show of a module: not its body, so editing the
        body re-renders only the module's own page."""
        assert self.result is not None
        m = self.result.academy.module(module_id)
        return (module_id,) if m is None else (module_id, m.title, m.level, m.duration, m.prerequisites)

    def _memo(self, key: Hashable, render: Callable[[], str]) -> str:
        html = self._current.get(key)
        if html is None:
            html = self._previous.get(key)
            if html is None:
                html = render()
            self._current[key] = html
        return html

    @property
    def _r(self) -> Renderer:
        assert self.renderer is not None
        return self.renderer

    # --- module pages -------------------------------------------------------------

    def paths_of(self, module_id: str) -> list[LearningPath]:
        return self._paths_of.get(module_id, [])

    def question(self, module: Module, check_id: str) -> str:
        check = module.check(check_id)
        assert check is not None
        return self._memo(
            ("check", module.id, check_id, self._digest(module.file)),
            lambda: self._r.question(module.id, check),
        )

    def scenario(self, module: Module, scenario_id: str) -> str:
        scenario = module.scenario(scenario_id)
        assert scenario is not None
        return self._memo(
            ("scenario", module.id, scenario_id, self._digest(module.file)),
            lambda: self._r.scenario(module, scenario),
        )

    def module_header(self, module: Module, base: str) -> str:
        key = (
            "header",
            module.id,
            base,
            self._digest(module.file),
            tuple(self._shown(p) for p in module.prerequisites),
            tuple(self._digest(lp.file) for lp in self.paths_of(module.id)),
        )
        return self._memo(key, lambda: self._r.module_header(module, base, self.paths_of(module.id)))

    def path_nav(self, module: Module, base: str) -> str:
        neighbours = []
        for lp in self.paths_of(module.id):
            ids = lp.module_ids
            at = self._positions[lp.id][module.id]
            prev = ids[at - 1] if at > 0 else ""
            nxt = ids[at + 1] if at + 1 < len(ids) else ""
            neighbours.append((lp, prev, nxt))
        key = (
            "nav",
            module.id,
            base,
            tuple(
                (
                    self._digest(lp.file),
                    p,
                    self._module_digest(p) if p else "",
                    n,
                    self._module_digest(n) if n else "",
                )
                for lp, p, n in neighbours
            ),
        )
        return self._memo(key, lambda: self._r.path_nav(module, base, neighbours))

    # --- path, quiz, certificate and site pages ---------------------------------------

    def _path_inputs(self, lp: LearningPath) -> tuple[Any, ...]:
        assert self.result is not None
        academy = self.result.academy
        modules = [academy.module(m) for m in lp.module_ids]
        prerequisites = {p for m in modules if m is not None for p in m.prerequisites}
        quizzes = [s.assessment for s in lp.stages if s.assessment] + ([lp.placement] if lp.placement else [])
        return (
            self._digest(lp.file),
            tuple(self._shown(m) for m in lp.module_ids),
            tuple(sorted(self._shown(p) for p in prerequisites)),
            tuple(self._digest(q.file) for q in (academy.quiz(i) for i in quizzes) if q is not None),
            tuple(self._digest(r.file) for r in (academy.path(i) for i in lp.requires) if r is not None),
        )

    def path_page(self, lp: LearningPath, base: str) -> str:
        return self._memo(("path", lp.id, base, self._path_inputs(lp)), lambda: self._r.path_page(lp, base))

    def certificate_page(self, lp: LearningPath, base: str) -> str:
        return self._memo(
            ("certificate", lp.id, base, self._path_inputs(lp)), lambda: self._r.certificate_page(lp, base)
        )

    def quiz_page(self, quiz: Quiz, base: str) -> str:
        assert self.result is not None
        academy = self.result.academy
        referenced = sorted({q.module for q in quiz.questions if q.module})
        paths = [
            p
            for p in academy.paths
            if p.placement == quiz.id or any(s.assessment == quiz.id for s in p.stages)
        ]
        key = (
            "quiz",
            quiz.id,
            base,
            self._digest(quiz.file),
            tuple(self._quiz_modules(m) for m in referenced),
            tuple(self._digest(p.file) for p in paths),
        )
        return self._memo(key, lambda: self._r.quiz_page(quiz, base))

    def _quiz_modules(self, module_id: str) -> tuple[Any, ...]:
        assert self.result is not None
        m = self.result.academy.module(module_id)
        return (module_id,) if m is None else (module_id, m.title, m.objectives)

    def progress_page(self, base: str) -> str:
        assert self.result is not None
        key = ("progress", base, tuple((m.id, m.title) for m in self.result.academy.modules))
        return self._memo(key, lambda: self._r.progress_page(base))

    def review_page(self) -> str:
        return self._memo(("review",), self._r.review_page)

    def role_cards(self, base: str) -> str:
        assert self.result is not None
        key = ("cards", base, tuple(self._path_inputs(lp)[:2] for lp in self.result.academy.paths))
        return self._memo(key, lambda: self._r.role_cards(base))
