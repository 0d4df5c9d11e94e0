"""Under ``mkdocs serve``, problems shown in the browser instead of a stuck preview.

When a rebuild fails, MkDocs' live-reload server keeps every request
waiting until a later rebuild succeeds (a save that breaks a module made
each page hang until the file was fixed). So while the academy has errors,
the plugin lets the preview build succeed with no pages at all: every
address then answers at once with the theme's 404 page, which shows the
problems (file:line:col, code, hint) in the site's own style and reloads
itself once a request answers with a page again, after the fix.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.structure.files import Files

from academy.core.problems import Problem, Severity, format_problem, plural
from academy.render.html import problems_page

#: The template variable the error page prints.
PROBLEMS_VARIABLE = "academy_problems"

_PAGE = '{% extends "main.html" %}{% block content %}{{ ' + PROBLEMS_VARIABLE + " }}{% endblock %}"

#: Asks for the page again each second; a page that is back answers 200.
_RELOAD = (
    "<script>(function poll(){setTimeout(function(){fetch(location.href,{cache:'no-store'})"
    ".then(function(r){if(r.ok)location.reload();else poll();},poll);},1000);})();</script>"
)


def _terminal() -> logging.Logger:
    """A logger outside MkDocs' own: MkDocs counts its warnings and errors,
    and under ``serve --strict`` would then fail the build this page exists
    to let through. Same look as MkDocs' lines."""
    log = logging.getLogger("academy.serve")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  academy: %(message)s"))
        log.addHandler(handler)
        log.propagate = False
        log.setLevel(logging.INFO)
    return log


class ServeErrors:
    """The problems of the last check, while they keep the preview from building."""

    def __init__(self, problems: Sequence[Problem], language: str) -> None:
        self.problems = tuple(problems)
        self.language = language

    def report(self, files_checked: int) -> None:
        log = _terminal()
        for p in self.problems:
            (log.error if p.severity is Severity.ERROR else log.warning)(format_problem(p, severity=False))
        errors = sum(1 for p in self.problems if p.severity is Severity.ERROR)
        log.error(
            f"{plural(errors, 'error')} in {plural(files_checked, 'file')}: the preview shows them "
            "at every address until they are fixed."
        )

    def strip(self, files: Files) -> None:
        """Leave no page to build, so every address answers with the error page."""
        for file in list(files.documentation_pages()):
            files.remove(file)

    def environment(self, env: Any) -> Any:
        env.loader = _ErrorTemplates(env.loader)
        env.globals[PROBLEMS_VARIABLE] = Markup(problems_page(self.problems, self.language) + _RELOAD)
        return env


class _ErrorTemplates(jinja2.BaseLoader):
    """The theme's loader, with its 404 page showing the problems."""

    def __init__(self, inner: jinja2.BaseLoader | None) -> None:
        self.inner = inner

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template == "404.html":
            return _PAGE, None, lambda: False
        if self.inner is None:
            raise jinja2.TemplateNotFound(template)
        return self.inner.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.inner.list_templates() if self.inner is not None else []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
