"""Serve-style rebuilds with one plugin instance give exactly the site a fresh
build gives, while only re-reading what changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from helpers import mkdocs, module, path, site_project, tree_digest, write

pytestmark = pytest.mark.slow


class Server:
    """What `mkdocs serve` does between edits: reload the configuration and
    rebuild, keeping plugin instances (the academy plugin defines on_startup).

    It starts the plugin as for a build, so pages get the same deployable
    treatment as a fresh build and whole trees can be compared byte for byte;
    a real `serve` only skips moving inline scripts into files.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root / "served"
        first = self._config()
        first.plugins.on_startup(command="build", dirty=False)
        self.plugin = first.plugins["academy"]

    def _config(self):
        return load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site))

    def rebuild(self) -> None:
        build(self._config())


def fresh(root: Path, target: Path) -> dict[str, str]:
    proc = mkdocs(root, "build", "-d", str(target))
    assert proc.returncode == 0, proc.stderr
    return tree_digest(target)


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Server:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    root = site_project(tmp_path / "academy")
    write(
        root,
        {
            "modules/gamma.md": module("gamma", extra="prerequisites: [beta]\n"),
            "paths/main.yml": path("main", ["alpha", "beta", "gamma"]),
        },
    )
    server = Server(root)
    server.rebuild()
    return server


def same_as_fresh(server: Server, tmp_path: Path, name: str) -> None:
    server.rebuild()
    assert tree_digest(server.site) == fresh(server.root, tmp_path / name)


def test_edit_rename_delete_between_builds(served: Server, tmp_path: Path) -> None:
    root = served.root
    cache = served.plugin.cache
    # Edit a title: every page that shows it (path, neighbours, progress) follows.
    misses = cache.misses
    write(root, {"modules/beta.md": module("beta", title="Beta renamed", extra="prerequisites: [alpha]\n")})
    same_as_fresh(served, tmp_path, "edit")
    assert cache.misses - misses == 1, "only the edited module is re-read and re-validated"
    page = (served.site / "paths" / "main" / "index.html").read_text(encoding="utf-8")
    assert "Beta renamed" in page
    assert "Beta renamed" in (served.site / "modules" / "gamma" / "index.html").read_text(encoding="utf-8")
    # Move a module to a sub-folder: same id, same page, no duplicate.
    os.makedirs(root / "modules" / "topic")
    shutil.move(root / "modules" / "gamma.md", root / "modules" / "topic" / "gamma.md")
    same_as_fresh(served, tmp_path, "move")
    # Change a module's id: references must follow or be reported.
    write(
        root,
        {
            "modules/topic/gamma.md": module("delta", extra="prerequisites: [beta]\n"),
            "paths/main.yml": path("main", ["alpha", "beta", "delta"]),
        },
    )
    same_as_fresh(served, tmp_path, "rename-id")
    assert not (served.site / "modules" / "gamma").exists()
    # Delete a module the path still lists: the rebuild fails and says why.
    (root / "modules" / "topic" / "gamma.md").unlink()
    with pytest.raises(Abort):
        served.rebuild()
    # Restore the path: the site follows, as if freshly built.
    write(root, {"paths/main.yml": path("main", ["alpha", "beta"])})
    same_as_fresh(served, tmp_path, "delete")
    assert not (served.site / "modules" / "delta").exists()
