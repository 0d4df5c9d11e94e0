"""The site's navigation: Home, then paths, modules by topic folder, progress, review."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import nest_paths

from academy.core.model import Module
from academy.mkdocs.build import PROGRESS_PAGE, REVIEW_PAGE, Build


def arrange(build: Build, authored: list[str], config: MkDocsConfig) -> None:
    """Put paths first and modules grouped by source folder, after Home.

    With an explicit ``nav`` in mkdocs.yml the author decides; we only
    append the sections the nav does not mention.
    """
    academy, strings = build.academy, build.strings
    modules_root = build.settings.modules_dir.rstrip("/") + "/"
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


def _entries(section: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for value in section.values():
        for entry in value if isinstance(value, list) else [value]:
            if isinstance(entry, str):
                out.append(entry)
            elif isinstance(entry, dict):
                out.extend(_entries(entry))
    return out
