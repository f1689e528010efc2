"""e2e harness: Chromium for Playwright, and helpers for tool pages.

The built site and its server (`site_server`) come from tests/conftest.py.
"""

from __future__ import annotations

import os
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
