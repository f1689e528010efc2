"""Both tools with the keyboard alone (Tab, typing, Enter): to a result and to an error."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_tool

pytestmark = pytest.mark.e2e


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("sel => document.activeElement?.matches(sel)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focused(page, selector: str) -> bool:
    return page.evaluate("sel => document.activeElement?.matches(sel)", selector)


@pytest.fixture
def retention(site_server, page):
    page.goto(site_server.url + "tools/retention/")
    wait_for_tool(page, "retention")
    return page


@pytest.fixture
def priority(site_server, page):
    page.goto(site_server.url + "tools/priority/")
    wait_for_tool(page, "priority")
    return page


def test_retention_by_keyboard_to_a_result(retention):
    page = retention
    tab_to(page, '[data-field="report_month"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("2022-02")
    tab_to(page, '[data-field="opened"]')
    page.keyboard.type("2017-03")
    tab_to(page, '[data-field="history"]')
    page.keyboard.type("1NNNNNNNNNNN")
    tab_to(page, "[data-tool=retention] button[type=submit]")
    page.keyboard.press("Enter")
    result = page.locator("[data-tool=retention] [data-role=result]")
    expect(result.locator("svg")).to_have_count(1)
    assert focused(page, "[data-tool=retention] [data-role=result]")


def test_retention_by_keyboard_to_an_error(retention):
    page = retention
    tab_to(page, '[data-field="report_month"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("2022-13")
    tab_to(page, '[data-field="opened"]')
    page.keyboard.type("2017-03")
    tab_to(page, '[data-field="history"]')
    page.keyboard.type("N")
    tab_to(page, "[data-tool=retention] button[type=submit]")
    page.keyboard.press("Enter")
    error = page.locator("[data-tool=retention] [data-role=error]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("月")
    # Focus lands on the field named by the error, which points at the message.
    assert focused(page, '[aria-invalid="true"]')
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert error.get_attribute("id") in described.split()


def test_priority_by_keyboard_to_a_result(priority):
    page = priority
    tab_to(page, "[data-tool=priority] [data-action=sample]")
    page.keyboard.press("Enter")
    tab_to(page, "[data-tool=priority] button[type=submit]")
    page.keyboard.press("Enter")
    result = page.locator("[data-tool=priority] [data-role=result]")
    expect(result.locator("table").first).to_be_visible()
    assert focused(page, "[data-tool=priority] [data-role=result]")


def test_priority_by_keyboard_to_an_error(priority):
    page = priority
    tab_to(page, "[data-tool=priority] textarea")
    page.keyboard.type("这不是表格")
    tab_to(page, "[data-tool=priority] button[type=submit]")
    page.keyboard.press("Enter")
    error = page.locator("[data-tool=priority] [data-role=error]")
    expect(error).to_be_visible()
    assert focused(page, '[aria-invalid="true"], [data-tool=priority] [data-role=error]')
