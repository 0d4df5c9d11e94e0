"""Real git repositories for the tests of ``review`` and ``check --changed-since``."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import write


def sh(root: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-11-01T10:00:00",
        "GIT_COMMITTER_DATE": "2026-11-01T10:00:00",
    }
    return subprocess.run(args, cwd=root, capture_output=True, text=True, check=True, env=env).stdout


def commit(root: Path, message: str) -> None:
    sh(root, "git", "add", "-A")
    sh(root, "git", "commit", "-q", "-m", message)


def make_repo(root: Path, files: dict[str, str]) -> Path:
    """A repository holding ``files``, committed once."""
    if not shutil.which("git"):
        pytest.fail("git is required for these tests")
    root.mkdir(parents=True, exist_ok=True)
    sh(root, "git", "init", "-q", "-b", "main")
    sh(root, "git", "config", "user.email", "author@example.org")
    sh(root, "git", "config", "user.name", "An Author")
    write(root, files)
    commit(root, "Start")
    return root
