"""Edit to page under ``mkdocs serve --dirty``, as an author sees it.

Usage: python benchmarks/edit.py [--content generator|probe] [--sizes N ...] [--edits E] [--clean]

For N = 1,000 (default): the academy and its plain twin (same theme,
extensions and navigation) each run as a real ``mkdocs serve --dirty``
server. Edits alternate between the two: a sentence is appended to one
module's body, and the time runs from the moment the file is saved to the
moment the server answers that module's page with the new sentence in it
(polled every 10 ms), so MkDocs' file watcher, its rebuild and the server
all count, not only the plugin. After each edit the site folder is left to
settle, then compared with its state before: the files written, and of
those the ones whose bytes did not change (a dirty rebuild should write
only what changed). The first edit warms up and is not counted.

Target: edit to page at most 0.5 s at 1,000 modules (academy).
``--clean``: a normal ``mkdocs serve`` instead, which MkDocs rebuilds in
full on every edit: a figure bound by MkDocs, printed for the record.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from common import load_average, machine, median, spread, tree

TARGET_S = 0.5
POLL_S = 0.01
SETTLE_S = 1.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder``: (modification time, content hash)."""
    out = {}
    for path in folder.rglob("*"):
        if path.is_file():
            with contextlib.suppress(OSError):
                out[path.relative_to(folder).as_posix()] = (
                    path.stat().st_mtime_ns,
                    hashlib.sha256(path.read_bytes()).hexdigest(),
                )
    return out


@dataclass
class Server:
    """One ``mkdocs serve`` of a copied project, with its site folder found."""

    name: str
    project: Path
    config: str
    pages: dict[str, str]  # module id -> (source file relative to the project, page URL path)
    sources: dict[str, Path]
    dirty: bool
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    tmp: Path | None = None

    def start(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix=f"edit-{self.name}-"))
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.tmp)}
        args = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-q",
            "-f",
            self.config,
            "-a",
            f"127.0.0.1:{self.port}",
        ]
        args += ["--dirty"] if self.dirty else []
        log = open(self.tmp.parent / f"{self.tmp.name}.log", "wb")  # noqa: SIM115 - the server's life
        self.proc = subprocess.Popen(args, cwd=self.project, env=env, stdout=log, stderr=log)

    def ready(self, timeout: float = 900) -> None:
        deadline = time.monotonic() + timeout
        first = next(iter(self.pages.values()))
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise SystemExit(f"{self.name}: mkdocs serve exited with {self.proc.returncode}")
            if fetch(self.url(first)) is not None:
                return
            time.sleep(0.2)
        raise SystemExit(f"{self.name}: not serving after {timeout} s")

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    @property
    def site(self) -> Path:
        assert self.tmp is not None
        found = [p for p in self.tmp.iterdir() if p.name.startswith("mkdocs_") and p.is_dir()]
        assert len(found) == 1, found
        return found[0]

    def edit(self, module_id: str, marker: str) -> tuple[float, list[str], list[str]]:
        """Append ``marker`` to a module; seconds until its page shows it,
        and the files written (all; those whose bytes are the same)."""
        before = snapshot(self.site)
        source = self.sources[module_id]
        text = source.read_text(encoding="utf-8")
        with open(source, "w", encoding="utf-8") as out:
            out.write(text + f"\n{marker}\n")
        saved = time.perf_counter()
        url = self.url(self.pages[module_id])
        while True:
            body = fetch(url)
            if body is not None and marker in body:
                elapsed = time.perf_counter() - saved
                break
            if time.perf_counter() - saved > 300:
                raise SystemExit(f"{self.name}: {url} never showed the edit")
            time.sleep(POLL_S)
        after = self.settle()
        written = sorted(k for k, v in after.items() if before.get(k, (None,))[0] != v[0])
        same = sorted(k for k in written if k in before and before[k][1] == after[k][1])
        return elapsed, written, same

    def settle(self) -> dict[str, tuple[int, str]]:
        """The site folder once nothing in it has changed for ``SETTLE_S``."""
        last = snapshot(self.site)
        while True:
            time.sleep(SETTLE_S)
            now = snapshot(self.site)
            if {k: v[0] for k, v in now.items()} == {k: v[0] for k, v in last.items()}:
                return now
            last = now

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)


