"""xAPI end to end: a real learning record store, a real site, real Chromium.

The store is ralph (from PyPI, with its file-system backend), started on
127.0.0.1 by these tests. ``make test`` installs it into ``.venv/lrs``; when
that failed, the tests fail and show why, rather than passing silently. Set
``ACADEMY_SKIP_LRS=1`` to skip them on purpose.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_paths import answer, complete_module, take

from browserkit import FIXTURES, REPO, Site, axe_violations, free_port
from helpers import mkdocs

USER, PASSWORD = "academy-test", "not-a-secret-9c1e"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
QUEUE = "academy-xapi:/"


def _ralph() -> str:
    for candidate in (os.environ.get("ACADEMY_RALPH"), str(REPO / ".venv" / "lrs" / "bin" / "ralph")):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("ralph")
    if found:
        return found
    log = REPO / ".venv" / "lrs-install.log"
    why = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.is_file() else "no install log"
    message = (
        "The ralph learning record store is not installed, so the xAPI test cannot run. "
        "`make test` installs it into .venv/lrs from requirements/lrs.lock "
        "(python -m venv .venv/lrs && .venv/lrs/bin/python requirements/lockfile.py sync requirements/lrs.lock)\n"
        f"Last install output:\n{why}"
    )
    if os.environ.get("ACADEMY_SKIP_LRS"):
        pytest.skip(message)
    pytest.fail(message)


@dataclass
class Store:
    """A running ralph LRS and how to read it back."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def statements(self) -> list[dict]:
        request = urllib.request.Request(
            self.url + "statements?limit=1000",
            headers={"Authorization": AUTH, "X-Experience-API-Version": "1.0.3"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)["statements"]

    def wait_for(self, predicate, what: str, timeout: float = 30.0) -> list[dict]:
        """Statements once ``predicate`` holds for them; the page sends in the background."""
        deadline = time.monotonic() + timeout
        found: list[dict] = []
        while time.monotonic() < deadline:
            found = self.statements()
            if predicate(found):
                return found
            time.sleep(0.25)
        raise AssertionError(f"the store never received {what}; it holds {summary(found)}")


def summary(statements: list[dict]) -> list[tuple[str, str]]:
    return [(verb(s), s["object"]["id"]) for s in statements]


def verb(statement: dict) -> str:
    return statement["verb"]["id"].rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def learner_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def lrs(tmp_path_factory: pytest.TempPathFactory, site_port: int, learner_port: int) -> Iterator[Store]:
    ralph = _ralph()
    home = tmp_path_factory.mktemp("lrs")
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(home / "app"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_RUNSERVER_CORS_ALLOW_ORIGINS": json.dumps(
            [f"http://127.0.0.1:{p}" for p in (site_port, learner_port)]
        ),
    }
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
        start_new_session=True,  # stop the server and anything it starts, together
    )
    store = Store(f"http://127.0.0.1:{port}/xAPI/", process, log)
    deadline = time.monotonic() + 60
    while True:
        try:
            store.statements()
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ralph did not start:\n{log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.3)
    yield store
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def build_with_xapi(target: Path, port: int, store: Store, actor: str) -> Path:
    shutil.copytree(FIXTURES / "runtime", target, ignore=shutil.ignore_patterns("build"))
    config = target / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/", config.read_text("utf-8"))
    text = text.replace(
        "      today: 2026-11-01\n",
        f"      today: 2026-11-01\n      xapi:\n        endpoint: {store.url}\n        auth: !ENV ACADEMY_TEST_XAPI_AUTH\n        actor: {actor}\n",
    )
    config.write_text(text, encoding="utf-8")
    proc = mkdocs(target, "build", "--strict", env={"ACADEMY_TEST_XAPI_AUTH": AUTH})
    assert proc.returncode == 0, proc.stderr
    return target / "build"


@pytest.fixture(scope="module")
def xapi_site(tmp_path_factory: pytest.TempPathFactory, site_port: int, lrs: Store) -> Iterator[Site]:
    site = Site(
        build_with_xapi(tmp_path_factory.mktemp("xapi") / "project", site_port, lrs, "anonymous"),
        port=site_port,
    )
    yield site
    site.close()


def mine(statements: list[dict], anon: str) -> list[dict]:
    return [s for s in statements if s["actor"].get("account", {}).get("name") == anon]


