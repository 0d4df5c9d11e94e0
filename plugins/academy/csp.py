"""Moving inline scripts into files, so pages work under a strict CSP.

Material writes a few small inline ``<script>`` blocks into every page (its
storage helpers, the palette switch, tab anchors). A Content Security Policy of
``script-src 'self'`` blocks them, and Material's bundle then fails. Each such
block is written once to ``assets/academy/inline/<sha256>.js`` and referenced
with ``src``; the name is the content's hash, so builds stay byte-identical
and identical blocks share one file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

#: A script element with no attributes at all is inline code. Scripts with a
#: ``type`` (JSON data) or ``src`` are left alone.
_OPEN, _CLOSE = "<script>", "</script>"
FOLDER = "assets/academy/inline"


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

    def externalise(self, html: str, url_for: Callable[[str], str]) -> str:
        """Replace each inline script in ``html`` with a reference to a file.

        A plain substring search, not a regular expression: it runs over
        every page of every build, and ``str.find`` scans at C speed.
        """
        out: list[str] = []
        at = 0
        while True:
            start = html.find(_OPEN, at)
            if start < 0:
                break
            end = html.find(_CLOSE, start)
            if end < 0:
                break
            code = html[start + len(_OPEN) : end]
            out.append(html[at:start])
            if code.strip():
                out.append(f'<script src="{url_for(self._name(code))}"></script>')
            at = end + len(_CLOSE)
        if not out:
            return html
        out.append(html[at:])
        return "".join(out)

    def write(self, site_dir: Path) -> None:
        for name, code in sorted(self.files.items()):
            target = site_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code, encoding="utf-8")
