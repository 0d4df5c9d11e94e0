"""git access for ``academy review`` and ``academy check --changed-since``.

The real ``git`` binary gives us a revision's files (``git archive``, so the
work tree is never touched) and the list of changed files.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from academy.core.engine import Result, run
from academy.core.settings import load_settings


class ReviewError(Exception):
    """git could not give us a revision (unknown ref, not a repository)."""


def git(root: Path, *args: str) -> bytes:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    if proc.returncode != 0:
        raise ReviewError(proc.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return proc.stdout


def repository_root(directory: Path) -> Path:
    return Path(git(directory, "rev-parse", "--show-toplevel").decode().strip())


def changed_files(project: Path, since: str) -> set[str]:
    """Files changed since ``since`` (committed, staged, unstaged or new),
    relative to ``project``."""
    root = repository_root(project)
    prefix = project.resolve().relative_to(root.resolve()).as_posix()
    names = git(root, "diff", "--name-only", "--no-renames", since, "--").decode().splitlines()
    names += git(root, "ls-files", "--others", "--exclude-standard").decode().splitlines()
    out = set()
    for name in names:
        if prefix in ("", "."):
            out.add(name)
        elif name.startswith(prefix + "/"):
            out.add(name[len(prefix) + 1 :])
    return out


def checkout(root: Path, revision: str, target: Path) -> None:
    """Extract ``revision`` of the project into ``target`` (no work tree change)."""
    archive = git(root, "archive", "--format=tar", revision)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


def load_revision(project: Path, revision: str | None) -> Result:
    """The academy at ``revision`` (``None``: the working tree)."""
    if revision is None:
        return run(load_settings(project))
    root = repository_root(project)
    inside = project.resolve().relative_to(root.resolve())
    with tempfile.TemporaryDirectory(prefix="academy-review-") as scratch:
        checkout(root, revision, Path(scratch))
        settings = load_settings(Path(scratch) / inside)
        result = run(settings)
    return result
