"""Build time of the academy against plain MkDocs + Material, two baselines.

Usage: python benchmarks/build.py [--content generator|probe] [--nav same|folders]
                                  [--large] [--rounds R] [--sizes N ...]

For N = 100, 300 and 1,000 (and 3,000 with --large): one warm-up build of
each site, then R rounds (default 5) alternating the academy and its two
twins, each build in a fresh process. Two baselines:

(a) overhead: the twin with the same theme, extensions and navigation
    structure as the academy (``--nav same``, the default: the academy's
    module sections, pruned as the academy prunes them; ``--nav folders``:
    MkDocs' default navigation from the topic folders, the twin of earlier
    rounds). Target: at most 1.05 at 300 and 1,000 modules.
(b) absolute: a default plain Material site of the same pages with one
    flat navigation list, what a team would build without Academy.
    Target: at most half its time at 1,000 modules, a third at 3,000.

``--store warm`` (the default) builds the academy with its on-disk store of
validated files filled by the warm-up, as a repeated build finds it;
``--store cold`` with the store off, as a first build.

Also printed: median with min-max, peak RSS (target at 1,000: at most twice
the twin's), the plugin's own time per hook, the HTML bytes the academy adds
to one module page (which must not grow with N), and the size of
search_index.json against the twin's (at most +10%).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from common import load_average, machine, median, run_measured, spread, tree

TARGET_OVERHEAD = 1.05  # (a), at 300 and 1,000
TARGET_ABSOLUTE = {1000: 1 / 2, 3000: 1 / 3}  # (b)
TARGET_RSS = 2.0  # academy / twin, at 1,000
TARGET_INDEX = 1.10
TWINS = {"same": "mkdocs.yml", "folders": "folders.yml"}
#: At 3,000 modules a flat plain build takes minutes: fewer rounds there.
LARGE_ROUNDS = 3


def build(
    project: Path, site: Path, config: str = "mkdocs.yml", hook_file: Path | None = None, store: str = "off"
) -> tuple[float, int]:
    env = {"ACADEMY_HOOK_TIMES": str(hook_file)} if hook_file else {}
    env["ACADEMY_CACHE"] = store
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
    return run_measured(args, project, env)


def article(html: str) -> str:
    """The page's own content: what the academy adds to, as opposed to the nav."""
    match = re.search(r"<article\b.*?</article>", html, re.DOTALL)
    return match.group(0) if match else ""


def first_page(site: Path) -> str:
    """The first module page, wherever the site keeps it."""
    pages = sorted(p for p in (site / "modules").rglob("index.html") if p.parent.name.endswith("00001"))
    return pages[0].read_text(encoding="utf-8")


