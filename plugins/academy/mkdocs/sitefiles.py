"""The MkDocs files the academy generates, and what they tell MkDocs.

``PageFile``: a generated page that can say it is unchanged, so a dirty
rebuild (``mkdocs serve --dirty``) skips it. ``LateFile``: a generated file
whose text is made only when MkDocs writes it.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def always_modified() -> bool:
    """Stands in for ``File.is_modified`` on a page a dirty rebuild must not skip."""
    return True


def mtime(path: str | None) -> int:
    """A file's modification time in nanoseconds; 0 if there is none."""
    try:
        return os.stat(path).st_mtime_ns if path else 0
    except OSError:
        return 0


class PageFile(File):
    """A generated page that can tell ``mkdocs serve --dirty`` it is unchanged.

    MkDocs rebuilds, in a dirty build, only the pages whose file says it is
    modified, and a generated file always does. ``unchanged`` is set when the
    page's item and everything other pages show of the academy are as they
    were when the last build wrote it (the plugin's ``_kept``).
    """

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


class LateFile(File):
    """A generated file whose text is made only when something reads it.

    MkDocs writes generated files after it has read every page; by then the
    text may be waiting, rendered ahead on another core (``PageParts``).
    MkDocs keeps a generated file's text in ``_content``, which every reader
    and ``copy_file`` consult, so that is the one attribute made lazy here.
    """

    def __init__(
        self, config: MkDocsConfig, src_uri: str, text: Callable[[], str], dest_uri: str | None = None
    ) -> None:
        super().__init__(
            src_uri,
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=dest_uri,
        )
        self.generated_by = config.plugins._current_plugin or "academy"
        self.abs_src_path = None
        self._text: Callable[[], str] | None = text
        self._made: str | bytes | None = None

    def remake(self, text: Callable[[], str]) -> None:
        """Make the text anew, from ``text``, when next read."""
        self._text, self._made = text, None

    @property  # type: ignore[override]
    def _content(self) -> str | bytes | None:
        if self._text is not None:
            self._made, self._text = self._text(), None
        return self._made

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._text, self._made = None, value
