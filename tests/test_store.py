"""The on-disk store of validated files (academy.core.store) is never stale.

Files are edited, renamed and deleted between builds that use the store; each
built site and each check report must equal those of a cold run, which has
the store turned off. The store must also really be used, or these
comparisons would prove nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from academy.core import store as store_module
from academy.core.engine import run
from academy.core.loader import LoadCache
from academy.core.settings import Settings

from helpers import mkdocs, module, python, site_project, tree_digest, write

#: A module with an authoring warning (a loose boolean), so cached warnings
#: are compared too.
WARNED = module("gamma", extra="prerequisites: [alpha]\n").replace("    answer: true\n", "    answer: yes\n")
EPOCH = {"SOURCE_DATE_EPOCH": "1790000000"}


def build(root: Path, site: str, cache: str) -> dict[str, str]:
    proc = mkdocs(root, "build", "-d", site, env={**EPOCH, "ACADEMY_CACHE": cache})
    assert proc.returncode == 0, proc.stderr
    return tree_digest(root / site)


def check(root: Path, cache: str) -> tuple[int, str]:
    proc = python(root, "-m", "academy", "check", env={**EPOCH, "ACADEMY_CACHE": cache})
    return proc.returncode, proc.stdout + proc.stderr


def sources(root: Path) -> list[Path]:
    return [*root.glob("modules/**/*.md"), *root.glob("paths/*.yml"), *root.glob("content/**/*.md")]


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pickle"))


def test_edits_renames_and_deletes_between_cached_builds_match_a_cold_build(tmp_path: Path) -> None:
    root = site_project(tmp_path / "academy")
    write(root, {"modules/gamma.md": WARNED})
    store = str(tmp_path / "store")
    alpha = (root / "modules" / "alpha.md").read_text(encoding="utf-8")
    beta = (root / "modules" / "beta.md").read_text(encoding="utf-8")

    def edit_front_matter_and_body() -> None:
        write(root, {"modules/beta.md": beta.replace("title: Beta", "title: Beta, revised")})
        write(root, {"modules/alpha.md": alpha.replace("Body of alpha.", "Body of alpha, rewritten.")})

    def rename() -> None:
        (root / "modules" / "topic").mkdir()
        (root / "modules" / "beta.md").rename(root / "modules" / "topic" / "beta.md")

    def delete() -> None:
        (root / "modules" / "gamma.md").unlink()

    def restore_and_warn() -> None:
        write(root, {"modules/gamma.md": WARNED})  # the bytes a removed entry was stored for
        write(root, {"modules/alpha.md": alpha.replace("    answer: true\n", "    answer: on\n")})

    steps = [("unchanged", lambda: None), ("edit", edit_front_matter_and_body), ("rename", rename)]
    steps += [("delete", delete), ("restore and warn", restore_and_warn)]
    build(root, "cached", store)  # fills the store
    assert len(entries(Path(store))) == len(sources(root)), "every file checked is stored"
    for name, change in steps:
        change()
        cached_check = check(root, store)
        assert build(root, "cached", store) == build(root, "cold", "off"), name
        assert cached_check == check(root, "off"), name
        assert "yaml.loose-boolean" in cached_check[1] or name == "delete", name
    assert "Beta, revised" in (root / "cached" / "modules" / "beta" / "index.html").read_text()
    # Entries for bytes no file has any more are removed.
    assert len(entries(Path(store))) == len(sources(root))


def settings_for(root: Path) -> Settings:
    return Settings.from_options(root, {}, content_dir="content")


def test_a_second_run_validates_nothing_and_reports_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACADEMY_CACHE", str(tmp_path / "store"))
    root = site_project(tmp_path / "academy")
    write(root, {"modules/gamma.md": WARNED})
    cold, warm = LoadCache(), LoadCache()
    first = run(settings_for(root), cold)
    second = run(settings_for(root), warm)
    assert cold.misses == len(first.files) and cold.stored == 0
    assert warm.misses == 0 and warm.stored == len(second.files)
    assert second.problems == first.problems and second.problems
    assert second.academy.module("gamma") == first.academy.module("gamma")


def test_new_code_or_another_rule_environment_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACADEMY_CACHE", str(tmp_path / "store"))
    root = site_project(tmp_path / "academy")
    run(settings_for(root), LoadCache())
    other_day = LoadCache()
    run(settings_for(root).with_today(settings_for(root).today_date().replace(year=1999)), other_day)
    assert other_day.stored == 0, "per-file rules depend on today's date"
    monkeypatch.setattr(store_module, "code_hash", lambda: "another release")
    new_code = LoadCache()
    run(settings_for(root), new_code)
    assert new_code.stored == 0 and new_code.misses > 0


def test_a_damaged_or_unwritable_store_costs_a_cold_run_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "store"
    monkeypatch.setenv("ACADEMY_CACHE", str(folder))
    root = site_project(tmp_path / "academy")
    expected = run(settings_for(root), LoadCache()).problems
    for entry in entries(folder):
        entry.write_bytes(entry.read_bytes()[:20])
    damaged = LoadCache()
    assert run(settings_for(root), damaged).problems == expected
    assert damaged.stored == 0 and damaged.misses > 0
    shutil.rmtree(folder)
    folder.write_text("a file where the store's folder would be\n")
    assert run(settings_for(root), LoadCache()).problems == expected
