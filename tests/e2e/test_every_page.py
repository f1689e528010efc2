"""Every page of the sitemap, visited once per setting it must work in.

Each setting (colour scheme, viewport, service worker) is one crawl, and each
visit runs every check the setting allows:
- all: a title; nothing requested from another host; no failed request; no
  console error; axe-core finds nothing serious or critical (counts printed, -s);
- desktop, light, service worker on (as an officer first opens the site): a page
  without a tool starts no tool worker and fetches nothing of the tool runtime;
- 375 px: no page scrolls sideways (wide content scrolls inside its own box).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import sitemap_urls, visit_every_page

pytestmark = pytest.mark.e2e
BLOCKING = {"serious", "critical"}
TOOL_RUNTIME = ("/_pyodide/", "/_tools/", "tool-worker")


@dataclass(frozen=True)
class Setting:
    name: str
    scheme: str
    width: int
    service_workers: str  # "allow" | "block"


SETTINGS = [
    Setting("desktop-light", "light", 1280, "allow"),
    Setting("desktop-dark", "dark", 1280, "block"),
    Setting("phone-light", "light", 375, "block"),
]


def test_sitemap_lists_every_page(site_server):
    urls = sitemap_urls(site_server.directory)
    assert len(urls) >= 8
    assert all(site_server.is_own(url) for url in urls)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_page(browser, site_server, setting):
    context = browser.new_context(
        color_scheme=setting.scheme,
        viewport={"width": setting.width, "height": 740},
        service_workers=setting.service_workers,
    )
    page = context.new_page()
    outside, failed, errors, problems = [], [], [], []
    page.on("request", lambda r: None if site_server.is_own(r.url) else outside.append(r.url))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
    page.on(
        "console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    axe, impacts, rules = Axe(), Counter(), Counter()
    try:
        # The network checks need every request of a page, so the first setting waits
        # for the network to go quiet; the others only need the page loaded.
        wait = "networkidle" if setting is SETTINGS[0] else "load"
        for url in visit_every_page(page, site_server.directory, wait):
            if not page.title().strip():
                problems.append(f"{url}: no title")
            for violation in axe.run(page).response["violations"]:
                impacts[violation["impact"]] += 1
                rules[f"{violation['id']} ({violation['impact']})"] += 1
                if violation["impact"] in BLOCKING:
                    targets = [n["target"] for n in violation["nodes"][:3]]
                    problems.append(
                        f"{url}: axe {violation['id']} ({violation['impact']}) {targets}"
                    )
            if setting.width <= 375:
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > setting.width:
                    problems.append(f"{url}: {width}px wide at {setting.width}px")
            if setting.service_workers == "allow" and not page.locator("[data-tool]").count():
                problems += tool_runtime_fetched(page, url)
    finally:
        context.close()
    print(f"\n{setting.name}: axe violations by impact {dict(impacts)}; by rule {dict(rules)}")
    assert outside == [], f"requests to other hosts: {outside}"
    assert failed == [], f"failed requests: {failed}"
    assert errors == [], f"console errors: {errors}"
    assert problems == [], "\n".join(problems)


def tool_runtime_fetched(page, url: str) -> list[str]:
    """A page without a tool never starts the tool worker nor fetches its runtime.
    (Each page is a full load, so the document's resource list is this page's.)"""
    fetched = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    heavy = [u for u in fetched if any(part in u for part in TOOL_RUNTIME)]
    started = page.evaluate("[window.kbTools ? kbTools.workerStarts : -1, !!window.kbEarlyWorker]")
    out = [f"{url}: fetched {heavy}"] if heavy else []
    if started != [0, False]:
        out.append(f"{url}: tool worker started (workerStarts, early worker) = {started}")
    return out
