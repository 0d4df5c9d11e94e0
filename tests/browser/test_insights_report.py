"""The ``academy insights`` HTML report in Chromium: accessible, self-contained."""

from __future__ import annotations

import json
from pathlib import Path

from insights_sim import Simulation, write_academy

from academy.cli import main

from browserkit import ARTIFACTS, axe_violations


def test_the_html_report_passes_axe_and_needs_no_script(page, console, tmp_path: Path) -> None:
    root = write_academy(tmp_path / "academy")
    sim = Simulation(seed=11)
    export = tmp_path / "export.jsonl"
    with export.open("w", encoding="utf-8") as out:
        for _ in range(300):
            for statement in sim.learner():
                out.write(json.dumps(statement) + "\n")
    report = tmp_path / "report.html"
    assert (
        main(["insights", str(root), "--statements", str(export), "--format", "html", "-o", str(report)]) == 0
    )
    page.context.set_offline(True)  # nothing may come from elsewhere
    page.goto(report.as_uri())
    assert axe_violations(page) == []
    assert page.locator("script").count() == 0
    charts = page.locator("svg[role=img]")
    assert (
        charts.count() == 4
    )  # the scatter, the path's funnel, a histogram per assessment and placement test
    for i in range(charts.count()):
        chart = charts.nth(i)
        ids = chart.get_attribute("aria-labelledby").split()
        assert all(page.locator(f"#{name}").text_content().strip() for name in ids)
    # Flagged points are squares with a label, not only a colour.
    assert page.locator("svg rect[fill='#b3261e']").count() >= 1
    assert "listening/q5" in page.locator("svg").first.text_content()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "insights-report.png"), full_page=True)
    assert console.errors == []
