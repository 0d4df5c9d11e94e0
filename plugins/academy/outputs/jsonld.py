"""schema.org JSON-LD for module and path pages, for search engines and agents."""

from __future__ import annotations

from typing import Any

from academy.core.model import Academy, LearningPath, Module
from academy.outputs.common import absolute, embed_json, modules_of
from academy.render.urls import SiteUrls

#: How a page's JSON-LD script element opens.
JSONLD_OPEN = '<script type="application/ld+json">'


def iso_duration(minutes: int) -> str:
    """Minutes as an ISO 8601 duration (``PT1H30M``), schema.org's ``timeRequired``."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return f"PT{rest}M"
    return f"PT{hours}H{rest}M" if rest else f"PT{hours}H"


def _page_link(urls: SiteUrls, site_url: str, page: str, target: str) -> str:
    # Without a site URL a site-relative URL would be resolved against the page
    # that embeds the JSON-LD, so it is made relative to that page instead.
    return absolute(site_url, target) if site_url else urls.base_of(page) + target


def jsonld_module(
    module: Module, academy: Academy, urls: SiteUrls, site_url: str, language: str = "en"
) -> str:
    """schema.org ``LearningResource`` for a module page, as embeddable JSON text.

    Returns the text for a ``<script type="application/ld+json">`` element
    (without the element), escaped by :func:`embed_json`.
    """
    page = urls.module(module.id)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": module.title.strip(),
        "description": module.summary.strip(),
        "url": _page_link(urls, site_url, page, page),
        "learningResourceType": "module",
        "educationalLevel": module.level,
        "timeRequired": iso_duration(module.duration),
        "inLanguage": language,
        "teaches": [o.text.strip() for o in module.objectives],
        "isPartOf": [
            {
                "@type": "Course",
                "name": lp.title.strip(),
                "url": _page_link(urls, site_url, page, urls.path(lp.id)),
            }
            for lp in academy.paths_of(module.id)
        ],
    }
    if module.tags:
        data["keywords"] = list(module.tags)
    return embed_json(data)


def jsonld_path(
    path: LearningPath, academy: Academy, urls: SiteUrls, site_url: str, language: str = "en"
) -> str:
    """schema.org ``Course`` for a path page, as embeddable JSON text.

    The modules are its parts in the order to take them; what it teaches is
    every objective of those modules, each once.
    """
    page = urls.path(path.id)
    modules = modules_of(academy, path.module_ids)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": path.title.strip(),
        "description": path.summary.strip() or path.role.strip(),
        "url": _page_link(urls, site_url, page, page),
        "timeRequired": iso_duration(academy.path_duration(path)),
        "inLanguage": language,
        "audience": {"@type": "EducationalAudience", "educationalRole": path.role.strip()},
        "teaches": list(dict.fromkeys(o.text.strip() for m in modules for o in m.objectives)),
        "hasPart": [
            {
                "@type": "LearningResource",
                "name": m.title.strip(),
                "url": _page_link(urls, site_url, page, urls.module(m.id)),
                "timeRequired": iso_duration(m.duration),
            }
            for m in modules
        ],
    }
    required = [p for i in path.requires if (p := academy.path(i))]
    if required:
        data["coursePrerequisites"] = [
            {
                "@type": "Course",
                "name": p.title.strip(),
                "url": _page_link(urls, site_url, page, urls.path(p.id)),
            }
            for p in required
        ]
    if path.certificate_title:
        data["educationalCredentialAwarded"] = path.certificate_title.strip()
    return embed_json(data)
