"""llms.txt, llms-full.txt and JSON-LD, on the sample academy and hostile text."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from academy.core.engine import run
from academy.core.model import (
    Academy,
)
from academy.outputs.common import embed_json, markdown_url
from academy.outputs.export import Links, join_lines, module_lines, module_markdown
from academy.outputs.jsonld import iso_duration, jsonld_module, jsonld_path
from academy.outputs.llms import intro, llms_full_txt, llms_txt, reading_list
from academy.render.urls import SiteUrls

from machines import DIRS, FLAT, PAYLOAD, SITE, hostile_academy, sample_academy, section
from sample import sample, sample_links


@pytest.fixture(scope="module")
def academy() -> Academy:
    return sample_academy()


def _llms(academy: Academy, site_url: str = "") -> str:
    return llms_txt(
        academy,
        DIRS,
        site_name="An Academy",
        site_summary="Role-based training\nfor customer-service teams.",
        site_url=site_url,
    )


def test_llms_txt_follows_the_convention(academy: Academy) -> None:
    text = _llms(academy)
    assert text.startswith("# An Academy\n\n> Role-based training for customer-service teams.\n\n")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == [p.title for p in academy.paths] + ["All modules", "Optional"]
    assert re.findall(r"^# ", text, re.M) == ["# "]
    for line in text.split("\n"):
        if line.startswith("- "):
            assert re.fullmatch(r"- \[[^\]]+\]\([^()\s]+\): \S.*\S", line), line


def test_llms_txt_links_each_module_export_once_in_all_modules(academy: Academy) -> None:
    text = _llms(academy)
    every = section(text, "## All modules")
    links = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", every, re.M)
    assert sorted(links) == sorted(markdown_url(m.id) for m in academy.modules)
    assert len(links) == len(set(links)) == len(sample().modules)


def test_llms_txt_lists_path_modules_in_stage_order(academy: Academy) -> None:
    text = _llms(academy, SITE)
    for path in academy.paths:
        part = section(text, f"## {path.title}")
        links = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", part, re.M)
        assert links == [SITE + markdown_url(i) for i in dict.fromkeys(path.module_ids)]
    optional = section(text, "## Optional")
    assert f"]({SITE}catalog.json)" in optional
    assert f"]({SITE}llms-full.txt)" in optional


def test_llms_txt_descriptions_stay_on_one_line() -> None:
    academy = hostile_academy()
    module = academy.module("hostile")
    assert module is not None
    multi = replace(module, title="A [bracketed] title", summary="Line one\n\nline two\n- not a list")
    academy = Academy.of((multi,), academy.paths, ())
    text = llms_txt(academy, DIRS, site_name="X", site_summary="", site_url="")
    assert "- [A \\[bracketed\\] title](modules/hostile.md): Line one line two - not a list\n" in text
    assert "> 1 training modules in 1 learning paths." in text


def test_llms_full_txt_holds_every_module_once_in_path_order(academy: Academy) -> None:
    text = llms_full_txt(academy, DIRS, site_name="An Academy", site_summary="Training.", site_url="")
    assert text.startswith("# An Academy\n\n> Training.\n\n---\n\n# ")
    titles = re.findall(r"^# (.+)$", text, re.M)[1:]
    in_paths = list(dict.fromkeys(i for p in academy.paths for i in p.module_ids))
    expected = [academy.module(i).title for i in in_paths]  # type: ignore[union-attr]
    expected += sorted((m.title for m in academy.modules if m.id not in in_paths), key=lambda t: t.casefold())
    assert titles == expected
    assert text.count("\n---\n") == len(academy.modules)
    # Links are rewritten for the root of the site, where this file lives.
    links = sample_links()
    assert f"]({links.page_stem}/#{links.anchor})" in text
    assert f"](modules/{links.other}.md)" in text
    assert "](../" not in text


def test_iso_durations() -> None:
    assert [iso_duration(m) for m in (0, 25, 60, 90, 375)] == [
        "PT0M",
        "PT25M",
        "PT1H",
        "PT1H30M",
        "PT6H15M",
    ]


def test_jsonld_for_every_module_and_path(academy: Academy) -> None:
    for module in academy.modules:
        data = json.loads(jsonld_module(module, academy, DIRS, SITE))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "LearningResource"
        assert data["name"] == module.title
        assert data["timeRequired"] == iso_duration(module.duration)
        assert data["url"] == f"{SITE}modules/{module.id}/"
        assert data["teaches"] == [o.text for o in module.objectives]
    for path in academy.paths:
        data = json.loads(jsonld_path(path, academy, DIRS, SITE))
        assert data["@type"] == "Course"
        assert data["name"] == path.title
        assert data["timeRequired"] == iso_duration(academy.path_duration(path))
        assert [p["url"] for p in data["hasPart"]] == [
            f"{SITE}modules/{i}/" for i in dict.fromkeys(path.module_ids)
        ]


def test_jsonld_says_what_the_files_say(academy: Academy) -> None:
    files = sample()
    titles = {p["id"]: p["title"].strip() for p in files.paths}
    for module in academy.modules:
        raw = files.modules[module.id]
        data = json.loads(jsonld_module(module, academy, DIRS, ""))
        assert data["timeRequired"] == iso_duration(raw["duration"])
        assert data["educationalLevel"] == raw["level"]
        assert data["inLanguage"] == "en"
        # Relative to the page that embeds it, since no site URL is known.
        assert data["url"] == f"../../modules/{module.id}/"
        assert data["teaches"] == [o["text"].strip() for o in raw["objectives"]]
        assert data["isPartOf"] == [
            {"@type": "Course", "name": titles[p], "url": f"../../paths/{p}/"}
            for p in files.paths_of(module.id)
        ]
    for raw in files.paths:
        path = academy.path(raw["id"])
        assert path is not None
        data = json.loads(jsonld_path(path, academy, FLAT, "", language="de"))
        assert data["timeRequired"] == iso_duration(files.duration(raw))
        assert data["url"] == f"../paths/{raw['id']}.html"
        assert data["inLanguage"] == "de"
        assert data.get("educationalCredentialAwarded") == (raw.get("certificate") or {}).get("title")
        assert data["audience"] == {"@type": "EducationalAudience", "educationalRole": raw["role"].strip()}
        data = json.loads(jsonld_path(path, academy, DIRS, SITE))
        assert data.get("coursePrerequisites", []) == [
            {"@type": "Course", "name": titles[r], "url": f"{SITE}paths/{r}/"}
            for r in raw.get("requires", [])
        ]
    assert any(p.get("requires") for p in files.paths) and any(p.get("certificate") for p in files.paths)


def test_jsonld_cannot_close_its_script_element() -> None:
    academy = hostile_academy()
    module = academy.module("hostile")
    path = academy.path("hostile-path")
    assert module is not None and path is not None
    for text in (
        jsonld_module(module, academy, DIRS, ""),
        jsonld_path(path, academy, DIRS, SITE),
    ):
        for raw in ("<", ">", "&", "\u2028", "\u2029"):
            assert raw not in text
        assert "\\u003c/script\\u003e" in text
    data = json.loads(jsonld_module(module, academy, DIRS, ""))
    assert data["name"] == f"Title {PAYLOAD}"
    assert data["description"] == f"Summary {PAYLOAD}"
    assert data["teaches"] == [f"Objective {PAYLOAD}"]
    assert data["timeRequired"] == "PT1H30M"
    data = json.loads(jsonld_path(path, academy, DIRS, SITE))
    assert data["name"] == f"Path {PAYLOAD}"
    assert data["hasPart"][0]["name"] == f"Title {PAYLOAD}"


def test_embed_json_escapes_exactly_what_html_needs() -> None:
    text = embed_json({"b": "</script>&\u2028\u2029", "a": 1})
    assert text == '{"a":1,"b":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}'
    assert json.loads(text) == {"a": 1, "b": "</script>&\u2028\u2029"}


def test_llms_full_is_its_sections_joined_and_reuses_exports() -> None:
    """The file is made by concatenating per-module sections, so serve can keep
    them; it must read exactly as one pass over every line would make it."""
    from academy.core.settings import load_settings

    academy = run(load_settings(Path(__file__).resolve().parents[1])).academy
    urls = SiteUrls()
    for site in ("", "https://academy.example.org/"):
        kwargs = {"site_name": "Academy", "site_summary": "Sum.", "site_url": site}
        links = Links(urls, academy, site, "")
        lines = intro(academy, "Academy", "Sum.")
        for module in reading_list(academy):
            lines += ["---", "", *module_lines(module, academy, links), ""]
        one_pass = join_lines(lines)
        assert llms_full_txt(academy, urls, **kwargs) == one_pass
        if site:
            exports = {m.id: module_markdown(m, academy, urls, site) for m in academy.modules}
            made = llms_full_txt(academy, urls, section=lambda m, e=exports: e[m.id], **kwargs)
            assert made == one_pass
