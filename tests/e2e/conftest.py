"""e2e harness: Chromium for Playwright, and helpers for tool pages.

The built site and its server (`site_server`) come from tests/conftest.py.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(
            f"No Chromium at {executable}: run the tests with `make test`, or set KB_CHROMIUM."
        )
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


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


def open_tool(page, site_server, name: str):
    """Open the page of tool ``name`` and wait until it is ready."""
    page.goto(site_server.url + f"tools/{name}/")
    wait_for_tool(page, name)
    return page


# The browser's own month (YYYY-MM), which the tools default their month fields to.
THIS_MONTH = (
    "() => { const d = new Date(); "
    "return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`; }"
)
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(site_server) -> list[str]:
    tree = ET.parse(site_server.directory / "sitemap.xml")
    return [loc.text for loc in tree.findall(".//sm:loc", SITEMAP_NS)]


def visit_every_page(page, site_server):
    """Open each page of the sitemap in turn, its tools ready; yields the URL."""
    for url in sitemap_urls(site_server):
        page.goto(url, wait_until="networkidle")
        for name in page.eval_on_selector_all("[data-tool]", "els => els.map(e => e.dataset.tool)"):
            wait_for_tool(page, name)
        yield url
