"""The MkDocs files the academy generates, and what they tell MkDocs.

``PageFile``: a generated page that can say it is unchanged, so a dirty
rebuild (``mkdocs serve --dirty``) skips it. ``LateFile``: a generated file
whose text is made only when MkDocs writes it. Both are made with MkDocs'
public ``File.generated`` and override only public members.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

#: Every generated file's text as this process last wrote it, and the
#: written file's stamp: a file whose stamp changed since (a clean build
#: emptied the folder, something else wrote there) is written again.
_WRITTEN: dict[str, tuple[str | bytes, tuple[int, int]]] = {}


def _stamp(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


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
    were when the last build wrote it (see :class:`~academy.mkdocs.dirty.DirtyBuilds`).
    """

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


class LateFile(File):
    """A generated file whose text is made only when something reads it.

    MkDocs writes generated files after it has read every page; by then the
    text may be waiting, rendered ahead on another core
    (:class:`~academy.mkdocs.perf.memo.PageParts`). Every public way to read
    or write the content goes through :meth:`text`.
    """

    _late: Callable[[], str] | None = None
    _made: str | bytes = ""

    @classmethod
    def lazy(
        cls, config: MkDocsConfig, src_uri: str, text: Callable[[], str], dest_uri: str | None = None
    ) -> LateFile:
        file = cls.generated(config, src_uri, content="")
        if dest_uri is not None:
            file.dest_uri = dest_uri
        file.remake(text)
        return file

    def remake(self, text: Callable[[], str]) -> None:
        """Make the text anew, from ``text``, when next read."""
        self._late, self._made = text, ""

    def text(self) -> str | bytes:
        if self._late is not None:
            self._made, self._late = self._late(), None
        return self._made

    @property  # type: ignore[override]
    def content_string(self) -> str:
        text = self.text()
        return text if isinstance(text, str) else text.decode("utf-8")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._late, self._made = None, value

    @property  # type: ignore[override]
    def content_bytes(self) -> bytes:
        text = self.text()
        return text.encode("utf-8") if isinstance(text, str) else text

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._late, self._made = None, value

    def copy_file(self, dirty: bool = False) -> None:
        """Write the text, unless this file wrote this very text there and
        the file is still as it left it.

        A dirty rebuild (``mkdocs serve --dirty``) writes into the last
        site; an edit to one module then rewrites its
        export and ``llms-full.txt``, not a thousand unchanged exports. The
        texts are memoised (:class:`~academy.mkdocs.perf.memo.PageParts`),
        so an unchanged one is usually the very string written last time.
        """
        path, text = self.abs_dest_path, self.text()
        last = _WRITTEN.get(path)
        if last is not None and (last[0] is text or last[0] == text) and _stamp(path) == last[1]:
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(text.encode("utf-8") if isinstance(text, str) else text)
        _WRITTEN[path] = (text, _stamp(path))

    def is_modified(self) -> bool:
        return True
