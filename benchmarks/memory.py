"""Peak memory of an academy build against its plain twin.

Usage: python benchmarks/memory.py [--content generator|probe] [--sizes N ...] [--rounds R]

For N = 1,000 (default): ``mkdocs build`` of the academy, with its on-disk
store of validated files off (cold) and full (warm), and of its plain twin
(same theme, extensions and navigation), each in a fresh process, R rounds
(default 3) alternating. Peak resident memory (``ru_maxrss`` of the child,
forked workers not included) as median with min-max.
Target: the academy at most twice the twin at 1,000 modules.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from common import load_average, machine, median, run_measured, tree

TARGET = 2.0


def build(project: Path, site: Path, store: str) -> int:
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    return run_measured(args, project, {"ACADEMY_CACHE": store})[1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", choices=("generator", "probe"), default="probe")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"# peak RSS, academy build vs plain twin ({args.content} content; {machine()}); {load_average()}")
    ok = True
    out = []
    for n in args.sizes:
        academy, twin = tree(n, args.content)
        scratch = Path(tempfile.mkdtemp(prefix="academy-memory-"))
        store = str(scratch / "store")
        try:
            build(academy, scratch / "a", store)  # fills the store
            rss: dict[str, list[int]] = {"cold": [], "warm": [], "twin": []}
            for _ in range(args.rounds):
                rss["cold"].append(build(academy, scratch / "a", "off"))
                rss["warm"].append(build(academy, scratch / "a", store))
                rss["twin"].append(build(twin, scratch / "t", "off"))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        twin_mb = median(rss["twin"])
        worst = max(median(rss["cold"]), median(rss["warm"])) / twin_mb
        met = worst <= TARGET
        if n == 1000:
            ok &= met
        line = "  ".join(f"{k} {median(v):.0f} MB ({min(v)}-{max(v)})" for k, v in rss.items())
        print(
            f"N={n:5d}  {line}  academy/twin cold {median(rss['cold']) / twin_mb:.2f}x, warm "
            f"{median(rss['warm']) / twin_mb:.2f}x (target <= {TARGET:.0f}x)  {'ok' if met else 'MISSES TARGET'}"
        )
        out.append({"n": n, "rss_mb": rss})
    print(f"# {load_average()}")
    print(json.dumps(out))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