def measure(n: int, rounds: int, content: str, nav: str, warm: bool) -> dict[str, object]:
    academy, twin = tree(n, content)
    scratch = Path(tempfile.mkdtemp(prefix="academy-bench-"))
    hooks = scratch / "hooks.json"
    # The on-disk store of validated files: filled by the warm-up (warm), or off (cold).
    store = str(scratch / "store") if warm else "off"
    sites = {
        "academy": (academy, "mkdocs.yml", scratch / "a"),
        "twin": (twin, TWINS[nav], scratch / "t"),
        "flat": (twin, "flat.yml", scratch / "f"),
    }
    try:
        for project, config, site in sites.values():  # warm-up
            build(project, site, config, store=store)
        times: dict[str, list[float]] = {name: [] for name in sites}
        memory: dict[str, list[int]] = {name: [] for name in sites}
        for _ in range(rounds):
            for name, (project, config, site) in sites.items():
                wall, rss = build(project, site, config, hooks if name == "academy" else None, store)
                times[name].append(wall)
                memory[name].append(rss)
        per_hook: dict[str, list[float]] = {}
        for run in json.loads(hooks.read_text()):
            for hook, seconds in run.items():
                per_hook.setdefault(hook, []).append(seconds)
        a_page, t_page = first_page(scratch / "a"), first_page(scratch / "t")
        a_index = (scratch / "a" / "search" / "search_index.json").stat().st_size
        t_index = (scratch / "t" / "search" / "search_index.json").stat().st_size
        return {
            "n": n,
            "times_s": times,
            "rss_mb": {name: max(v) for name, v in memory.items()},
            "overhead": median(times["academy"]) / median(times["twin"]),
            "absolute": median(times["academy"]) / median(times["flat"]),
            "hooks_ms": {
                h: round(1000 * median(v), 1)
                for h, v in sorted(per_hook.items(), key=lambda kv: -median(kv[1]))
            },
            "page_added_bytes": len(article(a_page).encode()) - len(article(t_page).encode()),
            "head_added_bytes": len(a_page.split("<body", 1)[0].encode())
            - len(t_page.split("<body", 1)[0].encode()),
            "index_bytes": a_index,
            "twin_index_bytes": t_index,
            "index_ratio": a_index / t_index,
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", choices=("generator", "probe"), default="generator")
    parser.add_argument("--nav", choices=tuple(TWINS), default="same", help="the twin of baseline (a)")
    parser.add_argument("--large", action="store_true", help="also measure 3,000 modules")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=None)
    parser.add_argument(
        "--store", choices=("warm", "cold"), default="warm", help="the on-disk store of validated files"
    )
    args = parser.parse_args(argv)
    sizes = args.sizes or ([100, 300, 1000, 3000] if args.large else [100, 300, 1000])
    print(
        f"# academy build ({args.content} content, {args.store} store) vs plain MkDocs + Material ({machine()}), "
        f"{args.rounds} rounds after a warm-up; {load_average()}"
    )
    ok = True
    results = []
    for n in sizes:
        rounds = min(args.rounds, LARGE_ROUNDS) if n >= 3000 else args.rounds
        r = measure(n, rounds, args.content, args.nav, args.store == "warm")
        results.append(r)
        times, rss = r["times_s"], r["rss_mb"]
        assert isinstance(times, dict) and isinstance(rss, dict)
        verdicts = []
        if n in (300, 1000):
            verdicts.append(r["overhead"] <= TARGET_OVERHEAD)
        if n in TARGET_ABSOLUTE:
            verdicts.append(r["absolute"] <= TARGET_ABSOLUTE[n])
        if n == 1000:
            verdicts.append(rss["academy"] <= TARGET_RSS * rss["twin"])
        verdicts.append(r["index_ratio"] <= TARGET_INDEX)
        ok &= all(verdicts)
        print(
            f"N={n:5d}  academy {spread(times['academy'])}  twin ({args.nav} nav) {spread(times['twin'])}  "
            f"flat plain {spread(times['flat'])}"
        )
        target_a = f" (target <= {TARGET_OVERHEAD})" if n in (300, 1000) else ""
        target_b = f" (target <= {TARGET_ABSOLUTE[n]:.2f})" if n in TARGET_ABSOLUTE else ""
        print(
            f"         (a) overhead academy/twin {r['overhead']:.3f}{target_a}   "
            f"(b) absolute academy/flat {r['absolute']:.3f}{target_b}   {'ok' if all(verdicts) else 'MISSES TARGET'}"
        )
        print(
            f"         peak RSS academy {rss['academy']} MB, twin {rss['twin']} MB, flat {rss['flat']} MB"
            + (f" (target academy <= {TARGET_RSS:.0f}x twin)" if n == 1000 else "")
        )
        print(f"         plugin hooks (ms, median per build): {r['hooks_ms']}")
        print(
            f"         HTML the academy adds to the first module page: {r['page_added_bytes']} bytes in the "
            f"article, {r['head_added_bytes']} in <head>"
        )
        print(
            f"         search_index.json: {r['index_bytes']:,} vs {r['twin_index_bytes']:,} bytes "
            f"(+{100 * (r['index_ratio'] - 1):.1f}%, target <= +10%)"
        )
    added = {r["n"]: r["page_added_bytes"] for r in results}
    steady = len(set(added.values())) == 1
    print(f"page bytes added by N: {added} -> {'independent of N' if steady else 'GROWS WITH N'}")
    ok &= steady
    print(f"# {load_average()}")
    print(json.dumps(results))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
