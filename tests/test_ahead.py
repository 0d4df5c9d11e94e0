"""Rendering ahead in a forked child: same site, and a failing child changes nothing."""

from __future__ import annotations

import multiprocessing
import os
import textwrap
from pathlib import Path

import pytest

from academy.mkdocs.perf.slots import LIFT_CLOSE, LIFT_OPEN, fill, lift, slot

from helpers import module, python, site_project, tree_digest, write

# The forking happens in fresh processes, which have one thread.
needs_fork = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods(),
    reason="needs fork and two cores",
)


def test_fill_replaces_named_slots_in_any_order_and_leaves_others() -> None:
    html = f"<p>a</p>{slot('1')}<p>b</p>{slot('0')}{slot('other')}<!--ac-slot:open"
    assert fill(html, {"0": "<i>zero</i>", "1": "<b>one</b>"}) == (
        "<p>a</p><b>one</b><p>b</p><i>zero</i><!--ac-slot:other--><!--ac-slot:open"
    )
    assert fill("<p>no slots</p>", {"0": "x"}) == "<p>no slots</p>"
    assert fill(slot("0") + slot("0"), {"0": "x"}) == "xx"


# Forking is refused in a process with threads, which pytest's may have by
# now: the child process runs in a fresh interpreter.
CHILD = textwrap.dedent(
    """
    import time
    from academy.mkdocs.perf.ahead import Ahead

    print(Ahead(lambda: {"key": "x" * 200_000}).result() == {"key": "x" * 200_000})

    def broken():
        raise RuntimeError("boom")

    failed = Ahead(broken)
    print(failed.result(), failed.why)
    job = Ahead(lambda: time.sleep(30))
    started = time.perf_counter()
    job.cancel()
    print(time.perf_counter() - started < 5, job.result())
    """
)


@needs_fork
def test_lift_cuts_marked_parts_into_slots_that_fill_puts_back() -> None:
    html = f"<h2>A</h2>{LIFT_OPEN}<ul><li>x</li></ul>{LIFT_CLOSE}<p>b</p>{LIFT_OPEN}<ol></ol>{LIFT_CLOSE}"
    cut, parts = lift(html)
    assert cut == f"<h2>A</h2>{slot('lift0')}<p>b</p>{slot('lift1')}"
    assert parts == {"lift0": "<ul><li>x</li></ul>", "lift1": "<ol></ol>"}
    assert fill(cut, parts) == "<h2>A</h2><ul><li>x</li></ul><p>b</p><ol></ol>"
    assert lift("<p>none</p>") == ("<p>none</p>", {})
    # An opening mark without its close keeps the rest as it is.
    assert lift(f"<p>{LIFT_OPEN}<i>open</i>") == (f"<p>{LIFT_OPEN}<i>open</i>", {})


def test_ahead_returns_the_value_or_none_and_can_be_cancelled() -> None:
    proc = python(Path.cwd(), "-c", CHILD)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n") == ["True", "None the work failed: RuntimeError: boom", "True None", ""]


BUILD = textwrap.dedent(
    """
    import sys
    import academy.mkdocs.perf.ahead_work
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    academy.mkdocs.perf.ahead_work.AHEAD_MIN = int(sys.argv[1])
    if len(sys.argv) > 3:  # a child that cannot send its result back
        import logging, pickle
        import academy.mkdocs.perf.ahead as ahead

        class Unpicklable:
            loads = staticmethod(pickle.loads)
            HIGHEST_PROTOCOL = pickle.HIGHEST_PROTOCOL

            @staticmethod
            def dumps(*args, **kwargs):
                raise OSError("no room in the pipe")

        ahead.pickle = Unpicklable
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(message)s")
    config = load_config("mkdocs.yml", site_dir=sys.argv[2])
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    print("ahead", config.plugins["academy"].parts.ahead_used)
    """
)


def build(root: Path, ahead_min: int, site: str, *fail: str) -> int:
    proc = python(root, "-c", BUILD, str(ahead_min), site, *fail, env={"SOURCE_DATE_EPOCH": "1790000000"})
    assert proc.returncode == 0, proc.stderr
    if fail:
        assert (
            "DEBUG rendering ahead on another core fell back to this one: "
            "the child exited with status 1 and no result"
        ) in proc.stderr
    return int(proc.stdout.split()[-1])


@needs_fork
def test_a_failed_child_logs_why_and_the_build_is_the_same(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    assert build(root, 10**9, "in-process") == 0
    assert build(root, 0, "fallen-back", "fail") == 0
    assert tree_digest(root / "in-process") == tree_digest(root / "fallen-back")


@needs_fork
def test_a_build_rendered_ahead_equals_one_rendered_in_process(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    scenario = textwrap.dedent(
        """\
        scenarios:
          - id: call
            objective: know
            title: A call
            start: open
            steps:
              open:
                text: The customer is upset.
                options:
                  - text: Listen.
                    next: good
                    score: 1
                    feedback: Good.
              good:
                text: Calmer now.
                ending: success
        """
    )
    # Widgets placed in the body, in the appendix, and out of page order.
    gamma = module("gamma", extra=scenario).replace("Body of gamma.", "[[scenario call]]\n\n[[check q]]\n")
    write(root, {"modules/gamma.md": gamma})
    assert build(root, 10**9, "in-process") == 0
    assert build(root, 0, "ahead") > 0
    inside, ahead = tree_digest(root / "in-process"), tree_digest(root / "ahead")
    assert inside == ahead
    page = (root / "ahead" / "modules" / "gamma" / "index.html").read_text(encoding="utf-8")
    assert "ac-slot" not in page
    assert page.index('id="scenario-call"') < page.index('id="check-q"')
    assert 'class="ac-summary"' in page and 'class="ac-pathnav"' not in page
    beta = (root / "ahead" / "modules" / "beta" / "index.html").read_text(encoding="utf-8")
    assert 'class="ac-pathnav"' in beta and "Prerequisites</dt><dd><a" in beta
