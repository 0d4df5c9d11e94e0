"""Bookkeeping across rebuilds: generated files kept, and ``serve --dirty``.

Under ``mkdocs serve`` every rebuild asks for a file per module, and making
a ``File`` costs more than every other step for an unchanged module put
together: :meth:`DirtyBuilds.kept` hands back the last rebuild's file while
its item is the same object. In a dirty rebuild (``mkdocs serve --dirty``)
MkDocs re-renders only pages whose file says it changed; generated pages
say so only when their item, or anything every page shows of the academy,
changed since the last build wrote them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from academy.mkdocs.internals import force_rebuild
from academy.mkdocs.sitefiles import PageFile, mtime


class DirtyBuilds:
    """What one plugin instance remembers between the builds it runs."""

    def __init__(self, dirty: bool = False) -> None:
        self.dirty = dirty
        #: The last build changed nothing any page shows of the academy.
        self.unchanged = False
        self._sight: tuple[Any, ...] = ()
        self._before: dict[str, tuple[object, tuple[str, bool], File]] = {}
        self._now: dict[str, tuple[object, tuple[str, bool], File]] = {}
        self._titles: dict[str, str | None] = {}  # the author's pages, as last built

    def begin(self, files: Files, config: MkDocsConfig, sight: Hashable) -> None:
        """Start a build whose pages all show ``sight`` (the academy's shape
        and what else every page shows); ``mkdocs.yml`` counts too."""
        self._before, self._now = self._now, {}
        seen = (sight, mtime(config.config_file_path))
        self.unchanged = self.dirty and seen == self._sight
        self._sight = seen
        if self.dirty and not self.unchanged:
            # The author's pages show the academy too (the home page's role
            # cards): rebuild them all, whatever their own files' times say.
            for file in files.documentation_pages():
                force_rebuild(file)

    def kept(self, config: MkDocsConfig, src: str, version: object, make: Callable[[], File]) -> File:
        """The generated file ``make()`` returns, or the one the last
        rebuild made from the same ``version`` of its source."""
        stamp = (config.site_dir, config.use_directory_urls)
        kept = self._before.get(src)
        if kept is not None and kept[0] is version and kept[1] == stamp:
            file = kept[2]
            # MkDocs gives a file a new Page each build only if it has none.
            file.page = None
            if isinstance(file, PageFile):
                file.unchanged = self.unchanged
        else:
            file = make()
        self._now[src] = (version, stamp, file)
        return file

    def remember_title(self, page: Page) -> None:
        """Note an author's page title as built (see :meth:`restore_titles`)."""
        if self.dirty:
            self._titles[page.file.src_uri] = page.title

    def restore_titles(self, files: Files, generated: Callable[[str], str | None]) -> None:
        """Give the pages a dirty rebuild skips their titles back.

        A dirty rebuild does not read the pages it skips, so the navigation
        of the pages it rebuilds would show no titles for them. Generated
        pages' titles are known without reading anything (``generated``
        gives a page's title from its source, ``None`` for the author's
        pages); the author's are remembered from when they were last built.
        """
        if not self.unchanged:
            return
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            title = generated(file.src_uri)
            if title is not None:
                if getattr(file, "unchanged", False):
                    page.title = title  # type: ignore[misc]
            elif file.src_uri in self._titles and not file.is_modified():
                page.title = self._titles[file.src_uri]  # type: ignore[misc]

    def failed(self) -> None:
        """A build failed: pages may not have been written, so the next build writes them all."""
        self._sight = ()
