"""Real MkDocs builds in temporary folders."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import PRACTICE, mkdocs, module, site_project, tree_digest, write

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = site_project(tmp_path_factory.mktemp("site"))
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    return root


def test_good_build_generates_module_path_and_home_pages(built: Path) -> None:
    site = built / "build"
    beta = (site / "modules" / "beta" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="page-title">Beta</h1>' in beta
    assert '<a href="../../modules/alpha/">Alpha</a>' in beta  # prerequisite as a link
    assert '<a href="../../paths/main/">Main</a>' in beta  # the paths it belongs to
    assert '<h2 id="objectives">What you will be able to do</h2>' in beta
    assert 'id="check-your-understanding"' in beta
    assert 'data-ac-check="q" data-ac-type="true-false"' in beta
    path_page = (site / "paths" / "main" / "index.html").read_text(encoding="utf-8")
    assert 'data-ac-module-row="alpha"' in path_page and 'data-ac-module-row="beta"' in path_page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-ac-path-card="main"' in home
    for kind in ("module", "path", "quiz"):
        assert json.loads((site / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))["$id"]


def test_answers_and_feedback_stay_out_of_the_search_index(built: Path) -> None:
    index = (built / "build" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "It does." not in index  # the explanation
    assert "Know the topic." in index  # objectives are searchable


def test_lists_search_leaves_out_are_on_the_pages_but_not_in_the_index(built: Path) -> None:
    site = built / "build"
    docs = {
        d["location"]: d["text"]
        for d in json.loads((site / "search" / "search_index.json").read_text())["docs"]
    }
    # A path's module rows and the progress page's list of every module are
    # indexed on the modules' own pages, not again on every list.
    assert "Every agent" in docs["paths/main/"] and "Stage one" in docs["paths/main/"]
    assert "Alpha" not in docs["paths/main/"] and "Beta" not in docs["paths/main/"]
    assert docs["progress/#all-modules"] == ""
    for page, rows in (("paths/main/index.html", 1), ("progress/index.html", 1)):
        html = (site / page).read_text(encoding="utf-8")
        assert html.count('data-ac-module-row="alpha"') == rows, page
    for page in site.rglob("*.html"):
        assert "<!--ac-" not in page.read_text(encoding="utf-8"), page
    # The heading over widgets a body does not place heads a section of
    # widgets only: on the page and in its contents, not among search results.
    beta = (site / "modules" / "beta" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="check-your-understanding">Check your understanding' in beta
    assert 'href="#check-your-understanding"' in beta
    assert not [location for location in docs if location.endswith("#check-your-understanding")]


def test_broken_module_fails_before_touching_an_earlier_build(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    assert mkdocs(root, "build").returncode == 0
    before = tree_digest(root / "build")
    broken = module("beta", extra="prerequisites: [alpah]\n").replace("level: foundation", "level: expert")
    write(root, {"modules/beta.md": broken})
    proc = mkdocs(root, "build")
    assert proc.returncode == 1
    assert "ERROR   -  academy: modules/beta.md:5:8: [schema.enum] level is `expert`" in proc.stderr
    assert (
        "ERROR   -  academy: modules/beta.md:7:17: [ref.prerequisite] prerequisite `alpah` is not a module"
        in proc.stderr
    )
    assert "the site was not built" in proc.stderr
    assert "Cleaning site directory" not in proc.stderr
    assert tree_digest(root / "build") == before


def test_strict_build_fails_on_a_warning(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    write(root, {"modules/orphan.md": module("orphan")})
    lenient = mkdocs(root, "build")
    assert lenient.returncode == 0
    assert (
        "WARNING -  academy: modules/orphan.md:2:5: [coverage.orphan] module `orphan` is in no learning path"
        in lenient.stderr
    )
    before = tree_digest(root / "build")
    strict = mkdocs(root, "build", "--strict")
    assert strict.returncode == 1
    assert "academy: 0 errors, 1 warning in 5 files (strict mode); the site was not built" in strict.stderr
    assert tree_digest(root / "build") == before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_watches_the_source_folders_and_rebuilds(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    write(root, {"quizzes/practice.yml": PRACTICE})
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    lines: list[str] = []
    output: queue.Queue[str] = queue.Queue()
    # A reader thread, so a silent server cannot block the test past its deadline.
    threading.Thread(target=lambda: [output.put(line) for line in proc.stdout], daemon=True).start()
    deadline = time.monotonic() + 90

    def wait_for(pattern: str) -> None:
        while time.monotonic() < deadline:
            try:
                line = output.get(timeout=0.5)
            except queue.Empty:
                continue
            lines.append(line)
            if re.search(pattern, line):
                return
        pytest.fail(f"never saw {pattern!r} in:\n" + "".join(lines))

    def page(url: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{url}", timeout=10) as response:
            return response.read().decode("utf-8")

    try:
        wait_for(r"Serving on http://127\.0\.0\.1")
        edits = [
            (
                "modules/alpha.md",
                "title: Alpha\n",
                "title: Alpha renamed\n",
                "modules/alpha/",
                "Alpha renamed",
            ),
            ("paths/main.yml", "title: Main\n", "title: Main renamed\n", "paths/main/", "Main renamed"),
            (
                "quizzes/practice.yml",
                "title: Practice\n",
                "title: Practice renamed\n",
                "quizzes/practice/",
                "Practice renamed",
            ),
        ]
        for rel, old, new, url, expected in edits:
            source = root / rel
            staged = source.with_name(source.name + ".tmp")
            staged.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
            os.replace(staged, source)  # one complete change, as an editor's save is
            until = time.monotonic() + 30
            while expected not in page(url):
                if time.monotonic() > until:
                    while not output.empty():
                        lines.append(output.get())
                    pytest.fail(f"{url} never showed {expected!r}; server log:\n" + "".join(lines))
                time.sleep(0.2)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            "      severity: {coverag: warning}\n",
            "Plugin 'academy' option 'severity': 'coverag' is not a rule family or code. "
            "Did you mean 'coverage'?",
        ),
        (
            "      severity: {coverage: loud}\n",
            "Plugin 'academy' option 'severity': 'coverage' must be error, warning or ignore, not 'loud'.",
        ),
        (
            "      xapi: {endpoint: ftp://lrs.example.org/}\n",
            "Plugin 'academy' option 'xapi': 'endpoint' must be an http(s) URL, not 'ftp://lrs.example.org/'.",
        ),
        (
            "      raw_html: maybe\n",
            "Plugin 'academy' option 'raw_html': must be allow, warn or error, not 'maybe'.",
        ),
    ],
)
def test_a_bad_option_stops_the_build_as_the_config_loads(tmp_path: Path, options: str, message: str) -> None:
    root = site_project(tmp_path, options)
    proc = mkdocs(root, "build")
    assert proc.returncode == 1
    assert f"Config value 'plugins': {message}" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (root / "build").exists()


def test_enabled_false_builds_the_plain_site(tmp_path: Path) -> None:
    root = site_project(tmp_path, "      enabled: false\n")
    write(root, {"modules/beta.md": "not a module at all"})  # not even read
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    site = root / "build"
    assert (site / "index.html").is_file()
    assert not (site / "modules").exists() and not (site / "catalog.json").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/academy/" not in home and "data-ac-" not in home


def test_build_log_shows_control_characters_escaped(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    write(root, {"modules/orphan.md": module("orphan", title="Evil \u202etxt.exe")})
    proc = mkdocs(root, "build")
    assert proc.returncode == 0, proc.stderr
    write(root, {"modules/orphan.md": module("orphan").replace("id: know", "id: kn\u202eow")})
    proc = mkdocs(root, "build")
    assert "\u202e" not in proc.stderr
    assert "kn\\u202eow" in proc.stderr


def test_templates_dir_replaces_a_fragment_and_refuses_a_misspelt_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from academy.cli import main

    root = site_project(tmp_path, "      templates_dir: overrides\n")
    cards = (
        '<ul class="our-cards">{% for p, minutes, count in cards %}'
        '<li><a href="{{ base }}{{ urls.path(p.id) }}">{{ p.title }}</a> ({{ count }})</li>'
        "{% endfor %}</ul>\n"
    )
    write(root, {"overrides/role_cards.html": cards})
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    home = (root / "build" / "index.html").read_text(encoding="utf-8")
    assert '<ul class="our-cards"><li><a href="paths/main/">Main</a> (2)</li></ul>' in home
    write(root, {"overrides/rol_cards.html": cards})
    proc = mkdocs(root, "build")
    assert proc.returncode == 1
    message = (
        "academy: option 'templates_dir': rol_cards.html is not a fragment the academy renders. "
        "Did you mean role_cards.html?"
    )
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert main(["check", str(root)]) == 2
    assert message in capsys.readouterr().err


def test_links_the_check_accepts_build_without_warnings(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    write(
        root,
        {
            "modules/deep/gamma.md": module("gamma").replace(
                "Body of gamma.",
                "## Before you start\n\nRead [beta by file](../beta.md#objectives), [alpha](alpha.md), "
                "[home](../index.md#test-academy) and [this heading](#before-you-start).",
            ),
            "paths/main.yml": "id: main\ntitle: Main\nrole: Every agent\nstages:\n  - id: one\n    title: Stage one\n"
            "    modules: [alpha, beta, gamma]\n",
        },
    )
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr
    page = (root / "build" / "modules" / "gamma" / "index.html").read_text(encoding="utf-8")
    assert 'href="../beta/#objectives"' in page and 'href="../alpha/"' in page
    assert 'href="../../#test-academy"' in page and 'href="#before-you-start"' in page
    export = (root / "build" / "modules" / "gamma.md").read_text(encoding="utf-8")
    assert "[beta by file](beta.md#objectives)" in export


def test_serve_shows_problems_at_once_and_comes_back_when_they_are_fixed(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: [lines.append(line) for line in proc.stdout], daemon=True).start()

    def fetch(url: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{url}", timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")
        except OSError:
            return 0, ""

    def until(check, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not check():
            if time.monotonic() > deadline:
                pytest.fail("server log:\n" + "".join(lines))
            time.sleep(0.2)

    try:
        until(lambda: fetch("modules/alpha/")[0] == 200)
        good = (root / "modules" / "alpha.md").read_text(encoding="utf-8")
        (root / "modules" / "alpha.md").write_text(good.replace("level: foundation", "level: expert"))
        until(lambda: "schema.enum" in fetch("modules/alpha/")[1])
        started = time.monotonic()
        status, html = fetch("paths/main/")
        assert time.monotonic() - started < 2, "an error page must answer at once"
        assert status == 404
        assert "modules/alpha.md:5:8" in html and "[schema.enum]" in html
        assert "The academy has 1 problem to fix" in html
        assert 'class="md-header' in html  # the site's own style
        log = "".join(lines)
        assert "academy: modules/alpha.md:5:8: [schema.enum]" in log
        assert "the preview shows them at every address" in log and "/tmp/" not in log.split("schema.enum")[1]
        (root / "modules" / "alpha.md").write_text(good)
        until(lambda: fetch("modules/alpha/")[0] == 200)
        assert "Alpha" in fetch("modules/alpha/")[1]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
