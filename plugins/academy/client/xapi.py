"""The optional xAPI sender: the script part it adds to the runtime.

xAPI is off unless the ``xapi`` option is set (validated by
:mod:`academy.core.xapi`). Only then does the adapter append
``assets/academy-xapi.js`` to the runtime, with these settings built in, so
a site without xAPI ships none of its code and stays within the runtime's
size budget.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources

from academy.core.xapi import XapiSettings

#: Where the built script receives its settings.
SETTINGS_MARKER = "/*@XAPI@*/ {}"


def sender_script(xapi: XapiSettings, page_patterns: Mapping[str, str]) -> str:
    """The sender's source with its settings built in, to append to the runtime.

    Args:
        xapi: The validated settings.
        page_patterns: URL pattern per kind (``module``, ``path``, ``quiz``),
            relative to the site root, with ``{id}`` for the item's id; activity
            ids are those page addresses, so a statement leads to its page.
    """
    source = resources.files("academy.client").joinpath("assets", "academy-xapi.js").read_text("utf-8")
    if SETTINGS_MARKER not in source:
        raise RuntimeError("academy-xapi.js lost its settings marker")
    settings = {
        "endpoint": xapi.endpoint,
        "auth": xapi.auth,
        "actor": xapi.actor,
        "base": xapi.activity_base,
        **{kind: page_patterns[kind] for kind in ("module", "path", "quiz")},
    }
    # ensure_ascii plus escaped "<" keeps the text inert inside any HTML context.
    table = json.dumps(settings, ensure_ascii=True, sort_keys=True).replace("<", "\\u003c")
    return source.replace(SETTINGS_MARKER, table, 1)
