"""Offline after the first visit, and a clean switch to a new version.

Playwright's offline switch does not cover service-worker fetches, so the test
stops the server itself; the second build is served on the same origin.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_tool
from tests.server import SiteServer, build_site

pytestmark = pytest.mark.e2e
NOTICE = "这是新版本的测试公告"


def run_retention(page, url):
    page.goto(url + "tools/retention/")
    wait_for_tool(page, "retention")
    page.click('[data-example="4-repaid"]')
    page.click("[data-tool=retention] button[type=submit]")
    expect(page.locator("[data-tool=retention] [data-role=result] svg")).to_have_count(1)


def run_priority(page, url):
    page.goto(url + "tools/priority/")
    wait_for_tool(page, "priority")
    page.click("[data-tool=priority] [data-action=sample]")
    page.click("[data-tool=priority] button[type=submit]")
    expect(page.locator("[data-tool=priority] [data-role=result] table").first).to_be_visible()


def test_site_and_tools_work_offline_then_update(browser, tmp_path):
    (tmp_path / "v1").mkdir()
    server = SiteServer(tmp_path / "v1").start()
    context = browser.new_context()
    page = context.new_page()
    try:
        build_site(tmp_path / "v1", server.url)
        url = server.url
        page.goto(url)
        page.wait_for_selector("html[data-offline=pages]", timeout=30_000)
        run_retention(page, url)
        page.wait_for_selector("html[data-offline=all]", timeout=60_000)
        server.stop()

        # By link (instant navigation) ...
        for section in ("credit/", "scripts/"):
            page.goto(url)
            page.locator(f'.md-content a[href$="{section}"]').first.click()
            page.wait_for_url(f"**/{section}")
            expect(page.locator("h1").first).to_be_visible()
        # ... and by typed address.
        for path in ("procedure/", "method/", "trainers/"):
            response = page.goto(url + path)
            assert response.status == 200, path
            assert "离线" not in page.title()
            expect(page.locator("h1").first).to_be_visible()
        run_retention(page, url)
        run_priority(page, url)

        # A rebuilt site on the same origin: the notice, then the new content.
        build_site(tmp_path / "v2", url, KB_ANNOUNCE=NOTICE)
        server = SiteServer(tmp_path / "v2", port=server.port).start()
        page.goto(url)
        expect(page.locator(".kb-update button")).to_be_visible(timeout=30_000)
        assert NOTICE not in page.content()  # still the old version until the user says so
        page.click(".kb-update button")
        expect(page.get_by_text(NOTICE)).to_be_visible(timeout=30_000)
    finally:
        context.close()
        server.stop()


def test_a_reader_of_pages_alone_never_downloads_pyodide(browser, site_server):
    context = browser.new_context()
    heavy = []
    context.on("request", lambda r: heavy.append(r.url) if "/_pyodide/" in r.url else None)
    page = context.new_page()
    try:
        page.goto(site_server.url)
        page.wait_for_selector("html[data-offline=pages]", timeout=30_000)
        page.goto(site_server.url + "credit/")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert heavy == []  # neither the page nor the service worker's precache
