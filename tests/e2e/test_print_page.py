"""The whole-handbook print page in Chromium: its table of contents, no tool runtime,
axe-clean, ready for paper; and the pages the reader goes on to look as usual."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
TOOL_RUNTIME = ("/_pyodide/", "/_tools/", "tool-worker")


def test_the_print_page(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(site_server.url + "forms/")
        with context.expect_page() as opened:
            page.get_by_role("link", name="整本手册（打印版）").click()
        printed = opened.value
        printed.on("request", lambda request: requested.append(request.url))
        printed.wait_for_load_state("networkidle")
        # The plugin's script writes the table of contents once the page has loaded.
        printed.wait_for_function(
            "() => document.querySelectorAll('#print-page-toc a').length > 50",  # every page
            timeout=30_000,
        )
        expect(printed.locator(".md-sidebar--primary")).to_be_hidden()
        assert not [url for url in requested if any(part in url for part in TOOL_RUNTIME)]
        violations = Axe().run(printed).response["violations"]
        blocking = [v["id"] for v in violations if v["impact"] in {"serious", "critical"}]
        assert blocking == []

        printed.emulate_media(media="print")
        expect(printed.locator("#print-page-toc")).to_be_visible()
        expect(printed.locator(".md-header")).to_be_hidden()
        expect(printed.locator("section.md-section").first).to_have_css("break-before", "page")
        expect(printed.locator("section.md-section section.print-page").first).to_have_css(
            "break-before", "auto"
        )

        # Leaving by the site's own header link: an ordinary page, its navigation back.
        printed.emulate_media(media="screen")
        printed.locator(".md-header__button.md-logo").click()
        printed.wait_for_url(site_server.url)
        expect(printed.locator(".md-sidebar--primary")).to_be_visible()
    finally:
        context.close()
