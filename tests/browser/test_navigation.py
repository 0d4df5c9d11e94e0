"""A topic folder split into sections (academy.core.sections) and the pruned
navigation that comes with it stay usable: axe finds nothing, the current
page's link says so to a screen reader (``aria-current``), keyboard and
instant navigation work, and a plain author page keeps Material's own
navigation and table of contents."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from browserkit import Site, axe_violations, free_port, tab_to
from helpers import mkdocs, module, site_project, write

#: Eight modules in one folder, in sections of at most three.
SECTIONS = ["Billing 1 to Billing 3", "Billing 4 to Billing 6", "Billing 7 to Billing 8"]
GUIDE = "# A guide\n\nA plain author page.\n\n## First part\n\nText.\n\n## Second part\n\nMore text.\n"


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    port = free_port()
    root = site_project(
        tmp_path_factory.mktemp("split-nav") / "academy", options="      nav_section_size: 3\n"
    )
    files = {f"modules/billing/bill-{i}.md": module(f"bill-{i}", title=f"Billing {i}") for i in range(1, 9)}
    write(root, {**files, "content/guide.md": GUIDE})
    config = root / "mkdocs.yml"
    config.write_text(f"site_url: http://127.0.0.1:{port}/\n" + config.read_text(encoding="utf-8"))
    proc = mkdocs(root, "build")
    assert proc.returncode == 0, proc.stderr
    site = Site(root / "build", port=port)
    yield site
    site.close()


def primary(page: object) -> object:
    return page.locator("nav.md-nav--primary")


def current(page: object) -> object:
    """The navigation's links marked as the current page."""
    return primary(page).locator('a[aria-current="page"]')


def assert_no_violations(page: object) -> None:
    # The pointer off the link just clicked, its hover colour faded out:
    # axe judges the page as it rests.
    page.mouse.move(900, 700)
    page.wait_for_timeout(400)
    violations = axe_violations(page)
    assert violations == [], [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations]


def test_a_split_section_page_passes_axe_and_marks_the_current_page(page, split_site: Site) -> None:
    page.goto(split_site.url + "modules/bill-5/")
    page.wait_for_load_state("networkidle")
    assert_no_violations(page)
    assert current(page).count() == 1
    assert current(page).inner_text().strip() == "Billing 5"
    assert "md-nav__link--active" in (current(page).get_attribute("class") or "")
    # Pruned: the other sections are one link each, their modules absent.
    pruned = primary(page).locator(".md-nav__item--pruned > a")
    assert [t.strip() for t in pruned.all_inner_texts()] == ["Learning paths", SECTIONS[0], SECTIONS[2]]
    assert primary(page).locator('a[href$="bill-2/"]').count() == 0
    assert primary(page).locator('a[href$="bill-6/"]').count() == 1
    tab_to(page, 'nav.md-nav--primary a[aria-current="page"]')
    tab_to(page, 'nav.md-nav--primary .md-nav__item--pruned > a[href$="bill-7/"]')


def test_instant_navigation_moves_the_mark_and_opens_the_new_section(page, split_site: Site) -> None:
    page.goto(split_site.url + "modules/bill-5/")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__notReloaded = true")
    primary(page).get_by_role("link", name=SECTIONS[2]).click()
    page.wait_for_url(re.compile(r"modules/bill-7/$"))
    page.wait_for_function(
        "document.querySelector('nav.md-nav--primary a[aria-current=page]')?.textContent.includes('Billing 7')"
    )
    assert page.evaluate("window.__notReloaded === true"), "instant navigation swapped the page in place"
    assert current(page).count() == 1
    assert page.locator("h1").first.inner_text().strip() == "Billing 7"
    section = primary(page).locator(".md-nav__item--active.md-nav__item--nested", has_text=SECTIONS[2]).last
    assert section.locator("> input.md-toggle").is_checked()
    assert_no_violations(page)
    # And back again through a link in the page's own section.
    primary(page).get_by_role("link", name="Billing 8").click()
    page.wait_for_url(re.compile(r"modules/bill-8/$"))
    page.wait_for_function(
        "document.querySelector('nav.md-nav--primary a[aria-current=page]')?.textContent.includes('Billing 8')"
    )
    assert page.evaluate("window.__notReloaded === true")


def test_a_plain_author_page_keeps_materials_navigation(page, split_site: Site) -> None:
    page.goto(split_site.url + "guide/")
    page.wait_for_load_state("networkidle")
    assert_no_violations(page)
    assert current(page).inner_text().strip() == "A guide"
    toc = page.locator("nav.md-nav--secondary").first
    assert [t.strip() for t in toc.locator("a.md-nav__link").all_inner_texts()] == [
        "First part",
        "Second part",
    ]
    page.evaluate("window.__notReloaded = true")
    primary(page).get_by_role("link", name="Learning paths").click()
    page.wait_for_url(re.compile(r"paths/main/$"))
    assert page.evaluate("window.__notReloaded === true")
    assert current(page).count() == 1


def test_the_site_was_built_with_the_sections(split_site: Site) -> None:
    html = (Path(split_site.root) / "modules" / "bill-1" / "index.html").read_text(encoding="utf-8")
    for title in SECTIONS:
        assert title in html
