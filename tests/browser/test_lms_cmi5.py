"""cmi5 end to end: real launches, the real ralph record store, real Chromium.

The test server of ``test_lms.py`` plays the LMS: it records ``launched``,
writes each launch's ``LMS.LaunchData`` (the LMS's own document), hands out
the token once through the ``fetch`` URL, and passes every other xAPI
request to ralph unchanged. ralph (5.1) implements the Statements resource
only, so requests for the State API reach ralph and get its 404: the bridge
then keeps resume data in a "progressed" statement, which ralph stores, and
these tests resume from it. (The State API path the bridge prefers is what
LMSs with a full record store use; nothing here can exercise it for real.)
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from test_lms import Lms, complete_module, fixture_packages, take_assessment
from test_xapi import _ralph

from browserkit import REPO, free_port

__all__ = ["fixture_packages"]  # the packages, shared with test_lms.py

USER, PASSWORD = "academy-lms", "not-a-secret-53d0"
TOKEN = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
HEADERS = {
    "Authorization": "Basic " + TOKEN,
    "X-Experience-API-Version": "1.0.3",
    "Content-Type": "application/json",
}
CMI5 = "https://w3id.org/xapi/cmi5/context/"
SESSION = CMI5 + "extensions/sessionid"
ACTOR = {
    "objectType": "Agent",
    "account": {"homePage": "https://lms.example.org", "name": "amara-1"},
    "name": "Amara Osei",
}


@pytest.fixture(scope="module")
def ralph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = _ralph()
    home = tmp_path_factory.mktemp("ralph")
    env = {**os.environ, "RALPH_APP_DIR": str(home / "app"), "RALPH_RUNSERVER_BACKEND": "fs"}
    subprocess.run(
        [binary, "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M", "mailto:lms@example.org", "-w"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    env["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = str(home / "data")
    port = free_port()
    log = home / "ralph.log"
    process = subprocess.Popen(
        [
            str(Path(binary).with_name("python")),
            str(REPO / "tests" / "lrs_server.py"),
            "127.0.0.1",
            str(port),
        ],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/xAPI/"
    deadline = time.monotonic() + 60
    while True:
        try:
            statements(url, "")
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


def statements(lrs: str, registration: str) -> list[dict]:
    query = f"?registration={registration}&limit=1000" if registration else "?limit=1"
    request = urllib.request.Request(lrs + "statements" + query, headers=HEADERS)
    with urllib.request.urlopen(request, timeout=10) as response:
        found = json.load(response)["statements"]
    return sorted(found, key=lambda s: s["timestamp"])


def verb(statement: dict) -> str:
    return statement["verb"]["id"].rsplit("/", 1)[1]


@pytest.fixture
def lms(fixture_packages, ralph: str) -> Iterator[Lms]:
    server = Lms(fixture_packages["cmi5"], lrs=ralph)
    yield server
    server.close()


def publisher_ids(package: Path) -> dict[str, str]:
    """AU item (``module=basics``) -> the AU's id in cmi5.xml."""
    import xml.etree.ElementTree as ET

    ns = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}
    root = ET.parse(package / "cmi5.xml").getroot()
    return {au.find("c:url", ns).text.split("?", 1)[1]: au.get("id") for au in root.iterfind(".//c:au", ns)}


def launch(
    page, lms: Lms, item: str, registration: str, mode: str = "Normal", mastery: float | None = None
) -> str:
    """What an LMS does to launch an AU: launch data, a token, launched; returns the session id."""
    session = str(uuid.uuid4())
    publisher = publisher_ids(lms.package_dir)[item]
    activity = f"https://lms.example.org/activities/{quote(item)}"  # the LMS's id, not the publisher's
    template = {
        "contextActivities": {"grouping": [{"objectType": "Activity", "id": publisher}]},
        "extensions": {SESSION: session},
    }
    data = {"contextTemplate": template, "launchMode": mode, "moveOn": "Completed"}
    if mastery is not None:
        data["masteryScore"] = mastery
    lms.launch_data[registration] = data
    launched = {
        "id": str(uuid.uuid4()),
        "actor": ACTOR,
        "verb": {"id": "http://adlnet.gov/expapi/verbs/launched", "display": {"en-US": "launched"}},
        "object": {"objectType": "Activity", "id": activity},
        "context": {**template, "registration": registration},
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
    }
    request = urllib.request.Request(
        lms.lrs + "statements", data=json.dumps(launched).encode(), headers=HEADERS, method="POST"
    )
    urllib.request.urlopen(request, timeout=10).close()
    key = uuid.uuid4().hex
    lms.tokens[key] = TOKEN
    query = "&".join(
        f"{name}={quote(value, safe='')}"
        for name, value in (
            ("endpoint", lms.url + "lrs/"),
            ("fetch", lms.url + f"lms/fetch?k={key}"),
            ("actor", json.dumps(ACTOR)),
            ("registration", registration),
            ("activityId", activity),
        )
    )
    page.goto(lms.url + f"pkg/index.html?{item}&{query}")
    return session


