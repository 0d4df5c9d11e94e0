"""What a build renders ahead, on the second core, while MkDocs reads its pages.

Widgets, facts, path navigation, JSON-LD, exports and ``llms-full.txt`` do
not depend on MkDocs' work, and pages need them only after MkDocs has read
them all (they are filled in after search has indexed each page). Only for a
fresh build of a sizeable academy: under ``mkdocs serve`` the memo already
holds them, and for a few modules a fork costs more than it saves.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from academy.mkdocs.build import Build

#: Fewer modules than this are rendered faster in-process than by forking.
AHEAD_MIN = 50


def render_ahead(build: Build, config: MkDocsConfig, minimum: int | None = None) -> bool:
    """Start the child if it is worth it; whether it was started."""
    modules = build.academy.modules
    if build.serving or len(modules) < (AHEAD_MIN if minimum is None else minimum):
        return False
    parts, urls, links = build.parts, build.urls, build.asset_links
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

    return parts.render_ahead(work)
