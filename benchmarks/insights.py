"""`academy insights` on a million statements from a JSON-lines export.

Usage: python benchmarks/insights.py [STATEMENTS]   (default: 1000000)

The statements are simulated learners (``tests/insights_sim.py``, the same
item-response model the tests use) on the tests' fixture academy, written
once to ``benchmarks/.work/insights/`` and remade when the simulator
changes. The command runs in a fresh process, as an author runs it, and is
measured for wall time and peak RSS.
Targets: under 30 s and under 1 GB.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from common import HERE, WORK, machine, run_measured

sys.path.insert(0, str(HERE.parent / "tests"))
from insights_sim import Simulation, write_academy

SECONDS, MEGABYTES = 30.0, 1024


def statements(n: int) -> tuple[Path, Path]:
    """The fixture academy and an export of at least ``n`` statements (made if missing)."""
    out = WORK / "insights"
    simulator = HERE.parent / "tests" / "insights_sim.py"
    version = hashlib.sha256(simulator.read_bytes()).hexdigest() + f":{n}"
    stamp = out / "simulator.sha256"
    export = out / "statements.jsonl"
    if not stamp.is_file() or stamp.read_text() != version:
        out.mkdir(parents=True, exist_ok=True)
        write_academy(out / "academy")
        sim = Simulation(seed=2026)
        written = 0
        with export.open("w", encoding="utf-8") as handle:
            while written < n:
                for statement in sim.learner():
                    handle.write(json.dumps(statement, separators=(",", ":")) + "\n")
                    written += 1
        stamp.write_text(version)
    return out / "academy", export


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 1_000_000
    print(f"# academy insights on {n:,} statements ({machine()})")
    academy, export = statements(n)
    size = export.stat().st_size
    report = export.with_name("report.json")
    before = os.times()
    wall, rss = run_measured(
        [
            sys.executable,
            "-m",
            "academy",
            "insights",
            str(academy),
            "--statements",
            str(export),
            "--format",
            "json",
            "-o",
            str(report),
        ],
        cwd=HERE,
    )
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    ok = wall < SECONDS and rss < MEGABYTES
    print(
        f"insights: {summary['read']:,} statements ({size / 1e6:,.0f} MB) from {summary['learners']:,} learners "
        f"in {wall:.1f} s ({cpu:.1f} s of CPU; the difference is other load on the machine), "
        f"peak RSS {rss:,} MB; {summary['read'] / wall:,.0f} statements/s"
    )
    print(f"target: < {SECONDS:.0f} s and < {MEGABYTES:,} MB: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
