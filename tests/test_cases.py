"""Every rule, located exactly: each ``tests/cases/*.case`` is checked
against its recorded ``academy check`` output, line for line.

Set ``UPDATE_CASES=1`` to rewrite the expectations after an intended change,
then read the diff.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from academy.cli import main
from academy.core.codes import CODES

from casefiles import materialise, parse

CASE_DIR = Path(__file__).parent / "cases"
CASES = sorted(CASE_DIR.glob("*.case"))
#: Fallback codes that no well-formed schema path reaches; documented, not cased.
UNREACHABLE = {"schema.invalid"}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_case(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = parse(path)
    materialise(case, tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    started = time.perf_counter()
    code = main(["check", str(tmp_path), *case.args])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    if os.environ.get("UPDATE_CASES"):
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("=== expect")] if "=== expect" in text else text.rstrip("\n") + "\n"
        path.write_text(head + "=== expect\n" + out, encoding="utf-8")
        return
    assert err == ""
    assert "Traceback" not in out
    assert out == case.expect
    errors = int(re.search(r"^(\d+) errors?,", out.splitlines()[-1]).group(1))
    assert code == (1 if errors or ("--strict" in case.args and ", 0 warnings" not in out) else 0)
    assert elapsed < 1.0, f"{path.stem} took {elapsed:.2f}s"


def test_every_code_has_a_case() -> None:
    seen = set()
    for path in CASES:
        seen.update(re.findall(r"\[([a-z0-9-]+\.[a-z0-9-]+)\]", parse(path).expect))
    missing = sorted(set(CODES) - seen - UNREACHABLE)
    assert missing == [], f"codes without a case in tests/cases: {missing}"
    assert seen <= set(CODES), f"cases show unregistered codes: {sorted(seen - set(CODES))}"
