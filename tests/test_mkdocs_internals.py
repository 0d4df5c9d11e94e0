"""What the MkDocs adapter relies on beyond MkDocs' documented API.

Each test names the adapter function that breaks if a MkDocs release
changes the behaviour, so an upgrade fails here, loudly, instead of in a
learner's browser.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import mkdocs.commands.build
from mkdocs.config import load_config
from mkdocs.structure.files import File

from academy.mkdocs.internals import force_rebuild
from academy.mkdocs.sitefiles import LateFile


def test_force_rebuild_is_what_a_dirty_build_asks(tmp_path: Path) -> None:
    source = inspect.getsource(mkdocs.commands.build)
    assert "page.file.is_modified()" in source, (
        "academy.mkdocs.internals.force_rebuild: MkDocs' dirty build no longer asks "
        "page.file.is_modified(); find the new way to make it rebuild an author's page"
    )
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n")
    file = File("a.md", str(docs), str(site), use_directory_urls=True)
    Path(file.abs_dest_path).parent.mkdir(parents=True)
    Path(file.abs_dest_path).write_text("built")
    os.utime(file.abs_src_path, (1, 1))
    assert not file.is_modified()
    force_rebuild(file)
    assert file.is_modified(), "academy.mkdocs.internals.force_rebuild no longer takes effect"


def test_late_file_is_read_and_written_through_public_members(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    # MkDocs names the plugin whose event is running; files are made in on_files.
    config.plugins._current_plugin = "academy"
    made: list[str] = []

    def text() -> str:
        made.append("once")
        return "hello\n"

    late = LateFile.lazy(config, "llms.txt.export", text, dest_uri="llms.txt")
    assert made == [], "the text is made only when something reads it"
    assert late.dest_uri == "llms.txt" and late.generated_by == "academy"
    assert late.content_string == "hello\n" and late.content_bytes == b"hello\n"
    late.copy_file()
    assert (tmp_path / "site" / "llms.txt").read_text() == "hello\n"
    assert made == ["once"]
    late.content_string = "changed by another plugin\n"
    late.copy_file()
    assert (tmp_path / "site" / "llms.txt").read_text() == "changed by another plugin\n"


def test_current_page_marks_find_both_links_in_materials_nav_item() -> None:
    import material

    from academy.mkdocs.navmarks import NAV_ITEM, mark_current

    source = (Path(material.__file__).parent / "templates" / NAV_ITEM).read_text(encoding="utf-8")
    marked = mark_current(source)
    assert marked.count('aria-current="page"') == 2, (
        "academy.mkdocs.navmarks: Material's nav-item.html no longer has the two links to the "
        "current page the rewrite expects; find them again"
    )
    assert marked.count("<label") == source.count("<label"), "labels are left alone"
