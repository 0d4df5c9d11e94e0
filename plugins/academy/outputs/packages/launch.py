"""The launch page: what an LMS opens, hosting the bridge and the course.

A SCORM session lasts from ``Initialize`` to ``Terminate`` and a cmi5 session
from ``initialized`` to ``terminated``, but a learner moves between many
pages. So the launch page stays open for the whole session, holds the one
connection to the LMS, and shows the course's pages in a frame; the pages
tell it what happens through the runtime's ``academy:*`` events.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import escape

from academy.render.text import json_for_html

STYLES = "assets/academy/academy-lms.css"
SCRIPT = "assets/academy/academy-lms.js"


def launch_page(config: Mapping[str, Any], language: str, notice: str, icon: str = "") -> str:
    """The launch page's HTML. Its data travels as inert JSON (no inline
    script), so it works under the same strict Content Security Policy as
    the pages; ``notice`` is what a browser without JavaScript shows; ``icon``
    the theme's favicon (without one, browsers ask the server's root for
    one: a request outside the package)."""
    title = escape(config["title"])
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        + (f'<link rel="icon" href="{escape(icon)}">\n' if icon else "")
        + f'<link rel="stylesheet" href="{STYLES}">\n'
        f'<script src="{SCRIPT}" defer></script>\n'
        "</head>\n<body>\n"
        f'<script type="application/json" id="academy-lms">{json_for_html(config)}</script>\n'
        f'<noscript><p class="ac-lms-noscript">{escape(notice)} '
        f'<a href="{escape(config["start"])}">{title}</a></p></noscript>\n'
        f'<iframe class="ac-lms-frame" title="{title}" hidden></iframe>\n'
        "</body>\n</html>\n"
    )


STYLESHEET = """html,body{margin:0;height:100%;overflow:hidden}
.ac-lms-frame{display:block;border:0;width:100%;height:100%}
.ac-lms-noscript{font:1rem/1.5 system-ui,sans-serif;margin:1rem}
"""
