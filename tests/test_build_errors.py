"""``academy build`` on a broken configuration or an unwritable disk: one line, exit 2, site untouched.

The disk cases are real: a private mount namespace (``unshare``) holds a
small tmpfs, so "no space left on device", "read-only file system" and a
site folder that cannot be renamed are the kernel's own answers, and nothing
is mounted outside the test's process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import python, site_project, tree_digest

pytestmark = pytest.mark.slow

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def academy_build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return python(root, "-m", "academy", "build", *args)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".academy-build-*"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with a good site in build/, copied by each test."""
    root = site_project(tmp_path_factory.mktemp("good") / "academy")
    proc = academy_build(root, "-q")
    assert proc.returncode == 0, proc.stderr
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "academy"
    shutil.copytree(built, root, symlinks=True)
    return root


def edit(root: Path, old: str, new: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = {
    "missing docs_dir": (
        ("docs_dir: content", "docs_dir: nowhere"),
        "academy build: configuration error: mkdocs.yml: Config value 'docs_dir': "
        "The path '{root}/nowhere' isn't an existing directory.",
    ),
    "raw_html: maybe": (
        ("  - academy\n", "  - academy:\n      raw_html: maybe\n"),
        "academy build: configuration error: academy: option 'raw_html': must be allow, warn or error, not 'maybe'.",
    ),
    "misspelt plugin option": (
        ("  - academy\n", "  - academy:\n      module_dir: modules\n"),
        "academy build: configuration error: academy: unknown option 'module_dir'. Did you mean 'modules_dir'?",
    ),
    "strict: maybe": (
        ("site_dir: build", "site_dir: build\nstrict: maybe"),
        "academy build: configuration error: mkdocs.yml: Config value 'strict': "
        "Expected type: <class 'bool'> but received: <class 'str'>",
    ),
    "unknown theme": (
        ("name: material", "name: materiall"),
        "academy build: configuration error: mkdocs.yml: Config value 'theme': Unrecognised theme name: "
        "'materiall'. The available installed themes are: mkdocs, readthedocs, material",
    ),
    "plugin not installed": (
        ("  - search\n", "  - serch\n"),
        "academy build: configuration error: mkdocs.yml: Config value 'plugins': The \"serch\" plugin is not installed",
    ),
    "YAML syntax": (
        ("site_name: Test Academy", "site_name: [Test Academy"),
        "academy build: configuration error: mkdocs.yml:2:9: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence)",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_configuration_error_is_one_line_exit_2_and_the_site_is_untouched(project: Path, case: str) -> None:
    (old, new), expected = BROKEN[case]
    edit(project, old, new)
    before = tree_digest(project / "build")
    proc = academy_build(project)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [expected.format(root=project.resolve())]
    assert tree_digest(project / "build") == before
    assert leftovers(project) == []


def test_missing_mkdocs_yml_says_how_to_start(tmp_path: Path) -> None:
    proc = academy_build(tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "academy build: mkdocs.yml not found; run it in an academy folder, or start one with `academy init DIR`."
    ]


def test_strict_in_mkdocs_yml_is_kept_without_the_flag(project: Path) -> None:
    # A warning-only change: an unknown page in nav is a MkDocs warning.
    edit(project, "site_dir: build", "site_dir: build\nstrict: true\nnav: [index.md, nowhere.md]")
    before = tree_digest(project / "build")
    proc = academy_build(project, "-q")
    assert proc.returncode == 1, proc.stderr
    assert "Aborted with 1 warnings in strict mode!" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert tree_digest(project / "build") == before


# -- the disk: real file systems in a private mount namespace ---------------


def _can_unshare() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--map-root-user", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(
    not _can_unshare(), reason="needs `unshare --mount --map-root-user` and tmpfs mounts (util-linux)"
)


def in_namespace(project: Path, script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (bash) in a private mount namespace, in ``project``, with $BUILD set to the build command."""
    command = f"{sys.executable} -m academy build -q"
    return subprocess.run(
        ["unshare", "--mount", "--map-root-user", "bash", "-euc", script],
        cwd=project,
        capture_output=True,
        text=True,
        env={**ENV, "BUILD": command},
        check=False,
        timeout=300,
    )


def disk_project(project: Path) -> None:
    """Move the site into out/build, where the test mounts its file system."""
    edit(project, "site_dir: build", "site_dir: out/build")
    (project / "out").mkdir()


REPORT = """
set +e; $BUILD 2>build.err; echo $? >build.rc; set -e
find out -name '.academy-build-*' -maxdepth 1 >leftovers
cat out/build/index.html >site.txt
"""


def report(project: Path) -> tuple[int, list[str], str, str]:
    return (
        int((project / "build.rc").read_text()),
        (project / "build.err").read_text(encoding="utf-8").splitlines(),
        (project / "leftovers").read_text(),
        (project / "site.txt").read_text(),
    )


PREVIOUS = "mkdir out/build; echo previous >out/build/index.html"
DISKS = {
    "full disk": (f"mount -t tmpfs -o size=1m tmpfs out; {PREVIOUS}", "No space left on device"),
    "read-only disk": (
        f"mount -t tmpfs -o size=64m tmpfs out; {PREVIOUS}; mount -o remount,ro out",
        "Read-only file system",
    ),
    # build/ is a mount point of its own: the build completes, but neither
    # exchanging nor renaming it is allowed, at the very last step.
    "failed rename": (
        f"mount -t tmpfs -o size=64m tmpfs out; {PREVIOUS}; mount --bind out/build out/build",
        "Device or resource busy",
    ),
}


@needs_mounts
@pytest.mark.parametrize("case", list(DISKS))
def test_a_disk_that_cannot_take_the_site_is_one_line_exit_2_and_the_site_is_untouched(
    project: Path, case: str
) -> None:
    setup, reason = DISKS[case]
    disk_project(project)
    proc = in_namespace(project, setup + REPORT)
    assert proc.returncode == 0, proc.stderr
    status, errors, left, site = report(project)
    assert status == 2
    assert errors == [
        f"academy build: cannot write {project.resolve()}/out/build: {reason}; the previous site is unchanged."
    ]
    assert (left, site) == ("", "previous\n")
