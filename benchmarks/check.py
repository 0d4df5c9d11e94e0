"""`academy check` against a lower bound measured in the same run.

Usage: python benchmarks/check.py [--content generator|probe ...] [N ...]   (default: both contents, 1000 3000)

The lower bound reads every file the check reads and parses its YAML (a
module's front matter) with PyYAML's C loader, which any checker must at
least do. Each measurement runs in one fresh process, the clock started
after the imports: schema compilation and worker start-up count, the
interpreter's start does not. Three kinds of run alternate, five rounds
each: the lower bound; ``academy check`` with its on-disk store of
validated files off (cold: every file validated); and with a store that
holds every file (warm: the usual run of a project whose files mostly did
not change, see ``academy.core.store``). Warnings are included: the probe
content raises six per module. The medians are compared.
Target: at most 1.25 times the lower bound, at 1,000 and 3,000 modules.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from common import load_average, machine, median, spread, tree

ROUNDS = 5
TARGET = 1.25

CHECK = """
import time, sys
from pathlib import Path
from academy.core.engine import run
from academy.core.settings import load_settings
settings = load_settings(Path(sys.argv[1]))
start = time.perf_counter()
result = run(settings)
elapsed = time.perf_counter() - start
assert not result.errors, result.errors[:3]
print(len(result.warnings), elapsed)
"""

LOWER_BOUND = """
import time, sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
start = time.perf_counter()
files = sorted(p for d in ("modules", "paths", "quizzes", "content") for p in (root / d).rglob("*") if p.is_file())
for path in files:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text[4 : text.find("\\n---\\n", 4)] if text.startswith("---\\n") else ""
    yaml.load(text, Loader=yaml.CSafeLoader)
print(0, time.perf_counter() - start)
"""


def timed(code: str, root: str, store: str) -> tuple[int, float]:
    env = {**os.environ, "ACADEMY_CACHE": store}
    out = subprocess.run(
        [sys.executable, "-c", code, root], capture_output=True, text=True, check=True, env=env
    )
    warnings, seconds = out.stdout.strip().splitlines()[-1].split()
    return int(warnings), float(seconds)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--content", choices=("generator", "probe"), nargs="*", default=["generator", "probe"]
    )
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 3000])
    args = parser.parse_args(argv)
    print(f"# academy check against its lower bound ({machine()}), {ROUNDS} rounds; {load_average()}")
    results = []
    ok = True
    store = tempfile.mkdtemp(prefix="academy-check-store-")
    try:
        for content in args.content:
            for n in args.sizes:
                academy, _ = tree(n, content)
                root = str(academy)
                shutil.rmtree(store, ignore_errors=True)
                warnings, _ = timed(CHECK, root, store)  # warms the page cache, fills the store
                times: dict[str, list[float]] = {"bound": [], "cold": [], "warm": []}
                for _ in range(ROUNDS):
                    times["bound"].append(timed(LOWER_BOUND, root, "off")[1])
                    times["cold"].append(timed(CHECK, root, "off")[1])
                    times["warm"].append(timed(CHECK, root, store)[1])
                bound = median(times["bound"])
                cold, warm = median(times["cold"]) / bound, median(times["warm"]) / bound
                met = warm <= TARGET
                ok &= met
                results.append(
                    {
                        "content": content,
                        "n": n,
                        "warnings": warnings,
                        "times_s": times,
                        "cold_ratio": round(cold, 3),
                        "warm_ratio": round(warm, 3),
                    }
                )
                print(
                    f"{content:9s} N={n:5d} ({warnings} warnings)  lower bound {spread(times['bound'])}  "
                    f"check cold {spread(times['cold'])} = {cold:.2f}x  warm {spread(times['warm'])} = {warm:.2f}x  "
                    f"(target <= {TARGET}x)  {'ok' if met else 'MISSES TARGET'}"
                )
    finally:
        shutil.rmtree(store, ignore_errors=True)
    print(f"# {load_average()}")
    print(json.dumps(results))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
