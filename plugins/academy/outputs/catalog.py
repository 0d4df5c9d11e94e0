"""``catalog.json``: every module, path and quiz, for tools and agents.

The catalog deliberately holds no answer data (no choices, correct flags,
accepted answers or pairs): it is an index, and quiz banks lose their value
as assessments if their keys sit in one convenient file. Its JSON Schema is
:mod:`academy.core.schemas.catalog`.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any

from academy.core.model import Academy
from academy.core.schemas.catalog import CATALOG_SCHEMA_URL, CATALOG_VERSION
from academy.outputs.common import markdown_url, or_none
from academy.render.urls import SiteUrls


def _iso_utc(moment: _dt.date | _dt.datetime) -> str:
    # A bare date means midnight UTC; a naive datetime is taken as UTC already,
    # because converting it from local time would make builds machine-dependent.
    if isinstance(moment, _dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(_dt.UTC)
        moment = moment.replace(tzinfo=None, microsecond=0)
    else:
        moment = _dt.datetime(moment.year, moment.month, moment.day)
    return moment.isoformat() + "Z"


def catalog(
    academy: Academy,
    urls: SiteUrls,
    *,
    site_name: str,
    site_url: str,
    built: _dt.date | _dt.datetime,
) -> dict[str, Any]:
    """The content of ``catalog.json``: every module, path and quiz, without answers.

    Modules and quizzes are sorted by id so the file diffs cleanly between
    builds; paths keep the academy's order, which is the order the site shows
    them in. URLs are site-relative (join them with ``site.url``) so the file
    stays valid when the site is served from another address.

    Args:
        academy: The checked academy.
        urls: The page layout, for each item's ``url``.
        site_name: The site's name.
        site_url: The site's public address; empty when not configured.
        built: Build time; pass :func:`build_time` for reproducible builds.
    """
    modules = [
        {
            "id": m.id,
            "title": m.title.strip(),
            "summary": m.summary.strip(),
            "level": m.level,
            "duration": m.duration,
            "objectives": [{"id": o.id, "text": o.text.strip(), "bloom": o.bloom} for o in m.objectives],
            "tags": list(m.tags),
            "prerequisites": list(m.prerequisites),
            "url": urls.module(m.id),
            "markdown": markdown_url(m.id),
            "paths": sorted({lp.id for lp in academy.paths_of(m.id)}),
            "questions": len(m.checks),
            "scenarios": len(m.scenarios),
            "owner": or_none(m.owner),
            "reviewed": m.reviewed.isoformat() if m.reviewed else None,
        }
        for m in sorted(academy.modules, key=lambda m: m.id)
    ]
    paths = [
        {
            "id": lp.id,
            "title": lp.title.strip(),
            "role": lp.role.strip(),
            "summary": or_none(lp.summary),
            "url": urls.path(lp.id),
            "duration": academy.path_duration(lp),
            "placement": lp.placement or None,
            "requires": list(lp.requires),
            "stages": [
                {
                    "id": s.id,
                    "title": s.title.strip(),
                    "summary": or_none(s.summary),
                    "modules": list(s.modules),
                    "assessment": s.assessment or None,
                }
                for s in lp.stages
            ],
        }
        for lp in academy.paths
    ]
    quizzes = [
        {
            "id": q.id,
            "title": q.title.strip(),
            "kind": q.kind,
            "summary": or_none(q.summary),
            "url": urls.quiz(q.id),
            "pass_mark": q.pass_mark,
            "draw": q.draw,
            "questions": len(q.questions),
            "modules": sorted({x.module for x in q.questions if x.module}),
        }
        for q in sorted(academy.quizzes, key=lambda q: q.id)
    ]
    return {
        "$schema": CATALOG_SCHEMA_URL,
        "version": CATALOG_VERSION,
        "site": {"name": site_name, "url": site_url or None},
        "built": _iso_utc(built),
        "modules": modules,
        "paths": paths,
        "quizzes": quizzes,
    }


def catalog_json(data: Mapping[str, Any]) -> str:
    """The published text of a catalog: stable key order, trailing newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
