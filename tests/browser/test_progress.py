"""Progress: kept across reloads and instant navigation, shown in the header
and the navigation, exportable, importable and resettable, and robust to a
corrupted or disabled store."""

from __future__ import annotations

import json

from browserkit import tab_to

MODULE = "modules/all-types/"
KEY = "academy:/"


def complete_basics(page, site) -> None:
    page.goto(site.url + "modules/basics/")
    page.wait_for_selector("#check-basic .ac-actions:not([hidden])")
    page.check("#check-basic input[value=true]")
    page.click("#check-basic button[type=submit]")
    assert page.locator("#check-basic .ac-feedback").inner_text().startswith("✓ Correct.")


def status(page) -> str:
    return page.locator(".ac-meta__status [data-ac-status]").inner_text()


def test_completion_persists_across_reload_and_instant_navigation(page, runtime_site) -> None:
    page.goto(runtime_site.url + "modules/basics/")
    page.wait_for_selector(".ac-meta__status:not([hidden])")
    assert status(page) == "◐ In progress"
    complete_basics(page, runtime_site)
    assert status(page) == "✓ Completed"
    nav = page.locator(".md-nav__link[href$='modules/basics/'] .ac-nav-done")
    assert nav.count() >= 1 and "(completed)" in nav.first.inner_text()
    page.reload()
    page.wait_for_selector(".ac-meta__status:not([hidden])")
    assert status(page) == "✓ Completed"
    # Instant navigation: the page is swapped without a full load, so a
    # marker set on window survives; progress must show on the new page.
    page.wait_for_load_state("networkidle")  # instant navigation starts once the sitemap is loaded
    page.evaluate("window.__noReload = true")
    page.click(".md-nav__link[href$='modules/all-types/']")
    page.wait_for_selector("[data-ac-module='all-types'] .ac-meta__status:not([hidden])")
    assert page.evaluate("window.__noReload === true"), "instant navigation did not happen"
    assert page.locator(".md-nav__link[href$='modules/basics/'] .ac-nav-done").count() >= 1
    page.go_back()
    page.wait_for_selector("[data-ac-module='basics'] .ac-meta__status:not([hidden])")
    assert status(page) == "✓ Completed"
    # Widgets on an instantly loaded page are live, and only initialised once.
    assert page.locator("#check-basic .ac-actions:not([hidden])").count() == 1
    assert page.locator("#check-basic .ac-order__tools").count() == 0


def test_module_completes_when_every_check_and_scenario_is_done(page, runtime_site) -> None:
    page.goto(runtime_site.url + MODULE)
    page.wait_for_selector("#check-pick-one .ac-actions:not([hidden])")
    record = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    answers = {
        "pick-one": lambda: page.check("#check-pick-one input[value='1']"),
        "pick-many": lambda: (
            page.check("#check-pick-many input[value='0']"),
            page.check("#check-pick-many input[value='2']"),
        ),
        "yes-or-no": lambda: page.check("#check-yes-or-no input[value=true]"),
        "word": lambda: page.fill("#check-word-input", "LEAPS"),
    }
    for check, answer in answers.items():
        answer()
        page.click(f"#check-{check} button[type=submit]")
    for i in range(3):
        page.select_option(f"#check-pairs-{i}", str(i))
    page.click("#check-pairs button[type=submit]")
    page.evaluate(
        "() => { const l = document.querySelector('#check-in-order .ac-order');"
        " [...l.children].sort((a, b) => a.dataset.acItem - b.dataset.acItem).forEach(li => l.append(li)); }"
    )
    page.click("#check-in-order button[type=submit]")
    assert status(page) == "◐ In progress"  # the scenario has not ended yet
    page.click("#scenario-late-order .ac-option-button >> text=Delivery times are estimates.")
    page.click("#scenario-late-order .ac-option-button >> text=I understand.")
    assert status(page) == "✓ Completed"  # any ending completes the scenario
    record = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert record["version"] == 1
    assert record["modules"]["all-types"]["done"]
    assert record["scenarios"]["all-types/late-order"]["ended"] == "fail"


def test_corrupted_store_shows_a_notice_and_the_page_works(context, console, runtime_site) -> None:
    context.add_init_script(f"localStorage.setItem('{KEY}', '{{not json')")
    page = context.new_page()
    console.attach(page)
    page.goto(runtime_site.url + "modules/basics/")
    notice = page.locator(".ac-notice")
    assert "could not be read" in notice.inner_text()
    assert page.evaluate(f"localStorage.getItem('{KEY}:unreadable')") == "{not json"
    page.check("#check-basic input[value=true]")
    page.click("#check-basic button[type=submit]")
    assert page.locator("#check-basic .ac-feedback").inner_text().startswith("✓ Correct.")
    assert console.errors == []


def test_disabled_store_shows_a_notice_and_the_page_works(context, console, runtime_site) -> None:
    context.add_init_script(
        # As Chromium does when site data is blocked: the property exists, reading it throws.
        "Object.defineProperty(window, 'localStorage', {configurable: true,"
        " get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); }});"
    )
    page = context.new_page()
    console.attach(page)
    page.goto(runtime_site.url + "modules/basics/")
    assert "not letting this site save progress" in page.locator(".ac-notice").inner_text()
    page.check("#check-basic input[value=true]")
    page.click("#check-basic button[type=submit]")
    assert page.locator("#check-basic .ac-feedback").inner_text().startswith("✓ Correct.")
    assert console.errors == []


