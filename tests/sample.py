"""The sample academy as its files say, read without the academy's own loader.

Tests of machine outputs compare what the outputs say with what the sample's
files say, so they hold when an author rewrites the sample, and they do not
take the loader's word for what is in the files.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """A module's front matter (plain PyYAML) and its body."""
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


@dataclass(frozen=True)
class Sample:
    """Raw data per id, each with its file relative to the repository."""

    modules: dict[str, dict[str, Any]]
    paths: list[dict[str, Any]]  # in the site's order: by file name
    quizzes: dict[str, dict[str, Any]]
    site_name: str
    site_description: str

    def module_ids(self, path: dict[str, Any]) -> list[str]:
        return list(dict.fromkeys(m for stage in path["stages"] for m in stage["modules"]))

    def duration(self, path: dict[str, Any]) -> int:
        return sum(self.modules[m]["duration"] for m in self.module_ids(path))

    def paths_of(self, module_id: str) -> list[str]:
        return [p["id"] for p in self.paths if module_id in self.module_ids(p)]


@functools.cache
def sample() -> Sample:
    modules = {}
    for path in sorted((REPO / "modules").rglob("*.md")):
        data, body = front_matter(path)
        modules[data["id"]] = {**data, "file": path.relative_to(REPO).as_posix(), "body": body}
    paths = []
    for path in sorted((REPO / "paths").glob("*.yml")):
        paths.append(
            {**yaml.safe_load(path.read_text(encoding="utf-8")), "file": path.relative_to(REPO).as_posix()}
        )
    quizzes = {}
    for path in sorted((REPO / "quizzes").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        quizzes[data["id"]] = {**data, "file": path.relative_to(REPO).as_posix()}
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:", 1)[0])
    return Sample(modules, paths, quizzes, config["site_name"], config["site_description"])


@dataclass(frozen=True)
class SampleLinks:
    """A module of the sample whose body links to a content page's heading
    and to another module: what link rewriting must handle.

    Attributes:
        module: The module's id.
        page: The page link as written, such as ``../sources.md#belding``.
        page_stem: The page's path from the site root without ``.md`` (``sources``).
        anchor: The heading it links to (``belding``).
        other: The id of the module it links to by file name.
    """

    module: str
    page: str
    page_stem: str
    anchor: str
    other: str


@functools.cache
def sample_links() -> SampleLinks:
    import re

    files = sample()
    page_link = re.compile(r"\]\((\.\./([\w/-]+)\.md#([\w-]+))\)")
    module_link = re.compile(r"\]\(([\w-]+)\.md\)")
    for module_id, raw in files.modules.items():
        page = page_link.search(raw["body"])
        other = next((m for m in module_link.findall(raw["body"]) if m in files.modules), None)
        if page and other:
            return SampleLinks(module_id, page.group(1), page.group(2), page.group(3), other)
    raise AssertionError("no sample module links both a content page's heading and another module")
