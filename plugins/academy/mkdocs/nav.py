"""The site's navigation: Home, then paths, modules by topic folder, progress, review."""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import nest_paths

from academy.core.sections import Entry, NavSection, module_sections, split_sections
from academy.mkdocs.build import PROGRESS_PAGE, REVIEW_PAGE, Build


def arrange(build: Build, authored: list[str], config: MkDocsConfig) -> None:
    """Put paths first and modules grouped by source folder, after Home.

    With an explicit ``nav`` in mkdocs.yml the author decides; we only
    append the sections the nav does not mention. When a folder's list had
    to be split (see :mod:`academy.core.sections`), the navigation is pruned
    to the current section (:func:`prune`).
    """
    academy, strings = build.academy, build.strings
    arranged = module_sections(
        academy.modules,
        build.settings.modules_dir,
        build.settings.nav_section_size,
        lambda first, last: strings["nav_span"].format(first=first, last=last),
    )
    module_nav = [_entry(e) for e in arranged]
    if split_sections(arranged):
        prune(config)
    path_nav = [f"paths/{p.id}.md" for p in academy.paths]
    sections: list[Any] = []
    if path_nav:
        sections.append({strings["learning_paths"]: path_nav})
    if module_nav:
        sections.append({strings["modules"]: module_nav})
    sections.append({strings["my_progress"]: PROGRESS_PAGE})
    sections.append({strings["review_title"]: REVIEW_PAGE})
    if config.nav is not None:
        mentioned = str(config.nav)
        config.nav = list(config.nav) + [s for s in sections if not any(e in mentioned for e in _entries(s))]
        return
    home = [p for p in authored if p in ("index.md", "README.md")]
    rest = nest_paths([p for p in authored if p not in home])
    config.nav = home + sections + rest


def _entry(entry: Entry) -> Any:
    if isinstance(entry, NavSection):
        # MkDocs' themes print section titles as HTML.
        return {str(escape(entry.title)): [_entry(e) for e in entry.entries]}
    return f"modules/{entry}.md"


def prune(config: MkDocsConfig) -> None:
    """Have Material render only the current section's entries into a page.

    Material renders the whole navigation into every page; with thousands
    of modules that is most of a build, and grows with the square of their
    number. ``navigation.prune`` renders each section other than the
    current one as a single link. Not with ``navigation.expand``, which
    Material does not prune, and not for other themes, which have no such
    feature.
    """
    if config.theme.name != "material":
        return
    features = list(config.theme.get("features") or [])
    if "navigation.prune" not in features and "navigation.expand" not in features:
        config.theme["features"] = [*features, "navigation.prune"]


def _entries(section: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for value in section.values():
        for entry in value if isinstance(value, list) else [value]:
            if isinstance(entry, str):
                out.append(entry)
            elif isinstance(entry, dict):
                out.extend(_entries(entry))
    return out
