"""LMS packages: the size of each package of every sample path, and the
length of its resume data when the course is fully completed.

SCORM 1.2 keeps 4,096 characters of ``cmi.suspend_data``; the figure here is
what the bridge's encoding (run under node, the very code the browser runs)
makes of a learner who did everything, with five attempts at every quiz.

Usage: python lms.py   (from benchmarks/, after ``make install``)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ACADEMY = REPO / ".venv" / "bin" / "academy"
LIMIT = 4096


def main() -> int:
    paths = sorted(p.stem for p in (REPO / "paths").glob("*.yml"))
    status = 0
    with tempfile.TemporaryDirectory(prefix="academy-bench-lms-") as tmp:
        out = Path(tmp)
        for fmt in ("scorm12", "scorm2004", "cmi5"):
            proc = subprocess.run(
                [str(ACADEMY), "package", "--all", "--format", fmt, "-C", str(REPO), "-o", str(out)],
                capture_output=True,
                text=True,
            )
            if proc.returncode:
                print(proc.stderr, file=sys.stderr)
                return 1
        print(f"{'path':<24} {'format':<10} {'size':>9} {'files':>6} {'resume data (fully completed)':>30}")
        for path in paths:
            for fmt in ("scorm12", "scorm2004", "cmi5"):
                zipped = out / f"{path}-{fmt}.zip"
                with zipfile.ZipFile(zipped) as archive:
                    files = len(archive.namelist())
                    launch = archive.read("index.html")
                folder = out / f"{path}-{fmt}"
                folder.mkdir()
                (folder / "index.html").write_bytes(launch)
                length = "—"
                if fmt == "scorm12" and shutil.which("node"):
                    found = json.loads(
                        subprocess.run(
                            [
                                "node",
                                str(REPO / "benchmarks" / "lms_progress.js"),
                                str(folder / "index.html"),
                                str(LIMIT),
                            ],
                            capture_output=True,
                            text=True,
                            check=True,
                        ).stdout
                    )
                    length = f"{found['length']} of {LIMIT} chars"
                    if found["dropped"] or found["length"] > LIMIT // 2:
                        status = 1  # the target: half of SCORM 1.2's limit, nothing dropped
                print(f"{path:<24} {fmt:<10} {zipped.stat().st_size / 1e6:>7.2f}MB {files:>6} {length:>30}")
    return status


if __name__ == "__main__":
    sys.exit(main())
