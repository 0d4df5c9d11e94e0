"""The locks in requirements/: what `make site` and `make test` install, exactly.

pyproject.toml keeps compatible ranges for other people's environments; the
locks pin this project's own. These tests keep the two consistent and check
that the environment running them is the locked one.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]
LOCKS = REPO / "requirements"


def _lockfile() -> Any:
    spec = importlib.util.spec_from_file_location("lockfile", LOCKS / "lockfile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lockfile = _lockfile()
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
latest = pytest.mark.skipif(
    os.environ.get("ACADEMY_CONSTRAINTS") == "none",
    reason="make test-latest installs the newest versions, not the locked ones, on purpose",
)


def freeze(python: Path) -> dict[str, str]:
    """``pip freeze --all`` (pip included), without the editable checkout."""
    proc = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--all", "--exclude-editable", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    )
    pins = {}
    for line in proc.stdout.splitlines():
        name, _, version = line.partition("==")
        assert version, f"not installed from an index at an exact version: {line}"
        pins[lockfile.canonical(name)] = version
    return pins


@latest
def test_the_venv_holds_exactly_the_test_lock() -> None:
    assert freeze(Path(sys.executable)) == lockfile.pins(LOCKS / "test.lock"), (
        "this venv has drifted from requirements/test.lock; `make install-test` syncs it"
    )


@latest
def test_the_lrs_venv_holds_exactly_its_lock() -> None:
    python = REPO / ".venv" / "lrs" / "bin" / "python"
    if not python.exists():
        pytest.skip("no .venv/lrs: `make test` installs it")
    assert freeze(python) == lockfile.pins(LOCKS / "lrs.lock")


@pytest.mark.parametrize("lock", ["site.lock", "test.lock"])
def test_the_locks_satisfy_pyproject_ranges(lock: str) -> None:
    pins = lockfile.pins(LOCKS / lock)
    wanted = [
        *PROJECT["dependencies"],
        *(PROJECT["optional-dependencies"]["test"] if lock == "test.lock" else []),
    ]
    outside = []
    for line in wanted:
        requirement = Requirement(line)
        version = pins.get(lockfile.canonical(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            outside.append(f"{requirement} (locked: {version})")
    assert outside == [], "pyproject.toml changed since the last `make lock`"


def test_the_site_lock_agrees_with_the_test_lock() -> None:
    # site.lock is resolved under test.lock, so `make site` then `make test`
    # never changes a version, it only adds the test tools.
    site = lockfile.pin_lines(LOCKS / "site.lock")
    test = set(lockfile.pin_lines(LOCKS / "test.lock"))
    assert [line for line in site if line not in test] == []


@pytest.mark.parametrize("lock", ["site.lock", "test.lock", "lrs.lock"])
def test_every_pin_is_exact_and_hashed(lock: str) -> None:
    text = (LOCKS / lock).read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert blocks, lock
    for block in blocks:
        first = block.splitlines()[0]
        assert lockfile.PIN.match(first), f"{lock}: not an exact pin: {first}"
        assert "--hash=sha256:" in block, f"{lock}: no hash for {first}"


def test_the_lrs_lock_pins_ralph_5() -> None:
    assert lockfile.pins(LOCKS / "lrs.lock")["ralph-malph"].startswith("5.")


def test_constraints_keep_markers_and_drop_hashes(tmp_path: Path) -> None:
    lock = tmp_path / "x.lock"
    lock.write_text(
        "# header\n"
        "colorama==0.4.6 ; sys_platform == 'win32' \\\n    --hash=sha256:aa \\\n    --hash=sha256:bb\n"
        "    # via click\n"
        "pyyaml==6.0.4 \\\n    --hash=sha256:cc\n"
    )
    assert lockfile.pin_lines(lock) == ["colorama==0.4.6 ; sys_platform == 'win32'", "pyyaml==6.0.4"]
    assert lockfile.pins(lock) == (
        {"pyyaml": "6.0.4"} if sys.platform != "win32" else {"colorama": "0.4.6", "pyyaml": "6.0.4"}
    )
