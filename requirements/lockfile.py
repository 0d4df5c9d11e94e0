"""Lock files against the running interpreter's environment.

``VENV/bin/python requirements/lockfile.py sync LOCK [KEEP ...]`` makes the
environment hold exactly what LOCK names: installs it with pip (exact
versions, hashes checked), then uninstalls whatever is installed but not in
the lock, except the distributions named in KEEP (the project's own editable
install).

``... lockfile.py constraints LOCK`` prints the lock's pins without hashes,
for ``pip install -c``: pip turns hash checking on for everything when a
constraint carries a hash, and a freshly built wheel has none in the lock.

``... lockfile.py diff LOCK`` lists the installed versions that differ from
LOCK (``make test-latest`` shows what upstream has moved).

Why not ``pip-sync`` or ``uv pip sync``, which do the same: installs go
through pip so that they honour the machine's pip configuration (mirrors,
certificates, proxies) and need no tool before the first one; uv arrives
only with the test lock. Pruning is what pip lacks, and it is the small part
done here: without it, a package dropped from the lock by ``make lock`` would
stay in a developer's ``.venv`` and the environment would drift from CI's.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

# `name==version ; marker \` at the start of a line, as pip-compile and uv write it.
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?\s*$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pin_lines(lock: Path) -> list[str]:
    """``name==version ; marker`` for every pin, markers kept, hashes dropped."""
    out = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            name, version, marker = match.groups()
            out.append(f"{name}=={version}" + (f" ; {marker.strip()}" if marker else ""))
    return out


def pins(lock: Path) -> dict[str, str]:
    """The lock's ``name -> version`` for this interpreter (markers evaluated)."""
    try:
        from packaging.markers import Marker
    except ImportError:  # a lock without packaging (the LRS's): pip carries its own copy
        from pip._vendor.packaging.markers import Marker

    out: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if not match:
            continue
        name, version, marker = match.groups()
        if marker and not Marker(marker).evaluate():
            continue
        out[canonical(name)] = version
    return out


def installed() -> dict[str, str]:
    return {canonical(d.metadata["Name"]): d.version for d in metadata.distributions() if d.metadata["Name"]}


def sync(lock: Path, keep: set[str]) -> None:
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "install", "--quiet", "--disable-pip-version-check", "-r", str(lock)], check=True)
    extra = sorted(set(installed()) - set(pins(lock)) - keep - {"pip"})
    if extra:
        print(f"Removing what {lock} does not name: {', '.join(extra)}")
        subprocess.run([*pip, "uninstall", "--quiet", "--yes", *extra], check=True)


def diff(lock: Path, ignore: set[str]) -> list[str]:
    """One line per installed package whose version is not the locked one.

    Packages the lock has but this environment does not (the build tools, in
    an environment installed another way) are left out.
    """
    locked, have = pins(lock), installed()
    return [
        f"  {name}: {version} (locked: {locked.get(name, 'not in the lock')})"
        for name, version in sorted(have.items())
        if name not in ignore and locked.get(name) != version
    ]


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("sync", "constraints", "diff"):
        print(
            "usage: python requirements/lockfile.py sync LOCK [KEEP ...] | constraints LOCK | diff LOCK [IGNORE ...]",
            file=sys.stderr,
        )
        return 2
    lock = Path(argv[1])
    if argv[0] == "sync":
        sync(lock, {canonical(name) for name in argv[2:]})
    elif argv[0] == "constraints":
        print("\n".join(pin_lines(lock)))
    else:
        print("\n".join(diff(lock, {canonical(name) for name in argv[2:]})) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
