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
import logging
import os
import pickle
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

#: MkDocs shows this logger's debug lines with ``--verbose``.
log = logging.getLogger("mkdocs.plugins.academy")


class Ahead(Generic[T]):
    """``work()`` running in a forked child; ``result()`` waits for its return value.

    The value crosses back pickled through a pipe. If the child fails for any
    reason, ``result()`` returns ``None`` and the caller does the work itself,
    so the outcome never depends on the child; ``why`` then says what went
    wrong, and a debug line in the build log says so too (``mkdocs build -v``).
    """

    why = ""

    def __init__(self, work: Callable[[], T]) -> None:
        read, write = os.pipe()
        # Freezing moves every existing object out of the collector's reach,
        # so neither process touches their headers and the copy-on-write
        # pages stay shared.
        gc.freeze()
        try:
            pid = os.fork()
        except OSError as exc:
            gc.unfreeze()
            os.close(read)
            os.close(write)
            self._pid, self._read = 0, -1
            self._fell_back(f"could not fork: {exc}")
            return
        if pid == 0:  # pragma: no cover - the child's exit code is all the parent sees
            code = 1
            try:
                os.close(read)
                try:
                    outcome: tuple[bool, object] = (True, work())
                except BaseException as exc:  # the parent is told why, and does the work
                    outcome = (False, f"{type(exc).__name__}: {exc}")
                data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
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
        if os.WIFSIGNALED(status):
            return self._fell_back(f"the child was stopped by signal {os.WTERMSIG(status)}")
        if not data or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return self._fell_back(f"the child exited with status {os.WEXITSTATUS(status)} and no result")
        try:
            ok, value = pickle.loads(data)
        except Exception as exc:  # any failure means: the caller does the work
            return self._fell_back(f"its result could not be read ({type(exc).__name__}: {exc})")
        if not ok:
            return self._fell_back(f"the work failed: {value}")
        return value  # type: ignore[return-value]

    def _fell_back(self, why: str) -> None:
        self.why = why
        log.debug(f"rendering ahead on another core fell back to this one: {why}")

    def cancel(self) -> None:
        """Stop the child if it is still running, e.g. when the build failed."""
        if not self._pid:
            return
        pid, self._pid = self._pid, 0
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.kill(pid, signal.SIGKILL)
        os.close(self._read)
        os.waitpid(pid, 0)
