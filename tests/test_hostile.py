"""The hostile corpus: malformed and malicious sources never crash, hang,
execute anything, or go unreported.

Every case in ``tests/hostile`` must give problems that name a file and a
line, exit 1, print no traceback, and finish in under a second. Its exact
report is recorded in the case; ``UPDATE_CASES=1`` rewrites it.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from academy.cli import main

from casefiles import materialise, parse

CASES = sorted((Path(__file__).parent / "hostile").glob("*.case"))
_LOCATED = re.compile(
    r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning) \[[a-z0-9-]+\.[a-z0-9-]+\] "
)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_hostile_case(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = parse(path)
    materialise(case, tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)  # where `touch pwned` would land if a tag ever ran
    started = time.perf_counter()
    code = main(["check", str(tmp_path), *case.args])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    if os.environ.get("UPDATE_CASES"):
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("=== expect")] if "=== expect" in text else text.rstrip("\n") + "\n"
        path.write_text(head + "=== expect\n" + out, encoding="utf-8")
        return
    assert out == case.expect
    assert code == 1
    assert err == "" and "Traceback" not in out
    problems = [line for line in out.splitlines()[:-1] if not line.startswith("    hint: ")]
    assert problems, "a hostile case must be reported"
    for line in problems:
        located = _LOCATED.match(line)
        assert located, f"not located: {line}"
        assert (tmp_path / located["file"]).exists() or (tmp_path / located["file"]).is_symlink()
        assert int(located["line"]) >= 1 and int(located["col"]) >= 1
    assert not (tmp_path / "pwned").exists()
    assert elapsed < 1.0, f"{path.stem} took {elapsed:.2f}s"
