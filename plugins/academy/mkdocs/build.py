"""One build's checked academy: what every collaborator of the plugin reads."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from academy.core.engine import Result
from academy.core.model import Academy, LearningPath, Module, Quiz
from academy.core.problems import SettingsError
from academy.core.settings import Settings
from academy.mkdocs.perf.memo import PageParts
from academy.mkdocs.perf.slots import LIFT_CLOSE, LIFT_OPEN
from academy.outputs.export import AssetLinks
from academy.render.html import Marks, Renderer, check_templates, templates_stamp
from academy.render.urls import SiteUrls

Item = Module | LearningPath | Quiz

#: Generated pages that show no single item.
PROGRESS_PAGE = "progress.md"
REVIEW_PAGE = "review.md"


@dataclass
class Build:
    """The academy as checked for this build, and the pages made of it.

    Attributes:
        settings: The project's settings.
        result: The check's result (no errors, or the build has stopped).
        urls: Where generated pages live.
        strings: The interface's words in the site's language.
        parts: The page parts, memoised across ``mkdocs serve`` rebuilds.
        serving: The build is a ``mkdocs serve`` rebuild.
        built: When the build happened (``SOURCE_DATE_EPOCH`` when set).
        pages: Generated page source -> ``(section, item)``; section is
            ``modules``, ``paths``, ``quizzes``, ``certificate``,
            ``progress`` or ``review``.
        descriptions: Page source -> its ``<meta name="description">``, escaped.
        asset_links: Per module id, the files its body references and where
            they are published.
    """

    settings: Settings
    result: Result
    urls: SiteUrls
    language: str
    strings: Mapping[str, str]
    parts: PageParts
    serving: bool
    built: _dt.datetime
    pages: dict[str, tuple[str, Item | None]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    asset_links: dict[str, AssetLinks] = field(default_factory=dict)

    @property
    def academy(self) -> Academy:
        return self.result.academy

    def title(self, section: str, item: Item | None) -> str:
        """A generated page's title, as text."""
        if section == "progress":
            return self.strings["my_progress"]
        if section == "review":
            return self.strings["review_title"]
        assert item is not None
        if section == "certificate" and isinstance(item, LearningPath):
            return f"{self.strings['certificate']}: {item.certificate_title}"
        return item.title

    def generated_title(self, src: str) -> str | None:
        """The title of the generated page at ``src``; ``None`` for the author's pages."""
        entry = self.pages.get(src)
        return self.page_title(*entry) if entry is not None else None

    def page_title(self, section: str, item: Item | None) -> str:
        """The title as MkDocs needs it: MkDocs treats page titles as HTML
        (they come from rendered headings), so front matter must be escaped."""
        return str(escape(self.title(section, item)))


def description(text: str) -> str:
    """Text for ``<meta name="description">``: one line, escaped, since
    MkDocs renders theme templates without autoescaping."""
    return str(escape(" ".join(text.split())))


#: How Material's search is told what to leave out: its attribute, and slots
#: that keep larger parts away from its HTML parser (see perf/slots.py).
SEARCH_MARKS = Marks(" data-search-exclude", LIFT_OPEN, LIFT_CLOSE)


def renderer_for(
    settings: Settings, result: Result, config: MkDocsConfig, language: str, urls: SiteUrls
) -> tuple[Renderer, tuple[Any, ...]]:
    """The build's renderer, and what every fragment depends on beyond the
    content (a change drops the memo of rendered parts)."""
    xapi = settings.xapi.actor if settings.xapi else ""
    templates = settings.root / settings.templates_dir if settings.templates_dir else None
    if templates is not None:
        try:
            check_templates(templates)
        except SettingsError as exc:
            raise PluginError(str(exc)) from None
    renderer = Renderer(result.academy, language, urls, templates, xapi=xapi, marks=SEARCH_MARKS)
    generation = (
        language,
        config.use_directory_urls,
        xapi,
        config.site_url or "",
        templates_stamp(templates),
    )
    return renderer, generation
