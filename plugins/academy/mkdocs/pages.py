"""The other generated pages (paths, quizzes, certificates, progress, review)
and the role cards on the home page.

Their lists that search leaves out (a path's module rows, a quiz's questions,
the certificate, the progress page's list of every module) are cut out into
slots before Material's search reads the page and put back after
(:func:`academy.mkdocs.perf.slots.lift`).
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.pages import Page

from academy.core.model import LearningPath, Quiz
from academy.mkdocs.build import Build, Item, description
from academy.mkdocs.perf.slots import fill, lift

ROLE_CARDS_PLACEHOLDER = "<!-- academy:role-cards -->"


class GeneratedPages:
    """Fills the generated pages other than modules."""

    def __init__(self) -> None:
        self.build: Build | None = None
        self.lifted: dict[str, dict[str, str]] = {}  # page -> its parts search leaves out

    def start(self, build: Build) -> None:
        self.build = build

    @property
    def _build(self) -> Build:
        assert self.build is not None
        return self.build

    def markdown(self, page: Page, section: str, item: Item | None) -> None:
        build = self._build
        page.title = build.page_title(section, item)  # type: ignore[misc]
        if isinstance(item, LearningPath) and section == "paths" and item.summary:
            build.descriptions[page.file.src_uri] = description(item.summary)

    def home(self, page: Page, html: str) -> str:
        """The home page with a card per role: where the author put the
        placeholder, else at the end."""
        cards = self._build.parts.role_cards(self._build.urls.base_of(page.url))
        if ROLE_CARDS_PLACEHOLDER in html:
            return html.replace(ROLE_CARDS_PLACEHOLDER, cards, 1)
        return html + cards

    def content(self, page: Page, section: str, item: Item | None) -> str:
        build = self._build
        parts, base = build.parts, build.urls.base_of(page.url)
        heading = f'<h1 id="page-title">{escape(build.title(section, item))}</h1>'
        if section == "progress":
            content = parts.progress_page(base)
        elif section == "review":
            content = parts.review_page()
        elif section == "certificate" and isinstance(item, LearningPath):
            content = parts.certificate_page(item, base)
        elif isinstance(item, LearningPath):
            content = parts.path_page(item, base)
        else:
            assert isinstance(item, Quiz)
            content = parts.quiz_page(item, base)
        content, lifted = lift(content)
        if lifted:
            self.lifted[page.file.src_uri] = lifted
        return heading + content

    def context(self, page: Page) -> None:
        """Put back what search left out (it has indexed the page by now)."""
        lifted = self.lifted.pop(page.file.src_uri, None)
        if lifted and page.content:
            page.content = fill(page.content, lifted)
