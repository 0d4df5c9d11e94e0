"""Work done ahead on another core, in a forked child, for a single-threaded host.

``mkdocs build`` renders pages on one core. The academy's own page parts
(widgets, exports, ``llms-full.txt``) do not depend on MkDocs' work, so a
child process forked once the academy is validated can render them while
MkDocs reads and converts every page, and hand them back when MkDocs first
needs one. Forking copies the validated model for free, which no pool of
fresh worker processes could.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Ahead(Generic[T]):
    """``work()`` running in a forked child; ``result()`` waits for its return value.

    The value crosses back pickled through a pipe. If the child fails for any
    reason, ``result()`` returns ``None`` and the caller does the work itself,
    so the outcome never depends on the child.
    """

    def __init__(self, work: Callable[[], T]) -> None:
        read, write = os.pipe()
        # Freezing moves every existing object out of the collector's reach,
        # so neither process touches their headers and the copy-on-write
        # pages stay shared.
        gc.freeze()
        try:
            pid = os.fork()
        except OSError:
            gc.unfreeze()
            os.close(read)
            os.close(write)
            self._pid, self._read = 0, -1
            return
        if pid == 0:  # pragma: no cover - the child's exit code is all the parent sees
            code = 1
            try:
                os.close(read)
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        gc.unfreeze()
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T | None:
        """The child's return value, waiting for it; ``None`` if it failed. Once only."""
        if not self._pid:
            return None
        pid, self._pid = self._pid, 0
        try:
            with os.fdopen(self._read, "rb") as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(pid, 0)
        if not data or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # any failure means: the caller does the work
            return None

    def cancel(self) -> None:
        """Stop the child if it is still running, e.g. when the build failed."""
        if not self._pid:
            return
        pid, self._pid = self._pid, 0
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.kill(pid, signal.SIGKILL)
        os.close(self._read)
        os.waitpid(pid, 0)
