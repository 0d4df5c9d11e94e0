"""Real Chromium for the browser tests: Debian's package, driven by Playwright.

Each test gets a fresh browser context (so a fresh localStorage) and fails if
the page logs a console error or throws. Sites are built for real into a
temporary folder and served over HTTP on 127.0.0.1.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from browserkit import CHROMIUM_FLAGS, Site, build_fixture, free_port


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail(
            "Chromium is not installed. `make test` installs it as root; otherwise run: sudo apt-get install chromium"
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def runtime_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    port = free_port()
    site = Site(
        build_fixture("runtime", tmp_path_factory.mktemp("runtime") / "project", port=port), port=port
    )
    yield site
    site.close()


@pytest.fixture(scope="session")
def runtime_site_csp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The runtime fixture served with the recommended Content Security Policy."""
    from test_security import CSP

    port = free_port()
    project = tmp_path_factory.mktemp("runtime-csp") / "project"
    site = Site(
        build_fixture("runtime", project, port=port), headers={"Content-Security-Policy": CSP}, port=port
    )
    yield site
    site.close()


class Console:
    """Collects console errors and uncaught exceptions of a page."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def attach(self, page: object) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: object, console: Console) -> Iterator[object]:
    pg = context.new_page()
    console.attach(pg)
    yield pg
    assert console.errors == [], f"console errors: {console.errors}"


@pytest.fixture(scope="session")
def sample_site(sample_build) -> Iterator[Site]:
    """The repository's own academy (the Customer Service Academy), served."""
    site = Site(sample_build / "build")
    yield site
    site.close()
