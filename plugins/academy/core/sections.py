"""Modules arranged for a site's navigation: by folder, in sections a learner can scan.

Modules are grouped by their folder under the modules folder (the author's
topics), in title order. A group longer than ``limit`` is split into
sections of at most ``limit`` modules, each named by its first and last
titles as a dictionary's guide words are: a learner cannot use a list of a
thousand modules, and a site engine that renders the whole navigation into
every page (Material does) spends time growing with the square of the
number of modules on one. Splitting is what lets the engine render only the
current section.

Pure data: the adapter turns it into its engine's navigation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from academy.core.model import Module

#: Most modules a navigation section lists before it is split; the default
#: of the ``nav_section_size`` option.
SECTION_SIZE = 50


@dataclass(frozen=True, slots=True)
class NavSection:
    """A titled group of navigation entries.

    Attributes:
        title: Plain text (the adapter escapes it).
        entries: Module ids and sections, in order.
        split: Made by splitting a long list, not from a folder.
    """

    title: str
    entries: tuple[NavSection | str, ...]
    split: bool = False


Entry = NavSection | str


def folder_title(folder: str) -> str:
    """A topic folder's path as a section title: ``customer-care/tone`` -> ``Customer care / tone``."""
    return folder.replace("/", " / ").replace("-", " ").capitalize()


def module_sections(
    modules: Sequence[Module], modules_dir: str, limit: int, span: Callable[[str, str], str]
) -> list[Entry]:
    """The modules' navigation: one section per folder (modules at the top
    of the modules folder stand alone), each split when longer than
    ``limit`` (0: never). ``span(first, last)`` names a split section from
    the guide words of its first and last titles."""
    root = modules_dir.rstrip("/") + "/"
    groups: dict[str, list[Module]] = {}
    for module in modules:
        folder = module.file[len(root) :].rpartition("/")[0] if module.file.startswith(root) else ""
        groups.setdefault(folder, []).append(module)
    out: list[Entry] = []
    for folder in sorted(groups):
        ordered = sorted(groups[folder], key=lambda m: (title_order(m.title), m.id))
        entries = _split([(m.title, m.title, m.id) for m in ordered], limit, span)
        if folder:
            out.append(NavSection(folder_title(folder), tuple(entries)))
        else:
            out.extend(entries)
    return out


def split_sections(out: Sequence[Entry]) -> bool:
    """Whether any section was made by splitting a long list."""
    return any(isinstance(e, NavSection) and (e.split or split_sections(e.entries)) for e in out)


#: An entry while splitting: its first title, last title and what it holds.
_Span = tuple[str, str, Entry]


def title_order(title: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for titles: case-blind, numbers by value, so that
    "Module 2" comes before "Module 10"."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in _NUMBERS.split(title.casefold()) if part
    )


_NUMBERS = re.compile(r"(\d+)")


def _split(items: list[_Span], limit: int, span: Callable[[str, str], str]) -> list[Entry]:
    """``items`` as they are, or in sections of at most ``limit``, balanced
    (83 make 42 and 41, not 50 and 33); more sections than ``limit`` are
    split again, so no list a page shows is longer."""
    limit = max(limit, 2) if limit > 0 else 0  # sections of one would never end (the option refuses 1)
    if limit <= 0 or len(items) <= limit:
        return [entry for _, _, entry in items]
    count = -(-len(items) // limit)
    size, extra = divmod(len(items), count)
    chunks, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        chunks.append(items[start:end])
        start = end
    sections: list[_Span] = []
    for index, chunk in enumerate(chunks):
        first, last = chunk[0][0], chunk[-1][1]
        if len(chunk) == 1:  # a section of one would only hide it a level deeper
            sections.append(chunk[0])
            continue
        # Ends with no section beyond them are told from the section's other end.
        before = chunks[index - 1][-1][1] if index else last
        after = chunks[index + 1][0][0] if index + 1 < count else first
        start, end = guide_words(first, before), guide_words(last, after)
        title = start if start == end else span(start, end)
        sections.append((first, last, NavSection(title, tuple(e for _, _, e in chunk), split=True)))
    return _split(sections, limit, span)


def guide_words(title: str, neighbour: str) -> str:
    """The fewest leading words of ``title`` that tell it from ``neighbour``
    (the title across the section boundary), as a dictionary's guide words
    do; trailing punctuation dropped."""
    words, other = title.split(), neighbour.casefold().split()
    if not words:
        return title
    count = len(words)
    for count in range(1, len(words) + 1):
        if [w.casefold() for w in words[:count]] != other[:count]:
            break
    shown = " ".join(words[:count])
    return shown if count == len(words) else shown.rstrip(".,:;!?-")
