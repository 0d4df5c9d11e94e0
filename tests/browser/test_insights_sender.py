"""What the xAPI sender adds for ``academy insights``, read back from its queue.

The store is unreachable on purpose (every post is aborted), so the
statements stay in the browser's queue, exactly as they would be posted.
Each answer carries the time spent on it, a scenario's ending carries the
route taken, and a placement test carries the modules tested out of; and
``insights`` joins every one of them with the content.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from test_paths import complete_module, record, take

from academy.core.analytics import analyse, locator
from academy.core.analytics.figures import Thresholds
from academy.core.engine import run
from academy.core.settings import load_settings

from browserkit import FIXTURES, Site, free_port
from helpers import mkdocs

QUEUE = "academy-xapi:/"
DEAD = "http://127.0.0.1:9/xAPI/"


def test_the_sender_adds_duration_route_and_tested_modules(context, console, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "runtime", project, ignore=shutil.ignore_patterns("build"))
    port = free_port()
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/", config.read_text("utf-8"))
    config.write_text(
        text.replace(
            "      today: 2026-11-01\n", f"      today: 2026-11-01\n      xapi:\n        endpoint: {DEAD}\n"
        ),
        encoding="utf-8",
    )
    proc = mkdocs(project, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    site = Site(project / "build", port=port)
    try:
        context.route(DEAD + "**", lambda route: route.abort())
        page = context.new_page()
        take(page, site.url + "quizzes/placement/", lambda data: data["id"] != "types-one")
        complete_module(page, site, "all-types")
        saved = record(page)
        queue = json.loads(page.evaluate(f"localStorage.getItem('{QUEUE}')"))
    finally:
        site.close()
    statements = queue["queue"]
    answers = [s for s in statements if s["verb"]["id"].endswith("/answered")]
    assert answers and all(re.fullmatch(r"PT\d+\.\dS", s["result"]["duration"]) for s in answers), answers

    (ending,) = [s for s in statements if "#scenario-" in s["object"]["id"]]
    (route,) = [v["route"] for k, v in saved["scenarios"].items() if k.startswith("all-types/")]
    assert ending["result"]["extensions"] == {"urn:academy:xapi:route": route}
    assert route and all(isinstance(step, str) and isinstance(i, int) for step, i in route)

    (placement,) = [s for s in statements if s["object"]["id"].endswith("/quizzes/placement/")]
    assert placement["result"]["extensions"] == {"urn:academy:xapi:tested": ["basics"]}
    assert saved["quizzes"]["placement"]["attempts"][0]["tested"] == ["basics"]

    # Everything the browser sent is joined with the content it came from.
    result = run(load_settings(project))
    actor = {"objectType": "Agent", "account": {"homePage": site.url, "name": queue["anon"]}}
    report = analyse(
        [{"actor": actor, **s} for s in statements],
        result.academy,
        site.url,
        locator(result.loaded),
        Thresholds(1),
    )
    assert report.summary.used == len(statements) and report.summary.gone == ()
    assert report.summary.malformed == () and report.summary.ignored == 0
    (scenario,) = [s for s in report.scenarios if s.module == "all-types"]
    assert scenario.learners == 1 and scenario.routed == 1
    (path,) = report.paths
    assert path.placement is not None and path.placement.tested_share == (("all-types", 0.0), ("basics", 1.0))
    timed = [q for q in report.questions if q.owner_id == "all-types" and q.learners]
    assert timed and all(q.median_seconds is not None and q.median_seconds >= 0 for q in timed)
    assert console.errors == [] or all("net::ERR_FAILED" in e for e in console.errors)
    console.errors.clear()
