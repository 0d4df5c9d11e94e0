"""Files that module bodies reference: published with the site, links rewritten.

Validation has already refused references that leave the project or name
missing files (:mod:`academy.core.body_refs`), so every reference resolved
here is safe to copy.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from academy.core.body_refs import published_name, references_in, resolve
from academy.core.links import by_file
from academy.core.links import links as body_links
from academy.core.model import Academy, Module
from academy.core.settings import Settings
from academy.outputs.export import AssetLinks


def publish(
    files: Files, config: MkDocsConfig, academy: Academy, settings: Settings
) -> dict[str, AssetLinks]:
    """Add every referenced file to ``files``; per module, where each reference now points.

    Links that name another module by its source file point at its page too
    (see :func:`academy.core.links.by_file`).
    """
    root = settings.root
    out: dict[str, AssetLinks] = {}
    published: set[str] = set()
    by_source = {m.file: m for m in academy.modules if academy.module(m.id) is m}
    for module in academy.modules:
        links: dict[tuple[int, int], tuple[str, str, bool]] = {}
        for link in body_links(module.body, module.body_line) if "](" in module.body else ():
            other = by_file(module, link, by_source)
            if other is not None:
                anchor = "#" + link.anchor if link.anchor else ""
                links[(link.line, link.column)] = (link.target, f"modules/{other.id}.md{anchor}", False)
        for ref in references_in(module.body, module.body_line):
            found = resolve(ref, root / module.file, root)
            if found.path is None or ref.kind != "asset":
                continue
            name = published_name(found.path, root)
            if name not in published:
                published.add(name)
                files.append(File.generated(config, name, abs_src_path=str(found.path)))
            parts = urlsplit(ref.target)
            suffix = ("?" + parts.query if parts.query else "") + (
                "#" + parts.fragment if parts.fragment else ""
            )
            links[(ref.line, ref.column)] = (ref.target, name + suffix, ref.html)
        out[module.id] = links
    return out


def rewrite(module: Module, markdown: str, page_url: str, links: AssetLinks) -> str:
    """Point the module's file references at their published copies.

    Markdown links are rewritten relative to the page's source path and
    MkDocs turns them into URLs (validating them on the way); raw HTML is
    left alone by MkDocs, so it gets the final page-relative URL.
    """
    if not links:
        return markdown
    lines = markdown.split("\n")
    # MkDocs drops the blank line the generated page starts with, so the
    # Markdown here begins exactly at the module's body line.
    for (line, column), (old, name, html) in sorted(links.items(), reverse=True):
        new = get_relative_url(name, page_url) if html else "../" + name
        at = line - module.body_line
        text = lines[at]
        start = column - 1
        if text[start : start + len(old)] == old:
            lines[at] = text[:start] + new + text[start + len(old) :]
    return "\n".join(lines)
