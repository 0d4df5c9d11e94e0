"""Atomic site output: build beside ``build/``, then swap the folders.

``mkdocs build`` cleans the site folder before it writes, so a build that dies
half-way (killed, out of disk, a plugin crash after validation) leaves a
half-written site. ``academy build`` instead builds into a temporary folder in
the same parent directory and exchanges it with the old site in one system
call (``renameat2(RENAME_EXCHANGE)`` on Linux), so readers see either the old
site or the new one, never a mixture; the old one is deleted afterwards.
Where the exchange call is missing, two renames leave a window of
microseconds with no site, but never a partial one.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_PREFIX = ".academy-build-"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when the platform cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(parent: Path) -> None:
    """Remove temporary folders left by builds that were killed."""
    for stale in parent.glob(_PREFIX + "*"):
        pid = stale.name[len(_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _swap(stage: Path, site_dir: Path) -> None:
    """Put ``stage`` at ``site_dir``; afterwards ``stage`` holds the previous site, or nothing.

    If a rename fails (``site_dir`` is a mount point, or a read-only file
    system), ``site_dir`` is put back as it was and the error raised.
    """
    if not site_dir.exists():
        os.rename(stage, site_dir)
        return
    if _exchange(stage, site_dir):
        return
    old = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-old-", dir=site_dir.parent))
    os.rmdir(old)
    os.rename(site_dir, old)
    try:
        os.rename(stage, site_dir)
    except BaseException:
        os.rename(old, site_dir)
        raise
    os.rename(old, stage)


@contextlib.contextmanager
def staged(site_dir: Path) -> Iterator[Path]:
    """Yield a fresh folder to build into; on success, swap it into ``site_dir``.

    On every other exit (the body raises, or the swap fails) ``site_dir`` is
    left exactly as it was. The staged folder is removed on every exit path;
    only a killed process leaves one, for the next build's :func:`sweep`.
    """
    site_dir = site_dir.resolve()
    parent = site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    sweep(parent)
    stage = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=parent))
    try:
        yield stage
        _swap(stage, site_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)  # the new site, unused, or the previous one
