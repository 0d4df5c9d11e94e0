"""Serve-style rebuilds with one plugin instance give exactly the site a fresh
build gives, while only re-reading what changed."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from helpers import PRACTICE, mkdocs, module, path, site_project, tree_digest, write

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
            "paths/main.yml": path("main", ["alpha", "beta", "gamma"]) + CERTIFICATE,
            # Pages outside the nav (a quiz, the certificate) are kept across
            # rebuilds too, and must be rendered afresh each time.
            "quizzes/practice.yml": PRACTICE,
        },
    )
    server = Server(root)
    server.rebuild()
    return server


CERTIFICATE = "certificate:\n  title: Main path complete\n"


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
    for kept, text in (
        ("paths/main/certificate", "Main path complete"),
        ("quizzes/practice", "Practice matters."),
    ):
        assert text in (served.site / kept / "index.html").read_text(encoding="utf-8")
    # Move a module to a sub-folder: same id, same page, no duplicate.
    os.makedirs(root / "modules" / "topic")
    shutil.move(root / "modules" / "gamma.md", root / "modules" / "topic" / "gamma.md")
    same_as_fresh(served, tmp_path, "move")
    # Change a module's id: references must follow or be reported.
    write(
        root,
        {
            "modules/topic/gamma.md": module("delta", extra="prerequisites: [beta]\n"),
            "paths/main.yml": path("main", ["alpha", "beta", "delta"]) + CERTIFICATE,
        },
    )
    same_as_fresh(served, tmp_path, "rename-id")
    assert not (served.site / "modules" / "gamma").exists()
    assert not (served.site / "modules" / "gamma.md").exists()
    assert (served.site / "modules" / "delta.md").is_file()
    assert "modules/gamma" not in (served.site / "llms-full.txt").read_text(encoding="utf-8")
    # Delete a module the path still lists: the rebuild fails and says why.
    (root / "modules" / "topic" / "gamma.md").unlink()
    with pytest.raises(Abort):
        served.rebuild()
    # Restore the path: the site follows, as if freshly built.
    write(root, {"paths/main.yml": path("main", ["alpha", "beta"]) + CERTIFICATE})
    same_as_fresh(served, tmp_path, "delete")
    assert not (served.site / "modules" / "delta").exists()


def test_body_edit_reuses_cross_file_work_and_stays_exact(served: Server, tmp_path: Path) -> None:
    root = served.root
    shape = served.plugin.build.result.shape
    beta = (root / "modules" / "beta.md").read_text(encoding="utf-8")
    write(root, {"modules/beta.md": beta + "\nA new closing paragraph about queues.\n"})
    same_as_fresh(served, tmp_path, "body")
    assert served.plugin.build.result.shape == shape, "a body edit leaves what other files see alone"
    for name in ("modules/beta/index.html", "modules/beta.md", "llms-full.txt"):
        assert "A new closing paragraph" in (served.site / name).read_text(encoding="utf-8"), name


def test_cross_file_problems_follow_edits_under_the_memo(tmp_path: Path) -> None:
    from academy.core.engine import run
    from academy.core.loader import LoadCache
    from academy.core.settings import Settings

    root = site_project(tmp_path / "academy")
    settings = Settings.from_options(root, {}, content_dir="content")
    cache = LoadCache()

    def codes() -> list[str]:
        return [f"{p.file}:{p.code}" for p in run(settings, cache).problems]

    assert codes() == []
    beta = (root / "modules" / "beta.md").read_text(encoding="utf-8")
    # A body edit that breaks a per-file rule, then a front-matter edit that
    # breaks a cross-file one: each appears and goes away with its cause.
    write(root, {"modules/beta.md": beta + "\n[[check nowhere]]\n"})
    assert codes() == ["modules/beta.md:ref.placement"]
    write(root, {"modules/beta.md": beta.replace("prerequisites: [alpha]", "prerequisites: [alpah]")})
    assert codes() == ["modules/beta.md:ref.prerequisite"]
    write(root, {"modules/beta.md": beta})
    assert codes() == []
    write(root, {"paths/main.yml": path("main", ["alpha"])})
    assert codes() == ["modules/beta.md:coverage.orphan"]


def test_unchanged_files_are_not_read_again_and_edits_are_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stat shortcut skips reading unchanged files, yet any write, even
    one keeping the size and restoring the modification time, is seen."""
    import time

    from academy.core import loader
    from academy.core.engine import run
    from academy.core.settings import Settings

    monkeypatch.setattr(loader, "RACY_NS", 0)  # trust stamps at once, as for files edited long ago
    root = site_project(tmp_path / "academy")
    settings = Settings.from_options(root, {}, content_dir="content")
    cache = loader.LoadCache()
    run(settings, cache)
    reads = cache.reads
    run(settings, cache)
    assert cache.reads == reads, "nothing changed, so nothing is read"
    target = root / "modules" / "beta.md"
    before = target.stat()
    time.sleep(0.05)  # past the file system's timestamp tick
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("title: Beta", "title: Beto"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    result = run(settings, cache)
    assert cache.reads == reads + 1, "only the rewritten file is read"
    assert result.academy.module("beta").title == "Beto"


def _pages_and_times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def _same_but_search_order(
    served: dict[str, str], fresh_site: dict[str, str], site: Path, other: Path
) -> None:
    # A dirty rebuild's search index lists the rebuilt pages' entries last.
    index = "search/search_index.json"
    assert {k: v for k, v in served.items() if k != index} == {
        k: v for k, v in fresh_site.items() if k != index
    }

    def entries(root: Path) -> list[str]:
        docs = json.loads((root / index).read_text(encoding="utf-8"))["docs"]
        return sorted(json.dumps(d, sort_keys=True) for d in docs)

    assert entries(site) == entries(other)


def test_a_dirty_rebuild_skips_unchanged_pages_and_matches_a_fresh_build(tmp_path: Path, monkeypatch) -> None:
    """`mkdocs serve --dirty`: an edit to a module's body rebuilds its page
    only; an edit other pages show rebuilds them all."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    root = site_project(tmp_path / "academy")
    write(root, {"modules/gamma.md": module("gamma", extra="prerequisites: [beta]\n")})
    site = root / "served"

    def rebuild() -> None:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)), dirty=True)

    first = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="build", dirty=True)
    build(first, dirty=True)
    rebuild()  # the first rebuild re-reads files written within the last two seconds
    before = _pages_and_times(site)
    time.sleep(0.01)

    gamma = (root / "modules" / "gamma.md").read_text(encoding="utf-8")
    write(root, {"modules/gamma.md": gamma + "\nOne more sentence.\n"})
    rebuild()
    after = _pages_and_times(site)
    assert sorted(p for p in after if after[p] != before[p]) == ["modules/gamma/index.html"]
    assert "One more sentence." in (site / "modules" / "gamma" / "index.html").read_text(encoding="utf-8")
    _same_but_search_order(tree_digest(site), fresh(root, tmp_path / "body"), site, tmp_path / "body")

    write(root, {"modules/beta.md": module("beta", title="Beta renamed", extra="prerequisites: [alpha]\n")})
    rebuild()
    again = _pages_and_times(site)
    assert all(again[p] != after[p] for p in after), "every page shows the title, in its navigation"
    _same_but_search_order(tree_digest(site), fresh(root, tmp_path / "title"), site, tmp_path / "title")


def test_a_dirty_rebuild_rewrites_only_the_machine_files_that_changed(tmp_path: Path, monkeypatch) -> None:
    """An edit to one module's body rewrites its Markdown export and
    ``llms-full.txt``; the other exports, ``catalog.json`` and ``llms.txt``
    keep their bytes and are not written again."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    root = site_project(tmp_path / "academy")
    site = root / "served"

    def rebuild() -> dict[str, int]:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)), dirty=True)
        return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}

    first = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, dirty=True)
    before = rebuild()
    time.sleep(0.01)
    beta = (root / "modules" / "beta.md").read_text(encoding="utf-8")
    write(root, {"modules/beta.md": beta + "\nOne more sentence.\n"})
    after = rebuild()
    written = {p for p in after if after[p] != before.get(p)}
    assert {"modules/beta.md", "llms-full.txt", "modules/beta/index.html"} <= written
    assert not written & {"modules/alpha.md", "catalog.json", "llms.txt"}, sorted(written)
    assert "One more sentence." in (site / "modules" / "beta.md").read_text(encoding="utf-8")