def session_statements(lms: Lms, registration: str, session: str, count: int) -> list[dict]:
    deadline = time.monotonic() + 20
    found: list[dict] = []
    while time.monotonic() < deadline:
        found = [
            s
            for s in statements(lms.lrs, registration)
            if s["context"].get("extensions", {}).get(SESSION) == session
        ]
        if len([s for s in found if verb(s) != "progressed"]) >= count:
            return found
        time.sleep(0.25)
    raise AssertionError(f"the session's statements never arrived: {[verb(s) for s in found]}")


def only_state_api_404s(errors: list[str]) -> None:
    # ralph has no State API: the bridge's requests for it are answered 404.
    assert all("status of 404" in e for e in errors), errors
    errors.clear()


def assert_cmi5_context(found: list[dict], registration: str, session: str, publisher: str) -> None:
    for s in found:
        context = s["context"]
        assert context["registration"] == registration
        assert context["extensions"][SESSION] == session
        assert {"objectType": "Activity", "id": publisher} in context["contextActivities"]["grouping"]
        categories = [a["id"] for a in context["contextActivities"].get("category", [])]
        if verb(s) == "launched":
            continue
        if verb(s) == "progressed":  # cmi5 allowed, not cmi5 defined
            assert CMI5 + "categories/cmi5" not in categories
            continue
        assert CMI5 + "categories/cmi5" in categories, verb(s)
        moves = verb(s) in ("completed", "passed", "failed")
        assert (CMI5 + "categories/moveon" in categories) is moves, verb(s)


def test_a_module_and_an_assessment_reach_the_lms_and_resume(browser, console, lms: Lms) -> None:
    registration = str(uuid.uuid4())
    ids = publisher_ids(lms.package_dir)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console.attach(page)

    session = launch(page, lms, "module=basics", registration)
    content = page.frame_locator(".ac-lms-frame")
    complete_module(content)
    page.goto("about:blank")  # the learner closes the AU
    found = session_statements(lms, registration, session, 4)
    assert [verb(s) for s in found if verb(s) != "progressed"] == [
        "launched",
        "initialized",
        "completed",
        "terminated",
    ]
    assert_cmi5_context(found, registration, session, ids["module=basics"])
    completed = next(s for s in found if verb(s) == "completed")
    assert completed["result"]["completion"] is True and completed["result"]["duration"].startswith("PT")
    assert "score" not in completed["result"] and "success" not in completed["result"]
    assert next(s for s in found if verb(s) == "terminated")["result"]["duration"].startswith("PT")
    assert {s["object"]["id"] for s in found} == {"https://lms.example.org/activities/module%3Dbasics"}
    assert any(verb(s) == "progressed" for s in found)  # where ralph keeps the resume data

    session = launch(page, lms, "quiz=stage-one", registration, mastery=0.8)
    content.locator("[data-ac-quiz=stage-one]").wait_for()
    result = take_assessment(content, right=True)
    assert result.startswith("✓ Passed") and "You scored 100%." in result, result
    page.goto("about:blank")
    found = session_statements(lms, registration, session, 5)
    assert [verb(s) for s in found if verb(s) != "progressed"] == [
        "launched",
        "initialized",
        "completed",
        "passed",
        "terminated",
    ]
    assert_cmi5_context(found, registration, session, ids["quiz=stage-one"])
    passed = next(s for s in found if verb(s) == "passed")
    assert passed["result"]["success"] is True
    assert passed["result"]["score"] == {"scaled": 1, "raw": 100, "min": 0, "max": 100}
    assert passed["context"]["extensions"][CMI5 + "extensions/masteryscore"] == 0.8
    only_state_api_404s(console.errors)
    context.close()

    # Another device, the same registration: progress comes back from the store,
    # and a completed AU is not reported again.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console.attach(page)
    session = launch(page, lms, "module=basics", registration)
    content = page.frame_locator(".ac-lms-frame")
    content.locator(".ac-meta__status:not([hidden])").wait_for()
    assert content.locator(".ac-meta__status [data-ac-status]").inner_text() == "✓ Completed"
    page.frames[-1].goto(lms.url + "pkg/paths/main.html")
    content.locator("[data-ac-path=main] [data-ac-remaining]").wait_for()
    assert content.locator("[data-ac-module-row=basics] [data-ac-status]").inner_text() == "✓ Completed"
    assert content.locator("[data-ac-quiz-status=stage-one]").inner_text().lstrip(" ·") == "✓ Passed (100%)"
    assert content.locator(".ac-lms-notice").count() == 0
    page.goto("about:blank")
    found = session_statements(lms, registration, session, 3)
    assert [verb(s) for s in found if verb(s) != "progressed"] == ["launched", "initialized", "terminated"]
    only_state_api_404s(console.errors)
    context.close()


def test_browse_mode_sends_no_completion(page, console, lms: Lms) -> None:
    registration = str(uuid.uuid4())
    session = launch(page, lms, "module=basics", registration, mode="Browse")
    complete_module(page.frame_locator(".ac-lms-frame"))
    page.goto("about:blank")
    found = session_statements(lms, registration, session, 3)
    assert [verb(s) for s in found] == ["launched", "initialized", "terminated"]
    only_state_api_404s(console.errors)
