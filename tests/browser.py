"""Browser helpers for the e2e tests and the benchmark: Chromium's flags, tool pages,
the sitemap. Fixtures live in tests/e2e/conftest.py; this module has none."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# The browser's own month (YYYY-MM), which the tools default their month fields to.
THIS_MONTH = (
    "() => { const d = new Date(); "
    "return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`; }"
)


def chromium_executable() -> str:
    """The Chromium `make test` found (KB_CHROMIUM), else Debian's."""
    executable = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        raise FileNotFoundError(
            f"No Chromium at {executable}: run the tests with `make test`, or set KB_CHROMIUM."
        )
    return executable


def wait_for_tool(page, name: str, timeout: float = 60_000) -> None:
    """Wait until the tool ``name`` on the current page is ready (fails on error)."""
    selector = f'[data-tool="{name}"]'
    page.wait_for_function(
        """sel => ["ready", "error"].includes(document.querySelector(sel)?.dataset.state)""",
        arg=selector,
        timeout=timeout,
    )
    state = page.get_attribute(selector, "data-state")
    assert state == "ready", f"tool {name} failed to load: {page.inner_text(selector)[:300]}"


def open_tool(page, base_url: str, name: str):
    """Open the page of tool ``name`` (a full load) and wait until it is ready."""
    page.goto(base_url + f"tools/{name}/")
    wait_for_tool(page, name)
    return page


def follow_link(page, url: str) -> None:
    """Go to ``url`` the way a click on a link does: Material's instant navigation
    swaps the content in place and the page (and its tool worker) lives on."""
    page.evaluate(
        """url => { const a = document.createElement("a"); a.href = url;
                    document.body.append(a); a.click(); a.remove(); }""",
        url,
    )
    page.wait_for_function("url => location.href === url", arg=url)


def renew_tool(page, base_url: str, name: str) -> None:
    """A fresh copy of tool ``name``'s page without a new Python start: navigate away
    and back by instant navigation, so the form is new and the worker the same."""
    follow_link(page, base_url)
    page.wait_for_selector("[data-tool]", state="detached")
    follow_link(page, base_url + f"tools/{name}/")
    page.wait_for_selector(f'[data-tool="{name}"][data-bound]')
    wait_for_tool(page, name)


def sitemap_urls(site_dir: Path) -> list[str]:
    tree = ET.parse(site_dir / "sitemap.xml")
    return [loc.text for loc in tree.findall(".//sm:loc", SITEMAP_NS)]


def visit_every_page(page, site_dir: Path, wait_until: str = "networkidle") -> Iterator[str]:
    """Open each page of the sitemap in turn, its tools ready; yields the URL."""
    for url in sitemap_urls(site_dir):
        page.goto(url, wait_until=wait_until)
        for name in page.eval_on_selector_all("[data-tool]", "els => els.map(e => e.dataset.tool)"):
            wait_for_tool(page, name)
        yield url


def pages_using(site_dir: Path, word: str) -> set[str]:
    """Pages of the built search index whose title or text contains ``word``."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    return {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if word in (doc["title"] + doc["text"]).replace("\u200b", "")
    }


def search(page, base_url: str, word: str) -> tuple[int, list[str]]:
    """Type ``word`` into Material's search box; return the result count and texts."""
    page.goto(base_url)
    page.keyboard.press("s")  # Material's shortcut focuses the search box
    page.fill(".md-search__input", word)
    page.keyboard.press("End")  # the search reacts to key events
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15_000,
    )
    count = int(re.search(r"\d+", meta.inner_text()).group())
    return count, page.locator(".md-search-result__item").all_inner_texts()
