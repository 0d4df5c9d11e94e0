"""The edit loop of `mkdocs serve`: one plugin instance, repeated builds.

Usage: python benchmarks/serve.py [--edits E] [--sizes N ...] [--floor] [--dirty]

For N = 100 and 1,000: a first build, then E edits (default 8), each
changing one module's body and rebuilding the way `mkdocs serve` does
(configuration reloaded, plugin instance kept). Prints the plugin's own time
per rebuild (the sum of its hooks) and its growth from 100 to 1,000 modules.
Target: the plugin's own rebuild time grows by at most 1.5 times.

``--floor`` replaces the four hooks MkDocs calls for every page with ones that
return at once (the pages are then wrong): what the growth would be if the
plugin did no work per page at all.

``--dirty`` rebuilds as ``mkdocs serve --dirty`` does: MkDocs re-renders only
the pages whose files say they changed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import machine, median, tree

TARGET_GROWTH = 1.5


PER_PAGE = ("on_page_markdown", "on_page_content", "on_page_context", "on_post_page")


def edit_loop(n: int, edits: int, floor: bool = False, dirty: bool = False) -> dict[str, object]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    source, _ = tree(n)
    scratch = Path(tempfile.mkdtemp(prefix="academy-serve-"))
    project = scratch / "academy"
    shutil.copytree(source, project)
    hooks = scratch / "hooks.json"
    os.environ["ACADEMY_HOOK_TIMES"] = str(hooks)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    modules = sorted((project / "modules").rglob("*.md"))
    try:

        def rebuild() -> float:
            start = time.perf_counter()
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(scratch / "site"))
            build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
            return time.perf_counter() - start

        first = load_config(str(project / "mkdocs.yml"), site_dir=str(scratch / "site"))
        first.plugins.on_startup(command="serve", dirty=dirty)
        build(first, serve_url="http://127.0.0.1:8000/")
        if floor:
            plugin = first.plugins["academy"]
            for name in PER_PAGE:
                original = getattr(type(plugin), name)

                def nothing(item: object, **_: object) -> object:
                    return item

                nothing.mkdocs_priority = getattr(original, "mkdocs_priority", 0)  # type: ignore[attr-defined]
                setattr(plugin, name, plugin.times.wrap(name, nothing))
        walls = []
        for i in range(edits + 1):  # the first edit warms up, and is not counted
            target = modules[(i * 37) % len(modules)]
            target.write_text(
                target.read_text(encoding="utf-8") + f"\nEdit {i}: one more sentence.\n", encoding="utf-8"
            )
            walls.append(rebuild())
        runs = json.loads(hooks.read_text())[2:]  # skip the first build and the warm-up edit
        totals = [sum(run.values()) for run in runs]
        per_hook = {h: round(1000 * median([run.get(h, 0.0) for run in runs]), 2) for h in runs[0]}
        plugin = first.plugins["academy"]
        return {
            "n": n,
            "plugin_ms": 1000 * median(totals),
            "build_s": median(walls[1:]),
            "hooks_ms": dict(sorted(per_hook.items(), key=lambda kv: -kv[1])),
            "cache_misses_last": plugin.cache.misses,
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=8)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--floor", action="store_true", help="per-page hooks do nothing (wrong pages)")
    parser.add_argument(
        "--dirty", action="store_true", help="as `mkdocs serve --dirty`: rebuild changed pages only"
    )
    args = parser.parse_args(argv)
    if args.dirty:  # MkDocs warns that a dirty build may leave links stale, at every rebuild
        logging.getLogger("mkdocs.commands.build").setLevel(logging.ERROR)
    floor = " with per-page hooks that do nothing" if args.floor else ""
    print(f"# serve edit loop ({machine()}), {args.edits} edits after a warm-up edit{floor}")
    results = [edit_loop(n, args.edits, args.floor, args.dirty) for n in args.sizes]
    for r in results:
        print(
            f"N={r['n']:5d}  plugin {r['plugin_ms']:7.1f} ms per rebuild  (whole rebuild {r['build_s']:.2f} s)  hooks: {r['hooks_ms']}"
        )
    for r in results:
        share = r["plugin_ms"] / (1000 * r["build_s"])
        print(f"N={r['n']:5d}  the plugin's share of the whole rebuild: {100 * share:.2f}%")
    small, large = results[0], results[-1]
    growth = large["plugin_ms"] / small["plugin_ms"]
    per_page = PER_PAGE
    for label, hooks in (("per-page hooks", per_page), ("once-per-build hooks", None)):

        def part(r: dict[str, object], hooks: tuple[str, ...] | None = hooks) -> float:
            times = r["hooks_ms"]
            assert isinstance(times, dict)
            return sum(v for h, v in times.items() if (h in hooks if hooks else h not in per_page))

        print(
            f"{label}: {part(small):.1f} ms -> {part(large):.1f} ms ({part(large) / max(part(small), 1e-9):.2f}x)"
        )
    print(
        f"plugin rebuild time growth {small['n']} -> {large['n']}: {growth:.2f}x (target <= {TARGET_GROWTH})"
    )
    print(json.dumps(results))
    return 0 if growth <= TARGET_GROWTH else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
