"""Print what each kind of page downloads of the browser runtime, gzipped, against the 14 KB budget.

Usage: python benchmarks/size.py [LANGUAGE]

The runtime is a core (``academy.js``, with the UI strings built in), the
stylesheet, and widget parts the core loads only on pages that have their
widgets. The budget (issue 22: 14 KB) is per page: the core, the stylesheet
and the parts that page loads, each gzipped on its own as a server sends them.
Which parts a page loads is read from the core's own NEEDS table, so this
script cannot drift from what the browser does. Sizes are deterministic, so
tests/test_runtime_assets.py asserts them. Exits 1 while any page is over.
"""

from __future__ import annotations

import gzip
import re
import sys
from importlib import resources

from academy.client.runtime import PARTS, runtime_parts, runtime_script, runtime_styles
from academy.client.xapi import XapiSettings, sender_script

BUDGET = 14 * 1024

#: A page of each kind and the markers its HTML carries (what NEEDS matches).
PAGES = {
    "plain page": (),
    "module": (".ac-check", "[data-ac-module]"),
    "quiz": (".ac-check", "[data-ac-quiz]"),
    "path": ("[data-ac-path]",),
    "review": (".ac-check", "[data-ac-review-page]"),
    "progress": ("[data-ac-progress-page]",),
    "certificate": ("[data-ac-certificate-page]",),
    "page with a check": (".ac-check",),
}


def gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), 9, mtime=0))


def needs() -> list[tuple[frozenset[str], str]]:
    """The core's NEEDS table: (selectors, part) rows, parsed from the source."""
    source = resources.files("academy.client").joinpath("assets", "academy.js").read_text("utf-8")
    table = re.search(r"const NEEDS = \[(.*?)\n  \];", source, re.S)
    if not table:
        raise RuntimeError("academy.js has no NEEDS table")
    rows = re.findall(r'\[\s*"([^"]+)",\s*"([\w-]+)"\s*\]', table.group(1))
    return [(frozenset(s.strip() for s in selectors.split(",")), part) for selectors, part in rows]


def parts_for(markers: tuple[str, ...]) -> list[str]:
    """The parts a page with these markers loads, in the core's order."""
    return [part for selectors, part in needs() if selectors & set(markers)]


def sizes(language: str = "en") -> dict[str, int]:
    """File name -> gzipped bytes (level 9) of every file of the runtime."""
    files = {"academy.js": runtime_script(language), "academy.css": runtime_styles(), **runtime_parts()}
    return {name: gz(text) for name, text in files.items()}


def pages(language: str = "en") -> dict[str, int]:
    """Kind of page -> gzipped bytes of the runtime it downloads."""
    table = sizes(language)
    base = table["academy.js"] + table["academy.css"]
    return {
        kind: base + sum(table[f"academy-{part}.js"] for part in parts_for(markers))
        for kind, markers in PAGES.items()
    }


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    table = sizes(language)
    for name, size in table.items():
        print(f"{name:22} {size:6,d} gzipped")
    print(f"{'all files':22} {sum(table.values()):6,d} gzipped  (a learner who opens every kind of page)")
    print()
    by_page = pages(language)
    for kind, size in by_page.items():
        parts = ", ".join(parts_for(PAGES[kind])) or "no parts"
        print(f"{kind:22} {size:6,d} gzipped  {100 * size / BUDGET:3.0f}% of {BUDGET:,d}  ({parts})")
    # The xAPI sender joins academy.js only on sites that set the `xapi` option.
    xapi = XapiSettings(endpoint="https://lrs.example.org/xAPI/")
    patterns = {"module": "modules/{id}/", "path": "paths/{id}/", "quiz": "quizzes/{id}/"}
    extra = gz(runtime_script(language, addon=sender_script(xapi, patterns))) - table["academy.js"]
    print(f"{'with xapi':22} {extra:+6,d} gzipped  (on every page, only when the xapi option is set)")
    unused = set(PARTS) - {part for _, part in needs()}
    if unused:
        print(f"parts no page loads: {', '.join(sorted(unused))}")
        return 1
    return 0 if max(by_page.values()) <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
