"""Pure work split over every core, when the process can safely fork.

Parsing and validating a file depends on its bytes alone, so a check of a
thousand files splits cleanly over worker processes. The workers are forked
rather than spawned: they start in microseconds and inherit the compiled
schemas. Forking is only safe from a single-threaded process (``academy
check``, ``mkdocs build``): a thread holding a lock at the fork leaves it
locked in the child forever, which is why ``mkdocs serve`` never forks.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")

#: At most this many workers, whatever the machine has.
MAX_WORKERS = 8


def can_fork() -> bool:
    """Whether forking is safe and useful here: two cores or more, one thread."""
    return (
        (os.cpu_count() or 1) >= 2 and threading.active_count() == 1 and "fork" in mp.get_all_start_methods()
    )


def map_batches(
    work: Callable[[Sequence[T], A], list[R]], items: Sequence[T], argument: A, *, minimum: int
) -> list[R]:
    """``work(items, argument)``, split into batches over forked workers.

    Below ``minimum`` items, or where forking is unsafe, the work runs here:
    starting workers would cost more than it saves. ``work`` must be a
    module-level function whose results pickle cheaply (plain data crosses
    the process boundary far faster than objects). The results keep the
    order of ``items``.
    """
    if len(items) < minimum or not can_fork():
        return work(items, argument)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    size = -(-len(items) // (workers * 4))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    try:
        # A forked worker inherits the parent's heap: frozen at its start,
        # the collector neither walks it nor copies its pages by touching them.
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=mp.get_context("fork"), initializer=gc.freeze
        ) as pool:
            done = pool.map(work, batches, [argument] * len(batches))
            return [result for batch in done for result in batch]
    except (OSError, BrokenProcessPool):  # pragma: no cover - e.g. no /dev/shm: one core then
        return work(items, argument)
