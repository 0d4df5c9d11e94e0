"""``llms.txt`` and ``llms-full.txt`` (https://llmstxt.org), indexes for language models."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from academy.core.model import Academy, Module
from academy.core.schemas.catalog import CATALOG_SCHEMA_URL
from academy.outputs.common import (
    CATALOG_URL,
    LLMS_FULL_URL,
    by_title,
    link_text,
    markdown_url,
    modules_of,
    one_line,
)
from academy.outputs.export import AssetLinks, Links, join_lines, module_markdown
from academy.render.urls import SiteUrls


def intro(academy: Academy, site_name: str, site_summary: str) -> list[str]:
    summary = one_line(site_summary) or (
        f"{len(academy.modules)} training modules in {len(academy.paths)} learning paths."
    )
    return [f"# {one_line(site_name)}", "", f"> {summary}", ""]


def reading_list(academy: Academy) -> list[Module]:
    """Modules in path order, then those in no path by title: the order a
    learner would meet them, and stable."""
    in_paths = modules_of(academy, (i for lp in academy.paths for i in lp.module_ids))
    seen = {m.id for m in in_paths}
    return in_paths + by_title(m for m in academy.modules if m.id not in seen)


def llms_txt(academy: Academy, urls: SiteUrls, *, site_name: str, site_summary: str, site_url: str) -> str:
    """The site's ``llms.txt`` (https://llmstxt.org), an index for language models.

    One section per learning path lists its modules in the order to take
    them; ``All modules`` lists each module once. Every link points at a
    module's Markdown export rather than its HTML page, because the export
    reads cleanly without JavaScript and includes the checks and answers.

    Args:
        academy: The checked academy.
        urls: The page layout.
        site_name: H1 of the file.
        site_summary: The one-paragraph summary under it; a count of modules
            and paths when empty.
        site_url: Links are absolute when given, else site-relative.
    """
    links = Links(urls, academy, site_url, "")
    out = intro(academy, site_name, site_summary)
    out += [
        "Each module link below is a clean Markdown version of a training module: its objectives, "
        "its text, its knowledge checks and branching scenarios as plain text, and an answer key "
        "at the end. Learning paths list modules in the order to take them.",
        "",
    ]

    def item(m: Module) -> str:
        return f"- [{link_text(m.title)}]({links.href(markdown_url(m.id))}): {one_line(m.summary)}"

    for lp in academy.paths:
        out += [f"## {one_line(lp.title)}", ""]
        out += [item(m) for m in modules_of(academy, lp.module_ids)]
        out += [""]
    out += ["## All modules", "", *(item(m) for m in by_title(academy.modules)), ""]
    out += [
        "## Optional",
        "",
        f"- [Catalog]({links.href(CATALOG_URL)}): Every module, path and quiz as JSON, without answers "
        f"(schema: {links.href(CATALOG_SCHEMA_URL)}).",
        f"- [Full text]({links.href(LLMS_FULL_URL)}): Every module's Markdown in one file.",
    ]
    return join_lines(out)


def llms_full_txt(
    academy: Academy,
    urls: SiteUrls,
    *,
    site_name: str,
    site_summary: str,
    site_url: str,
    assets: Mapping[str, AssetLinks] | None = None,
    section: Callable[[Module], str] | None = None,
) -> str:
    """Every module's Markdown export in one file, ``llms-full.txt``.

    Modules come in path order, then the rest by title, each starting with
    its own H1 and separated by a rule. Links are rewritten for the file's
    place at the site root (or made absolute), so they still resolve.

    Each section is already joined (no trailing spaces, one blank line at
    most, one final newline), so the file is only their concatenation: under
    ``mkdocs serve`` a caller that keeps the sections of unchanged modules
    remakes the file after an edit by joining strings.

    Args:
        assets: Per module id, what :func:`module_markdown` takes as ``assets``.
        section: Gives a module's section, :func:`module_markdown` with
            ``root=True``, for callers that keep them between builds; by
            default each is made here.
    """

    def made(module: Module) -> str:
        return module_markdown(
            module, academy, urls, site_url, assets=(assets or {}).get(module.id), root=True
        )

    pieces = [join_lines(intro(academy, site_name, site_summary))]
    for module in reading_list(academy):
        pieces += ["\n---\n\n", (section or made)(module)]
    return "".join(pieces)
