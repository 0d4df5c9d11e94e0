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
import re
from collections.abc import Callable
from pathlib import Path

#: A script element with no attributes at all: inline code. Scripts with a
#: ``type`` (JSON data) or ``src`` are left alone.
_INLINE = re.compile(r"<script>(.*?)</script>", re.DOTALL)
FOLDER = "assets/academy/inline"


class InlineScripts:
    """Collects inline scripts from pages during a build, then writes them."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}

    def externalise(self, html: str, url_for: Callable[[str], str]) -> str:
        """Replace each inline script in ``html`` with a reference to a file."""

        def replace(match: re.Match[str]) -> str:
            code = match.group(1)
            if not code.strip():
                return ""
            name = f"{FOLDER}/{hashlib.sha256(code.encode('utf-8')).hexdigest()[:20]}.js"
            self.files[name] = code
            return f'<script src="{url_for(name)}"></script>'

        return _INLINE.sub(replace, html)

    def write(self, site_dir: Path) -> None:
        for name, code in sorted(self.files.items()):
            target = site_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code, encoding="utf-8")
