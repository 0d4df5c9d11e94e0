"""The browser runtime as shipped: a core script, its widget parts and one stylesheet, minified.

rjsmin and rcssmin only strip comments and whitespace (no renaming), so the
shipped code reads like the source in ``assets/``.
"""

from __future__ import annotations

import json
from importlib import resources

import rcssmin
import rjsmin

from academy.render import i18n

#: Where the built runtime receives the UI strings for the site's language.
STRINGS_MARKER = "/*@STRINGS@*/ {}"


def runtime_script(language: str, review_url: str = "review/", addon: str = "") -> str:
    """The browser runtime, minified, with the UI strings for ``language`` built in.

    Shipping the table inside the core, which every page loads, keeps pages
    free of per-page string data and loads it once, whatever the size of the
    academy; the parts read it from there. rjsmin only strips comments and
    whitespace (no renaming), so the shipped code reads like the source.
    ``addon`` is script appended to the same file (the xAPI sender when it is
    on), so it needs no loading of its own.
    """
    source = resources.files("academy.client").joinpath("assets", "academy.js").read_text("utf-8")
    table = json.dumps(
        {**i18n.runtime_strings(language), "_review": review_url}, ensure_ascii=True, sort_keys=True
    )
    if STRINGS_MARKER not in source:
        raise RuntimeError("academy.js lost its strings marker")
    return rjsmin.jsmin(source.replace(STRINGS_MARKER, table, 1) + ("\n" + addon if addon else "")) + "\n"


#: The widget parts, each loaded by the core only on pages that have its
#: widgets (``academy-<name>.js`` beside ``academy.js``), and what needs them.
PARTS = ("checks", "module", "quiz", "pages")


def runtime_parts() -> dict[str, str]:
    """Each part's file name and minified text.

    A page loads the core and only the parts its widgets need, so no page
    carries code for widgets it does not have; the parts take the UI strings
    from the core, which is why they need no language of their own.
    """
    folder = resources.files("academy.client").joinpath("assets")
    return {
        f"academy-{name}.js": rjsmin.jsmin(folder.joinpath(f"academy-{name}.js").read_text("utf-8")) + "\n"
        for name in PARTS
    }


def runtime_styles() -> str:
    """The runtime's stylesheet, minified."""
    source = resources.files("academy.client").joinpath("assets", "academy.css").read_text("utf-8")
    return rcssmin.cssmin(source) + "\n"
