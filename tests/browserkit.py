"""Browser-test toolkit: built sites served over HTTP, keyboard and axe helpers."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import socket
import threading
from pathlib import Path

from helpers import mkdocs

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
FIXTURES = REPO / "tests" / "fixtures"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class Site:
    """A built site served over HTTP, with optional response headers."""

    def __init__(self, root: Path, headers: dict[str, str] | None = None, port: int = 0) -> None:
        self.root = root
        outer_headers = headers or {}

        class Handler(http.server.SimpleHTTPRequestHandler):
            def end_headers(self) -> None:
                for name, value in outer_headers.items():
                    self.send_header(name, value)
                super().end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(Handler, directory=str(root))
        )
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_fixture(name: str, target: Path, language: str | None = None, port: int | None = None) -> Path:
    """Copy ``tests/fixtures/<name>`` to ``target`` and build it; return the site folder.

    Material's instant navigation only intercepts links whose host and port
    match ``site_url``, so tests that serve on ``port`` build with that URL.
    """
    shutil.copytree(FIXTURES / name, target, ignore=shutil.ignore_patterns("build"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if language:
        text = text.replace("language: en", f"language: {language}")
    if port:
        text = re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/", text)
    config.write_text(text, encoding="utf-8")
    proc = mkdocs(target, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    return target / "build"


def tab_to(page: object, selector: str, limit: int = 250) -> None:
    """Press Tab until ``selector`` has focus: proves it is reachable by keyboard."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} is not reachable with Tab")


def axe_violations(page: object) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return result.response["violations"]
