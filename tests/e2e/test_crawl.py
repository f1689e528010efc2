"""The offline promise: every page of the sitemap loads from its own origin only."""

from __future__ import annotations

from tests.e2e.conftest import sitemap_urls, visit_every_page


def test_sitemap_lists_every_page(site_server):
    urls = sitemap_urls(site_server)
    assert len(urls) >= 8
    assert all(site_server.is_own(url) for url in urls)


def test_every_page_loads_from_own_origin_only(site_server, page):
    outside, failed, errors = [], [], []
    page.on("request", lambda r: None if site_server.is_own(r.url) else outside.append(r.url))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
    page.on(
        "console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))

    for url in visit_every_page(page, site_server):
        assert page.title().strip(), f"{url} has no title"

    assert outside == [], f"requests to other hosts: {outside}"
    assert failed == [], f"failed requests: {failed}"
    assert errors == [], f"console errors: {errors}"


def test_pages_without_a_tool_fetch_no_pyodide(site_server, page):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    for url in sitemap_urls(site_server):
        page.goto("about:blank")  # a fresh document: no worker from an earlier page
        fetched.clear()
        page.goto(url, wait_until="networkidle")
        if page.locator("[data-tool]").count():
            continue
        heavy = [u for u in fetched if "/_pyodide/" in u or "/_tools/" in u or "tool-worker" in u]
        assert heavy == [], f"{url} fetched {heavy}"
