"""Moving inline scripts into files, so pages work under a strict CSP.

Material writes a few small inline ``<script>`` blocks into every page (its
storage helpers, the palette switch, tab anchors). A Content Security Policy of
``script-src 'self'`` blocks them, and Material's bundle then fails. Each such
block is written once to ``assets/academy/inline/<sha256>.js`` and referenced
with ``src``; the name is the content's hash, so builds stay byte-identical
and identical blocks share one file.

The theme's templates are rewritten as they load (:func:`template_source`),
so Material's scripts leave as a template renders them, and no finished page
(hundreds of kilobytes once the navigation lists thousands of modules) is
scanned or copied for their sake. A page's own content, where an author's raw
HTML lands, is scanned with :meth:`InlineScripts.externalise`. Finished pages
are scanned too only when something else could have put a script there: a
template whose rewrite had to be dropped, or another plugin editing pages
(the plugin decides, in ``on_env``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

#: A script element with no attributes at all is inline code. Scripts with a
#: ``type`` (JSON data) or ``src`` are left alone.
_OPEN, _CLOSE = "<script>", "</script>"
FOLDER = "assets/academy/inline"

#: The Jinja filter a rewritten template passes each inline script's code
#: through (registered by the plugin as :meth:`InlineScripts.template_filter`).
FILTER = "academy_inline_script"


def _each_script(text: str, replace: Callable[[str], str]) -> str:
    """``text`` with every inline script element replaced by ``replace(code)``.

    A plain substring search, not a regular expression: it runs over every
    page of every build, and ``str.find`` scans at C speed.
    """
    out: list[str] = []
    at = 0
    while True:
        start = text.find(_OPEN, at)
        if start < 0:
            break
        end = text.find(_CLOSE, start)
        if end < 0:
            break
        out.append(text[at:start])
        out.append(replace(text[start + len(_OPEN) : end]))
        at = end + len(_CLOSE)
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)


def template_source(source: str) -> str:
    """A template's source with each inline script's code, once rendered,
    handed to :data:`FILTER`, which prints a ``src`` reference instead.

    The code stays a template (Material's scripts print ``base_url`` and
    configuration), so it is rendered first and named by what it renders to.
    """
    return _each_script(source, lambda code: "{% filter " + FILTER + " %}" + code + "{% endfilter %}")


class InlineScripts:
    """Collects inline scripts from pages during a build, then writes them."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self._names: dict[str, str] = {}

    def _name(self, code: str) -> str:
        name = self._names.get(code)
        if name is None:
            name = self._names[code] = f"{FOLDER}/{hashlib.sha256(code.encode('utf-8')).hexdigest()[:20]}.js"
            self.files[name] = code
        return name

    def _tag(self, code: str, url_for: Callable[[str], str]) -> str:
        return f'<script src="{url_for(self._name(code))}"></script>' if code.strip() else ""

    def externalise(self, html: str, url_for: Callable[[str], str]) -> str:
        """Replace each inline script in ``html`` with a reference to a file."""
        return _each_script(html, lambda code: self._tag(code, url_for))

    def template_filter(self, code: str, url_for: Callable[[str], str]) -> Markup:
        """What :data:`FILTER` prints for one rendered script: the same
        reference :meth:`externalise` would have put in its place."""
        return Markup(self._tag(str(code), url_for))

    def write(self, site_dir: Path) -> None:
        for name, code in sorted(self.files.items()):
            target = site_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code, encoding="utf-8")
