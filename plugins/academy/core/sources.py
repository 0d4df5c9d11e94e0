"""Finding source files, safely.

Sources are discovered in a stable order (sorted relative paths) so reports
and builds do not depend on the file system's listing order. Symbolic links
are never followed out of the project: a pull request must not be able to
make the build read ``/etc/passwd`` into a page.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from academy.core.codes import problem
from academy.core.problems import Problem
from academy.core.settings import Settings

MODULE, PATH, QUIZ, PAGE = "module", "path", "quiz", "page"
_SUFFIXES = {MODULE: (".md",), PATH: (".yml", ".yaml"), QUIZ: (".yml", ".yaml"), PAGE: (".md",)}


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A discovered source: its kind, path relative to the root, and absolute path."""

    kind: str
    rel: str
    abs: Path


def relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _ignored(name: str) -> bool:
    # Dot and underscore files are drafts and editor droppings; README.md
    # describes a folder to people browsing the repository.
    return name.startswith((".", "_")) or name.lower() == "readme.md"


def inside(root: Path, target: Path) -> bool:
    """True when ``target`` is ``root`` or below it (``/a/bc`` is not below ``/a/b``)."""
    try:
        target.relative_to(root)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=1 << 16)
def _path(text: str) -> Path:
    # Paths are immutable, and building thousands of them on every rebuild
    # costs more than the rest of discovery; the same object also makes
    # comparing a cached SourceRef with a fresh one an identity check.
    return Path(text)


def _walk(
    root: Path, folder: str, rel: str, kind: str, found: list[SourceRef], problems: list[Problem]
) -> None:
    """Collect sources under ``folder`` (``rel`` is its path from the root).

    Strings and ``os.scandir`` rather than ``Path`` objects: this runs on
    every ``mkdocs serve`` rebuild, over every file of the academy, and
    directory entries already know whether they are links.
    """
    suffixes = _SUFFIXES[kind]
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        name = entry.name
        if entry.is_dir(follow_symlinks=False):
            if not name.startswith("."):
                _walk(root, entry.path, rel + name + "/", kind, found, problems)
            continue
        if entry.is_symlink():
            target = Path(entry.path).resolve()
            if target.is_dir():
                # Linked folders are never walked; one leaving the project is reported.
                if not name.startswith(".") and not inside(root, target):
                    problems.append(
                        problem(
                            "file.symlink",
                            rel + name,
                            1,
                            1,
                            "this linked folder points outside the project; it is not followed",
                            "Copy the folder into the project instead of linking to it.",
                        )
                    )
                continue
            if _ignored(name) or not name.endswith(suffixes):
                continue
            if not inside(root, target):
                problems.append(
                    problem(
                        "file.symlink",
                        rel + name,
                        1,
                        1,
                        "this symbolic link points outside the project; it is not followed",
                        "Copy the file into the project instead of linking to it.",
                    )
                )
                continue
        elif _ignored(name) or not name.endswith(suffixes):
            continue
        found.append(SourceRef(kind, rel + name, _path(entry.path)))


def discover(
    settings: Settings, kinds: tuple[str, ...] = (MODULE, PATH, QUIZ)
) -> tuple[list[SourceRef], list[Problem]]:
    """List source files of the given kinds, and problems with links."""
    root = settings.root
    folders = {
        MODULE: settings.modules_dir,
        PATH: settings.paths_dir,
        QUIZ: settings.quizzes_dir,
        PAGE: settings.content_dir,
    }
    found: list[SourceRef] = []
    problems: list[Problem] = []
    root_text = str(root)
    for kind in kinds:
        base = os.path.join(root_text, folders[kind])
        if os.path.isdir(base):
            rel = os.path.relpath(base, root_text).replace(os.sep, "/")
            _walk(root, base, "" if rel == "." else rel + "/", kind, found, problems)
    found.sort(key=lambda s: (s.kind, s.rel))
    return found, problems
