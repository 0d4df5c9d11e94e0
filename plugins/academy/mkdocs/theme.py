"""Print the academy's own ``<head>`` content through the theme's templates.

A plugin could add JSON-LD by editing each rendered page, but that copies
every page (hundreds of kilobytes each once the navigation lists thousands of
modules) on every build and every ``mkdocs serve`` rebuild. Instead the
theme's ``main.html`` is wrapped: the wrapper extends whatever ``main.html``
the theme or the author's ``custom_dir`` provides and appends one variable to
its ``extrahead`` block, which MkDocs' themes and Material all define. An
author's own ``extrahead`` still renders, through ``super()``.

Jinja has no hook for this, and a ``custom_dir`` of our own would hide the
author's; hence this small loader. It can also rewrite every template's source
as it loads (``rewrite``), which is how a build moves the theme's inline
scripts into files (``csp.template_source``) without copying any page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2

#: The template context variable the wrapper prints in ``<head>``.
HEAD_VARIABLE = "academy_head"

#: Names under this prefix reach the wrapped loader unchanged, so the wrapper
#: can extend the ``main.html`` it replaces.
_UPSTREAM = "academy-upstream/"

_WRAPPER = (
    '{% extends "' + _UPSTREAM + 'main.html" %}'
    "{% block extrahead %}{{ super() }}{{ " + HEAD_VARIABLE + ' | default("") }}{% endblock %}'
)


class HeadTemplates(jinja2.BaseLoader):
    """The theme's loader, with ``main.html`` printing :data:`HEAD_VARIABLE`.

    Args:
        inner: The theme's own loader.
        rewrite: Applied to each template's source. A rewrite that leaves the
            template unparsable (a pattern it should not have touched, inside
            a Jinja string, say) is dropped, and the template loads as written.
    """

    def __init__(self, inner: jinja2.BaseLoader | None, rewrite: Callable[[str], str] | None = None) -> None:
        self.inner = inner
        self.rewrite = rewrite
        #: Set when a rewrite was dropped: the template keeps what it would have changed.
        self.kept_inline = False

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if self.inner is None:
            raise jinja2.TemplateNotFound(template)
        if template == "main.html":
            # Fails as the theme would when it has no main.html.
            self.inner.get_source(environment, template)
            return _WRAPPER, None, lambda: True
        if template.startswith(_UPSTREAM):
            template = template[len(_UPSTREAM) :]
        source, filename, uptodate = self.inner.get_source(environment, template)
        if self.rewrite is not None:
            rewritten = self.rewrite(source)
            if rewritten != source:
                try:
                    environment.parse(rewritten)
                    source = rewritten
                except jinja2.TemplateSyntaxError:
                    self.kept_inline = True
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates() if self.inner is not None else []

    def __getattr__(self, name: str) -> Any:
        # MkDocs and other plugins read attributes of the theme's loader
        # (FileSystemLoader.searchpath, for one); keep them reachable.
        return getattr(self.inner, name)
