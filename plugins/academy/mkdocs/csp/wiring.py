"""Where the plugin moves inline scripts into files, event by event.

The theme's templates are rewritten as they load (``on_env``), so Material's
scripts leave as a template renders them; a page's own content, where an
author's raw HTML lands, is scanned after search has read it; finished pages
are scanned only when something else could have put a script there (a
template whose rewrite had to be dropped, or another plugin editing pages).
A live preview (``mkdocs serve``) needs no Content Security Policy, and does
none of this.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import url_filter

from academy.mkdocs.csp import FILTER, InlineScripts, template_source
from academy.mkdocs.theme import HeadTemplates


class CspWiring:
    """One build's inline scripts, and whether finished pages need a scan."""

    def __init__(self, owner: object, serving: bool = False) -> None:
        self.owner = owner  # the plugin, to tell its own event handlers from other plugins'
        self.serving = serving
        self.scripts = InlineScripts()
        self.templates = HeadTemplates(None)
        self.scan_pages = True

    def start(self, serving: bool) -> None:
        self.serving = serving
        self.scripts = InlineScripts()

    def environment(self, env: Any, config: MkDocsConfig) -> Any:
        """Wrap the theme's loader: the academy's ``<head>`` content always,
        the scripts' rewrite for a build."""
        if self.serving:
            env.loader = HeadTemplates(env.loader)
            return env

        @pass_context
        def inline_script(context: Any, code: str) -> Markup:
            return self.scripts.template_filter(code, lambda name: url_filter(context, name))

        env.filters[FILTER] = inline_script
        env.loader = self.templates = HeadTemplates(env.loader, rewrite=template_source)
        # Another plugin that edits finished pages before this plugin sees
        # them, or page content after this plugin has, may add inline scripts
        # no template shows: then every finished page is scanned.
        self.scan_pages = self._others(config, "post_page", before=True) or self._others(
            config, "page_context", before=False
        )
        return env

    def _others(self, config: MkDocsConfig, event: str, *, before: bool) -> bool:
        """Whether another plugin handles ``event`` before (or after) this one."""
        handlers = config.plugins.events.get(event, [])

        def own(handler: Any) -> bool:
            bound = getattr(handler, "__wrapped__", handler)
            return getattr(bound, "__self__", None) is self.owner

        mine = [i for i, handler in enumerate(handlers) if own(handler)]
        if not mine:
            return False
        others = handlers[: mine[0]] if before else handlers[mine[-1] + 1 :]
        return any(not own(handler) for handler in others)

    def page_content(self, page: Page) -> None:
        """Scripts in the page's own HTML (an author's raw HTML)."""
        if page.content and not self.serving:
            page.content = self.scripts.externalise(
                page.content, lambda name: get_relative_url(name, page.url)
            )

    def finished_page(self, output: str, page: Page) -> str:
        if self.serving or not (self.scan_pages or self.templates.kept_inline):
            # A build has already moved every script of the templates and
            # the pages' content. Scanning each finished page again (hundreds
            # of kilobytes once the navigation lists thousands of modules)
            # would cost more than everything else this hook does.
            return output
        return self.scripts.externalise(output, lambda name: get_relative_url(name, page.url))

    def static_template(self, output: str, config: MkDocsConfig) -> str:
        """Static templates (404.html) are served from any depth: absolute URLs."""
        if self.serving:
            return output
        root = (urlsplit(config.site_url or "/").path or "/").rstrip("/") + "/"
        return self.scripts.externalise(output, lambda name: root + name)

    def write(self, site_dir: Path) -> None:
        self.scripts.write(site_dir)
