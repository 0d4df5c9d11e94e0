"""The published academy for machines, on the real sample site.

``test_machine.py`` checks each document's content in detail; this checks
what an agent finds on the built site: files where the links say, a catalog
that validates against the schema published beside it, JSON-LD on every page.
"""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from academy.core.engine import run
from academy.core.settings import load_settings

from helpers import mkdocs, site_project, write
from sample import sample

SITE_URL = "https://academy.example.org/"


def _academy(root: Path):
    return run(load_settings(root)).academy


def test_catalog_validates_and_lists_every_module_and_path(sample_build: Path) -> None:
    site = sample_build / "build"
    schema = json.loads((site / "schemas" / "catalog.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(catalog)]
    assert errors == []
    academy = _academy(sample_build)
    assert sorted(m["id"] for m in catalog["modules"]) == sorted(m.id for m in academy.modules)
    assert sorted(p["id"] for p in catalog["paths"]) == sorted(p.id for p in academy.paths)
    for entry in catalog["modules"]:
        assert (site / entry["url"] / "index.html").is_file()
        assert (site / entry["markdown"]).is_file()


def test_llms_txt_links_every_module_export(sample_build: Path) -> None:
    site = sample_build / "build"
    text = (site / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith(f"# {sample().site_name}\n\n> {sample().site_description}\n")
    links = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", text, flags=re.M)
    exports = {link for link in links if link.endswith(".md")}
    academy = _academy(sample_build)
    assert exports == {f"{SITE_URL}modules/{m.id}.md" for m in academy.modules}
    for link in exports:
        export = site / link.removeprefix(SITE_URL)
        assert export.read_text(encoding="utf-8").startswith("# ")
    sections = re.findall(r"^## (.+)$", text, flags=re.M)
    assert sections[: len(academy.paths)] == [p.title for p in academy.paths]
    assert "All modules" in sections
    full = (site / "llms-full.txt").read_text(encoding="utf-8")
    assert all(f"\n# {m.title}\n" in full for m in academy.modules)


class _JsonLd(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _jsonld(page: Path) -> list[dict]:
    parser = _JsonLd()
    parser.feed(page.read_text(encoding="utf-8"))
    return [json.loads(block) for block in parser.blocks]


def test_json_ld_parses_on_every_module_and_path_page(sample_build: Path) -> None:
    site = sample_build / "build"
    academy = _academy(sample_build)
    for module in academy.modules:
        (data,) = _jsonld(site / "modules" / module.id / "index.html")
        assert data["@type"] == "LearningResource"
        assert data["name"] == module.title
        assert data["url"] == f"{SITE_URL}modules/{module.id}/"
        assert data["timeRequired"].startswith("PT")
        assert data["teaches"] == [o.text for o in module.objectives]
        assert {p["url"] for p in data["isPartOf"]} == {
            f"{SITE_URL}paths/{p.id}/" for p in academy.paths_of(module.id)
        }
    for lp in academy.paths:
        (data,) = _jsonld(site / "paths" / lp.id / "index.html")
        assert data["@type"] == "Course" and data["name"] == lp.title
    page = (site / "modules" / academy.modules[0].id / "index.html").read_text(encoding="utf-8")
    assert page.index('<script type="application/ld+json">') < page.index("</head>")
    # Only the pages that describe learning carry it.
    assert _jsonld(site / "index.html") == []


def _head(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[: text.index("</head>")]


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_json_ld_reaches_the_head_in_every_theme_once(tmp_path: Path, theme: str) -> None:
    root = site_project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace(
            "  name: material\n  font: false\n  features: [navigation.instant]\n", f"  name: {theme}\n"
        ),
        encoding="utf-8",
    )
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    page = root / "build" / "modules" / "alpha" / "index.html"
    head = _head(page)
    assert head.count('<script type="application/ld+json">') == 1
    assert [d["name"] for d in _jsonld(page)] == ["Alpha"]


def test_json_ld_keeps_the_authors_own_main_html_and_extrahead(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"), encoding="utf-8"
    )
    write(
        root,
        {
            "overrides/main.html": '{% extends "base.html" %}\n'
            '{% block extrahead %}<meta name="author-extra" content="kept">{% endblock %}\n'
        },
    )
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    head = _head(root / "build" / "modules" / "alpha" / "index.html")
    # Printed by the `extrahead` block right after the author's own content,
    # not patched into the finished page.
    assert '<meta name="author-extra" content="kept"><script type="application/ld+json">' in head
    assert head.count('<script type="application/ld+json">') == 1
    home = _head(root / "build" / "index.html")
    assert '<meta name="author-extra" content="kept">' in home and "ld+json" not in home


def test_a_docs_file_named_like_a_machine_file_is_refused(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    write(root, {"content/llms.txt": "mine\n"})
    proc = mkdocs(root, "build")
    assert proc.returncode != 0
    assert "content/llms.txt collides with the llms.txt the academy generates" in proc.stderr
