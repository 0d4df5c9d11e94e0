"""``academy init DIR``: a new content repository that installs Academy as a pinned package.

The files come from ``templates/init/`` (stored without their leading dots,
so that neither git nor the build backend reads the templates' ``.gitignore``
or workflow as the package's own). Every file is valid as written: the new
academy passes ``academy check --strict`` and ``academy build --strict``
with no warning, so an author starts from green.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from academy import __version__
from academy.cli.common import EXIT_OK, EXIT_USAGE

#: The name Academy is published under (the import package and the command are ``academy``).
DISTRIBUTION = "mkdocs-academy"

#: Template file -> where it goes in the new repository.
FILES = {
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "mkdocs.yml": "mkdocs.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github/workflows/academy.yml": ".github/workflows/academy.yml",
    "content/index.md": "content/index.md",
    "content/learner-guide.md": "content/learner-guide.md",
    "modules/getting-started/writing-objectives.md": "modules/getting-started/writing-objectives.md",
    "paths/academy-authors.yml": "paths/academy-authors.yml",
    "quizzes/authoring-basics.yml": "quizzes/authoring-basics.yml",
}
#: The workflow's install step in a content repository, and the file its pip cache is keyed on.
INSTALL = "python -m pip install -r requirements.txt"
CACHE_KEY = "requirements.txt"
_ARCHIVES = (".whl", ".tar.gz", ".zip")


class InitError(Exception):
    """The repository cannot be written (folder not empty, a --from that is neither URL nor file)."""


@dataclass(frozen=True)
class Requirement:
    """What requirements.txt says, and a wheel to copy beside it, if any."""

    text: str
    wheel: Path | None = None


def template(name: str) -> str:
    return (resources.files("academy.cli") / "templates" / "init" / name).read_text(encoding="utf-8")


def workflow(install: str, cache_dependency_path: str) -> str:
    """The content workflow with its install step filled in.

    This repository's own workflow is the same text with its own install
    step; a test keeps the two identical.
    """
    return (
        template("github/workflows/academy.yml")
        .replace("@@INSTALL@@", install)
        .replace("@@CACHE_DEPENDENCY_PATH@@", cache_dependency_path)
    )


def requirement(source: str | None, version: str = __version__) -> Requirement:
    """The requirements.txt for installing Academy from ``source``.

    ``None``: the package index, pinned at ``version``. A ``git+`` URL, or the
    URL of a wheel or sdist: that exact source. A wheel on disk: copied into
    ``wheels/`` so CI installs the same file. Any other http(s) URL: a
    private index serving ``version``.
    """
    header = (
        f"# Academy, pinned: the version this academy is checked and built with ({__version__} wrote it).\n"
    )
    if source is None:
        return Requirement(f"{header}{DISTRIBUTION}=={version}\n")
    url = urlparse(source)
    if source.startswith("git+"):
        note = "" if "@" in url.path else "# Add @TAG or @COMMIT to the URL to pin the version.\n"
        return Requirement(f"{header}{note}{DISTRIBUTION} @ {source}\n")
    if url.scheme in ("http", "https") and url.path.endswith(_ARCHIVES):
        return Requirement(f"{header}{DISTRIBUTION} @ {source}\n")
    if url.scheme in ("http", "https"):
        return Requirement(
            f"{header}# From a private index, which must also serve Academy's dependencies (most\n"
            "# mirror PyPI); if yours does not, write --extra-index-url instead.\n"
            f"--index-url {source}\n{DISTRIBUTION}=={version}\n"
        )
    wheel = Path(source)
    if wheel.is_file() and wheel.name.endswith(".whl"):
        return Requirement(f"{header}./wheels/{wheel.name}\n", wheel)
    raise InitError(
        f"--from {source}: not a git+ URL, an http(s) URL or a wheel file; "
        f"for example --from git+https://example.org/team/academy.git@v{version}"
    )


def site_name(folder: Path) -> str:
    words = re.sub(r"[-_]+", " ", folder.resolve().name).strip()
    return words[:1].upper() + words[1:] if words else "Academy"


def init(folder: Path, name: str | None, source: str | None, force: bool) -> list[str]:
    """Write the repository; return the paths written, relative to ``folder``."""
    if folder.exists() and not folder.is_dir():
        raise InitError(f"{folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InitError(f"{folder} is not empty; nothing was written. Use --force to write into it anyway")
    req = requirement(source)
    title = name or site_name(folder)
    written = []
    for source_name, target in FILES.items():
        if source_name.startswith("github/"):
            text = workflow(INSTALL, CACHE_KEY)
        else:
            text = template(source_name).replace("@@SITE_NAME@@", title)
        written.append(_write(folder, target, text))
    written.append(_write(folder, "requirements.txt", req.text))
    if req.wheel is not None:
        (folder / "wheels").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(req.wheel, folder / "wheels" / req.wheel.name)
        written.append(f"wheels/{req.wheel.name}")
    return written


def _write(folder: Path, relative: str, text: str) -> str:
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return relative


def register(commands: Any) -> None:
    command = commands.add_parser(
        "init", help="start a new academy repository: configuration, a starter module, path and quiz, CI"
    )
    command.add_argument("directory", metavar="DIR", help="the folder to create (it must be empty)")
    command.add_argument("--name", default=None, help="the site's name (default: from the folder's name)")
    command.add_argument(
        "--from",
        dest="source",
        metavar="SOURCE",
        default=None,
        help=f"install Academy from a git+ URL, a wheel (file or URL) or a private index URL, "
        f"instead of {DISTRIBUTION}=={__version__} from PyPI",
    )
    command.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    command.set_defaults(func=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    folder = Path(args.directory)
    try:
        written = init(folder, args.name, args.source, args.force)
    except InitError as exc:
        print(f"academy init: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"academy init: cannot write {exc.filename or folder}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Wrote a new academy in {folder}:")
    for path in written:
        print(f"  {path}")
    print(
        "Next:\n"
        f"  cd {shlex.quote(str(folder))}\n"
        "  python -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt\n"
        "  academy check    # every problem, with file:line and the fix\n"
        "  mkdocs serve     # preview at http://127.0.0.1:8000/"
    )
    return EXIT_OK
