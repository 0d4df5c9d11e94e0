"""Inline scripts leave every page for files, so a strict CSP can forbid them.

The theme's templates are rewritten as they load; anything still inline after
rendering is moved by a scan of the finished page. Both must give the same
references, and neither may leave a script the policy would block.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from academy.mkdocs.csp import FILTER, InlineScripts, template_source
from academy.mkdocs.theme import HeadTemplates

from helpers import mkdocs, site_project, write

INLINE = re.compile(r"<script>(.*?)</script>", re.S)
SOURCES = re.compile(r'<script src="([^"]*assets/academy/inline/[^"]+)"></script>')


def test_template_scripts_are_wrapped_in_the_filter_and_other_scripts_left_alone() -> None:
    source = '<script src="x.js"></script><script>a("{{ base_url }}")</script><script type="application/json">{}</script>'
    assert template_source(source) == (
        '<script src="x.js"></script>{% filter ' + FILTER + ' %}a("{{ base_url }}"){% endfilter %}'
        '<script type="application/json">{}</script>'
    )


def _environment(templates: dict[str, str], scripts: InlineScripts) -> jinja2.Environment:
    env = jinja2.Environment(loader=HeadTemplates(jinja2.DictLoader(templates), rewrite=template_source))
    env.filters[FILTER] = lambda code: scripts.template_filter(code, lambda name: "/" + name)
    return env


def test_a_rewritten_template_prints_the_reference_the_page_scan_would() -> None:
    scripts = InlineScripts()
    env = _environment({"page.html": "<p>{{ n }}</p><script>go({{ n }})</script><script> </script>"}, scripts)
    out = env.get_template("page.html").render(n=7)
    (name,) = scripts.files
    assert scripts.files[name] == "go(7)"
    # An empty script is dropped, as the page scan drops it.
    assert out == f'<p>7</p><script src="/{name}"></script>'
    scan = InlineScripts()
    assert scan.externalise("<p>7</p><script>go(7)</script><script> </script>", lambda n: "/" + n) == out


def test_a_rewrite_that_breaks_the_template_is_dropped() -> None:
    # The script element straddles an `if`: wrapping its code in a filter
    # block would interleave the two blocks.
    source = "{% if on %}<script>go(){% endif %}</script>"
    scripts = InlineScripts()
    env = _environment({"odd.html": source}, scripts)
    assert env.get_template("odd.html").render(on=True) == "<script>go()</script>"
    assert scripts.files == {}


def test_no_page_keeps_an_inline_script_from_the_theme_the_author_or_a_late_rewrite(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
        + "site_url: https://example.org/academy/\n",
        encoding="utf-8",
    )
    write(
        root,
        {
            # One script the template rewrite handles (it prints the page's
            # depth), and one it cannot, which only the page scan catches.
            "overrides/main.html": '{% extends "base.html" %}\n'
            '{% block scripts %}{{ super() }}<script>window.depth = "{{ base_url }}";</script>'
            "{% if true %}<script>window.late = 1;{% endif %}</script>{% endblock %}\n"
        },
    )
    proc = mkdocs(root, "build", "--strict")
    assert proc.returncode == 0, proc.stderr
    site = root / "build"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert INLINE.findall(html) == [], page
    module = (site / "modules" / "alpha" / "index.html").read_text(encoding="utf-8")
    code = {
        src: (site / "modules" / "alpha" / src).resolve().read_text(encoding="utf-8")
        for src in SOURCES.findall(module)
    }
    assert all(src.startswith("../../assets/academy/inline/") for src in code)
    assert 'window.depth = "../..";' in code.values()
    assert "window.late = 1;" in code.values()
    # Material's own storage helpers, rewritten in its partial.
    assert any(text.startswith("__md_scope=new URL(") for text in code.values())
    # The error page is served at any depth: its references are absolute.
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert SOURCES.findall(missing)
    assert all(src.startswith("/academy/assets/academy/inline/") for src in SOURCES.findall(missing))


HOOKS = """
from mkdocs.plugins import event_priority


@event_priority(50)  # before the academy sees the finished page
def on_post_page(output, page, config):
    return output.replace("</body>", "<script>window.early = 1;</script></body>")


@event_priority(-200)  # after the academy has read the page's content
def on_page_context(context, page, config, nav):
    page.content += "<script>window.after = 1;</script>"
    return context
"""


def _alpha_scripts(root: Path, *options: str) -> list[str]:
    """Build; check module alpha's page has no inline script; return the code
    of every script file it references."""
    proc = mkdocs(root, "build", *options)
    assert proc.returncode == 0, proc.stderr
    folder = root / "build" / "modules" / "alpha"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert INLINE.findall(page) == []
    return [(folder / src).resolve().read_text(encoding="utf-8") for src in SOURCES.findall(page)]


def test_scripts_other_plugins_add_to_pages_are_moved_too(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + "hooks:\n  - hooks.py\n", encoding="utf-8")
    write(root, {"hooks.py": HOOKS})
    code = _alpha_scripts(root, "--strict")
    assert "window.early = 1;" in code
    assert "window.after = 1;" in code


def test_a_script_in_a_module_body_is_moved_without_scanning_pages(tmp_path: Path) -> None:
    root = site_project(tmp_path)
    body = (root / "modules" / "alpha.md").read_text(encoding="utf-8")
    (root / "modules" / "alpha.md").write_text(
        body + "\n<script>window.authored = 1;</script>\n", encoding="utf-8"
    )
    assert "window.authored = 1;" in _alpha_scripts(root)
