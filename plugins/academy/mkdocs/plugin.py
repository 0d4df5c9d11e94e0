"""The MkDocs plugin: MkDocs' events, each handed to the collaborator that owns it.

All knowledge lives in the core (load, validate, model), the renderer and the
outputs; this adapter only maps them onto MkDocs, in the manner of Material's
tags plugin and MkDocs' own search plugin:

* ``on_config``: :mod:`.check` runs the whole check before MkDocs cleans
  ``site_dir``; a :class:`~.build.Build` holds what the build knows after it.
* ``on_files``: :class:`~.files.GeneratedFiles` adds the pages, runtime,
  schemas and machine files; :mod:`.assets` publishes the files bodies
  reference; :mod:`.nav` arranges the navigation; :mod:`.dirty` remembers
  what a rebuild may keep.
* ``on_page_*``: :class:`~.module_pages.ModulePages` and
  :class:`~.pages.GeneratedPages` fill the pages; ``on_env`` and the
  ``on_post_*`` events go to :class:`~.csp.wiring.CspWiring`.
* ``on_serve`` watches the source folders; the load cache, kept across
  rebuilds because the plugin defines ``on_startup``, makes an edit reload
  only the file that changed.

May import: everything of the academy but :mod:`academy.cli`. Speed-up
machinery stays in :mod:`.perf`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from academy.core.loader import LoadCache
from academy.core.model import LearningPath, Module
from academy.core.settings import Settings
from academy.mkdocs import assets, nav
from academy.mkdocs.build import SEARCH_MARKS, Build, renderer_for
from academy.mkdocs.check import blocks, check, settings_for
from academy.mkdocs.config import AcademyConfig
from academy.mkdocs.csp.wiring import CspWiring
from academy.mkdocs.dirty import DirtyBuilds
from academy.mkdocs.files import GeneratedFiles, include_runtime
from academy.mkdocs.module_pages import ModulePages
from academy.mkdocs.navmarks import CurrentPageMarks
from academy.mkdocs.package_scope import PackageScope
from academy.mkdocs.pages import GeneratedPages
from academy.mkdocs.perf import collector
from academy.mkdocs.perf.ahead_work import render_ahead
from academy.mkdocs.perf.memo import PageParts
from academy.mkdocs.perf.templates import CompiledTemplates
from academy.mkdocs.perf.timing import HookTimes
from academy.mkdocs.serve_errors import ServeErrors
from academy.mkdocs.theme import HEAD_VARIABLE
from academy.outputs.common import build_time
from academy.outputs.jsonld import JSONLD_OPEN
from academy.outputs.packages import PackageRequest
from academy.render import i18n
from academy.render.markdown_ext import AcademyMarkers
from academy.render.urls import SiteUrls

__all__ = ["SEARCH_MARKS", "AcademyPlugin"]


class AcademyPlugin(BasePlugin[AcademyConfig]):  # type: ignore[type-var]
    """Validates the academy and generates its pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.times = HookTimes()
        for name in dir(self):
            if name.startswith("on_"):
                setattr(self, name, self.times.wrap(name, getattr(self, name)))
        self.cache = LoadCache()
        self.compiled = CompiledTemplates()  # kept across serve rebuilds
        self.build: Build | None = None
        self.errors: ServeErrors | None = None  # what a preview shows while the academy cannot build
        self.settings: Settings | None = None  # kept when a build fails its check, for on_serve
        self.serving = False
        self.dirty = DirtyBuilds()
        self.built = build_time()
        self.parts = PageParts()
        self.modules = ModulePages()
        self.generated = GeneratedPages()
        self.csp = CspWiring(self)
        self.markers = AcademyMarkers()
        self.generation: tuple[Any, ...] = ()
        #: Set by ``academy package`` before it builds; never by mkdocs.yml.
        self.package: PackageRequest | None = None
        self.scope: PackageScope | None = None

    # Defining on_startup makes MkDocs keep this instance across `serve`
    # rebuilds, which is what lets the load cache skip unchanged files.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.cache = LoadCache()
        self.serving = command == "serve"
        self.dirty = DirtyBuilds(dirty)
        # One build date per process: a live preview's catalog says when serve started.
        self.built = build_time()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build, self.errors = None, None
        if not self.config.enabled:
            return config
        package = self.scope = PackageScope(self.package) if self.package is not None else None
        if package is not None:
            package.configure(config)
        settings = self.settings = settings_for(config, dict(self.config))
        if package is not None:
            settings = package.settings(settings)
        result = check(settings, config, self.cache, serving=self.serving)
        language = config.theme.get("language") or "en"
        if blocks(result, config):  # only under `mkdocs serve`: a build has stopped by now
            self.errors = ServeErrors(result.problems, language)
            self.errors.report(len(result.files))
            return config
        if package is not None:
            result = package.restrict(result, language)
        urls = SiteUrls(config.use_directory_urls)
        renderer, generation = renderer_for(settings, result, config, language, urls)
        self.parts.start(renderer, result, generation, config.site_url or "", language)
        self.build = Build(
            settings, result, urls, language, i18n.strings(language), self.parts, self.serving, self.built
        )
        self.modules.start(self.build, fresh=generation != self.generation)
        self.generation = generation
        self.generated.start(self.build)
        self.csp.start(self.serving)
        include_runtime(config, self.markers)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.errors is not None:
            self.errors.strip(files)
            self.dirty.failed()  # the next good build writes every page again
            return files
        build = self.build
        if build is None:
            return files
        # What every page may show: in a dirty rebuild an unchanged page is
        # skipped only while this is as it was last time.
        self.dirty.begin(files, config, (build.result.shape, self.generation))
        # The author's own pages, listed before ours join: with thousands of
        # modules, filtering them out again afterwards costs more.
        package = self.scope
        if package is not None:
            package.drop_authored(files, config)
        authored = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_in_nav()]
        generated = GeneratedFiles(build, files, config, self.dirty)
        generated.pages()
        build.asset_links = assets.publish(files, config, build.academy, build.settings)
        generated.certificates()
        if package is None:
            generated.runtime()
            generated.schemas()
            generated.machine_files()
            nav.arrange(build, authored, config)
        else:
            generated.runtime(package.runtime_addon(build.language))
            package.add_files(files, config, build.language)
            package.navigation(config, build.strings)
        render_ahead(build, config)
        collector.freeze(self.serving)
        return files

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        build = self.build
        if build is not None:
            self.dirty.restore_titles(files, build.generated_title)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.markers.resolve = None
        entry = self.build.pages.get(page.file.src_uri) if self.build else None
        if entry is None:
            return markdown
        section, item = entry
        if section == "modules" and isinstance(item, Module):
            markdown, self.markers.resolve = self.modules.markdown(page, item, markdown)
        else:
            self.generated.markdown(page, section, item)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.markers.resolve = None
        if self.build is None:
            return html
        if page.is_homepage:
            return self.generated.home(page, html)
        entry = self.build.pages.get(page.file.src_uri)
        if entry is None:
            return html
        section, item = entry
        if isinstance(item, Module):
            return self.modules.content(page, item, html)
        return self.generated.content(page, section, item)

    @event_priority(-100)  # after the search plugin has indexed page.content
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        build = self.build
        if build is None:
            return context
        # Only the page being rendered carries its description in `meta`:
        # Material's navigation looks up `meta.icon`, `meta.status` and more
        # on every page in the nav whose meta is not empty, each lookup a
        # failed attribute access, for every page rendered.
        description = build.descriptions.get(page.file.src_uri)
        if description:
            page.meta["description"] = description
        section, item = build.pages.get(page.file.src_uri, (None, None))
        if section is None:
            self.dirty.remember_title(page)
        # Data for search engines and agents, in <head> through the
        # `extrahead` block (see theme.py): Material's instant navigation
        # re-creates scripts in the body without their type, which would run
        # it as code. A typed script in <head> is never run, so it needs no
        # room in the Content Security Policy.
        if isinstance(item, Module) and section == "modules":
            context[HEAD_VARIABLE] = self.modules.context(page, item)
        elif isinstance(item, LearningPath) and section == "paths":
            context[HEAD_VARIABLE] = Markup(build.parts.jsonld(item))
        self.generated.context(page)
        self.csp.page_content(page)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        build = self.build
        if build is None:
            return output
        section, item = build.pages.get(page.file.src_uri, (None, None))
        if isinstance(item, Module | LearningPath) and section in ("modules", "paths"):
            # A theme without an `extrahead` block, or a page with a template
            # of its own, did not print the JSON-LD: add it before </head>.
            # Only then, as it copies the whole page.
            at = output.find("</head>")
            if at >= 0 and output.find(JSONLD_OPEN, 0, at) < 0:
                output = output[:at] + build.parts.jsonld(item) + "\n" + output[at:]
        if page.file.src_uri in build.descriptions:
            page.meta.pop("description", None)
        output = self.csp.finished_page(output, page)
        if self.scope is not None:
            output = self.scope.finished_page(output, page.file.dest_uri, build.strings["lms_new_tab"])
        return output

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.errors is not None:
            return self.errors.environment(env)
        if self.build is None:
            return env
        # Material prints `page.title | striptags` into <title> unescaped, and
        # striptags turns our escaped `&lt;/title&gt;` back into markup. An
        # escaping striptags keeps every title inert wherever it is used.
        env.filters["striptags"] = lambda value: escape(Markup(str(value)).striptags())
        env = self.csp.environment(env, config)
        env.loader = CurrentPageMarks(env.loader)
        env.bytecode_cache = self.compiled
        return env

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if self.build is None:
            return output_content
        return self.csp.static_template(output_content, config)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.build is None:
            return
        self.csp.write(Path(config.site_dir))
        self.parts.finish()
        collector.unfreeze(self.serving)

    def on_build_error(self, *, error: Exception) -> None:
        self.dirty.failed()
        collector.unfreeze(self.serving)
        # A failed build must not leave a child rendering parts nobody will take.
        self.parts.cancel_ahead()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        settings = self.settings
        if settings is not None:
            for folder in (
                settings.modules_dir,
                settings.paths_dir,
                settings.quizzes_dir,
                settings.templates_dir,
            ):
                if folder is None:
                    continue
                path = settings.root / folder
                if path.is_dir():
                    server.watch(str(path))
        return server
