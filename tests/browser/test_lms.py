"""LMS packages in a real browser, against real LMS-side code.

A test server plays the LMS: it serves the unzipped package under ``/pkg/``
and a harness page where scorm-again (from npm, installed by ``make test``
from ``tests/lms/package-lock.json``) provides the SCORM 1.2 or 2004 API, as
an LMS's player does, loaded with the CMI data the LMS stored earlier.
Commits reach the server like an LMS backend's. cmi5 is tested against ralph
in ``test_lms_cmi5.py``, with this server as the LMS.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from browserkit import FIXTURES, REPO

LMS_DIR = REPO / "tests" / "lms"
SCORM_AGAIN = LMS_DIR / "node_modules" / "scorm-again" / "dist"


def scorm_again() -> Path:
    if not (SCORM_AGAIN / "scorm12.min.js").is_file():
        pytest.fail(
            "scorm-again is not installed; `make test` installs it (make lms-test-tools, npm ci in tests/lms)."
        )
    return SCORM_AGAIN


def package(project: Path, path_id: str, fmt: str, target: Path) -> Path:
    """Run ``academy package`` and unzip the result next to the zip; return the folder."""
    zipped = target / f"{path_id}-{fmt}.zip"
    proc = subprocess.run(
        [
            str(REPO / ".venv" / "bin" / "academy"),
            "package",
            path_id,
            "--format",
            fmt,
            "-C",
            str(project),
            "-o",
            str(zipped),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    folder = target / f"{path_id}-{fmt}"
    with zipfile.ZipFile(zipped) as archive:
        archive.extractall(folder)
    return folder


class Lms:
    """The LMS side of a launch, on 127.0.0.1.

    Attributes:
        cmi: What the LMS hands scorm-again at the next launch.
        commits: Every commit scorm-again sent, in order.
        launch_data: cmi5 ``LMS.LaunchData`` per registration (the LMS writes it).
        tokens: cmi5 fetch keys not used yet, with their token.
        lrs: Where ``/lrs/`` requests go (ralph's xAPI endpoint), for cmi5.
    """

    def __init__(self, package_dir: Path, lrs: str = "") -> None:
        self.package_dir = package_dir
        self.cmi: dict = {}
        self.commits: list[dict] = []
        self.launch_data: dict[str, dict] = {}
        self.tokens: dict[str, str] = {}
        self.lrs = lrs
        lms = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def send_json(self, status: int, value: object) -> None:
                body = json.dumps(value).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def translate_path(self, path: str) -> str:
                route = urlsplit(path).path
                if route.startswith("/pkg/"):
                    return str(lms.package_dir / route[len("/pkg/") :])
                if route.startswith("/lms/scorm-again/"):
                    return str(SCORM_AGAIN / Path(route).name)
                if route in ("/lms/harness.html", "/lms/harness.js"):
                    return str(LMS_DIR / Path(route).name)
                return str(lms.package_dir / "no-such-file")

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path == "/lms/cmi":
                    return self.send_json(200, lms.cmi)
                if parts.path.startswith("/lrs/"):
                    query = parse_qs(parts.query)
                    if parts.path == "/lrs/activities/state" and query.get("stateId") == ["LMS.LaunchData"]:
                        data = lms.launch_data.get(query.get("registration", [""])[0])
                        return self.send_json(200, data) if data else self.send_json(404, {})
                    return self.proxy(b"")
                return super().do_GET()

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                if parts.path == "/lms/commit":
                    lms.commits.append(json.loads(self.body()))
                    return self.send_json(200, {"result": True, "errorCode": 0})
                if parts.path == "/lms/fetch":
                    key = parse_qs(parts.query).get("k", [""])[0]
                    token = lms.tokens.pop(key, None)
                    if token is None:
                        return self.send_json(
                            200, {"error-code": "1", "error-text": "The token was fetched already."}
                        )
                    return self.send_json(200, {"auth-token": token})
                if parts.path.startswith("/lrs/"):
                    return self.proxy(self.body())
                return self.send_json(404, {})

            def do_PUT(self) -> None:
                if self.path.startswith("/lrs/"):
                    return self.proxy(self.body())
                return self.send_json(404, {})

            def proxy(self, body: bytes) -> None:
                """Everything but the launch data goes to the record store unchanged."""
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() in ("authorization", "content-type", "x-experience-api-version")
                }
                request = urllib.request.Request(
                    lms.lrs + self.path[len("/lrs/") :],
                    data=body or None,
                    method=self.command,
                    headers=headers,
                )
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        status, payload, kind = (
                            response.status,
                            response.read(),
                            response.headers.get("Content-Type"),
                        )
                except urllib.error.HTTPError as error:
                    status, payload, kind = error.code, error.read(), error.headers.get("Content-Type")
                self.send_response(status)
                self.send_header("Content-Type", kind or "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ---- answering by keyboard ------------------------------------------------------


def data_of(box) -> dict:
    return json.loads(box.locator(":scope > template.ac-data").evaluate("t => t.content.textContent"))


def answer_by_keyboard(box, right: bool = True) -> None:
    """Answer one check or question through its controls, with keys only."""
    data = data_of(box)
    kind = data["type"]
    if kind in ("single", "multiple"):
        targets = [str(i) for i, c in enumerate(data["choices"]) if c["correct"] == right]
        for value in targets if right else targets[:1]:
            box.locator(f"input[value='{value}']").press("Space")
    elif kind == "true-false":
        box.locator(f"input[value='{str(data['answer'] == right).lower()}']").press("Space")
    elif kind == "text":
        box.locator("input[type=text]").press_sequentially(data["answers"][0] if right else "not this")
    elif kind == "order":
        items = box.locator(".ac-order > li")
        count = items.count()
        wanted = range(count) if right else reversed(range(count))
        for place, item in enumerate(wanted):
            for _ in range(count):
                order = [items.nth(i).get_attribute("data-ac-item") for i in range(count)]
                at = order.index(str(item))
                if at == place:
                    break
                items.nth(at).locator(".ac-move--up").press("Enter")
    elif kind == "match":
        for select in box.locator("select").all():
            want = select.get_attribute("data-ac-left")
            select.press("Home")
            for _ in range(40):
                value = select.input_value()
                if value != "" and (value == want) == right:
                    break
                select.press("ArrowDown")
    else:  # pragma: no cover - every type is handled above
        raise AssertionError(kind)


def complete_module(content) -> None:
    """Answer every check right and play every scenario, by keyboard, on the open module page."""
    content.locator(".ac-meta__status:not([hidden])").wait_for()
    for box in content.locator(".ac-check").all():
        answer_by_keyboard(box, True)
        box.locator("button[type=submit]").press("Enter")
        assert box.locator(".ac-feedback").inner_text().startswith("✓"), box.locator(
            ".ac-feedback"
        ).inner_text()
    for scenario in content.locator(".ac-scenario").all():
        while scenario.locator(".ac-restart").count() == 0:
            scenario.locator(".ac-now .ac-option-button").first.press("Enter")
    assert content.locator(".ac-meta__status [data-ac-status]").inner_text() == "✓ Completed"


def take_assessment(content, right: bool = True) -> str:
    retry = content.locator("[data-ac-results] .ac-retry-quiz")
    (retry if retry.count() and retry.is_visible() else content.locator("[data-ac-start]")).press("Enter")
    questions = content.locator(".ac-question:not([hidden])")
    for i in range(questions.count()):
        answer_by_keyboard(questions.nth(i).locator(".ac-check"), right)
    content.locator("[data-ac-submit]").press("Enter")
    results = content.locator("[data-ac-results]")
    results.wait_for()
    return " ".join(results.inner_text().split())


def content_frame(page):
    """The course page inside the launch page inside the LMS's frame."""
    return page.frame_locator("#sco").frame_locator(".ac-lms-frame")


def course_frame(page, name: str):
    """The Playwright frame showing ``name`` (a package page)."""
    for frame in page.frames:
        if frame.url.split("?")[0].endswith("/pkg/" + name):
            return frame
    raise AssertionError(f"no frame shows {name}: {[f.url for f in page.frames]}")


# ---- SCORM 1.2 and 2004 ---------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    scorm_again()
    project = tmp_path_factory.mktemp("lms-fixture") / "project"
    shutil.copytree(FIXTURES / "runtime", project, ignore=shutil.ignore_patterns("build"))
    out = tmp_path_factory.mktemp("lms-packages")
    return {fmt: package(project, "main", fmt, out) for fmt in ("scorm12", "scorm2004", "cmi5")}


def cmi_value(page, v2004: bool, element: str) -> str:
    return page.evaluate(
        f"() => String(window.harnessApi.{'GetValue' if v2004 else 'LMSGetValue'}({element!r}))"
    )


def wait_for_commit(lms: Lms, page, count: int) -> dict:
    page.wait_for_function("n => true", arg=0)
    for _ in range(100):
        if len(lms.commits) >= count:
            return lms.commits[-1]
        page.wait_for_timeout(50)
    raise AssertionError(f"only {len(lms.commits)} commits reached the LMS")


def closing_commit(lms: Lms, page, v2004: bool) -> dict:
    """The commit that suspends the session; it travels after the page is gone."""
    for _ in range(100):
        if lms.commits and core(lms.commits[-1]["cmi"], v2004).get("exit") == "suspend":
            return lms.commits[-1]["cmi"]
        page.wait_for_timeout(50)
    last = core(lms.commits[-1]["cmi"], v2004) if lms.commits else {}
    raise AssertionError(f"no commit suspended the session; the last had exit {last.get('exit')!r}")


def core(cmi: dict, v2004: bool) -> dict:
    return cmi if v2004 else cmi["core"]


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_a_scorm_lms_records_the_path_and_resumes_it(browser, console, fixture_packages, fmt) -> None:
    v2004 = fmt == "scorm2004"
    lms = Lms(fixture_packages[fmt])
    lms.cmi = (
        {"learner_id": "amara-1", "learner_name": "Osei, Amara"}
        if v2004
        else {"core": {"student_id": "amara-1", "student_name": "Osei, Amara"}}
    )
    outside: list[str] = []
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        console.attach(page)
        page.on(
            "request", lambda r: r.frame != page.main_frame and "/pkg/" not in r.url and outside.append(r.url)
        )
        page.goto(lms.url + f"lms/harness.html?format={fmt}")
        content = content_frame(page)
        content.locator("[data-ac-path=main]").wait_for()
        assert content.locator(".ac-lms-notice").count() == 0  # an LMS records this launch
        status = "cmi.completion_status" if v2004 else "cmi.core.lesson_status"
        assert cmi_value(page, v2004, status) == "incomplete"

        # One module, by keyboard: the LMS hears of it at once (a commit per answer).
        content.locator("a.ac-module-row__title[href*='modules/basics.html']").press("Enter")
        complete_module(content)
        committed = wait_for_commit(lms, page, 2)
        assert core(committed["cmi"], v2004)["suspend_data" if v2004 else "student_id"]
        location = "cmi.location" if v2004 else "cmi.core.lesson_location"
        assert cmi_value(page, v2004, location) == "modules/basics.html"

        course_frame(page, "modules/basics.html").goto(lms.url + "pkg/modules/all-types.html")
        complete_module(content)
        course_frame(page, "modules/all-types.html").goto(lms.url + "pkg/quizzes/stage-one.html")
        assert take_assessment(content, right=False).startswith("✗ Not passed yet You scored 0%.")
        if not v2004:
            # Every module done, the assessment taken but not passed.
            assert cmi_value(page, v2004, status) == "failed"
        result = take_assessment(content, right=True)
        assert result.startswith("✓ Passed") and "You scored 100%." in result, result
        page.wait_for_timeout(300)

        if v2004:
            assert cmi_value(page, True, "cmi.completion_status") == "completed"
            assert cmi_value(page, True, "cmi.success_status") == "passed"
            assert cmi_value(page, True, "cmi.score.scaled") == "1"
            assert cmi_value(page, True, "cmi.progress_measure") == "1"
            assert cmi_value(page, True, "cmi.objectives.0.id") == "one"
            assert cmi_value(page, True, "cmi.objectives.0.success_status") == "passed"
            count = int(cmi_value(page, True, "cmi.interactions._count"))
            assert count == 7 + 3 + 3  # seven checks, then three questions in each of two attempts
            seen = {cmi_value(page, True, f"cmi.interactions.{i}.id") for i in range(count)}
            assert {"basics/basic", "all-types/pick-one", "all-types/in-order"} <= seen
            first = {
                k: cmi_value(page, True, f"cmi.interactions.0.{k}")
                for k in ("id", "type", "learner_response", "result")
            }
            assert first == {
                "id": "basics/basic",
                "type": "true-false",
                "learner_response": "true",
                "result": "correct",
            }
            kinds = {cmi_value(page, True, f"cmi.interactions.{i}.type") for i in range(7)}
            assert kinds == {"true-false", "choice", "sequencing", "matching", "fill-in"}
            results = [cmi_value(page, True, f"cmi.interactions.{i}.result") for i in range(7, count)]
            assert results == ["incorrect"] * 3 + ["correct"] * 3
        else:
            assert cmi_value(page, False, "cmi.core.lesson_status") == "passed"
            assert cmi_value(page, False, "cmi.core.score.raw") == "100"
            assert cmi_value(page, False, "cmi.core.score.max") == "100"
        data = cmi_value(page, v2004, "cmi.suspend_data")
        assert data.startswith("A1:") and len(data) < 400, data

        # The learner leaves: the session is finished, suspended for a resume.
        page.goto("about:blank")
        final = closing_commit(lms, page, v2004)
        assert (final["session_time"] if v2004 else final["core"]["session_time"]) not in (
            "",
            None,
            "PT0H0M0S",
            "00:00:00",
        )
        context.close()

        # Another device (nothing in localStorage), the same learner: resumed from the LMS.
        lms.cmi = final
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        console.attach(page)
        page.goto(lms.url + f"lms/harness.html?format={fmt}")
        content = content_frame(page)
        # It reopens where the learner was: the assessment page.
        content.locator("[data-ac-quiz=stage-one]").wait_for()
        assert content.locator("[data-ac-history] tr").count() == 2
        course_frame(page, "quizzes/stage-one.html").goto(lms.url + "pkg/paths/main.html")
        content.locator("[data-ac-path=main] [data-ac-remaining]").wait_for()
        for module in ("basics", "all-types"):
            assert (
                content.locator(f"[data-ac-module-row={module}] [data-ac-status]").inner_text()
                == "✓ Completed"
            )
        assert (
            content.locator("[data-ac-quiz-status=stage-one]").inner_text().lstrip(" ·") == "✓ Passed (100%)"
        )
        course_frame(page, "paths/main.html").goto(lms.url + "pkg/modules/all-types.html")
        assert "was-right" in (content.locator("#check-pick-one").get_attribute("class") or "")
        course_frame(page, "modules/all-types.html").goto(lms.url + "pkg/paths/main/certificate.html")
        content.locator("[data-ac-cert]:not([hidden])").wait_for()
        assert content.locator("[data-ac-cert-name]").inner_text() == "Amara Osei"  # the LMS's name
        context.close()
    finally:
        lms.close()
    assert outside == []


def test_without_an_lms_the_package_is_a_site_with_a_notice(page, console, fixture_packages) -> None:
    lms = Lms(fixture_packages["scorm12"])
    try:
        messages: list[str] = []
        page.on("console", lambda m: messages.append(m.text))
        page.goto(lms.url + "pkg/index.html")
        content = page.frame_locator(".ac-lms-frame")
        notice = content.locator(".ac-lms-notice")
        notice.wait_for()
        assert notice.inner_text().startswith("No learning management system (LMS) is recording this course")
        assert any("no LMS found" in m for m in messages)
        content.locator("a.ac-module-row__title[href*='modules/basics.html']").press("Enter")
        complete_module(content)
        record = json.loads(page.evaluate("localStorage.getItem('academy:/pkg/')"))
        assert record["modules"]["basics"]["done"]
    finally:
        lms.close()


def test_a_commit_survives_a_save_from_another_page_in_the_same_moment(browser, fixture_packages) -> None:
    # The launch page batches what it sends within one tick; a storage event
    # (the course page saving) in that tick once cancelled the pending commit.
    lms = Lms(fixture_packages["scorm12"])
    try:
        page = browser.new_context().new_page()
        page.goto(lms.url + "lms/harness.html?format=scorm12")
        content_frame(page).locator("[data-ac-path=main]").wait_for()
        launch = course_frame(page, "index.html")
        wait_for_commit(lms, page, 1)
        before = len(lms.commits)
        launch.evaluate(
            """() => {
              window.academyLms.event("done", { id: "basics" });
              dispatchEvent(new StorageEvent("storage", { key: "academy:" + new URL(".", location.href).pathname }));
            }"""
        )
        wait_for_commit(lms, page, before + 1)
    finally:
        lms.close()
