"""One module as clean Markdown, for agents that cannot run the page's JavaScript.

The export carries the answer keys, at the end, clearly marked, because an
agent that explains a module to a learner needs to know why an answer is
right.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from academy.core.markers import KINDS as MARKER_KINDS
from academy.core.markers import outside_code, parse
from academy.core.model import Academy, Module
from academy.outputs.common import EXPORT_DIR, absolute, link_text, markdown_url, one_line
from academy.outputs.items_text import (
    answer_lines,
    plain_block,
    question_lines,
    quote,
    scenario_answer_lines,
    scenario_lines,
)
from academy.render.urls import SiteUrls

_ANSWER_NOTE = "> Answer key for agents. Learners: try the questions first."


_ADMONITION = re.compile(
    r'^(?P<indent> *)(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:[^"]*"(?P<title>[^"]*)")?\s*$'
)


_LINKISH = re.compile(
    r"(?P<tick>`+).+?(?P=tick)"  # a code span: left alone
    r"|(?P<open>!?\[(?:[^\]\\]|\\.)*\]\(\s*<?)(?P<target>[^)\s>]+)"
    r"|^(?P<def> {0,3}\[[^\]]+\]:\s*<?)(?P<deftarget>[^\s>]+)"
)


#: ``(file line, column) -> (old target, published site path, is raw HTML)``,
#: as the MkDocs adapter records for files a module body references.
AssetLinks = Mapping[tuple[int, int], tuple[str, str, bool]]


class Links:
    """Turns site-relative paths into the links an export should contain.

    With a site URL links are absolute, so an export still works when an
    agent fetches it on its own; without one they are relative to where the
    export is published (``modules/`` for one module, the root for
    ``llms-full.txt``).
    """

    def __init__(self, urls: SiteUrls, academy: Academy, site_url: str, where: str) -> None:
        self.urls, self.academy, self.site_url, self.where = urls, academy, site_url, where

    def href(self, site_relative: str) -> str:
        if self.site_url:
            return absolute(self.site_url, site_relative)
        if self.where and site_relative.startswith(self.where):
            return site_relative[len(self.where) :] or "./"
        return "../" * self.where.count("/") + site_relative

    def body_target(self, target: str) -> str:
        """Rewrite a link written in a module body, as MkDocs would resolve it.

        MkDocs resolves body links from the generated page ``modules/<id>.md``.
        A link to another module's ``.md`` then names its Markdown export
        exactly; a link to any other page's ``.md`` must become that page's
        URL, because only modules have Markdown exports.
        """
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith(("/", "#", "?")) or not parts.path:
            return target
        resolved = posixpath.normpath(posixpath.join(EXPORT_DIR, parts.path))
        if resolved.startswith("../") or resolved == "..":
            return target  # leaves the site: nothing sensible to point at
        if resolved.endswith(".md"):
            stem = resolved[:-3]
            module_id = stem[len(EXPORT_DIR) :] if stem.startswith(EXPORT_DIR) else ""
            if not (module_id and "/" not in module_id and self.academy.module(module_id)):
                resolved = self._page(stem)
        suffix = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
        return self.href(resolved) + suffix

    def _page(self, stem: str) -> str:
        folder, _, name = stem.rpartition("/")
        folder = folder + "/" if folder else ""
        if name in ("index", "README"):
            return folder if self.urls.use_directory_urls else folder + "index.html"
        return f"{folder}{name}/" if self.urls.use_directory_urls else f"{folder}{name}.html"


def _rewrite_links(line: str, links: Links) -> str:
    if "](" not in line and "]:" not in line:
        return line

    def replace(match: re.Match[str]) -> str:
        if match.group("tick"):
            return match.group(0)
        if match.group("open") is not None:
            return match.group("open") + links.body_target(match.group("target"))
        return match.group("def") + links.body_target(match.group("deftarget"))

    return _LINKISH.sub(replace, line)


def _apply_assets(module: Module, lines: list[str], assets: AssetLinks, links: Links) -> list[str]:
    """Point file references at their published copies.

    Markdown links get a path relative to ``modules/``, as written links are,
    and go through :func:`_rewrite_links` with the rest; raw HTML is not
    rewritten later, so it gets its final URL here.
    """
    lines = list(lines)
    # Right to left within a line, so earlier columns stay valid.
    for (line, column), (old, name, html) in sorted(assets.items(), reverse=True):
        at = line - module.body_line
        if not 0 <= at < len(lines):
            continue
        text, start = lines[at], column - 1
        if text[start : start + len(old)] == old:
            new = links.href(name) if html else "../" + name
            lines[at] = text[:start] + new + text[start + len(old) :]
    return lines


def _plain_body(text: str, links: Links, marker: Callable[[str, str], list[str] | None] | None) -> list[str]:
    """The body with MkDocs-only syntax made plain, code blocks untouched.

    Admonitions (``!!! tip "Title"`` plus an indented block) would read as
    code in any other Markdown renderer, so they become block quotes headed by
    their title. ``marker`` replaces placement markers; it is only passed at
    the top level, where markers are recognised.
    """
    lines = text.split("\n")
    prose = {offset for offset, _ in outside_code(text, 0)}
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i not in prose:
            out.append(line)
            i += 1
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            indent = len(admonition.group("indent")) + 4
            inner: list[str] = []
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith(" " * indent)):
                inner.append(lines[j][indent:])
                j += 1
            while inner and not inner[-1].strip():
                inner.pop()
                j -= 1
            title = admonition.group("title")
            if title is None:
                title = admonition.group("kind").replace("-", " ").capitalize()
            quoted = ([f"**{one_line(title)}**", ""] if title.strip() else []) + _plain_body(
                "\n".join(inner), links, None
            )
            out.extend(" " * (indent - 4) + q for q in quote(quoted))
            i = j
            continue
        found = parse(line) if marker is not None and "[[" in line else None
        words = found.raw.strip("[] ").split() if found is not None else []
        if marker is not None and words and words[0] in MARKER_KINDS:
            replacement = marker(found.kind, found.id) if found is not None and found.valid else None
            # A marker that names nothing is an error the build reports; the
            # export drops it rather than show an agent broken syntax.
            out.extend(["", *replacement, ""] if replacement else [])
            i += 1
            continue
        out.append(_rewrite_links(line, links))
        i += 1
    return out


def module_lines(
    module: Module, academy: Academy, links: Links, assets: AssetLinks | None = None
) -> list[str]:
    out = [f"# {one_line(module.title)}", "", *quote(plain_block(module.summary)), ""]
    prerequisites = [
        f"[{link_text(p.title)}]({links.href(markdown_url(p.id))})" if (p := academy.module(i)) else f"`{i}`"
        for i in module.prerequisites
    ]
    facts = [f"**Level:** {module.level}", f"**Duration:** {module.duration} minutes"]
    facts.append("**Prerequisites:** " + (", ".join(prerequisites) if prerequisites else "none"))
    out += [" · ".join(facts), ""]
    paths = [
        f"[{link_text(p.title)}]({links.href(links.urls.path(p.id))})" for p in academy.paths_of(module.id)
    ]
    more = ["**Learning paths:** " + ", ".join(paths)] if paths else []
    page = links.href(links.urls.module(module.id))
    more.append(f"**Interactive page:** [{page}]({page})")
    out += [" · ".join(more), ""]
    if module.objectives:
        out += ["## Learning objectives", ""]
        out += [f"- {one_line(o.text)} (Bloom: {o.bloom})" for o in module.objectives]
        out += [""]

    shown: set[tuple[str, str]] = set()

    def authored(lines: list[str]) -> list[str]:
        # Prompts and feedback are plain text on the page, but authors do write
        # Markdown links in them; here they become live links, so they must
        # resolve like the body's.
        return [_rewrite_links(line, links) for line in lines]

    def marker(kind: str, item_id: str) -> list[str] | None:
        if kind == "check" and (check := module.check(item_id)):
            shown.add((kind, item_id))
            return authored(question_lines(module.id, check))
        if kind == "scenario" and (scenario := module.scenario(item_id)):
            shown.add((kind, item_id))
            return authored(scenario_lines(scenario))
        return None

    body_lines = module.body.split("\n")
    if assets:
        body_lines = _apply_assets(module, body_lines, assets, links)
    body = _plain_body("\n".join(body_lines).strip("\n"), links, marker)
    out += [*body, ""]
    rest_checks = [c for c in module.checks if ("check", c.id) not in shown]
    rest_scenarios = [s for s in module.scenarios if ("scenario", s.id) not in shown]
    if rest_checks:
        out += ["## Knowledge checks", ""]
        for check in rest_checks:
            out += [*authored(question_lines(module.id, check)), ""]
    if rest_scenarios:
        out += ["## Scenarios", ""]
        for scenario in rest_scenarios:
            out += [*authored(scenario_lines(scenario)), ""]
    if module.checks or module.scenarios:
        out += ["## Answers", "", _ANSWER_NOTE, ""]
        for check in module.checks:
            out += [*authored(answer_lines(module.id, check)), ""]
        for scenario in module.scenarios:
            out += [*authored(scenario_answer_lines(scenario)), ""]
    return out


def join_lines(lines: list[str]) -> str:
    """Lines to text: no trailing spaces, one blank line at most, one final newline."""
    text = "\n".join(line.rstrip() for line in lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def module_markdown(
    module: Module,
    academy: Academy,
    urls: SiteUrls,
    site_url: str,
    *,
    assets: AssetLinks | None = None,
    root: bool = False,
) -> str:
    """One module as clean Markdown, published at :func:`markdown_url`.

    For agents that cannot run the page's JavaScript: checks and scenarios
    appear as text where the author placed them, answers left out, and a
    marked ``## Answers`` section at the end holds the key. Only standard
    Markdown is produced (admonitions become block quotes), so any reader
    renders it; the body's code blocks are copied untouched.

    Args:
        module: The module to export.
        academy: The academy, for prerequisite and path titles.
        urls: The page layout, for links to pages.
        site_url: The site's public address: links are absolute when given,
            else relative to ``modules/``.
        assets: The MkDocs adapter's record of files the body references
            (its ``asset_links[module.id]``), so images point at the
            published copies; without it they are left as written.
        root: Make relative links for a file at the site root, as the
            module's section of ``llms-full.txt``. With a site URL links are
            absolute, and this changes nothing.
    """
    where = "" if root else EXPORT_DIR
    return join_lines(module_lines(module, academy, Links(urls, academy, site_url, where), assets))
