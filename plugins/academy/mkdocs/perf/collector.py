"""Keeping what a build has loaded out of the garbage collector's reach.

A build's process ends with the build, and what is loaded once the academy
is checked (the academy, MkDocs' configuration and files) lives to its end.
Frozen, it is out of the collector's reach: the full collections that
rendering a thousand pages triggers no longer walk it each time (they took
0.2 s at 1,000 modules). Only until the build ends, for hosts that build more
than once.

Under ``mkdocs serve`` each rebuild replaces what is loaded, so nothing is
frozen while a rebuild runs. Yet the heap of a preview at 1,000 modules is
large, and a full collection during a ``serve --dirty`` rebuild (0.2 s of a
rebuild that re-renders one page) came with almost every edit. So once a
rebuild has ended and the preview is idle, the collector runs (what the
rebuild left behind is freed, cycles included) and what survives is frozen;
the next rebuild's collections walk only what it makes itself.
"""

from __future__ import annotations

import gc
import threading

#: How long after a rebuild the preview is taken to be idle.
IDLE_S = 1.0

_idle: threading.Timer | None = None


def freeze(serving: bool) -> None:
    if not serving:
        gc.freeze()


def unfreeze(serving: bool) -> None:
    if not serving:
        gc.unfreeze()
        return
    global _idle
    if _idle is not None:
        _idle.cancel()
    _idle = threading.Timer(IDLE_S, collect_and_freeze)
    _idle.daemon = True
    _idle.start()


def collect_and_freeze() -> None:
    """Free what the last rebuild left (unfrozen first, so nothing frozen
    earlier is kept for ever), then freeze what lives on."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
