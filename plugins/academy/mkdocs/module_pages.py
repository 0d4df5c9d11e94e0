"""Module pages: header, body with widgets in place, appendix, facts, path navigation.

A module page is assembled in three steps, following MkDocs' events:

1. Markdown (:meth:`ModulePages.markdown`): placement markers become slots
   (:mod:`academy.mkdocs.perf.slots`), unplaced widgets get an appendix.
2. HTML (:meth:`ModulePages.content`): the heading and module header go
   before the body, a slot for the path navigation after it.
3. After Material's search has indexed the page (:meth:`ModulePages.context`):
   the slots are filled with widgets, facts and path navigation, which
   search leaves out anyway, and the JSON-LD goes into ``<head>``.

Under ``mkdocs serve`` every page is rebuilt after every edit, and most
modules have not changed: :class:`ModulePlan` keeps a page's fixed pieces per
version of the module and of the academy's shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from academy.core.markers import placed
from academy.core.model import Module
from academy.mkdocs import assets
from academy.mkdocs.build import Build, description
from academy.mkdocs.perf.slots import fill, slot

FACTS_SLOT, PATHNAV_SLOT, APPENDIX_SLOT = slot("facts"), slot("pathnav"), slot("appendix")


@dataclass(frozen=True, slots=True)
class ModulePlan:
    """A module page's fixed pieces, for one version of the module and of
    what other files show on its page (``Result.shape``).

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


class ModulePages:
    """Assembles module pages; keeps plans and late parts across rebuilds."""

    def __init__(self) -> None:
        self.plans: dict[str, ModulePlan] = {}
        self.late: dict[str, tuple[ModulePlan, Markup, dict[str, str]]] = {}
        self.slots: dict[str, list[tuple[str, str]]] = {}  # page -> widgets its markers placed
        self.build: Build | None = None

    def start(self, build: Build, fresh: bool) -> None:
        """Begin a build; ``fresh`` when what every page shows has changed."""
        self.build = build
        if fresh:
            self.plans, self.late = {}, {}

    @property
    def _build(self) -> Build:
        assert self.build is not None
        return self.build

    def plan(self, module: Module, base: str) -> ModulePlan:
        """What a module's page needs, worked out once per version of the
        module and of the academy's shape."""
        build = self._build
        plan = self.plans.get(module.id)
        shape = build.result.shape
        if plan is not None and plan.module is module and plan.shape == shape and plan.base == base:
            return plan
        done = placed(module.body)
        unplaced = tuple(("check", c.id) for c in module.checks if ("check", c.id) not in done)
        unplaced += tuple(("scenario", s.id) for s in module.scenarios if ("scenario", s.id) not in done)
        # One placeholder for them all: a raw HTML block Markdown passes through.
        appendix = (
            f"\n\n## {build.strings['check_your_understanding']}\n\n{APPENDIX_SLOT}\n" if unplaced else ""
        )
        title = str(escape(module.title))
        plan = self.plans[module.id] = ModulePlan(
            module,
            shape,
            base,
            title,
            frozenset(c.id for c in module.checks),
            frozenset(s.id for s in module.scenarios),
            appendix,
            unplaced,
            description(module.summary),
            f'<h1 id="page-title">{title}</h1>' + build.parts.module_header(module, FACTS_SLOT),
        )
        return plan

    def markdown(
        self, page: Page, module: Module, markdown: str
    ) -> tuple[str, Callable[[str, str], str | None]]:
        """The page's Markdown, and how its placement markers resolve."""
        build = self._build
        plan = self.plan(module, build.urls.base_of(page.url))
        page.title = plan.title  # type: ignore[misc]
        # The summary describes the page to search engines and link previews;
        # the page shows it too, but keeps it out of the site's search index.
        build.descriptions[page.file.src_uri] = plan.description
        links = build.asset_links.get(module.id)
        if links:
            markdown = assets.rewrite(module, markdown, page.url, links)
        checks, scenarios = plan.checks, plan.scenarios
        slots = self.slots[page.file.src_uri] = []

        def resolve(kind: str, item_id: str) -> str | None:
            if (kind == "check" and item_id in checks) or (kind == "scenario" and item_id in scenarios):
                # A placeholder now, the widget once search has indexed the page.
                slots.append((kind, item_id))
                return slot(str(len(slots) - 1))
            return None

        return (markdown.rstrip() + plan.appendix if plan.appendix else markdown), resolve

    def content(self, page: Page, module: Module, html: str) -> str:
        build = self._build
        if page.toc is not None:
            page.toc.items.insert(0, AnchorLink(str(escape(build.strings["objectives"])), "objectives", 2))
        plan = self.plan(module, build.urls.base_of(page.url))
        if plan.unplaced:
            html = _unindexed_appendix_heading(html)
        return "".join((plan.header, html, PATHNAV_SLOT))

    def context(self, page: Page, module: Module) -> Markup:
        """Fill the page's slots (search has indexed it by now); return its JSON-LD."""
        build = self._build
        jsonld, filled = self._late(self.plan(module, build.urls.base_of(page.url)))
        placed_here = self.slots.pop(page.file.src_uri, None)
        if placed_here:
            filled = {**filled, **{str(i): self.widget(module, *w) for i, w in enumerate(placed_here)}}
        if page.content:
            page.content = fill(page.content, filled)
        return jsonld

    def _late(self, plan: ModulePlan) -> tuple[Markup, dict[str, str]]:
        """A module page's JSON-LD, and the parts search leaves out that do not
        depend on the body's markers: facts, path navigation, the appendix's
        widgets. Made once per plan, at the first page that needs them (so
        after any rendering ahead has finished)."""
        late = self.late.get(plan.module.id)
        if late is not None and late[0] is plan:
            return late[1], late[2]
        module, parts = plan.module, self._build.parts
        filled = {
            "facts": parts.module_facts(module, plan.base),
            "pathnav": parts.path_nav(module, plan.base),
        }
        if plan.unplaced:
            filled["appendix"] = "\n".join(self.widget(module, *w) for w in plan.unplaced)
        jsonld = Markup(parts.jsonld(module))
        self.late[module.id] = (plan, jsonld, filled)
        return jsonld, filled

    def widget(self, module: Module, kind: str, item_id: str) -> str:
        parts = self._build.parts
        return (parts.question if kind == "check" else parts.scenario)(module, item_id)


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
