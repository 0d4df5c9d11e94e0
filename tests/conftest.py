"""Shared fixtures. Tests build real projects in temporary folders."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

# The installed-wheel fixtures, shared by test_install.py and a browser test.
from installkit import constraints, dists, installed, new_academy  # noqa: F401

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def academy_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The on-disk store of validated files (academy.core.store) in a folder
    of this run's, for the tests and every process they start: the suite
    exercises it, and leaves the user's cache folder alone."""
    folder = tmp_path_factory.mktemp("academy-store")
    before = os.environ.get("ACADEMY_CACHE")
    os.environ["ACADEMY_CACHE"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("ACADEMY_CACHE", None)
    else:
        os.environ["ACADEMY_CACHE"] = before


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own academy, built once per run into a temporary folder."""
    from helpers import mkdocs

    root = tmp_path_factory.mktemp("sample") / "academy"
    root.mkdir()
    for name in ("modules", "paths", "quizzes", "content"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    return root
