"""`academy check` throughput against a lower bound measured in the same run.

Usage: python benchmarks/check.py [N ...]   (default: 1000)

The lower bound reads the same files and parses their YAML with PyYAML's C
loader, which any checker must at least do. Each measurement runs in a fresh
process (so schema compilation and worker start-up are included), alternating
check and lower bound, five rounds each; the medians are compared.
Targets: at least 1,000 modules/s, and at most 2.0 times the lower bound.
"""

from __future__ import annotations

import json
import subprocess
import sys

from common import machine, median, tree

ROUNDS = 5

CHECK = """
import time, sys
from pathlib import Path
from academy.core.engine import run
from academy.core.settings import load_settings
settings = load_settings(Path(sys.argv[1]))
start = time.perf_counter()
result = run(settings)
elapsed = time.perf_counter() - start
assert not result.problems, result.problems[:3]
print(elapsed)
"""

LOWER_BOUND = """
import time, sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
files = sorted(p for d in ("modules", "paths", "quizzes", "content") for p in (root / d).rglob("*") if p.is_file())
start = time.perf_counter()
for path in files:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text[4 : text.find("\\n---\\n", 4)] if text.startswith("---\\n") else ""
    yaml.load(text, Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""


def timed(code: str, root: str) -> float:
    out = subprocess.run([sys.executable, "-c", code, root], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1000]
    print(f"# academy check throughput ({machine()})")
    results = {}
    ok = True
    for n in sizes:
        academy, _ = tree(n)
        timed(CHECK, str(academy))  # warm the page cache
        checks, bounds = [], []
        for _ in range(ROUNDS):
            checks.append(timed(CHECK, str(academy)))
            bounds.append(timed(LOWER_BOUND, str(academy)))
        check_rate, bound_rate = n / median(checks), n / median(bounds)
        ratio = median(checks) / median(bounds)
        results[n] = {
            "check_modules_per_s": round(check_rate),
            "lower_bound_modules_per_s": round(bound_rate),
            "ratio": round(ratio, 2),
        }
        verdict = "ok" if check_rate >= 1000 and ratio <= 2.0 else "MISSES TARGET"
        ok &= verdict == "ok"
        print(
            f"N={n:5d}  check {check_rate:7.0f} modules/s  lower bound {bound_rate:7.0f} modules/s  "
            f"ratio {ratio:.2f}x  (targets: >= 1000/s, <= 2.0x)  {verdict}"
        )
    print(json.dumps(results))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
