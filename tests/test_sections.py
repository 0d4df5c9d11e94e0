"""Modules arranged for the navigation: folders, long lists split, guide words."""

from __future__ import annotations

from pathlib import Path

import pytest

from academy.core.model import Module
from academy.core.problems import SettingsError
from academy.core.sections import NavSection, guide_words, module_sections, split_sections, title_order
from academy.core.settings import Settings


def modules(titles: list[str], folder: str = "") -> list[Module]:
    where = f"modules/{folder}/" if folder else "modules/"
    return [
        Module(id=f"m{i}", title=t, summary="", level="foundation", duration=5, file=f"{where}m{i}.md")
        for i, t in enumerate(titles)
    ]


def span(first: str, last: str) -> str:
    return f"{first} to {last}"


def ids(entries: tuple[NavSection | str, ...] | list[NavSection | str]) -> list[object]:
    return [(e.title, ids(e.entries)) if isinstance(e, NavSection) else e for e in entries]


def test_short_folders_are_one_section_each_and_top_level_modules_stand_alone() -> None:
    found = module_sections(
        modules(["Beta", "alpha"], "care") + modules(["Gamma"], "") + modules(["Delta"], "care-team/tone"),
        "modules",
        50,
        span,
    )
    # Ids repeat across the helper's folders; what matters is the shape.
    assert ids(found) == ["m0", ("Care", ["m1", "m0"]), ("Care team / tone", ["m0"])]
    assert not split_sections(found)


def test_a_long_folder_is_split_into_balanced_sections_named_by_guide_words() -> None:
    titles = [f"Apple {i}" for i in range(40)] + [f"Banana {i}" for i in range(43)]
    found = module_sections(modules(titles, "fruit"), "modules", 50, span)
    (fruit,) = found
    assert isinstance(fruit, NavSection) and not fruit.split
    first, second = fruit.entries
    assert isinstance(first, NavSection) and isinstance(second, NavSection)
    assert (len(first.entries), len(second.entries)) == (42, 41)  # not 50 and 33
    assert first.split and second.split and split_sections(found)
    # Numbers sort as numbers, and each end shows the words that tell it
    # from the title across the boundary.
    assert first.title == "Apple to Banana 1"
    assert second.title == "Banana 2 to Banana 42"


def test_more_sections_than_the_limit_are_split_again() -> None:
    found = module_sections(modules([f"Module {i}" for i in range(3000)]), "modules", 50, span)
    assert [e.title for e in found if isinstance(e, NavSection)] == [
        "Module 0 to Module 1499",
        "Module 1500 to Module 2999",
    ]
    for outer in found:
        assert isinstance(outer, NavSection) and len(outer.entries) == 30
        for inner in outer.entries:
            assert isinstance(inner, NavSection) and len(inner.entries) == 50


def test_no_list_is_longer_than_the_limit_and_every_module_is_listed_once() -> None:
    for count, limit in ((5, 2), (101, 10), (57, 7)):
        found = module_sections(modules([f"T{i}" for i in range(count)]), "modules", limit, span)

        def walk(
            entries: tuple[NavSection | str, ...] | list[NavSection | str], limit: int = limit
        ) -> list[str]:
            assert len(entries) <= limit
            out: list[str] = []
            for e in entries:
                if isinstance(e, NavSection):
                    assert len(e.entries) > 1  # no section holds a single entry
                    out += walk(e.entries)
                else:
                    out.append(e)
            return out

        listed = walk(found)
        assert sorted(listed) == sorted(f"m{i}" for i in range(count)), (count, limit)


def test_zero_never_splits() -> None:
    found = module_sections(modules([f"T{i}" for i in range(120)]), "modules", 0, span)
    assert len(found) == 120 and not split_sections(found)


def test_guide_words() -> None:
    assert (
        guide_words("Billing disputes 140: the end", "Billing disputes 141: the end")
        == "Billing disputes 140"
    )
    assert guide_words("Cherry", "Banana") == "Cherry"
    assert guide_words("Coaching skills", "coaching SKILLS") == "Coaching skills"
    assert title_order("Module 2") < title_order("module 10")


@pytest.mark.parametrize("value", [1, -1, True, "50"])
def test_the_option_refuses_sizes_that_cannot_split(value: object, tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="nav_section_size"):
        Settings.from_options(tmp_path, {"nav_section_size": value})
    assert Settings.from_options(tmp_path, {"nav_section_size": 0}).nav_section_size == 0
