"""A Python-Markdown extension that renders placement markers in place.

``[[check ID]]`` and ``[[scenario ID]]`` lines are replaced by the rendered
widget, stored in Markdown's HTML stash so no Markdown processing touches it.
The extension runs after fenced code blocks are stashed (priority below 25),
so markers shown inside code stay literal, exactly as the validator's
fence-aware scanner assumes.

Any engine that runs Python-Markdown can use it: give it a ``resolve``
callable mapping ``(kind, id)`` to HTML, or ``None`` to leave the line alone.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from academy.core.markers import parse

Resolver = Callable[[str, str], str | None]


class _MarkerPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: AcademyMarkers) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        resolve = self.extension.resolve
        if resolve is None:
            return lines
        out: list[str] = []
        for line in lines:
            marker = parse(line) if "[[" in line else None
            html = resolve(marker.kind, marker.id) if marker is not None and marker.valid else None
            if html is None:
                out.append(line)
                continue
            out.extend(["", self.md.htmlStash.store(html), ""])
        return out


class AcademyMarkers(Extension):
    """Replaces placement markers; ``resolve`` may be swapped per page."""

    def __init__(self, resolve: Resolver | None = None, **kwargs: object) -> None:
        self.resolve = resolve
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_MarkerPreprocessor(md, self), "academy_markers", 20)
