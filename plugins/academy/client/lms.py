"""The LMS bridge as shipped in packages: the launch page's script and the
part appended to the runtime.

Only ``academy package`` uses these; a site ships none of their code.
"""

from __future__ import annotations

import json
from importlib import resources

import rjsmin

from academy.render import i18n

#: Where the page part receives its strings.
STRINGS_MARKER = "/*@LMS@*/ {}"

#: The UI strings the bridge and its launch page use.
STRING_KEYS = ("lms_standalone", "lms_new_tab")


def _asset(name: str) -> str:
    return resources.files("academy.client").joinpath("assets", name).read_text("utf-8")


def lms_strings(language: str) -> dict[str, str]:
    table = i18n.strings(language)
    return {key: table[key] for key in STRING_KEYS}


def bridge_script() -> str:
    """The launch page's script (``academy-lms.js``), minified."""
    return rjsmin.jsmin(_asset("academy-lms.js")) + "\n"


def page_script(language: str) -> str:
    """The part appended to the runtime in packages, with its strings built in."""
    source = _asset("academy-lms-page.js")
    if STRINGS_MARKER not in source:
        raise RuntimeError("academy-lms-page.js lost its strings marker")
    table = json.dumps(lms_strings(language), ensure_ascii=True, sort_keys=True).replace("<", "\\u003c")
    return source.replace(STRINGS_MARKER, table, 1)
