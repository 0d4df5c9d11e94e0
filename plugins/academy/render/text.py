"""Author text made safe for HTML, and the seeded shuffle every output shares.

Templates autoescape; these are the few helpers that turn plain author text
into markup (paragraphs, inline text) or data for the browser runtime
(JSON inside ``<script type="application/json">``).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_for_html(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``.

    Escaping ``<`` makes ``</script>`` impossible; U+2028/2029 are escaped
    for older JavaScript parsers that treat them as line breaks.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.translate(_JSON_ESCAPES))


def ascii_html(text: str) -> Markup:
    """Escaped text with every non-ASCII character as a character reference.

    The interface's own words ("Choose…") would otherwise be the only
    non-ASCII characters on many pages. Python stores such a page in two or
    four bytes per character instead of one, and MkDocs then copies and
    encodes every page of 300 KB or more (most of it navigation) several
    times slower.
    """
    return Markup(str(escape(text)).encode("ascii", "xmlcharrefreplace").decode("ascii"))


def paragraphs(text: str) -> Markup:
    """Plain text to ``<p>`` paragraphs; single newlines become ``<br>``."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in block.split("\n")))
        for block in blocks
    )


def prose(text: str) -> Markup:
    """Plain text to ``<p>`` paragraphs; single newlines (YAML's folded lines) are spaces."""
    return paragraphs("\n\n".join(" ".join(b.split()) for b in re.split(r"\n\s*\n", text.strip())))


def inline(text: str) -> Markup:
    """Plain text for inline contexts: escaped, whitespace collapsed."""
    return escape(" ".join(text.split()))


def stable_shuffle(items: Sequence[Any], seed: str) -> list[Any]:
    """A shuffle that is the same on every build of the same content.

    Seeded from the content's ids, never from ``hash()``, so builds are
    byte-identical whatever ``PYTHONHASHSEED`` is.
    """
    out = list(items)
    rng = random.Random(hashlib.sha256(seed.encode("utf-8")).digest())
    rng.shuffle(out)
    if len(out) > 1 and out == list(items):
        out = out[1:] + out[:1]  # a "shuffle" that shows the answer defeats the question
    return out
