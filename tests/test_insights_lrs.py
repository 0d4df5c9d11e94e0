"""``academy insights`` against the real ralph record store, with known answers.

Simulated learners (``insights_sim``: a Rasch model with known item
difficulties and one miskeyed check) are posted to ralph, started here on
127.0.0.1 as the xAPI browser test starts it, and read back by the command
through ``--lrs``, paging through ``more`` links.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import statistics
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from insights_sim import BASE, FINAL, MISKEYED, Simulation, write_academy

from academy.cli import main

from browserkit import REPO, free_port

USER, PASSWORD = "insights-test", "not-a-secret-41d7"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
LEARNERS = 300


def _ralph() -> str:
    for candidate in (os.environ.get("ACADEMY_RALPH"), str(REPO / ".venv" / "lrs" / "bin" / "ralph")):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("ralph")
    if found:
        return found
    message = "The ralph learning record store is not installed (`make test` installs it into .venv/lrs)."
    if os.environ.get("ACADEMY_SKIP_LRS"):
        pytest.skip(message)
    pytest.fail(message)


def _call(url: str, body: object = None, method: str = "GET") -> tuple[int, object]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": AUTH, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")


@pytest.fixture(scope="module")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    ralph = _ralph()
    home = tmp_path_factory.mktemp("lrs")
    env = {**os.environ, "RALPH_APP_DIR": str(home / "app"), "RALPH_RUNSERVER_BACKEND": "fs"}
    subprocess.run(
        [ralph, "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M", "mailto:lrs@example.org", "-w"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    port = free_port()
    log = home / "ralph.log"
    env["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = str(home / "data")
    process = subprocess.Popen(
        [str(Path(ralph).with_name("python")), str(REPO / "tests" / "lrs_server.py"), "127.0.0.1", str(port)],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/xAPI/"
    deadline = time.monotonic() + 60
    while True:
        try:
            _call(url + "statements?limit=1")
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ralph did not start:\n{log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.3)
    yield url
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def post(url: str, statements: list[dict]) -> None:
    for start in range(0, len(statements), 500):
        status, body = _call(url + "statements", statements[start : start + 500], "POST")
        assert status == 200, body


@pytest.fixture(scope="module")
def stored(lrs: str, tmp_path_factory: pytest.TempPathFactory):
    """The fixture academy, and the truth behind what the store now holds."""
    root = write_academy(tmp_path_factory.mktemp("academy"))
    sim = Simulation(seed=11)
    statements = [s for _ in range(LEARNERS) for s in sim.learner()]
    # Edge cases the store keeps: content since deleted, a voided answer.
    gone = sim._statement(
        "edge-learner", "answered", BASE + "modules/retired/#check-old", "cmi.interaction", {"success": True}
    )
    voided_answer = sim._statement(
        "edge-learner",
        "answered",
        BASE + "modules/calls/#check-c1",
        "cmi.interaction",
        {"success": True, "response": "3"},
    )
    statements += [gone, voided_answer]
    post(lrs, statements)
    void = sim._statement("edge-learner", "voided", voided_answer["id"], "cmi.interaction")
    void["object"] = {"objectType": "StatementRef", "id": voided_answer["id"]}
    post(lrs, [void])
    # Posting a statement again: the store keeps one copy (ralph answers 204
    # No Content; other stores answer 409 Conflict).
    status, _ = _call(lrs + "statements", [statements[0]], "POST")
    assert status in (204, 409)
    return root, sim.truth, len(statements), voided_answer


def run_insights(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["insights", *args])
    out, err = capsys.readouterr()
    return code, out, err


def line_of(file: Path, text: str) -> int:
    return file.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_insights_recovers_known_answers_from_the_store(lrs, stored, capsys) -> None:
    root, truth, posted, _ = stored
    code, out, err = run_insights(capsys, str(root), "--lrs", lrs, "--auth", AUTH, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    summary = report["summary"]
    # Every statement came back through the store's pages (500 a page), once.
    # Every statement posted, plus the voiding one; ralph still returns the
    # voided answer (xAPI 1.0.3 says a store should not), and insights drops it.
    assert (summary["read"], summary["duplicates"], summary["voided"]) == (posted + 1, 0, 1), summary
    assert summary["learners"] == LEARNERS  # the edge learner's only kept answer was voided
    assert summary["gone"] == [{"activity": BASE + "modules/retired/#check-old", "statements": 1}]
    calls_c1 = next(q for q in report["questions"] if q["owner_id"] == "calls" and q["id"] == "c1")
    assert calls_c1["learners"] == sum(
        1 for _ in truth.final_rows
    )  # the voided learner's answer is not counted

    # Difficulty ordering: known b against the share wrong, every item keyed right.
    found = {(q["owner_id"], q["id"]): q["difficulty"] for q in report["questions"]}
    keys = sorted(truth.difficulty)
    b = [truth.difficulty[k] for k in keys]
    wrong = [1 - found[k] for k in keys]
    assert spearman(b, wrong) >= 0.9, list(zip(keys, b, wrong, strict=True))

    # The miskeyed check is flagged at its line, and so is the choice learners prefer to its key.
    module = root / "modules" / "listening.md"
    check_line = line_of(module, f"  - id: {MISKEYED}")
    flags = {(f["kind"], f["where"]["file"], f["where"]["line"]) for f in report["flags"]}
    assert ("discrimination", "modules/listening.md", check_line) in flags
    choice_two = line_of(module, f"      - text: Option 2 of {MISKEYED}")
    assert ("distractor", "modules/listening.md", choice_two) in flags
    miskeyed = next(q for q in report["questions"] if q["id"] == MISKEYED)
    assert miskeyed["point_biserial"] < 0
    # KR-20 of the assessment, against a direct computation over the simulated first attempts.
    (final,) = [a for a in report["assessments"] if a["id"] == "final"]
    rows = truth.final_rows
    k = len(FINAL)
    items = sum(statistics.pvariance([r[j] for r in rows]) for j in range(k))
    direct = k / (k - 1) * (1 - items / statistics.pvariance([sum(r) for r in rows]))
    assert final["reliability_name"] == "KR-20" and final["reliability_learners"] == len(rows)
    assert abs(final["reliability"] - direct) < 0.01, (final["reliability"], direct)


def spearman(x: list[float], y: list[float]) -> float:
    """rho = 1 - 6 * sum(d^2) / (n (n^2 - 1)), ranks without ties."""
    rx = {v: i for i, v in enumerate(sorted(x))}
    ry = {v: i for i, v in enumerate(sorted(y))}
    n = len(x)
    return 1 - 6 * sum((rx[a] - ry[b]) ** 2 for a, b in zip(x, y, strict=True)) / (n * (n * n - 1))


def test_an_unreadable_store_is_a_plain_message(stored, capsys) -> None:
    root = stored[0]
    port = free_port()
    code, out, err = run_insights(capsys, str(root), "--lrs", f"http://127.0.0.1:{port}/xAPI/")
    assert code == 2 and out == ""
    assert err.startswith("academy insights: cannot read the statements: ")


def test_wrong_credentials_name_the_status(lrs, stored, capsys) -> None:
    bad = "Basic " + base64.b64encode(f"{USER}:wrong-{uuid.uuid4().hex[:6]}".encode()).decode()
    code, _, err = run_insights(capsys, str(stored[0]), "--lrs", lrs, "--auth", bad)
    assert code == 2
    assert "answered HTTP 401" in err, err
