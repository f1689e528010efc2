"""Offline after the first visit, and an update that downloads only what changed.

Playwright's offline switch does not cover service-worker fetches, so the test
stops the server itself; the second build, of a copy of the tree with one page's
text changed, is served on the same origin, and its server's request log shows
what the update downloaded.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import wait_for_tool
from tests.server import SiteServer, build_site, copy_tree

pytestmark = pytest.mark.e2e
CHANGED_PAGE = "docs/credit/index.md"
NEW_TEXT = "这是新版本里新加的一段话，用来检查更新。"


def changed_files(old: Path, new: Path) -> set[str]:
    """Cache keys (as the service worker names them) of files whose bytes differ."""
    out = set()
    for path in new.rglob("*"):
        rel = path.relative_to(new).as_posix()
        if not path.is_file():
            continue
        if not (old / rel).is_file() or not filecmp.cmp(old / rel, path, shallow=False):
            out.add(cache_key(rel))
    return out


def cache_key(rel: str) -> str:
    if rel == "index.html":
        return "./"
    return rel.removesuffix("index.html")


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


def test_site_and_tools_work_offline_then_update_downloads_only_changes(browser, tmp_path):
    tree = copy_tree(tmp_path / "tree")
    server = SiteServer(tmp_path / "v1").start()
    context = browser.new_context()
    page = context.new_page()
    try:
        build_site(tmp_path / "v1", server.url, root=tree)
        url = server.url
        page.goto(url)
        page.wait_for_selector("html[data-offline=pages]", timeout=30_000)
        run_retention(page, url)
        page.wait_for_selector("html[data-offline=all]", timeout=60_000)
        page.wait_for_function("() => kbTools.snapshot.stored > 0", timeout=60_000)
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
        # Offline, Python started from the snapshot the first visit stored.
        assert page.evaluate("kbTools.snapshot.state") == "restored"

        # A new version on the same origin: one page's text changed.
        page_file = tree / CHANGED_PAGE
        page_file.write_text(page_file.read_text("utf-8") + f"\n{NEW_TEXT}\n", "utf-8")
        build_site(tmp_path / "v2", url, root=tree)
        server = SiteServer(tmp_path / "v2", port=server.port).start()
        page.goto(url)
        expect(page.locator(".kb-update button")).to_be_visible(timeout=30_000)
        # Installed: what the new version fetched is all in the log by now.
        fetched = {cache_key(path.lstrip("/")) for path in server.requested_paths()} - {"sw.js"}
        changed = changed_files(tmp_path / "v1", tmp_path / "v2") - {"sw.js"}
        assert "credit/" in changed and "search/search_index.json" in changed
        assert not any(p.startswith(("_pyodide/", "_tools/")) for p in changed | fetched)
        assert fetched == changed, f"fetched {sorted(fetched)}, changed {sorted(changed)}"
        print(f"\nthe update downloaded sw.js and {sorted(fetched)}")

        page.goto(url + "credit/")
        assert NEW_TEXT not in page.content()  # still the old version until the user says so
        page.click(".kb-update button")
        expect(page.get_by_text(NEW_TEXT)).to_be_visible(timeout=30_000)
        # A deployment that changed only pages keeps the snapshot.
        run_retention(page, url)
        assert page.evaluate("kbTools.snapshot.state") == "restored"
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
