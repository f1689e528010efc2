"""At 375 px no page scrolls sideways; wide content scrolls inside its own box."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import visit_every_page

pytestmark = pytest.mark.e2e


def test_no_page_scrolls_sideways_at_375px(browser, site_server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, service_workers="block")
    page = context.new_page()
    wide = []
    try:
        for url in visit_every_page(page, site_server):
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 375:
                wide.append(f"{url}: {width}px")
    finally:
        context.close()
    assert wide == []
