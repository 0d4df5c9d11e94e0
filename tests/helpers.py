"""Small builders for test projects."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MODULE = """---
id: {id}
title: {title}
summary: A module about {id}.
level: foundation
duration: 10
{extra}objectives:
  - id: know
    text: Know the topic.
    bloom: remember
checks:
  - id: q
    objective: know
    type: true-false
    prompt: The topic matters.
    answer: true
    explanation: It does.
---
Body of {id}.
"""

PATH = """id: {id}
title: {title}
role: Every agent
stages:
  - id: one
    title: Stage one
    modules: [{modules}]
"""

#: A practice quiz bank with one question on module ``alpha``.
PRACTICE = """id: practice
title: Practice
kind: practice
questions:
  - id: q
    module: alpha
    objective: know
    type: true-false
    prompt: Practice matters.
    answer: true
    explanation: It does.
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def module(module_id: str, title: str | None = None, extra: str = "") -> str:
    return MODULE.format(id=module_id, title=title or module_id.replace("-", " ").capitalize(), extra=extra)


def path(path_id: str, modules: list[str], title: str | None = None) -> str:
    return PATH.format(id=path_id, title=title or path_id.capitalize(), modules=", ".join(modules))


def small_project(root: Path) -> Path:
    return write(
        root,
        {
            "modules/alpha.md": module("alpha"),
            "modules/beta.md": module("beta", extra="prerequisites: [alpha]\n"),
            "paths/main.yml": path("main", ["alpha", "beta"]),
        },
    )


MKDOCS_YML = """site_name: Test Academy
docs_dir: content
site_dir: build
theme:
  name: material
  font: false
  features: [navigation.instant]
plugins:
  - search
  - academy{options}
"""


def site_project(root: Path, options: str = "", language: str = "") -> Path:
    """A small project with mkdocs.yml and a home page, ready to build."""
    small_project(root)
    config = MKDOCS_YML.format(options=(":\n" + options) if options else "")
    if language:
        config = config.replace("  font: false\n", f"  font: false\n  language: {language}\n")
    return write(
        root,
        {
            "mkdocs.yml": config,
            "content/index.md": "# Test Academy\n\nWelcome.\n\n<!-- academy:role-cards -->\n",
        },
    )


def tree_digest(root: Path) -> dict[str, str]:
    """Path -> SHA-256 of every file under ``root``."""
    import hashlib

    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def python(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run this interpreter in ``root``, as a user's shell would, and capture its output."""
    import os
    import sys

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def mkdocs(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return python(root, "-m", "mkdocs", *args, env=env)


def schema_objects(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema (a node with ``properties``) in a JSON Schema, with its JSON pointer."""
    if isinstance(node, dict):
        if "properties" in node:
            yield where, node
        for key, value in node.items():
            yield from schema_objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from schema_objects(value, f"{where}/{i}")
