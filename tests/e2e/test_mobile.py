"""At 375 px no page scrolls sideways; wide content scrolls inside its own box."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import wait_for_tool
from tests.e2e.test_crawl import sitemap_urls

pytestmark = pytest.mark.e2e


def test_no_page_scrolls_sideways_at_375px(browser, site_server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, service_workers="block")
    page = context.new_page()
    wide = []
    try:
        for url in sitemap_urls(site_server):
            page.goto(url, wait_until="networkidle")
            for name in page.eval_on_selector_all(
                "[data-tool]", "els => els.map(e => e.dataset.tool)"
            ):
                wait_for_tool(page, name)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 375:
                wide.append(f"{url}: {width}px")
    finally:
        context.close()
    assert wide == []
