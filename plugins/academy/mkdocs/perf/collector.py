"""Keeping what a build has loaded out of the garbage collector's reach.

A build's process ends with the build, and what is loaded once the academy
is checked (the academy, MkDocs' configuration and files) lives to its end.
Frozen, it is out of the collector's reach: the full collections that
rendering a thousand pages triggers no longer walk it each time (they took
0.2 s at 1,000 modules). Not under ``mkdocs serve``, whose rebuilds replace
what is loaded; and only until the build ends, for hosts that build more
than once.
"""

from __future__ import annotations

import gc


def freeze(serving: bool) -> None:
    if not serving:
        gc.freeze()


def unfreeze(serving: bool) -> None:
    if not serving:
        gc.unfreeze()
