"""Every file the academy adds to the site: pages, runtime, schemas, machine files.

Handed to MkDocs as files, so that it writes them with the rest of the site
and other plugins see them. Pages are :class:`PageFile` (a dirty rebuild
can skip them); texts that show module bodies are :class:`LateFile`, made
when MkDocs writes them, which lets a build render them ahead on another core.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from academy.client.runtime import runtime_parts, runtime_script, runtime_styles
from academy.client.xapi import sender_script
from academy.core.model import Module
from academy.core.schemas.source import SCHEMAS
from academy.mkdocs.build import PROGRESS_PAGE, REVIEW_PAGE, Build, Item
from academy.mkdocs.dirty import DirtyBuilds
from academy.mkdocs.sitefiles import LateFile, PageFile
from academy.outputs.common import CATALOG_URL, LLMS_FULL_URL, LLMS_URL, markdown_url

STYLES = "assets/academy/academy.css"
SCRIPT = "assets/academy/academy.js"


class GeneratedFiles:
    """Adds the academy's files to MkDocs' for one build."""

    def __init__(self, build: Build, files: Files, config: MkDocsConfig, dirty: DirtyBuilds) -> None:
        self.build, self.files, self.config, self.dirty = build, files, config, dirty

    def pages(self) -> None:
        """A page per module, path and quiz bank, and the progress and review pages."""
        academy = self.build.academy
        for module in academy.modules:
            self._page("modules", module)
        for lp in academy.paths:
            self._page("paths", lp)
        for quiz in academy.quizzes:
            self._page("quizzes", quiz, InclusionLevel.NOT_IN_NAV)
        for src, section in ((PROGRESS_PAGE, "progress"), (REVIEW_PAGE, "review")):
            self._generated(src, section, section, None)

    def certificates(self) -> None:
        """A certificate page per path that awards one."""
        for lp in self.build.academy.paths:
            if lp.certificate_title:
                self._generated(
                    f"paths/{lp.id}/certificate.md", lp, "certificate", lp, InclusionLevel.NOT_IN_NAV
                )

    def _page(self, section: str, item: Item, inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> None:
        src = f"{section}/{item.id}.md"
        if src in self.files.src_uris:
            raise PluginError(
                f"academy: {self.config.docs_dir}/{src} collides with the generated page for "
                f"{section[:-1]} `{item.id}`; rename or move it."
            )
        # The leading blank line stops MkDocs from reading a body that starts
        # with `---`, or with `Key: value` lines, as metadata of its own.
        body = item.body if isinstance(item, Module) else ""
        self._generated(src, item, section, item, inclusion, "\n" + body)

    def _generated(
        self,
        src: str,
        version: object,
        section: str,
        item: Item | None,
        inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
        content: str = "\n",
    ) -> None:
        config = self.config
        self.files.append(
            self.dirty.kept(
                config,
                src,
                version,
                lambda: PageFile.generated(config, src, content=content, inclusion=inclusion),
            )
        )
        self.build.pages[src] = (section, item)

    def runtime(self, package_addon: str = "") -> None:
        """The runtime's stylesheet, script and widget parts (with the xAPI sender when it is
        on, and ``package_addon`` in LMS packages)."""
        build, config = self.build, self.config
        self.files.append(File.generated(config, STYLES, content=runtime_styles()))
        review_url = "review/" if config.use_directory_urls else "review.html"
        addon = package_addon
        xapi = build.settings.xapi
        if xapi is not None:
            urls = build.urls
            patterns = {"module": urls.module("{id}"), "path": urls.path("{id}"), "quiz": urls.quiz("{id}")}
            addon = sender_script(xapi, patterns)
        self.files.append(
            File.generated(config, SCRIPT, content=runtime_script(build.language, review_url, addon))
        )
        folder = SCRIPT.rsplit("/", 1)[0]
        for name, text in runtime_parts().items():
            self.files.append(File.generated(config, f"{folder}/{name}", content=text))

    def schemas(self) -> None:
        """The published JSON Schemas, for editors and tools."""
        package = resources.files("academy.core.schemas")
        for kind in SCHEMAS:
            with resources.as_file(package.joinpath(f"{kind}.schema.json")) as path:
                self.files.append(
                    File.generated(self.config, f"schemas/{kind}.schema.json", abs_src_path=str(path))
                )

    def machine_files(self) -> None:
        """``catalog.json``, ``llms.txt``, ``llms-full.txt`` and a Markdown export per module.

        Under ``mkdocs serve`` each text is the memoised one of the last
        rebuild unless what it shows changed.
        """
        build, config, files = self.build, self.config, self.files
        parts, name, summary = build.parts, config.site_name, config.site_description or ""
        links = build.asset_links
        texts: dict[str, Callable[[], str]] = {
            CATALOG_URL: lambda: parts.catalog(name, build.built),
            LLMS_URL: lambda: parts.llms_txt(name, summary),
            LLMS_FULL_URL: lambda: parts.llms_full(name, summary, links),
        }
        for dest, text in texts.items():
            if dest in files.src_uris:
                raise PluginError(
                    f"academy: {config.docs_dir}/{dest} collides with the {dest} the academy generates; "
                    "rename or remove it."
                )
            files.append(LateFile.lazy(config, dest, text))
        for module in build.academy.modules:
            dest = markdown_url(module.id)
            # The export's address is the module page's source path, so it
            # takes another source name and keeps its address as destination.
            text = functools.partial(parts.export, module, links.get(module.id))
            export = self.dirty.kept(
                config,
                dest + ".export",
                module,
                functools.partial(LateFile.lazy, config, dest + ".export", text, dest),
            )
            assert isinstance(export, LateFile)
            export.remake(text)  # the export shows the shape too, which may have changed
            files.append(export)


def include_runtime(config: MkDocsConfig, markers: Any) -> None:
    """Every page loads the runtime, and Markdown places checks and scenarios."""
    if markers not in config.markdown_extensions:
        config.markdown_extensions.append(markers)
    if STYLES not in config.extra_css:
        config.extra_css.append(STYLES)
    # Material renders `extra.polyfills` first in <head>, before its own
    # inline scripts: the runtime's storage guard must run before them.
    polyfills = list(config.extra.get("polyfills") or [])
    if SCRIPT not in polyfills:
        config.extra["polyfills"] = [SCRIPT, *polyfills]
