"""MkDocs adapter: validate first, then generate module, path and quiz pages.

All knowledge lives in the engine (load, validate, model) and the renderer;
this file only maps them onto MkDocs events:

* ``on_config`` runs the whole check *before* MkDocs cleans ``site_dir``. Any
  error stops the build there, so a broken module never damages the last
  good site. Warnings go through the plugin logger, so ``--strict`` counts them.
* ``on_files`` adds one generated page per module, path and quiz bank, plus
  the published JSON Schemas and the runtime assets.
* ``on_page_markdown`` / ``on_page_content`` fill those pages.
* ``on_serve`` watches the source folders, and the load cache (kept across
  rebuilds because the plugin defines ``on_startup``) makes an edit reload only
  the file that changed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import gc
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import url_filter

from academy.client.runtime import runtime_script, runtime_styles
from academy.client.xapi import sender_script
from academy.core.body_refs import published_name, references_in, resolve
from academy.core.engine import Result, run
from academy.core.loader import LoadCache
from academy.core.markers import placed
from academy.core.model import LearningPath, Module, Quiz
from academy.core.problems import Severity, format_problem, plural
from academy.core.schemas import KINDS
from academy.core.settings import Settings, SettingsError
from academy.mkdocs import csp
from academy.mkdocs.perf.memo import PageParts
from academy.mkdocs.perf.slots import fill, lift, slot
from academy.mkdocs.perf.timing import HookTimes
from academy.mkdocs.sitefiles import LateFile, PageFile, always_modified, mtime
from academy.mkdocs.theme import HEAD_VARIABLE, HeadTemplates
from academy.outputs.common import CATALOG_URL, LLMS_FULL_URL, LLMS_URL, build_time, markdown_url
from academy.outputs.jsonld import JSONLD_OPEN
from academy.render import i18n
from academy.render.html import Renderer
from academy.render.markdown_ext import AcademyMarkers
from academy.render.urls import SiteUrls

log = get_plugin_logger(__name__)

STYLES = "assets/academy/academy.css"
SCRIPT = "assets/academy/academy.js"
PROGRESS_PAGE = "progress.md"
REVIEW_PAGE = "review.md"
ROLE_CARDS_PLACEHOLDER = "<!-- academy:role-cards -->"
FACTS_SLOT, PATHNAV_SLOT, APPENDIX_SLOT = slot("facts"), slot("pathnav"), slot("appendix")
#: Fewer modules than this are rendered faster in-process than by forking.
AHEAD_MIN = 50


class AcademyConfig(base.Config):
    """Options of the ``academy`` plugin in ``mkdocs.yml``."""

    modules_dir = c.Type(str, default="modules")
    """Folder of Markdown modules, relative to mkdocs.yml."""
    paths_dir = c.Type(str, default="paths")
    """Folder of learning paths (YAML), relative to mkdocs.yml."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder of quiz banks (YAML), relative to mkdocs.yml."""
    severity = c.Type(dict, default={})
    """Severity per rule family or code: `error`, `warning` or `ignore`."""
    today = c.Optional(c.Type((str, _dt.date)))
    """Date for stale-review checks (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today."""
    raw_html = c.Choice(("allow", "warn", "error"), default="allow")
    """Raw HTML that runs code in module bodies (`<script>`, `on*=`, `javascript:`): allow, warn or error."""
    xapi = c.Optional(c.Type(dict))
    """Send xAPI statements to a learning record store: endpoint, auth, actor, activity_base. Off when unset."""


@dataclass(frozen=True, slots=True)
class _ModulePlan:
    """A module page's fixed pieces, for one version of the module and of
    what other files show on its page (``Result.shape``).

    Under ``mkdocs serve`` every page is rebuilt after every edit, and most
    modules have not changed: their pages then take every piece from here.
    The pieces added after the search index has read the page (facts, path
    navigation, widgets, JSON-LD) come from ``PageParts``, which may have
    had them rendered ahead on another core.

    Attributes:
        module: The version these pieces were made from.
        shape: The ``Result.shape`` they were made for.
        base: The page's relative path back to the site root.
        title: The title, escaped for MkDocs, which treats titles as HTML.
        checks: Ids of its checks, which placement markers may name.
        scenarios: Ids of its scenarios.
        appendix: A heading and one placeholder for the widgets the body
            does not place, to follow the body, or nothing.
        unplaced: Those widgets, as ``(kind, id)``.
        description: The summary on one line, escaped, for ``<meta name="description">``.
        header: The page's level-1 heading and module header, before the
            body, with a placeholder for the facts.
    """

    module: Module
    shape: str
    base: str
    title: str
    checks: frozenset[str]
    scenarios: frozenset[str]
    appendix: str
    unplaced: tuple[tuple[str, str], ...]
    description: str
    header: str


