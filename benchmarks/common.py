"""Shared helpers for the benchmark scripts: generated trees, child
processes measured for wall time and peak memory, and medians."""

from __future__ import annotations

import hashlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import WORK, generate  # noqa: E402


def tree(n: int, content: str = "generator", fresh: bool = False) -> tuple[Path, Path]:
    """The generated academy and plain twin for ``n`` modules of ``content``
    (made if missing; see ``generate.py``)."""
    out = WORK / content / str(n)
    # A tree made by an older generator would measure the wrong thing; the
    # twin's navigation comes from the academy's own sections code.
    sources = [HERE / "generate.py", HERE / "probe.py", HERE.parent / "plugins/academy/core/sections.py"]
    version = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()
    stamp = out / "generator.sha256"
    if fresh or not stamp.is_file() or stamp.read_text() != version:
        made = generate(n, out, content)
        stamp.write_text(version)
        return made
    return out / "academy", out / "twin"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: what else the machine was doing."""
    try:
        return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "load average unknown"


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    """``median (min-max)``, for a line of results."""
    return f"{median(values):.{digits}f} {unit} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def run_measured(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run a child process; return (wall seconds, peak RSS in MB)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    # The child's log goes to a file, not a pipe: a pipe read only after the
    # child exits would block the child once it logged more than the pipe holds.
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        log.seek(0)
        stderr = log.read().decode(errors="replace")
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{stderr}")
    return wall, usage.ru_maxrss // 1024


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"
