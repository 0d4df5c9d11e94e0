"""What the machine-readable outputs share: their addresses and text helpers."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable
from typing import Any

from academy.core.model import Academy, Module
from academy.render.text import json_for_html

CATALOG_URL = "catalog.json"


LLMS_URL = "llms.txt"


LLMS_FULL_URL = "llms-full.txt"


#: Where the site-relative exports live; links inside an export are written
#: relative to this folder unless the site URL is known.
EXPORT_DIR = "modules/"


def build_time() -> _dt.datetime:
    """When this build happened, in UTC, to the second.

    ``SOURCE_DATE_EPOCH`` (reproducible-builds.org) wins when set, so two
    builds of the same sources write the same catalog; without it, now.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


def markdown_url(module_id: str) -> str:
    """Site-relative URL of a module's Markdown export.

    Always ``modules/<id>.md``, whatever ``use_directory_urls`` says: agents
    cache and cite these URLs, so they must not depend on a theme setting.
    """
    return f"{EXPORT_DIR}{module_id}.md"


def embed_json(data: Any) -> str:
    """JSON text safe inside ``<script type="application/ld+json">``.

    The same escaping as the runtime's embedded data
    (:func:`academy.render.json_for_html`): ``<``, ``>``, ``&``, U+2028 and
    U+2029 become ``\\u`` escapes, so author text can never close the script
    element, and ``json.loads`` still returns the original strings.
    """
    return str(json_for_html(data))


def one_line(text: str) -> str:
    """Author text for one-line contexts (list items, link titles, headings)."""
    return " ".join(text.split())


def or_none(text: str) -> str | None:
    text = text.strip()
    return text or None


def link_text(text: str) -> str:
    # Brackets in a title would end the link text early and break the link.
    return one_line(text).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def absolute(site_url: str, site_relative: str) -> str:
    return site_url.rstrip("/") + "/" + site_relative


def modules_of(academy: Academy, ids: Iterable[str]) -> list[Module]:
    # dict.fromkeys: a module listed twice in a path is still one module.
    return [m for i in dict.fromkeys(ids) if (m := academy.module(i))]


def by_title(modules: Iterable[Module]) -> list[Module]:
    return sorted(modules, key=lambda m: (m.title.casefold(), m.id))
