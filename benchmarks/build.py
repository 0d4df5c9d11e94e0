"""Build time of the academy against its plain MkDocs + Material twin.

Usage: python benchmarks/build.py [--large] [--rounds R]

For N = 100 and 1,000 (and 3,000 with --large): one warm-up build of each,
then R rounds (default 5) alternating academy and plain, each in a fresh
process. Prints median wall time, peak RSS and the ratio academy/plain
(target: at most 1.10 at 1,000 modules), the plugin's own time per hook,
the HTML bytes the academy adds to one module page (which must not grow
with N), and the size of search_index.json against the twin's (at most +10%).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from common import machine, median, run_measured, tree

TARGET_RATIO = 1.10
TARGET_INDEX = 1.10
PAGE = "modules/module-00001/index.html"
PLAIN_PAGE = "modules/topic-01/module-00001/index.html"  # the twin keeps the topic folders


def build(project: Path, site: Path, hook_file: Path | None = None) -> tuple[float, int]:
    env = {"ACADEMY_HOOK_TIMES": str(hook_file)} if hook_file else {}
    return run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], project, env)


def article(html: str) -> str:
    """The page's own content: what the academy adds to, as opposed to the nav."""
    match = re.search(r"<article\b.*?</article>", html, re.DOTALL)
    return match.group(0) if match else ""


def measure(n: int, rounds: int) -> dict[str, object]:
    academy, plain = tree(n)
    scratch = Path(tempfile.mkdtemp(prefix="academy-bench-"))
    hooks = scratch / "hooks.json"
    try:
        build(academy, scratch / "a")  # warm-up
        build(plain, scratch / "p")
        times = {"academy": [], "plain": []}
        memory = {"academy": [], "plain": []}
        for _ in range(rounds):
            wall, rss = build(academy, scratch / "a", hooks)
            times["academy"].append(wall)
            memory["academy"].append(rss)
            wall, rss = build(plain, scratch / "p")
            times["plain"].append(wall)
            memory["plain"].append(rss)
        per_hook: dict[str, list[float]] = {}
        for run in json.loads(hooks.read_text()):
            for hook, seconds in run.items():
                per_hook.setdefault(hook, []).append(seconds)
        a_page = (scratch / "a" / PAGE).read_text(encoding="utf-8")
        p_page = (scratch / "p" / PLAIN_PAGE).read_text(encoding="utf-8")
        a_index = (scratch / "a" / "search" / "search_index.json").stat().st_size
        p_index = (scratch / "p" / "search" / "search_index.json").stat().st_size
        return {
            "n": n,
            "academy_s": median(times["academy"]),
            "plain_s": median(times["plain"]),
            "ratio": median(times["academy"]) / median(times["plain"]),
            "academy_rss_mb": max(memory["academy"]),
            "plain_rss_mb": max(memory["plain"]),
            "hooks_ms": {
                h: round(1000 * median(v), 1)
                for h, v in sorted(per_hook.items(), key=lambda kv: -median(kv[1]))
            },
            "page_added_bytes": len(article(a_page).encode()) - len(article(p_page).encode()),
            "head_added_bytes": len(a_page.split("<body", 1)[0].encode())
            - len(p_page.split("<body", 1)[0].encode()),
            "index_bytes": a_index,
            "plain_index_bytes": p_index,
            "index_ratio": a_index / p_index,
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also measure 3,000 modules")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=None)
    args = parser.parse_args(argv)
    sizes = args.sizes or ([100, 1000, 3000] if args.large else [100, 1000])
    print(f"# academy build vs plain MkDocs + Material ({machine()}), {args.rounds} rounds after a warm-up")
    results = [measure(n, args.rounds) for n in sizes]
    ok = True
    for r in results:
        print(
            f"N={r['n']:5d}  academy {r['academy_s']:6.2f} s ({r['academy_rss_mb']} MB)  "
            f"plain {r['plain_s']:6.2f} s ({r['plain_rss_mb']} MB)  ratio {r['ratio']:.3f}"
        )
        print(f"         plugin hooks (ms, median per build): {r['hooks_ms']}")
        print(
            f"         HTML the academy adds to {PAGE}: {r['page_added_bytes']} bytes in the article, "
            f"{r['head_added_bytes']} in <head>"
        )
        print(
            f"         search_index.json: {r['index_bytes']:,} vs {r['plain_index_bytes']:,} bytes "
            f"(+{100 * (r['index_ratio'] - 1):.1f}%, target <= +10%)"
        )
        if r["n"] == 1000:
            ok &= r["ratio"] <= TARGET_RATIO
        ok &= r["index_ratio"] <= TARGET_INDEX
    added = {r["n"]: r["page_added_bytes"] for r in results}
    steady = len(set(added.values())) == 1
    print(f"page bytes added by N: {added} -> {'independent of N' if steady else 'GROWS WITH N'}")
    ok &= steady
    thousand = next((r for r in results if r["n"] == 1000), None)
    if thousand:
        print(f"build ratio at 1,000 modules: {thousand['ratio']:.3f} (target <= {TARGET_RATIO})")
    print(json.dumps(results))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