def test_progress_page_exports_imports_and_resets(page, runtime_site, tmp_path) -> None:
    complete_basics(page, runtime_site)
    page.goto(runtime_site.url + "progress/")
    summary = page.locator("[data-ac-summary]")
    assert summary.inner_text() == "1 of 2 modules completed."
    assert page.locator("[data-ac-module-row=basics] [data-ac-status]").inner_text() == "✓ Completed"
    with page.expect_download() as download:
        tab_to(page, "[data-ac-export]")
        page.keyboard.press("Enter")
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text())
    assert exported["version"] == 1 and exported["modules"]["basics"]["done"]
    assert page.locator("[data-ac-progress-status]").inner_text() == "Your progress file was downloaded."
    # Reset asks first; Cancel keeps everything.
    tab_to(page, "[data-ac-reset]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.hasAttribute('data-ac-cancel')")
    page.keyboard.press("Enter")
    assert summary.inner_text() == "1 of 2 modules completed."
    page.click("[data-ac-reset]")
    page.click("[data-ac-confirm-reset]")
    assert summary.inner_text() == "0 of 2 modules completed."
    assert page.locator("[data-ac-progress-status]").inner_text() == "All progress was reset."
    # An invalid file is refused; a valid export is restored.
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "modules": []}')
    page.set_input_files("[data-ac-import]", str(bad))
    page.wait_for_function(
        "document.querySelector('[data-ac-progress-status]').textContent.includes('not a progress file')"
    )
    assert summary.inner_text() == "0 of 2 modules completed."
    page.set_input_files("[data-ac-import]", str(saved))
    page.wait_for_function(
        "document.querySelector('[data-ac-progress-status]').textContent === 'Progress imported.'"
    )
    assert summary.inner_text() == "1 of 2 modules completed."
    page.reload()
    assert page.locator("[data-ac-summary]").inner_text() == "1 of 2 modules completed."


def _visit_with_record(context, console, site, raw: str, url: str):
    context.add_init_script(f"localStorage.setItem('{KEY}', {json.dumps(raw)})")
    page = context.new_page()
    console.attach(page)
    page.goto(site.url + url)
    page.wait_for_load_state("networkidle")
    return page


def test_wrong_version_is_kept_and_reported(context, console, runtime_site) -> None:
    raw = json.dumps({"version": 7, "checks": {}, "modules": {}})
    page = _visit_with_record(context, console, runtime_site, raw, "modules/basics/")
    assert "newer version" in page.locator(".ac-notice").inner_text()
    page.check("#check-basic input[value=true]")
    page.click("#check-basic button[type=submit]")
    assert page.locator("#check-basic .ac-feedback").inner_text().startswith("✓ Correct.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == raw  # never overwritten
    assert console.errors == []


def test_unreadable_shapes_are_set_aside(context, console, runtime_site) -> None:
    raw = json.dumps({"version": 1, "checks": [], "modules": "all done"})
    page = _visit_with_record(context, console, runtime_site, raw, "paths/main/")
    assert "could not be read" in page.locator(".ac-notice").inner_text()
    assert page.locator("[data-ac-module-row=basics] [data-ac-status]").inner_text() == "○ Not started"
    assert console.errors == []


def test_huge_record_still_works_with_a_notice(context, console, runtime_site) -> None:
    record = {
        "version": 1,
        "checks": {f"old/q{i}": {"ok": True, "note": "x" * 200} for i in range(6000)},
        "modules": {},
    }
    page = _visit_with_record(context, console, runtime_site, json.dumps(record), "modules/basics/")
    assert "unusually large" in page.locator(".ac-notice").inner_text()
    page.check("#check-basic input[value=true]")
    page.click("#check-basic button[type=submit]")
    assert page.locator(".ac-meta__status [data-ac-status]").inner_text() == "✓ Completed"
    assert console.errors == []


def test_progress_for_removed_or_renamed_modules(context, console, runtime_site) -> None:
    record = {
        "version": 1,
        "checks": {"retired/q": {"ok": True}},
        "modules": {
            "retired": {"done": "2026-01-01T00:00:00Z"},
            "old-name": {"seen": "2026-01-01T00:00:00Z"},
            "basics": {"done": "2026-01-02T00:00:00Z"},
        },
        "tested": {"retired": "2026-01-01T00:00:00Z"},
        "review": {"retired/q": {"box": 1, "due": 0, "url": "modules/retired/", "id": "check-q"}},
        "quizzes": {"gone-quiz": {"attempts": [{"score": "x"}]}},
    }
    page = _visit_with_record(context, console, runtime_site, json.dumps(record), "progress/")
    assert (
        page.locator("[data-ac-gone]")
        .inner_text()
        .startswith("2 saved modules are no longer in this academy")
    )
    assert page.locator("[data-ac-summary]").inner_text() == "1 of 2 modules completed."
    page.goto(runtime_site.url + "review/")
    page.wait_for_load_state("networkidle")
    assert (
        page.locator("[data-ac-review-list] .ac-check").count() == 0
    )  # the removed page 404s; skipped quietly
    page.goto(runtime_site.url + "paths/main/")
    assert page.locator("[data-ac-module-row=basics] [data-ac-status]").inner_text() == "✓ Completed"
    assert console.errors == []
