"""Finding source files, safely.

Sources are discovered in a stable order (sorted relative paths) so reports
and builds do not depend on the file system's listing order. Symbolic links
are never followed out of the project: a pull request must not be able to
make the build read ``/etc/passwd`` into a page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .codes import problem
from .problems import Problem
from .settings import Settings

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
    for kind in kinds:
        base = root / folders[kind]
        if not base.is_dir():
            continue
        for folder, dirs, files in os.walk(base, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            here = Path(folder)
            for name in sorted(files):
                if _ignored(name) or not name.endswith(_SUFFIXES[kind]):
                    continue
                path = here / name
                rel = relative(root, path)
                if path.is_symlink():
                    target = path.resolve()
                    if not inside(root, target):
                        problems.append(
                            problem(
                                "file.symlink",
                                rel,
                                1,
                                1,
                                "this symbolic link points outside the project; it is not followed",
                                "Copy the file into the project instead of linking to it.",
                            )
                        )
                        continue
                found.append(SourceRef(kind, rel, path))
            for name in dirs:
                link = here / name
                if link.is_symlink() and not inside(root, link.resolve()):
                    problems.append(
                        problem(
                            "file.symlink",
                            relative(root, link),
                            1,
                            1,
                            "this linked folder points outside the project; it is not followed",
                            "Copy the folder into the project instead of linking to it.",
                        )
                    )
    found.sort(key=lambda s: (s.kind, s.rel))
    return found, problems
