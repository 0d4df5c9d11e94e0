"""The home page of an academy made by ``academy init`` with the installed wheel, in Chromium."""

from __future__ import annotations

from pathlib import Path

from browserkit import Site
from installkit import SITE_NAME, clean_env, run


def test_the_built_home_page_opens_in_a_browser(browser: object, installed: Path, new_academy: Path) -> None:
    if not (new_academy / "build" / "index.html").is_file():
        build = run([str(installed / "academy"), "build", "-q"], cwd=new_academy, env=clean_env(installed))
        assert build.returncode == 0, build.stderr
    site = Site(new_academy / "build")
    errors: list[str] = []
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(site.url)
        assert page.title() == SITE_NAME
        assert page.get_by_role("heading", level=1, name=SITE_NAME).is_visible()
        page.get_by_role("link", name="Writing for this academy").first.click()
        page.wait_for_url("**/paths/academy-authors/")
        assert "Writing objectives you can check" in page.locator("article").inner_text()
    finally:
        page.close()
        site.close()
    assert errors == []
