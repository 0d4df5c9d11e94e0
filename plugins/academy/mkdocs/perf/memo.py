"""Page parts for one build, each rendered once per change of what it shows.

Under ``mkdocs serve`` every edit rebuilds every page. Rendering a module's
header or a path page again is wasted work unless something it shows has
changed, so each part is memoised on a key naming what it shows. No page
part shows a module's body (the body is the page's own Markdown), so the keys
use hashes that ignore bodies: a widget's key is its module's ``Loaded.head``,
and a part that shows several files (a header with prerequisite titles, a
path page) uses ``Result.shape``, which hashes every head. Editing a body,
the common edit, then re-renders no part at all; any other edit re-renders
the parts of every page, which is still only a few milliseconds each. The
files for machines that do show bodies (a module's Markdown export, its
section of ``llms-full.txt``) follow the file's bytes, ``Loaded.digest``. Memo
entries not used by a build are dropped at the end of it, so memory follows
the academy's size.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Hashable, Mapping

from academy.core.engine import Result
from academy.core.model import LearningPath, Module, Quiz
from academy.core.workers import can_fork
from academy.mkdocs.perf.ahead import Ahead
from academy.outputs.catalog import catalog, catalog_json
from academy.outputs.export import AssetLinks, module_markdown
from academy.outputs.jsonld import JSONLD_OPEN, jsonld_module, jsonld_path
from academy.outputs.llms import llms_full_txt, llms_txt
from academy.render.html import Renderer


class PageParts:
    """Memoised fragments of the generated pages, for one plugin instance."""

    def __init__(self) -> None:
        self._previous: dict[Hashable, str] = {}
        self._current: dict[Hashable, str] = {}
        self.renderer: Renderer | None = None
        self.result: Result | None = None
        self._generation: Hashable = None
        self._shape = ""
        self.site_url = ""
        self.language = "en"
        self._ahead: Ahead[dict[Hashable, str]] | None = None
        self.ahead_used = 0

    def start(
        self,
        renderer: Renderer,
        result: Result,
        generation: Hashable,
        site_url: str = "",
        language: str = "en",
    ) -> None:
        """Begin a build. ``generation`` names what every fragment depends on
        beyond the content (language, URL style, site address); a change
        drops the memo."""
        self.site_url, self.language = site_url, language
        if generation != self._generation:
            self._previous, self._current = {}, {}
            self._generation = generation
        self.renderer, self.result = renderer, result
        self._shape = result.shape

    def finish(self) -> None:
        """End a build: keep only what this build used."""
        self.cancel_ahead()
        self._previous, self._current = self._current, {}

    def render_ahead(self, work: Callable[[], object]) -> bool:
        """Make parts in a forked child while the caller goes on with other work.

        ``work`` asks this object for parts. The child runs it and sends back
        every part it made; the first request here for one of them
        (the methods marked so) waits for the child and takes them all. Only
        for a fresh, single-threaded build: a rebuild takes its parts from the
        memo instead. Returns whether a child was started.
        """
        if self._ahead is not None or not can_fork():
            return False

        def child() -> dict[Hashable, str]:
            self._current = {}
            work()
            return self._current

        self._ahead = Ahead(child)
        return True

    def cancel_ahead(self) -> None:
        if self._ahead is not None:
            self._ahead.cancel()
            self._ahead = None

    def _digest(self, file: str) -> str:
        assert self.result is not None
        loaded = self.result.loaded.get(file)
        return loaded.digest if loaded is not None else ""

    def _head(self, file: str) -> str:
        assert self.result is not None
        loaded = self.result.loaded.get(file)
        return loaded.head if loaded is not None else ""

    def _memo(self, key: Hashable, render: Callable[[], str], ahead: bool = False) -> str:
        """The part named ``key``, rendered only if no build has it. A part
        that ``render_ahead`` makes (``ahead``) is awaited from the child."""
        html = self._current.get(key)
        if html is None:
            html = self._previous.get(key)
            if html is None and ahead and self._ahead is not None:
                self._take_ahead()
                html = self._previous.get(key)
            if html is None:
                html = render()
            self._current[key] = html
        return html

    def _take_ahead(self) -> None:
        assert self._ahead is not None
        made, self._ahead = self._ahead.result(), None
        if made:  # if the child failed, every part is rendered here as usual
            self.ahead_used = len(made)
            for key, html in made.items():
                self._previous.setdefault(key, html)

    @property
    def _r(self) -> Renderer:
        assert self.renderer is not None
        return self.renderer

    # --- module pages -------------------------------------------------------------

    def question(self, module: Module, check_id: str) -> str:
        check = module.check(check_id)
        assert check is not None
        return self._memo(
            ("check", module.id, check_id, self._head(module.file)),
            lambda: self._r.question(module.id, check),
            ahead=True,
        )

    def scenario(self, module: Module, scenario_id: str) -> str:
        scenario = module.scenario(scenario_id)
        assert scenario is not None
        return self._memo(
            ("scenario", module.id, scenario_id, self._head(module.file)),
            lambda: self._r.scenario(module, scenario),
            ahead=True,
        )

    def module_header(self, module: Module, facts: str) -> str:
        """The header with ``facts`` (a placeholder) in place of ``module_facts``."""
        key = ("header", module.id, facts, self._head(module.file))
        return self._memo(key, lambda: self._r.module_header(module, "", facts=facts))

    def module_facts(self, module: Module, base: str) -> str:
        key = ("facts", module.id, base, self._shape)
        return self._memo(key, lambda: self._r.module_facts(module, base), ahead=True)

    def path_nav(self, module: Module, base: str) -> str:
        return self._memo(
            ("nav", module.id, base, self._shape), lambda: self._r.path_nav(module, base), ahead=True
        )

    # --- path, quiz, certificate and site pages ---------------------------------------

    def path_page(self, lp: LearningPath, base: str) -> str:
        return self._memo(("path", lp.id, base, self._shape), lambda: self._r.path_page(lp, base))

    def certificate_page(self, lp: LearningPath, base: str) -> str:
        return self._memo(
            ("certificate", lp.id, base, self._shape), lambda: self._r.certificate_page(lp, base)
        )

    def quiz_page(self, quiz: Quiz, base: str) -> str:
        return self._memo(("quiz", quiz.id, base, self._shape), lambda: self._r.quiz_page(quiz, base))

    def progress_page(self, base: str) -> str:
        return self._memo(("progress", base, self._shape), lambda: self._r.progress_page(base))

    def review_page(self) -> str:
        return self._memo(("review",), self._r.review_page)

    def role_cards(self, base: str) -> str:
        return self._memo(("cards", base, self._shape), lambda: self._r.role_cards(base))

    # --- for machines: JSON-LD and Markdown exports ----------------------------------

    def jsonld(self, item: Module | LearningPath) -> str:
        """The page's schema.org JSON-LD in its ``<script>`` element; it names
        the paths, so it follows the shape."""
        assert self.result is not None
        academy, urls = self.result.academy, self._r.urls

        def script(data: str) -> str:
            return f"{JSONLD_OPEN}{data}</script>"

        if isinstance(item, Module):
            return self._memo(
                ("jsonld", "module", item.id, self._shape),
                lambda: script(jsonld_module(item, academy, urls, self.site_url, self.language)),
                ahead=True,
            )
        return self._memo(
            ("jsonld", "path", item.id, self._shape),
            lambda: script(jsonld_path(item, academy, urls, self.site_url, self.language)),
        )

    def export(self, module: Module, assets: Mapping[tuple[int, int], tuple[str, str, bool]] | None) -> str:
        """A module's Markdown export; it shows the body, so it follows the file's bytes."""
        assert self.result is not None
        academy, urls = self.result.academy, self._r.urls
        return self._memo(
            ("export", module.id, self._digest(module.file), self._shape),
            lambda: module_markdown(module, academy, urls, self.site_url, assets=assets),
            ahead=True,
        )

    def catalog(self, site_name: str, built: _dt.date | _dt.datetime) -> str:
        """``catalog.json``: front matter only, so it follows the shape."""
        assert self.result is not None
        academy, urls = self.result.academy, self._r.urls
        return self._memo(
            ("catalog", site_name, built, self._shape),
            lambda: catalog_json(
                catalog(academy, urls, site_name=site_name, site_url=self.site_url, built=built)
            ),
        )

    def llms_txt(self, site_name: str, summary: str) -> str:
        """``llms.txt``: titles and summaries only, so it follows the shape."""
        assert self.result is not None
        academy, urls = self.result.academy, self._r.urls
        return self._memo(
            ("llms", site_name, summary, self._shape),
            lambda: llms_txt(
                academy, urls, site_name=site_name, site_summary=summary, site_url=self.site_url
            ),
        )

    def llms_full(self, site_name: str, summary: str, assets: Mapping[str, AssetLinks]) -> str:
        """``llms-full.txt``, kept per module: an edit remakes one section, and
        the file is made again only when some module's bytes changed."""
        assert self.result is not None
        academy, urls, site_url = self.result.academy, self._r.urls, self.site_url

        def section(module: Module) -> str:
            if site_url:  # links are absolute: the section is the export itself
                return self.export(module, assets.get(module.id))
            return self._memo(
                ("full", module.id, self._digest(module.file), self._shape),
                lambda: module_markdown(module, academy, urls, "", assets=assets.get(module.id), root=True),
                ahead=True,
            )

        # Every section is looked up, even when the file is not made again,
        # so that the memo keeps them for the next edit.
        sections = {m.id: section(m) for m in academy.modules}
        digests = tuple(self._digest(m.file) for m in academy.modules)
        return self._memo(
            ("llms-full", site_name, summary, self._shape, digests),
            lambda: llms_full_txt(
                academy,
                urls,
                site_name=site_name,
                site_summary=summary,
                site_url=site_url,
                section=lambda m: sections[m.id],
            ),
            ahead=True,
        )
