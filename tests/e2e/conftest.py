"""e2e fixtures: Chromium for Playwright, and one shared page per tool.

The built site and its server (`site_server`) come from tests/conftest.py; the
helpers (waiting for a tool, instant navigation, the sitemap) from tests/browser.py.
"""

from __future__ import annotations

import pytest

from tests.browser import CHROMIUM_ARGS, chromium_executable, open_tool, renew_tool


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    try:
        executable = chromium_executable()
    except FileNotFoundError as err:
        pytest.fail(str(err))
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


class ToolPages:
    """One browser context and page per tool for the whole session.

    A Python start costs seconds; tests that only use a tool (fill, submit, read)
    share its page and get a fresh form by instant navigation, which keeps the
    worker. Tests that break the runtime or need their own settings open their own.
    """

    def __init__(self, browser, base_url: str):
        self.browser, self.base_url, self.pages = browser, base_url, {}

    def get(self, name: str):
        page = self.pages.get(name)
        if page is None:
            page = self.browser.new_context().new_page()
            page.set_default_timeout(30_000)
            self.pages[name] = open_tool(page, self.base_url, name)
            return page
        page.emulate_media(media="screen")  # undo a test's print emulation
        try:
            renew_tool(page, self.base_url, name)
        except Exception:  # a test left the page broken: start it again, fully
            open_tool(page, self.base_url, name)
        return page

    def close(self):
        for page in self.pages.values():
            page.context.close()


@pytest.fixture(scope="session")
def tool_pages(browser, site_server):
    pages = ToolPages(browser, site_server.url)
    try:
        yield pages
    finally:
        pages.close()


@pytest.fixture
def retention_tool(tool_pages):
    return tool_pages.get("retention")


@pytest.fixture
def priority_tool(tool_pages):
    return tool_pages.get("priority")
