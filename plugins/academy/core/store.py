"""Loaded files kept on disk between runs, so a check or build of an
academy that did not change re-validates nothing.

Validating a file depends on its bytes, its path, the rule environment
(today's date, the codes graded ``ignore``) and the code that validates it,
and on nothing else (see :func:`academy.core.loader.load_many`). Each entry
is therefore named by the file's path and content hash, inside a folder
named by the environment, the project folder and a hash of the validating
code (every source file of ``academy.core`` and the package version). An
edit, a rename, a new rule or a new release can only miss; it can never
find another version's result. A deleted file is simply never asked for.

The store lives in the user's cache folder, never in the project: a
pickle is code, and a project's files (a pull request's, say) must not be
able to plant one that ``academy check`` would load. ``ACADEMY_CACHE``
names another folder, or ``off`` turns the store off. Every read and write
is best effort: a store that cannot be read or written costs a cold run,
never a failed one, and a damaged entry is a miss.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: A folder of entries unused this long belongs to a project, date or
#: academy version gone by; the next new folder removes it.
STALE_DAYS = 14
SUFFIX = ".pickle"


@functools.cache
def code_hash() -> str:
    """Hash of the code whose results the store keeps: every file of
    ``academy.core`` (the loader, schemas, builders, rules) and the package's
    ``__init__.py`` (its version). Read once per process, about 8 ms."""
    core = Path(__file__).resolve().parent
    digest = hashlib.sha256(sys.version.encode())
    for path in [core.parent / "__init__.py", *sorted(core.rglob("*"))]:
        if path.suffix in (".py", ".json") and path.is_file():
            digest.update(path.relative_to(core.parent).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cache_root() -> Path | None:
    """The folder that holds every project's store, or ``None`` when off."""
    chosen = os.environ.get("ACADEMY_CACHE", "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "academy"


@dataclass(frozen=True, slots=True)
class Store:
    """One project's entries for one rule environment and one version of the code.

    Plain data, so it travels to the parsing workers, which write what they
    validate themselves, on the cores that did the work.
    """

    folder: Path

    @classmethod
    def for_project(cls, root: Path, env: object) -> Store | None:
        """The store for ``root`` under the rule environment ``env`` (its
        ``repr`` is part of the key), or ``None`` when the store is off."""
        base = cache_root()
        if base is None:
            return None
        key = hashlib.sha256(f"{code_hash()}\0{Path(root).resolve()}\0{env!r}".encode()).hexdigest()
        return cls(base / key[:24])

    def name(self, key: str, digest: str) -> str:
        """The entry's file name: a hash of the file's kind, path and content hash."""
        return hashlib.sha256(f"{key}\0{digest}".encode()).hexdigest()[:32] + SUFFIX

    def get(self, key: str, digest: str) -> bytes | None:
        try:
            return (self.folder / self.name(key, digest)).read_bytes()
        except OSError:
            return None

    def put(self, key: str, digest: str, blob: bytes) -> None:
        """Write one entry atomically (a reader sees all of it or none)."""
        try:
            if not self.folder.is_dir():
                self._start()
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(blob)
                os.replace(tmp, self.folder / self.name(key, digest))
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass

    def touch(self) -> None:
        """Mark the store used, so no other project's run removes it as stale."""
        with contextlib.suppress(OSError):
            os.utime(self.folder)

    def keep_only(self, live: set[str]) -> None:
        """Remove the entries not named in ``live`` (files since edited or deleted)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.endswith(SUFFIX) and name not in live:
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / name)

    def _start(self) -> None:
        """Make this store's folder, and remove folders nobody used for ``STALE_DAYS``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        cutoff = time.time() - STALE_DAYS * 86400
        try:
            others = [p for p in self.folder.parent.iterdir() if p != self.folder and p.is_dir()]
        except OSError:
            return
        for other in others:
            try:
                if other.stat().st_mtime < cutoff:
                    for entry in other.iterdir():
                        entry.unlink()
                    other.rmdir()
            except OSError:
                pass
