"""What every command shares: exit codes, the parser class, finding the project."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse, exiting with :data:`EXIT_USAGE` (2) on a usage error, as the
    other configuration errors do."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def default_format() -> str:
    """``github`` on GitHub Actions, where annotations reach the pull request; else ``text``."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def holds_config(folder: Path) -> bool:
    return (folder / "mkdocs.yml").is_file() or (folder / "mkdocs.yaml").is_file()


def project_of(file: Path) -> Path:
    """The nearest folder above ``file`` holding mkdocs.yml, else its parent."""
    for folder in file.resolve().parents:
        if holds_config(folder):
            return folder
    return file.resolve().parent