def test_a_learners_work_reaches_the_record_store(page, xapi_site: Site, lrs: Store) -> None:
    base = xapi_site.url
    complete_module(page, xapi_site, "basics")
    complete_module(page, xapi_site, "all-types")
    take(page, base + "quizzes/stage-one/", lambda data: False)
    take(page, base + "quizzes/stage-one/", lambda data: True)
    page.goto(base + "paths/main/")
    page.wait_for_selector("[data-ac-remaining]")
    anon = json.loads(page.evaluate(f"localStorage.getItem('{QUEUE}')"))["anon"]
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", anon)

    def arrived(found: list[dict]) -> bool:
        return ("completed", base + "paths/main/") in summary(mine(found, anon))

    statements = mine(lrs.wait_for(arrived, "the path's completion"), anon)
    by = {}
    for s in statements:
        by.setdefault((verb(s), s["object"]["id"]), []).append(s)

    # Anonymous: an account id kept by the browser, never a name or email.
    assert {json.dumps(s["actor"], sort_keys=True) for s in statements} == {
        json.dumps({"objectType": "Agent", "account": {"homePage": base, "name": anon}}, sort_keys=True)
    }
    assert ("experienced", base + "modules/basics/") in by
    assert by[("completed", base + "modules/basics/")][0]["result"]["completion"] is True
    assert ("completed", base + "modules/all-types/") in by

    (basic,) = by[("answered", base + "modules/basics/#check-basic")]
    assert basic["result"]["success"] is True
    assert basic["result"]["response"] == "true"
    assert basic["object"]["definition"]["interactionType"] == "true-false"
    assert basic["object"]["definition"]["name"] == {"en": "The basics come first."}
    assert basic["context"]["contextActivities"]["parent"] == [
        {"objectType": "Activity", "id": base + "modules/basics/"}
    ]

    scenarios = [
        s for (v, obj), found in by.items() if v == "completed" and "#scenario-" in obj for s in found
    ]
    assert scenarios, summary(statements)
    played = scenarios[0]["result"]
    assert played["completion"] is True and played["response"] in ("success", "partial", "fail")
    assert played["success"] is (played["response"] == "success")
    assert 0 <= played["score"]["raw"] <= played["score"]["max"]

    assert ("failed", base + "quizzes/stage-one/") in by, "\n".join(map(str, summary(statements)))
    (failed,) = by[("failed", base + "quizzes/stage-one/")]
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] == 0
    (passed,) = by[("passed", base + "quizzes/stage-one/")]
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1
    assert passed["result"]["score"]["raw"] == 100
    exam_answers = [
        s
        for (v, obj), found in by.items()
        if v == "answered" and "/quizzes/stage-one/#q-stage-one-" in obj
        for s in found
    ]
    assert len(exam_answers) == 6  # three drawn questions, two attempts
    assert by[("completed", base + "paths/main/")][0]["object"]["definition"]["type"].endswith("/course")
    # Everything was delivered: the queue is empty, and a revisit sends the path once only.
    page.goto(base + "paths/main/certificate/")
    page.wait_for_selector("[data-ac-cert]:not([hidden])")
    assert json.loads(page.evaluate(f"localStorage.getItem('{QUEUE}')"))["queue"] == []
    assert len(by[("completed", base + "paths/main/")]) == 1


def test_statements_wait_while_the_store_is_unreachable(
    context, console, xapi_site: Site, lrs: Store
) -> None:
    page = context.new_page()
    console.attach(page)
    context.route(lrs.url + "**", lambda route: route.abort())
    page.goto(xapi_site.url + "modules/basics/")
    box = page.locator("#check-basic")
    answer(page, box, False)
    box.locator("button[type=submit]").click()
    queued = json.loads(page.evaluate(f"localStorage.getItem('{QUEUE}')"))
    assert [verb(s) for s in queued["queue"]] == ["experienced", "answered"]
    result = dict(queued["queue"][1]["result"])
    assert re.fullmatch(r"PT\d+\.\dS", result.pop("duration"))  # time on the question, for insights
    assert result == {
        "success": False,
        "response": "false",
        "completion": True,
        "score": {"scaled": 0},
    }
    time.sleep(0.5)
    assert mine(lrs.statements(), queued["anon"]) == []
    # The store comes back: the next page load delivers the queue, with ids kept.
    context.unroute(lrs.url + "**")
    page.goto(xapi_site.url + "paths/main/")
    found = lrs.wait_for(lambda f: len(mine(f, queued["anon"])) >= 2, "the queued statements")
    assert {s["id"] for s in mine(found, queued["anon"])} >= {s["id"] for s in queued["queue"]}
    page.wait_for_function(f"JSON.parse(localStorage.getItem('{QUEUE}')).queue.length === 0")
    # The aborted posts are the only console errors this page may log.
    assert all("net::ERR_FAILED" in e for e in console.errors), console.errors
    console.errors.clear()


def test_learner_mode_waits_for_a_name_and_email(page, tmp_path: Path, lrs: Store, learner_port: int) -> None:
    root = build_with_xapi(tmp_path / "project", learner_port, lrs, "learner")
    site = Site(root, port=learner_port)
    try:
        page.goto(site.url + "modules/basics/")
        box = page.locator("#check-basic")
        answer(page, box, True)
        box.locator("button[type=submit]").click()
        time.sleep(0.5)
        waiting = json.loads(page.evaluate(f"localStorage.getItem('{QUEUE}')"))["queue"]
        assert [verb(s) for s in waiting] == ["experienced", "answered", "completed"]
        page.goto(site.url + "progress/")
        assert "under the name and email you give below" in page.locator(".ac-progress-page").inner_text()
        form = page.locator("[data-ac-xapi-form]")
        form.wait_for()
        assert axe_violations(page) == []
        page.fill("#ac-xapi-email", "not an email")
        form.locator("button[type=submit]").click()
        assert form.locator("[data-ac-xapi-status]").inner_text() == "Enter a valid email address."
        page.fill("#ac-xapi-name", "Amara Osei")
        page.fill("#ac-xapi-email", "amara@example.org")
        form.locator("button[type=submit]").click()
        assert form.locator("[data-ac-xapi-status]").inner_text() == "Saved. Your records are being sent."

        def hers(found: list[dict]) -> list[dict]:
            return [s for s in found if s["actor"].get("mbox") == "mailto:amara@example.org"]

        found = hers(lrs.wait_for(lambda f: len(hers(f)) >= 3, "the learner's statements"))
        assert sorted(s["id"] for s in found) == sorted(s["id"] for s in waiting)
        assert all(
            s["actor"] == {"objectType": "Agent", "name": "Amara Osei", "mbox": "mailto:amara@example.org"}
            for s in found
        )
    finally:
        site.close()
