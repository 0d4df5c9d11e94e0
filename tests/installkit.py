"""A wheel of this checkout, installed into a fresh venv, and a new academy made with it.

Session fixtures (imported by ``conftest.py``), so the wheel is built and
installed once for ``test_install.py`` and the browser test that opens the
site it builds. Installs use the site lock's pins as constraints;
``make test-latest`` sets ``ACADEMY_CONSTRAINTS=none`` and the newest
versions install instead.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SITE_NAME = "Harbour Support Academy"


def _lockfile() -> Any:
    spec = importlib.util.spec_from_file_location("lockfile", REPO / "requirements" / "lockfile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean_env(bin_dir: Path, **extra: str) -> dict[str, str]:
    """A user's shell with only ``bin_dir``'s Python: no PYTHONPATH, no other venv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{bin_dir}{os.pathsep}/usr/local/bin{os.pathsep}/usr/bin{os.pathsep}/bin"
    env["NO_MKDOCS_2_WARNING"] = "1"
    return {**env, **extra}


def run(
    args: list[str], cwd: Path, env: dict[str, str], timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=timeout
    )


@pytest.fixture(scope="session")
def constraints(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """The site lock's pins, hash-free, for ``pip install -c`` (None under test-latest)."""
    if os.environ.get("ACADEMY_CONSTRAINTS") == "none":
        return None
    target = tmp_path_factory.mktemp("constraints") / "site-constraints.txt"
    target.write_text("\n".join(_lockfile().pin_lines(REPO / "requirements" / "site.lock")) + "\n")
    return target


@pytest.fixture(scope="session")
def dists(constraints: Path | None, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Built with the locked hatchling from this venv; under test-latest, the newest, isolated."""
    out = tmp_path_factory.mktemp("dist")
    isolation = ["--no-isolation"] if constraints else []
    proc = run(
        [sys.executable, "-m", "build", *isolation, "--outdir", str(out), str(REPO)],
        cwd=out,
        env={**os.environ},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


def venv(folder: Path, *pip_args: str, constraints: Path | None) -> Path:
    """A fresh venv with ``pip install PIP_ARGS``; returns its bin folder."""
    proc = run([sys.executable, "-m", "venv", str(folder)], cwd=folder.parent, env={**os.environ})
    assert proc.returncode == 0, proc.stderr
    bin_dir = folder / "bin"
    limits = ["-c", str(constraints)] if constraints else []
    proc = run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", *pip_args, *limits],
        cwd=folder.parent,
        env=clean_env(bin_dir),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return bin_dir


@pytest.fixture(scope="session")
def installed(
    dists: tuple[Path, Path], constraints: Path | None, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    return venv(tmp_path_factory.mktemp("installed") / "venv", str(dists[0]), constraints=constraints)


@pytest.fixture(scope="session")
def new_academy(installed: Path, dists: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("content")
    proc = run(
        [str(installed / "academy"), "init", "academy", "--name", SITE_NAME, "--from", str(dists[0])],
        cwd=where,
        env=clean_env(installed),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Wrote a new academy in academy:\n")
    return where / "academy"
