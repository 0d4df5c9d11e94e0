"""Package mode: the build ``academy package`` runs, one learning path's pages.

Not an option of ``mkdocs.yml``: the CLI sets :attr:`AcademyPlugin.package`
before it builds. The plugin then hands this module its few decisions:

* the settings an LMS player needs (:meth:`PackageScope.configure`): files,
  not folders (``use_directory_urls: false``); nothing fetched from the
  network (Material's Google Fonts, the repository facts it reads from
  GitHub, analytics); no ``site_url``, so no page links to the public site;
  no instant navigation, which needs ``site_url``; no xAPI sender (the LMS
  records the learner);
* the academy restricted to the path (:meth:`restrict`): its modules, its
  placement test and stage assessments, the path itself; so its pages, its
  certificate, the progress and review pages show that path and nothing
  else. The author's own pages (``docs_dir``) are left out, except the
  stylesheets and scripts ``mkdocs.yml`` names: a course in an LMS is the
  path, and the author's guides link to the whole academy;
* a navigation of the path's stages (:meth:`navigation`);
* the launch page and bridge (:meth:`add_files`);
* links in finished pages (:func:`rewrite_links`): a link that leaves the
  package opens in a new tab, marked visibly and in its accessible name; a
  link to a page the package does not hold (a prerequisite from another
  path, say) becomes plain text.
"""

from __future__ import annotations

import dataclasses
import logging
import posixpath
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from academy.client.lms import bridge_script, lms_strings, page_script
from academy.core.engine import Result
from academy.core.model import Academy
from academy.core.settings import Settings
from academy.outputs.packages import LAUNCH_PAGE, PackageRequest
from academy.outputs.packages.course import Course, course_of, runtime_config
from academy.outputs.packages.launch import SCRIPT, STYLES, STYLESHEET, launch_page

#: A Markdown link to another Markdown file, as module bodies write them.
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s#>]+\.md)")


@dataclasses.dataclass
class PackageScope:
    """One package build: what ``academy package`` asked, and what the build learns.

    Attributes:
        request: The path, format and activity id base.
        course: Set by :meth:`restrict`: the course outline.
        known: Set by :meth:`add_files`: every file the package holds.
    """

    request: PackageRequest
    course: Course | None = None
    known: set[str] = dataclasses.field(default_factory=set)

    @property
    def path_id(self) -> str:
        return self.request.path_id

    def configure(self, config: MkDocsConfig) -> None:
        config.use_directory_urls = False
        config.site_url = None
        config.repo_url = None
        config.edit_uri = None
        config.theme["font"] = False
        features = config.theme.get("features") or []
        config.theme["features"] = [f for f in features if not str(f).startswith("navigation.instant")]
        for key in ("analytics", "consent"):
            config.extra.pop(key, None)
        config.extra["homepage"] = f"paths/{self.path_id}.html"
        # Without site_url MkDocs writes 404.html with root-absolute links,
        # and an LMS never shows it: a package has no use for it.
        config.theme.static_templates.discard("404.html")
        # A body's link to a page this package leaves out becomes plain text
        # (rewrite_links); that is expected, not worth a warning per link.
        config.validation.links.not_found = logging.INFO

    def settings(self, settings: Settings) -> Settings:
        return dataclasses.replace(settings, xapi=None)

    def restrict(self, result: Result, language: str) -> Result:
        """The check's result with the academy cut down to the path."""
        academy = result.academy
        path = academy.path(self.path_id)
        if path is None:  # the CLI has checked; a plugin caller may not have
            raise ValueError(f"no learning path `{self.path_id}`")
        request = self.request
        self.course = course = course_of(academy, path, language, request.base, request.layout)
        quizzes = tuple(q for q in (course.placement, *course.assessments) if q is not None)
        return dataclasses.replace(result, academy=Academy.of(course.modules, (path,), quizzes))

    def drop_authored(self, files: Files, config: MkDocsConfig) -> None:
        """Leave out the author's files, but the pages the path's modules link
        to (a glossary, the sources) and the styles and scripts mkdocs.yml names."""
        assert self.course is not None
        named = {str(p) for p in (*config.extra_css, *config.extra_javascript)}
        for key in ("logo", "favicon"):
            if config.theme.get(key):
                named.add(str(config.theme[key]))
        for module in self.course.modules:
            for target in _MD_LINK.findall(module.body):
                named.add(posixpath.normpath(posixpath.join("modules", target)))
        docs = posixpath.normpath(str(config.docs_dir))
        for file in list(files):
            src = posixpath.normpath(file.abs_src_path or "")
            if file.abs_src_path and src.startswith(docs + "/") and file.src_uri not in named:
                files.remove(file)

    def navigation(self, config: MkDocsConfig, strings: Any) -> None:
        """The path page, its placement test, a section per stage, then the rest."""
        course = self.course
        assert course is not None
        nav: list[Any] = [{course.path.title: f"paths/{course.path.id}.md"}]
        if course.placement is not None:
            nav.append({course.placement.title: f"quizzes/{course.placement.id}.md"})
        for part in course.stages:
            entries = [f"modules/{m.id}.md" for m in part.modules]
            if part.assessment is not None:
                entries.append({part.assessment.title: f"quizzes/{part.assessment.id}.md"})
            if entries:
                nav.append({part.stage.title: entries})
        if course.path.certificate_title:
            nav.append({strings["certificate"]: f"paths/{course.path.id}/certificate.md"})
        nav.append({strings["my_progress"]: "progress.md"})
        nav.append({strings["review_title"]: "review.md"})
        config.nav = nav

    def runtime_addon(self, language: str) -> str:
        return page_script(language)

    def add_files(self, files: Files, config: MkDocsConfig, language: str) -> None:
        """The launch page, its script and its stylesheet."""
        course = self.course
        assert course is not None
        strings = lms_strings(language)
        conf = runtime_config(course, self.request.format, strings)
        notice = strings["lms_standalone"]
        icon = str(config.theme.get("favicon") or "")
        icon = icon if icon in files.src_uris or not icon else ""
        files.append(File.generated(config, LAUNCH_PAGE, content=launch_page(conf, language, notice, icon)))
        files.append(File.generated(config, SCRIPT, content=bridge_script()))
        files.append(File.generated(config, STYLES, content=STYLESHEET))
        self.known = {f.dest_uri for f in files}

    def finished_page(self, html: str, page_url: str, new_tab: str) -> str:
        assert self.course is not None
        return rewrite_links(html, page_url, self.known, self.course.start_page, new_tab)