def _unindexed_appendix_heading(html: str) -> str:
    """``html`` with the heading over the appendix's widgets left out of search.

    Every module with widgets its body does not place has one, over a section
    whose widgets search leaves out: indexed, it would be a thousand empty
    results for "check". Material drops the attribute from the page once it
    has read it, so the page itself is unchanged.
    """
    at = html.rfind(APPENDIX_SLOT)
    start = html.rfind("<h2", 0, at) if at >= 0 else -1
    end = html.find("</h2>", start, at) if start >= 0 else -1
    if end < 0 or html[end + len("</h2>") : at].strip():
        return html
    return html[: start + 3] + ' data-search-exclude="true"' + html[start + 3 :]


class AcademyPlugin(BasePlugin[AcademyConfig]):
    """Validates the academy and generates its pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.times = HookTimes()
        for name in dir(self):
            if name.startswith("on_"):
                setattr(self, name, self.times.wrap(name, getattr(self, name)))
        self.cache = LoadCache()
        self.result: Result | None = None
        self.renderer: Renderer | None = None
        self.settings: Settings | None = None
        self.markers = AcademyMarkers()
        self.scripts = csp.InlineScripts()
        self.templates = HeadTemplates(None)
        self.scan_pages = True
        self.asset_links: dict[str, dict[tuple[int, int], tuple[str, str, bool]]] = {}
        self.slots: dict[str, list[tuple[str, str]]] = {}
        self.lifted: dict[str, dict[str, str]] = {}  # generated pages' parts search leaves out
        self._files_before: dict[str, tuple[object, tuple[str, bool], File]] = {}
        self._files_now: dict[str, tuple[object, tuple[str, bool], File]] = {}
        self.descriptions: dict[str, str] = {}
        self.built = build_time()
        self.plans: dict[str, _ModulePlan] = {}
        self.late: dict[str, tuple[_ModulePlan, Markup, dict[str, str]]] = {}
        self.generation: tuple[Any, ...] = ()
        self.parts = PageParts()
        self.serving = False
        self.dirty = False
        self.unchanged = False  # see on_files
        self._sight: tuple[Any, ...] = ()
        self._titles: dict[str, str | None] = {}  # the author's pages, as last built (dirty builds)
        self.pages: dict[str, tuple[str, Module | LearningPath | Quiz | None]] = {}
        self.language = "en"
        self.urls = SiteUrls()

    # Defining on_startup makes MkDocs keep this instance across `serve`
    # rebuilds, which is what lets the load cache skip unchanged files.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.cache = LoadCache()
        self.serving = command == "serve"
        self.dirty = dirty
        # One build date per process: a live preview's catalog says when serve started.
        self.built = build_time()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        content_dir = os.path.relpath(config.docs_dir, root)
        try:
            self.settings = Settings.from_options(root, dict(self.config), content_dir=content_dir)
        except SettingsError as exc:
            raise PluginError(str(exc)) from None
        result = run(self.settings, self.cache)
        for p in result.problems:
            (log.error if p.severity is Severity.ERROR else log.warning)(format_problem(p, severity=False))
        if result.errors or (config.strict and result.warnings):
            # Under --strict our warnings are known now, so fail before MkDocs
            # cleans site_dir rather than after it has rewritten it.
            raise PluginError(
                f"academy: {plural(len(result.errors), 'error')}, {plural(len(result.warnings), 'warning')} "
                f"in {plural(len(result.files), 'file')}{' (strict mode)' if not result.errors else ''}; "
                f"the site was not built and {config.site_dir} is untouched."
            )
        self.result = result
        self.urls = SiteUrls(config.use_directory_urls)
        language = config.theme.get("language") or "en"
        xapi = self.settings.xapi.actor if self.settings.xapi else ""
        self.renderer = Renderer(result.academy, language, self.urls, xapi=xapi)
        site_url = config.site_url or ""
        generation = (language, config.use_directory_urls, xapi, site_url)
        self.parts.start(self.renderer, result, generation, site_url, language)
        if generation != self.generation:  # what every page shows has changed
            self.plans, self.late = {}, {}
            self.generation = generation
        self.strings = i18n.strings(language)
        self.objectives_label = str(escape(self.strings["objectives"]))
        if self.markers not in config.markdown_extensions:
            config.markdown_extensions.append(self.markers)
        if STYLES not in config.extra_css:
            config.extra_css.append(STYLES)
        # Material renders `extra.polyfills` first in <head>, before its own
        # inline scripts: the runtime's storage guard must run before them.
        polyfills = list(config.extra.get("polyfills") or [])
        if SCRIPT not in polyfills:
            config.extra["polyfills"] = [SCRIPT, *polyfills]
        self.language = language
        return config

    # --- files and navigation ---------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.result is not None
        self.scripts = csp.InlineScripts()
        self._files_before, self._files_now = self._files_now, {}
        # What every page may show: in a dirty rebuild (`mkdocs serve --dirty`)
        # an unchanged page is skipped only while this is as it was last time.
        sight = (self.result.shape, self.generation, mtime(config.config_file_path))
        self.unchanged = self.dirty and sight == self._sight
        self._sight = sight
        if self.dirty and not self.unchanged:
            # The author's pages show the academy too (the home page's role
            # cards): rebuild them all, whatever their own files' times say.
            for file in files.documentation_pages():
                file.is_modified = always_modified  # type: ignore[method-assign]
        academy = self.result.academy
        self.pages = {}
        self.descriptions = {}
        # The author's own pages, listed before ours join: with thousands of
        # modules, filtering them out again afterwards costs more.
        authored = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav()]
        for module in academy.modules:
            self._add_page(files, config, "modules", module)
        for lp in academy.paths:
            self._add_page(files, config, "paths", lp)
        for quiz in academy.quizzes:
            self._add_page(files, config, "quizzes", quiz, InclusionLevel.NOT_IN_NAV)
        package = resources.files("academy.core.schemas")
        for src, section in ((PROGRESS_PAGE, "progress"), (REVIEW_PAGE, "review")):
            files.append(
                self._kept(
                    config, src, section, lambda src=src: PageFile.generated(config, src, content="\n")
                )
            )  # type: ignore[misc]
            self.pages[src] = (section, None)
        self._publish_assets(files, config)
        for lp in academy.paths:
            if lp.certificate_title:
                src = f"paths/{lp.id}/certificate.md"
                files.append(
                    self._kept(
                        config,
                        src,
                        lp,
                        lambda src=src: PageFile.generated(  # type: ignore[misc]
                            config, src, content="\n", inclusion=InclusionLevel.NOT_IN_NAV
                        ),
                    )
                )
                self.pages[src] = ("certificate", lp)
        files.append(File.generated(config, STYLES, content=runtime_styles()))
        review_url = "review/" if config.use_directory_urls else "review.html"
        addon = ""
        if self.settings is not None and self.settings.xapi is not None:
            patterns = {
                "module": self.urls.module("{id}"),
                "path": self.urls.path("{id}"),
                "quiz": self.urls.quiz("{id}"),
            }
            addon = sender_script(self.settings.xapi, patterns)
        files.append(File.generated(config, SCRIPT, content=runtime_script(self.language, review_url, addon)))
        for kind in (*KINDS, "catalog"):
            with resources.as_file(package.joinpath(f"{kind}.schema.json")) as path:
                files.append(File.generated(config, f"schemas/{kind}.schema.json", abs_src_path=str(path)))
        self._add_machine_files(files, config)
        self._arrange_nav(authored, config)
        self._render_ahead(config)
        if not self.serving:
            # A build's process ends with the build, and what is loaded by now
            # (the academy, MkDocs' configuration and files) lives to its end.
            # Frozen, it is out of the collector's reach: the full collections
            # that rendering a thousand pages triggers no longer walk it each
            # time (they took 0.2 s at 1,000 modules). Not under serve, whose
            # rebuilds replace what is loaded; and only until the build ends
            # (on_post_build), for hosts that build more than once.
            gc.freeze()
        return files

    def _add_machine_files(self, files: Files, config: MkDocsConfig) -> None:
        """``catalog.json``, ``llms.txt``, ``llms-full.txt`` and a Markdown export per module.

        Handed to MkDocs as files, so that it writes them with the rest of the
        site and other plugins see them. Under ``mkdocs serve`` each text is
        the memoised one of the last rebuild unless what it shows changed.
        The texts that show module bodies are made when MkDocs writes them,
        which lets a build render them ahead on another core.
        """
        assert self.result is not None
        parts, name, summary = self.parts, config.site_name, config.site_description or ""
        links = self.asset_links
        texts: dict[str, Callable[[], str]] = {
            CATALOG_URL: lambda: parts.catalog(name, self.built),
            LLMS_URL: lambda: parts.llms_txt(name, summary),
            LLMS_FULL_URL: lambda: parts.llms_full(name, summary, links),
        }
        for dest, text in texts.items():
            if dest in files.src_uris:
                raise PluginError(
                    f"academy: {config.docs_dir}/{dest} collides with the {dest} the academy generates; rename or remove it."
                )
            files.append(LateFile(config, dest, text))
        for module in self.result.academy.modules:
            dest = markdown_url(module.id)
            # The export's address is the module page's source path, so it
            # takes another source name and keeps its address as destination.
            text = functools.partial(parts.export, module, links.get(module.id))
            export = self._kept(
                config,
                dest + ".export",
                module,
                functools.partial(LateFile, config, dest + ".export", text, dest_uri=dest),
            )
            assert isinstance(export, LateFile)
            export.remake(text)  # the export shows the shape too, which may have changed
            files.append(export)

    def _kept(self, config: MkDocsConfig, src: str, version: object, make: Callable[[], File]) -> File:
        """The generated file ``make()`` returns, or the one the last
        rebuild made from the same ``version`` of its source.

        Under ``mkdocs serve`` every rebuild asks for a file per module,
        and making a ``File`` costs more than every other step for an
        unchanged module put together.
        """
        stamp = (config.site_dir, config.use_directory_urls)
        kept = self._files_before.get(src)
        if kept is not None and kept[0] is version and kept[1] == stamp:
            file = kept[2]
            # MkDocs gives a file a new Page each build only if it has none.
            file.page = None
            if isinstance(file, PageFile):
                file.unchanged = self.unchanged
        else:
            file = make()
        self._files_now[src] = (version, stamp, file)
        return file

    def _render_ahead(self, config: MkDocsConfig) -> None:
        """Start rendering, on the second core, the parts pages will need
        after MkDocs has read them all: widgets, facts, path navigation,
        JSON-LD, exports and ``llms-full.txt``.

        Only for a fresh build of a sizeable academy: under ``mkdocs serve``
        the memo already holds them, and for a few modules a fork costs more
        than it saves.
        """
        assert self.result is not None
        modules = self.result.academy.modules
        if self.serving or len(modules) < AHEAD_MIN:
            return
        parts, urls, links = self.parts, self.urls, self.asset_links
        name, summary = config.site_name, config.site_description or ""

        def work() -> None:
            for module in modules:
                base = urls.base_of(urls.module(module.id))
                for check in module.checks:
                    parts.question(module, check.id)
                for scenario in module.scenarios:
                    parts.scenario(module, scenario.id)
                parts.module_facts(module, base)
                parts.path_nav(module, base)
                parts.jsonld(module)
            for module in modules:
                parts.export(module, links.get(module.id))
            parts.llms_full(name, summary, links)

        parts.render_ahead(work)

    def _add_page(
        self,
        files: Files,
        config: MkDocsConfig,
        section: str,
        item: Module | LearningPath | Quiz,
        inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
    ) -> None:
        src = f"{section}/{item.id}.md"
        if src in files.src_uris:
            raise PluginError(
                f"academy: {config.docs_dir}/{src} collides with the generated page for {section[:-1]} `{item.id}`; rename or move it."
            )
        # The leading blank line stops MkDocs from reading a body that starts
        # with `---`, or with `Key: value` lines, as metadata of its own.
        body = item.body if isinstance(item, Module) else ""
        file = self._kept(
            config,
            src,
            item,
            lambda: PageFile.generated(config, src, content="\n" + body, inclusion=inclusion),
        )
        files.append(file)
        self.pages[src] = (section, item)

    def _publish_assets(self, files: Files, config: MkDocsConfig) -> None:
        """Publish files that module bodies reference, and remember the links.

        Validation has already refused references that leave the project or
        name missing files, so every reference resolved here is safe to copy.
        """
        assert self.result is not None and self.settings is not None
        root = self.settings.root
        self.asset_links = {}
        published: set[str] = set()
        for module in self.result.academy.modules:
            links: dict[tuple[int, int], tuple[str, str, bool]] = {}
            for ref in references_in(module.body, module.body_line):
                found = resolve(ref, root / module.file, root)
                if found.path is None or ref.kind != "asset":
                    continue
                name = published_name(found.path, root)
                if name not in published:
                    published.add(name)
                    files.append(File.generated(config, name, abs_src_path=str(found.path)))
                parts = urlsplit(ref.target)
                suffix = ("?" + parts.query if parts.query else "") + (
                    "#" + parts.fragment if parts.fragment else ""
                )
                links[(ref.line, ref.column)] = (ref.target, name + suffix, ref.html)
            self.asset_links[module.id] = links

    def _rewrite_assets(self, module: Module, markdown: str, page_url: str) -> str:
        """Point the module's file references at their published copies.

        Markdown links are rewritten relative to the page's source path and
        MkDocs turns them into URLs (validating them on the way); raw HTML is
        left alone by MkDocs, so it gets the final page-relative URL.
        """
        links = self.asset_links.get(module.id)
        if not links:
            return markdown
        lines = markdown.split("\n")
        # MkDocs drops the blank line the generated page starts with, so the
        # Markdown here begins exactly at the module's body line.
        for (line, column), (old, name, html) in sorted(links.items(), reverse=True):
            new = get_relative_url(name, page_url) if html else "../" + name
            at = line - module.body_line
            text = lines[at]
            start = column - 1
            if text[start : start + len(old)] == old:
                lines[at] = text[:start] + new + text[start + len(old) :]
        return "\n".join(lines)

    def _arrange_nav(self, authored: list[str], config: MkDocsConfig) -> None:
        """Put paths first and modules grouped by source folder, after Home.

        With an explicit ``nav`` in mkdocs.yml the author decides; we only
        append the two sections when the nav does not mention them.
        """
        assert self.result is not None
        academy = self.result.academy
        modules_root = (self.settings.modules_dir if self.settings else "modules").rstrip("/") + "/"
        groups: dict[str, list[Module]] = {}
        for module in academy.modules:
            folder = (
                module.file[len(modules_root) :].rpartition("/")[0]
                if module.file.startswith(modules_root)
                else ""
            )
            groups.setdefault(folder, []).append(module)
        module_nav: list[Any] = []
        for folder in sorted(groups):
            entries = [
                f"modules/{m.id}.md" for m in sorted(groups[folder], key=lambda m: (m.title.casefold(), m.id))
            ]
            if folder:
                module_nav.append({folder.replace("/", " / ").replace("-", " ").capitalize(): entries})
            else:
                module_nav.extend(entries)
        path_nav = [f"paths/{p.id}.md" for p in academy.paths]
        sections: list[Any] = []
        if path_nav:
            sections.append({self.strings["learning_paths"]: path_nav})
        if module_nav:
            sections.append({self.strings["modules"]: module_nav})
        sections.append({self.strings["my_progress"]: PROGRESS_PAGE})
        sections.append({self.strings["review_title"]: REVIEW_PAGE})
        if config.nav is not None:
            mentioned = str(config.nav)
            config.nav = list(config.nav) + [
                s for s in sections if not any(e in mentioned for e in _entries(s))
            ]
            return
        from mkdocs.utils import nest_paths

        home = [p for p in authored if p in ("index.md", "README.md")]
        rest = nest_paths([p for p in authored if p not in home])
        config.nav = home + sections + rest

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.unchanged:
            # A dirty rebuild does not read the pages it skips, so the
            # navigation of the pages it rebuilds would show no titles for
            # them. Ours are known without reading anything; the author's
            # are remembered from when they were last built.
            for file in files.documentation_pages():
                page, entry = file.page, self.pages.get(file.src_uri)
                if page is None:
                    continue
                if entry is not None:
                    if getattr(file, "unchanged", False):
                        page.title = self._page_title(*entry)  # type: ignore[misc]
                elif file.src_uri in self._titles and not file.is_modified():
                    page.title = self._titles[file.src_uri]  # type: ignore[misc]
        return nav

    def _page_title(self, section: str, item: Module | LearningPath | Quiz | None) -> str:
        # MkDocs treats page titles as HTML (they come from rendered headings),
        # so a title from front matter must be escaped before it gets there.
        return str(escape(self._title(section, item)))

    # --- pages --------------------------------------------------------------------

    def _plan(self, module: Module, base: str) -> _ModulePlan:
        """What a module's page needs, worked out once per version of the
        module and of the academy's shape."""
        plan = self.plans.get(module.id)
        shape = self.result.shape if self.result is not None else ""
        if plan is not None and plan.module is module and plan.shape == shape and plan.base == base:
            return plan
        done = placed(module.body)
        unplaced = tuple(("check", c.id) for c in module.checks if ("check", c.id) not in done)
        unplaced += tuple(("scenario", s.id) for s in module.scenarios if ("scenario", s.id) not in done)
        # One placeholder for them all: a raw HTML block Markdown passes through.
        appendix = (
            f"\n\n## {self.strings['check_your_understanding']}\n\n{APPENDIX_SLOT}\n" if unplaced else ""
        )
        title = str(escape(module.title))
        plan = self.plans[module.id] = _ModulePlan(
            module,
            shape,
            base,
            title,
            frozenset(c.id for c in module.checks),
            frozenset(s.id for s in module.scenarios),
            appendix,
            unplaced,
            _description(module.summary),
            f'<h1 id="page-title">{title}</h1>' + self.parts.module_header(module, FACTS_SLOT),
        )
        return plan

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        entry = self.pages.get(page.file.src_uri)
        self.markers.resolve = None
        if entry is None:
            return markdown
        section, item = entry
        if section != "modules" or not isinstance(item, Module):
            page.title = self._page_title(section, item)  # type: ignore[misc]
            if isinstance(item, LearningPath) and section == "paths" and item.summary:
                self.descriptions[page.file.src_uri] = _description(item.summary)
            return markdown
        module = item
        plan = self._plan(module, self.urls.base_of(page.url))
        page.title = plan.title  # type: ignore[misc]
        # The summary describes the page to search engines and link previews;
        # the page shows it too, but keeps it out of the site's search index.
        self.descriptions[page.file.src_uri] = plan.description
        if self.asset_links.get(module.id):
            markdown = self._rewrite_assets(module, markdown, page.url)
        checks, scenarios = plan.checks, plan.scenarios
        slots = self.slots[page.file.src_uri] = []

        def resolve(kind: str, item_id: str) -> str | None:
            if (kind == "check" and item_id in checks) or (kind == "scenario" and item_id in scenarios):
                # A placeholder now, the widget once search has indexed the page (see slots.py).
                slots.append((kind, item_id))
                return slot(str(len(slots) - 1))
            return None

        self.markers.resolve = resolve
        return markdown.rstrip() + plan.appendix if plan.appendix else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.markers.resolve = None
        assert self.renderer is not None
        parts = self.parts
        if page.is_homepage:
            cards = parts.role_cards(self.urls.base_of(page.url))
            if ROLE_CARDS_PLACEHOLDER in html:
                return html.replace(ROLE_CARDS_PLACEHOLDER, cards, 1)
            return html + cards
        entry = self.pages.get(page.file.src_uri)
        if entry is None:
            return html
        section, item = entry
        base_url = self.urls.base_of(page.url)
        if isinstance(item, Module):
            if page.toc is not None:
                page.toc.items.insert(0, AnchorLink(self.objectives_label, "objectives", 2))
            plan = self._plan(item, base_url)
            if plan.unplaced:
                html = _unindexed_appendix_heading(html)
            return "".join((plan.header, html, PATHNAV_SLOT))
        heading = f'<h1 id="page-title">{escape(self._title(section, item))}</h1>'
        if section == "progress":
            content = parts.progress_page(base_url)
        elif section == "review":
            content = parts.review_page()
        elif section == "certificate" and isinstance(item, LearningPath):
            content = parts.certificate_page(item, base_url)
        elif isinstance(item, LearningPath):
            content = parts.path_page(item, base_url)
        else:
            assert isinstance(item, Quiz)
            content = parts.quiz_page(item, base_url)
        # What search leaves out joins the page after it is indexed (slots.py).
        content, lifted = lift(content)
        if lifted:
            self.lifted[page.file.src_uri] = lifted
        return heading + content

    def _title(self, section: str, item: Module | LearningPath | Quiz | None) -> str:
        if section == "progress":
            return self.strings["my_progress"]
        if section == "review":
            return self.strings["review_title"]
        assert item is not None
        if section == "certificate" and isinstance(item, LearningPath):
            return f"{self.strings['certificate']}: {item.certificate_title}"
        return item.title

    @event_priority(-100)  # after the search plugin has indexed page.content
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        # Only the page being rendered carries its description in `meta`:
        # Material's navigation looks up `meta.icon`, `meta.status` and more
        # on every page in the nav whose meta is not empty, each lookup a
        # failed attribute access, for every page rendered.
        description = self.descriptions.get(page.file.src_uri)
        if description:
            page.meta["description"] = description
        section, item = self.pages.get(page.file.src_uri, (None, None))
        if self.dirty and section is None:
            self._titles[page.file.src_uri] = page.title  # see on_nav
        # Data for search engines and agents, in <head> through the
        # `extrahead` block (see `on_env`): Material's instant navigation
        # re-creates scripts in the body without their type, which would
        # run it as code. A typed script in <head> is never run, so it
        # needs no room in the Content Security Policy.
        if isinstance(item, Module) and section == "modules":
            jsonld, filled = self._late(self._plan(item, self.urls.base_of(page.url)))
            context[HEAD_VARIABLE] = jsonld
            # The parts search leaves out join the page only now: Material's
            # search plugin has just indexed page.content (see slots.py).
            placed = self.slots.pop(page.file.src_uri, None)
            if placed:
                filled = {**filled, **{str(i): self._widget(item, *w) for i, w in enumerate(placed)}}
            if page.content:
                page.content = fill(page.content, filled)
        elif isinstance(item, LearningPath) and section == "paths":
            context[HEAD_VARIABLE] = Markup(self.parts.jsonld(item))
        lifted = self.lifted.pop(page.file.src_uri, None)
        if lifted and page.content:
            page.content = fill(page.content, lifted)
        if page.content and not self.serving:
            # Scripts in the page's own HTML (an author's raw HTML); the
            # theme's are handled as its templates load (see csp.py).
            page.content = self.scripts.externalise(
                page.content, lambda name: get_relative_url(name, page.url)
            )
        return context

    def _late(self, plan: _ModulePlan) -> tuple[Markup, dict[str, str]]:
        """A module page's JSON-LD, and the parts search leaves out that do not
        depend on the body's markers: facts, path navigation, the appendix's
        widgets. Made once per plan, at the first page that needs them (so
        after any rendering ahead has finished)."""
        late = self.late.get(plan.module.id)
        if late is not None and late[0] is plan:
            return late[1], late[2]
        module, parts = plan.module, self.parts
        filled = {
            "facts": parts.module_facts(module, plan.base),
            "pathnav": parts.path_nav(module, plan.base),
        }
        if plan.unplaced:
            filled["appendix"] = "\n".join(self._widget(module, *w) for w in plan.unplaced)
        jsonld = Markup(parts.jsonld(module))
        self.late[module.id] = (plan, jsonld, filled)
        return jsonld, filled

    def _widget(self, module: Module, kind: str, item_id: str) -> str:
        return (self.parts.question if kind == "check" else self.parts.scenario)(module, item_id)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        section, item = self.pages.get(page.file.src_uri, (None, None))
        if isinstance(item, Module | LearningPath) and section in ("modules", "paths"):
            # A theme without an `extrahead` block, or a page with a template
            # of its own, did not print the JSON-LD: add it before </head>.
            # Only then, as it copies the whole page.
            at = output.find("</head>")
            if at >= 0 and output.find(JSONLD_OPEN, 0, at) < 0:
                output = output[:at] + self.parts.jsonld(item) + "\n" + output[at:]
        if page.file.src_uri in self.descriptions:
            page.meta.pop("description", None)
        if self.serving or not (self.scan_pages or self.templates.kept_inline):
            # A live preview needs no Content Security Policy; and a build
            # has already moved every script of the templates and the pages'
            # content. Scanning each finished page again (hundreds of
            # kilobytes once the navigation lists thousands of modules) would
            # cost more than everything else this hook does.
            return output
        return self.scripts.externalise(output, lambda name: get_relative_url(name, page.url))

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Material prints `page.title | striptags` into <title> unescaped, and
        # striptags turns our escaped `&lt;/title&gt;` back into markup. An
        # escaping striptags keeps every title inert wherever it is used.
        env.filters["striptags"] = lambda value: escape(Markup(str(value)).striptags())
        if self.serving:  # a live preview needs no Content Security Policy
            env.loader = HeadTemplates(env.loader)
            return env

        @pass_context
        def inline_script(context: Any, code: str) -> Markup:
            return self.scripts.template_filter(code, lambda name: url_filter(context, name))

        env.filters[csp.FILTER] = inline_script
        env.loader = self.templates = HeadTemplates(env.loader, rewrite=csp.template_source)
        # Another plugin that edits finished pages before this plugin sees
        # them, or page content after this plugin has, may add inline scripts
        # no template shows: then every finished page is scanned, as it was
        # before templates were rewritten.
        self.scan_pages = self._others(config, "post_page", before=True) or self._others(
            config, "page_context", before=False
        )
        return env

    def _others(self, config: MkDocsConfig, event: str, *, before: bool) -> bool:
        """Whether another plugin handles ``event`` before (or after) this one."""
        handlers = config.plugins.events.get(event, [])

        def own(handler: Any) -> bool:
            bound = getattr(handler, "__wrapped__", handler)
            return getattr(bound, "__self__", None) is self

        mine = [i for i, handler in enumerate(handlers) if own(handler)]
        if not mine:
            return False
        others = handlers[: mine[0]] if before else handlers[mine[-1] + 1 :]
        return any(not own(handler) for handler in others)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if self.serving:
            return output_content
        # Static templates (404.html) are served from any depth: use absolute URLs.
        root = (urlsplit(config.site_url or "/").path or "/").rstrip("/") + "/"
        return self.scripts.externalise(output_content, lambda name: root + name)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.scripts.write(Path(config.site_dir))
        self.parts.finish()
        if not self.serving:
            gc.unfreeze()  # see on_files: the collector's business again once pages are done

    def on_build_error(self, *, error: Exception) -> None:
        self._sight = ()  # pages may not have been written: the next build writes them all
        if not self.serving:
            gc.unfreeze()
        # A failed build must not leave a child rendering parts nobody will take.
        self.parts.cancel_ahead()

    # --- serve --------------------------------------------------------------------

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.settings is not None:
            for folder in (self.settings.modules_dir, self.settings.paths_dir, self.settings.quizzes_dir):
                path = self.settings.root / folder
                if path.is_dir():
                    server.watch(str(path))
        return server


def _description(text: str) -> str:
    """Text for ``<meta name="description">``: one line, escaped, since
    MkDocs renders theme templates without autoescaping."""
    return str(escape(" ".join(text.split())))


def _entries(section: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for value in section.values():
        for entry in value:
            if isinstance(entry, str):
                out.append(entry)
            elif isinstance(entry, dict):
                out.extend(_entries(entry))
    return out
