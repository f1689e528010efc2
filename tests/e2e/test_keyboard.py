"""Both tools with the keyboard alone (Tab, typing, Enter): to a result and to an error."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("sel => document.activeElement?.matches(sel)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.fixture
def retention(retention_tool):
    return retention_tool


@pytest.fixture
def priority(priority_tool):
    return priority_tool


def check_by_keyboard(page, report_month: str, opened: str, history: str) -> None:
    """Fill one account of the retention checker and submit, by keyboard only."""
    tab_to(page, '[name="report_month"]')
    page.keyboard.press("Control+A")
    page.keyboard.type(report_month)
    tab_to(page, '[name="opened"]')
    page.keyboard.type(opened)
    tab_to(page, '[name="history"]')
    page.keyboard.type(history)
    tab_to(page, "[data-tool=retention] button[type=submit]")
    page.keyboard.press("Enter")


def test_retention_by_keyboard_to_a_result(retention):
    page = retention
    check_by_keyboard(page, "2022-02", "2017-03", "1NNNNNNNNNNN")
    result = page.locator("[data-tool=retention] [data-role=result]")
    expect(result.locator("svg")).to_have_count(1)
    wait_focus(page, "[data-tool=retention] [data-role=result]")


def test_retention_by_keyboard_to_an_error(retention):
    page = retention
    check_by_keyboard(page, "2022-13", "2017-03", "N")
    error = page.locator("[data-tool=retention] [data-role=error]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("月")
    # Focus lands on the field named by the error, which points at the message.
    wait_focus(page, '[aria-invalid="true"]')
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert error.get_attribute("id") in described.split()


def wait_focus(page, selector: str) -> None:
    page.wait_for_function("sel => document.activeElement?.matches(sel)", arg=selector)


def test_priority_by_keyboard_to_a_result(priority):
    page = priority
    tab_to(page, "[data-tool=priority] [data-action=sample]")
    page.keyboard.press("Enter")  # loads the sample and plans it at once
    result = page.locator("[data-tool=priority] [data-role=result]")
    expect(result.locator("table").first).to_be_visible()
    wait_focus(page, "[data-tool=priority] [data-role=result]")
    # Plan again from the submit button, still by keyboard.
    tab_to(page, "[data-tool=priority] button[type=submit]")
    page.keyboard.press("Enter")
    wait_focus(page, "[data-tool=priority] [data-role=result]")
    expect(result.locator("table").first).to_be_visible()


def test_priority_by_keyboard_to_an_error(priority):
    page = priority
    tab_to(page, "[data-tool=priority] textarea")
    page.keyboard.type("这不是表格")
    tab_to(page, "[data-tool=priority] button[type=submit]")
    page.keyboard.press("Enter")
    error = page.locator("[data-tool=priority] [data-role=error]")
    expect(error).to_be_visible()
    wait_focus(page, '[aria-invalid="true"], [data-tool=priority] [data-role=error]')


def test_the_status_line_announces_the_outcome(retention):
    page = retention
    status = page.locator("[data-tool=retention] [data-role=status]")
    assert status.get_attribute("aria-live") == "polite"
    check_by_keyboard(page, "2022-02", "2017-03", "1NNNNNNNNNNN")
    expect(status).to_have_text("计算完成，结果在下方。")
    check_by_keyboard(page, "2022-13", "2017-03", "N")
    expect(status).to_have_text("输入有误，请按提示修改后再算。")
