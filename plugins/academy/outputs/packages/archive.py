"""The package's files: listed in a stable order, zipped reproducibly."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

from academy.outputs.common import build_time


def listing(folder: Path) -> list[str]:
    """Every file under ``folder``, relative and ``/``-separated, sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def write_zip(folder: Path, target: Path, extra: Mapping[str, bytes]) -> None:
    """Zip ``folder`` with ``extra`` files (the manifest) at the root.

    Entries are sorted and dated with the build time (``SOURCE_DATE_EPOCH``
    when set), so two packages of the same sources are byte-identical.
    """
    stamp = build_time()
    date = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    entries: dict[str, bytes] = dict(extra)
    for name in listing(folder):
        if name not in entries:
            entries[name] = (folder / name).read_bytes()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(entries, key=lambda n: (n not in extra, n)):
            info = zipfile.ZipInfo(name, date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])
    partial.replace(target)
