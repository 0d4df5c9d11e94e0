"""``academy build``: atomic, never damaging the last good site; reproducible."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import module, site_project, tree_digest, write

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


def academy_build(
    root: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "academy", "build", str(root), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
        timeout=180,
    )


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob(".academy-build-*"))


def test_build_replaces_the_site_and_leaves_nothing_behind(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    first = academy_build(root)
    assert first.returncode == 0, first.stderr
    assert (root / "build" / "modules" / "alpha" / "index.html").is_file()
    write(root, {"modules/alpha.md": module("alpha", title="Alpha second")})
    second = academy_build(root, "--strict")
    assert second.returncode == 0, second.stderr
    assert "Alpha second" in (root / "build" / "modules" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert leftovers(root) == []


def test_failing_build_leaves_the_previous_site_byte_identical(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    assert academy_build(root).returncode == 0
    before = tree_digest(root / "build")
    write(root, {"modules/beta.md": module("beta", extra="prerequisites: [nowhere]\n")})
    proc = academy_build(root)
    assert proc.returncode == 1
    assert "[ref.prerequisite] prerequisite `nowhere` is not a module" in proc.stderr
    assert "build is unchanged" in proc.stderr
    assert tree_digest(root / "build") == before
    assert leftovers(root) == []


def test_build_killed_midway_leaves_the_previous_site_byte_identical(tmp_path: Path) -> None:
    root = tmp_path / "academy"
    root.mkdir()
    for name in ("modules", "paths", "quizzes", "content"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    assert academy_build(root).returncode == 0
    before = tree_digest(root / "build")
    # Change the content, so a site swapped in by mistake would not match.
    source = root / "modules" / "foundations" / "support-philosophy.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1), encoding="utf-8"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "academy", "build", str(root)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    # Kill once the new site is being written: pages exist in the staged
    # folder, but the search index, written last, does not yet.
    while time.monotonic() < deadline:
        stages = list(root.glob(".academy-build-*"))
        writing = stages and len(list(stages[0].glob("modules/*/index.html"))) >= 3
        if writing and not (stages[0] / "search" / "search_index.json").exists():
            break
        time.sleep(0.002)
    else:
        pytest.fail("the build never started writing its staged site")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert tree_digest(root / "build") == before
    assert leftovers(root), "the killed build's staged folder should still be there"
    # The next build sweeps what the killed one left.
    assert academy_build(root, "-q").returncode == 0
    assert leftovers(root) == []


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "4242"):
        root = tmp_path / f"build-{seed}"
        root.mkdir()
        for name in ("modules", "paths", "quizzes", "content"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        proc = academy_build(root, "-q", env={"SOURCE_DATE_EPOCH": "1767225600", "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        trees.append(tree_digest(root / "build"))
    assert trees[0].keys() == trees[1].keys()
    differing = sorted(name for name in trees[0] if trees[0][name] != trees[1][name])
    assert differing == []
    assert "sitemap.xml" in trees[0] and "sitemap.xml.gz" in trees[0]
    assert "search/search_index.json" in trees[0]
