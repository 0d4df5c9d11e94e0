"""Mark the navigation's link to the current page with ``aria-current="page"``.

Material shows the current page's link only by a class (``md-nav__link--active``),
which a screen reader does not announce. Once a long topic folder is split
into sections and the navigation pruned (:mod:`academy.mkdocs.nav`), a
learner finds their place by that link, so it says which page is current.

The attribute is printed by Material's own ``partials/nav-item.html``,
rewritten as it loads: editing every finished page would copy each one. A
theme whose template reads differently is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2

NAV_ITEM = "partials/nav-item.html"

#: Material 9's two links to the current page: a page's own entry, and a
#: section's index page (whose class is set only when it is the page).
#: The labels that share these classes end in ``for=``, not ``>``.
_MARKS = (
    (
        'class="md-nav__link md-nav__link--active">',
        'class="md-nav__link md-nav__link--active" aria-current="page">',
    ),
    (
        'class="md-nav__link {{ class }}">',
        'class="md-nav__link {{ class }}"{% if class %} aria-current="page"{% endif %}>',
    ),
)


def mark_current(source: str) -> str:
    for old, new in _MARKS:
        source = source.replace(old, new)
    return source


class CurrentPageMarks(jinja2.BaseLoader):
    """The theme's loader, with :data:`NAV_ITEM` marking the current page."""

    def __init__(self, inner: jinja2.BaseLoader | None) -> None:
        self.inner = inner

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if self.inner is None:
            raise jinja2.TemplateNotFound(template)
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template == NAV_ITEM:
            source = mark_current(source)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates() if self.inner is not None else []

    def __getattr__(self, name: str) -> Any:
        # Other code reads attributes of the theme's loader (searchpath, say).
        return getattr(self.inner, name)