def rewrite_links(html: str, page_url: str, known: set[str], start: str, new_tab: str) -> str:
    """Links of a finished page, made fit for a package.

    Args:
        html: The page.
        page_url: Its URL inside the package (``modules/x.html``).
        known: Every file the package holds.
        start: The course's start page; links to the launch page go there
            instead, as the launch page must not open inside itself.
        new_tab: "opens in a new tab", in the site's language.
    """
    finder = _Anchors()
    finder.feed(html)
    finder.close()
    if not finder.anchors:
        return html
    lines = [0]
    for line in html.splitlines(keepends=True):
        lines.append(lines[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    for (line, col, raw, attrs), end in finder.anchors:
        at = lines[line - 1] + col
        href = dict(attrs).get("href")
        if href is None:
            continue
        parts = urlsplit(href)
        if parts.scheme in ("http", "https") or href.startswith("//"):
            edits.append((at, at + len(raw), _external_tag(attrs, new_tab)))
            if end is not None:
                close = lines[end[0] - 1] + end[1]
                mark = (
                    '<span class="ac-external" aria-hidden="true">\u2197</span>'
                    f'<span class="ac-sr"> ({escape(new_tab)})</span>'
                )
                edits.append((close, close, mark))
            continue
        if parts.scheme or not parts.path:
            continue  # mailto:, tel:, a fragment on this page
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path))
        if target == LAUNCH_PAGE or target == ".":
            new = posixpath.relpath(start, posixpath.dirname(page_url) or ".")
            edits.append((at, at + len(raw), raw.replace(f'"{href}"', f'"{escape(new)}"', 1)))
        elif target not in known and end is not None:
            # A page this package does not hold: keep the words, drop the link.
            close = lines[end[0] - 1] + end[1]
            edits.append((at, at + len(raw), '<span class="ac-unlinked">'))
            edits.append((close, close + len("</a>"), "</span>"))
    for start_at, stop, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        html = html[:start_at] + text + html[stop:]
    return html


def _external_tag(attrs: list[tuple[str, str | None]], new_tab: str) -> str:
    out = {k: v for k, v in attrs if k not in ("target", "rel")}
    out["target"] = "_blank"
    out["rel"] = "noopener noreferrer"
    out["class"] = ((out.get("class") or "") + " ac-external-link").strip()
    # A name given by aria-label replaces the link's text: say it there too.
    if out.get("aria-label"):
        out["aria-label"] = f"{out['aria-label']} ({new_tab})"
    body = "".join(f' {k}="{escape(v)}"' if v is not None else f" {k}" for k, v in out.items())
    return f"<a{body}>"


class _Anchors(HTMLParser):
    """Where each ``<a>`` starts (line, column, its text, attributes) and ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[
            tuple[tuple[int, int, str, list[tuple[str, str | None]]], tuple[int, int] | None]
        ] = []
        self.open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            line, col = self.getpos()
            self.anchors.append(((line, col, self.get_starttag_text() or "", attrs), None))
            self.open.append(len(self.anchors) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            index = self.open.pop()
            self.anchors[index] = (self.anchors[index][0], self.getpos())