def module_pages(root: Path, folder: str, by_id: bool) -> tuple[dict[str, str], dict[str, Path]]:
    """Module id -> page URL path, and id -> source file."""
    pages, sources = {}, {}
    for path in sorted((root / folder).rglob("*.md")):
        if folder.endswith("modules") or "modules" in path.relative_to(root / folder).parts:
            module_id = path.stem
            if by_id:
                pages[module_id] = f"modules/{module_id}/"
            else:
                pages[module_id] = path.relative_to(root / folder).with_suffix("").as_posix() + "/"
            sources[module_id] = path
    return pages, sources


def measure(n: int, content: str, edits: int, dirty: bool) -> dict[str, object]:
    academy_src, twin_src = tree(n, content)
    scratch = Path(tempfile.mkdtemp(prefix="academy-edit-"))
    academy, twin = scratch / "academy", scratch / "twin"
    shutil.copytree(academy_src, academy, ignore=shutil.ignore_patterns("build"))
    shutil.copytree(twin_src, twin, ignore=shutil.ignore_patterns("build"))
    a_pages, a_sources = module_pages(academy, "modules", by_id=True)
    t_pages, t_sources = module_pages(twin, "docs", by_id=False)
    servers = [
        Server("academy", academy, "mkdocs.yml", a_pages, a_sources, dirty),
        Server("twin", twin, "mkdocs.yml", t_pages, t_sources, dirty),
    ]
    ids = sorted(a_pages)
    results: dict[str, dict[str, list]] = {s.name: {"s": [], "written": [], "same": []} for s in servers}
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.ready()
            server.settle()
        for i in range(edits + 1):
            module_id = ids[(i * 37 + 11) % len(ids)]
            for server in servers:
                elapsed, written, same = server.edit(module_id, f"Edit marker {i} {time.time_ns()}.")
                if i:  # the first edit warms up
                    results[server.name]["s"].append(elapsed)
                    results[server.name]["written"].append(written)
                    results[server.name]["same"].append(same)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    return {"n": n, **results}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", choices=("generator", "probe"), default="generator")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--clean", action="store_true", help="normal serve: every page rebuilt on every edit")
    args = parser.parse_args(argv)
    mode = "mkdocs serve" if args.clean else "mkdocs serve --dirty"
    print(
        f"# edit to page under {mode} ({args.content} content; {machine()}), "
        f"{args.edits} edits after a warm-up, alternating; {load_average()}"
    )
    ok = True
    out = []
    for n in args.sizes:
        r = measure(n, args.content, args.edits, not args.clean)
        out.append(r)
        a, t = r["academy"], r["twin"]
        assert isinstance(a, dict) and isinstance(t, dict)
        met = median(a["s"]) <= TARGET_S
        if not args.clean and n == 1000:
            ok &= met
        verdict = ("ok" if met else "MISSES TARGET") if not args.clean else "MkDocs-bound, no target"
        print(
            f"N={n:5d}  academy {spread(a['s'])}  plain twin {spread(t['s'])}  "
            f"ratio {median(a['s']) / median(t['s']):.2f}  (target academy <= {TARGET_S} s)  {verdict}"
        )
        for name, res in (("academy", a), ("twin", t)):
            counts = [len(w) for w in res["written"]]
            same = sorted({f for s in res["same"] for f in s})
            print(
                f"         {name}: files written per edit {counts}; written with unchanged bytes: "
                f"{len(same)} {same[:8]}{' ...' if len(same) > 8 else ''}"
            )
    print(f"# {load_average()}")
    print(json.dumps(out))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
