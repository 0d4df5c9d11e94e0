"""Links in module bodies and content pages lead to a page, and to a heading on it.

What ``mkdocs build`` would warn about once the site is rendered (a page that
does not exist, an anchor no heading has) is reported here, before, at the
link's line and with the page or heading probably meant. See
:mod:`academy.core.links` for how links are read.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from academy.core.codes import problem
from academy.core.links import Link, anchors, by_file, join, links, module_anchors
from academy.core.markers import placed
from academy.core.model import Module
from academy.core.problems import Problem
from academy.core.rules.context import Context
from academy.core.sources import PAGE
from academy.core.suggest import did_you_mean


@dataclass(frozen=True)
class _Site:
    """Every page the site will have, by its path in ``docs_dir``, and its ids
    (``None``: a generated page whose headings are not checked)."""

    pages: dict[str, frozenset[str] | None]
    module_pages: dict[str, Module]  # docs path -> module
    module_files: dict[str, Module]  # source file -> module

    @classmethod
    def of(cls, ctx: Context) -> _Site:
        academy = ctx.academy
        pages: dict[str, frozenset[str] | None] = {}
        for loaded in ctx.files.values():
            if loaded.ref.kind == PAGE:
                pages[_docs_path(ctx, loaded.ref.rel)] = anchors(loaded.body)
        module_pages: dict[str, Module] = {}
        for module in academy.modules:
            if academy.module(module.id) is module:
                module_pages[f"modules/{module.id}.md"] = module
                done = placed(module.body)
                unplaced = any(("check", c.id) not in done for c in module.checks) or any(
                    ("scenario", s.id) not in done for s in module.scenarios
                )
                pages[f"modules/{module.id}.md"] = module_anchors(module, unplaced)
        for lp in academy.paths:
            pages.setdefault(f"paths/{lp.id}.md", None)
            if lp.certificate_title:
                pages.setdefault(f"paths/{lp.id}/certificate.md", None)
        for quiz in academy.quizzes:
            pages.setdefault(f"quizzes/{quiz.id}.md", None)
        pages.setdefault("progress.md", None)
        pages.setdefault("review.md", None)
        return cls(pages, module_pages, {m.file: m for m in module_pages.values()})


def _docs_path(ctx: Context, rel: str) -> str:
    prefix = ctx.content_dir.rstrip("/") + "/"
    return rel[len(prefix) :] if rel.startswith(prefix) else rel


def check(ctx: Context) -> Iterable[Problem]:
    site: _Site | None = None
    for module in ctx.academy.modules:
        if "](" not in module.body and "]:" not in module.body and "href" not in module.body:
            continue
        site = site or _Site.of(ctx)
        own = f"modules/{module.id}.md"
        for link in links(module.body, module.body_line):
            yield from _check(ctx, site, module.file, own, link, module)
    for loaded in ctx.files.values():
        if loaded.ref.kind != PAGE or not loaded.body:
            continue
        site = site or _Site.of(ctx)
        own = _docs_path(ctx, loaded.ref.rel)
        for link in links(loaded.body, loaded.body_line):
            yield from _check(ctx, site, loaded.ref.rel, own, link, None)


def resolve(site: _Site, own: str, link: Link, module: Module | None) -> str | None:
    """The docs path of the page ``link`` leads to, or ``None`` when none."""
    if not link.path:
        return own
    target = join(posixpath.dirname(own), link.path)
    if target in site.pages:
        return target
    named = by_file(module, link, site.module_files) if module is not None else None
    return f"modules/{named.id}.md" if named is not None else None


def _check(
    ctx: Context, site: _Site, file: str, own: str, link: Link, module: Module | None
) -> Iterator[Problem]:
    target = resolve(site, own, link, module)
    if target is None:
        here = posixpath.dirname(own)
        # Compared without `.md`, which every page name shares.
        near = {posixpath.relpath(p, here or ".")[:-3]: posixpath.relpath(p, here or ".") for p in site.pages}
        close = did_you_mean(link.path[:-3], list(near), cutoff=0.75)
        guess = f"Did you mean `{near[close.split('`')[1]]}`?" if close else ""
        where = "outside the site" if join(here, link.path).startswith("../") else "to no page of the site"
        yield problem(
            "link.missing",
            file,
            link.line,
            link.column,
            f"the link `{link.target}` leads {where}",
            guess
            or (
                "Link a module by its id (`other-module.md`) or by its file, and a page of the site by its path."
                if module is not None
                else "Link a page by its path from this page, a module as `modules/ID.md`."
            ),
        )
        return
    ids = site.pages[target]
    if link.anchor and ids is not None and link.anchor not in ids:
        page = "this page" if target == own else f"`{target}`"
        yield problem(
            "link.anchor",
            file,
            link.line,
            link.column,
            f"the link `{link.target}` names the heading `#{link.anchor}`, which {page} does not have",
            did_you_mean(link.anchor, sorted(ids))
            or "Link a heading by its id: its text in lowercase, with hyphens.",
        )
