"""The retention checker in Chromium: answer and picture, errors by their field,
examples, and one worker across instant navigation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import THIS_MONTH, wait_for_tool
from tests.layout import text_clashes

pytestmark = pytest.mark.e2e


@pytest.fixture
def tool(retention_tool):
    return retention_tool


def fill_account(page, **values):
    box = page.locator("[data-role=account]").first
    for name, value in values.items():
        box.locator(f'[name="{name}"]').fill(value)


def test_fill_form_gives_answer_preview_and_picture(tool):
    page = tool
    expect(page.locator('[name="report_month"]')).to_have_value("")
    page.fill('[name="report_month"]', "2022-02")
    fill_account(
        page,
        name="<b>车贷</b>",
        opened="2016-01",
        history_start="2017-03",
        history="1" + "N" * 59,
        repaid_on="2017-04-10",
    )
    preview = page.locator("[data-role=preview] table.kb-retention-grid")
    expect(preview).to_be_visible()
    expect(preview.locator("tbody tr")).to_have_count(6)  # 2017 … 2022
    page.click("button[type=submit]")
    result = page.locator("[data-role=result]")
    expect(result.locator("figure figcaption")).to_have_text("<b>车贷</b>：还款记录时间线")
    expect(result).to_contain_text("2022-03 的报告起不再显示")
    expect(result).to_contain_text("法定删除期限 2022-04-10")
    expect(result.locator("h3")).to_have_text("<b>车贷</b>")
    assert page.locator("[data-role=error]").is_hidden()


def test_a_blank_report_month_is_this_month_on_the_officers_clock(tool):
    page = tool
    this_month = page.evaluate(THIS_MONTH)
    fill_account(page, opened="2020-01", history="N")
    page.click("button[type=submit]")
    window = page.locator("[data-role=result] .kb-retention-window")
    expect(window).to_contain_text(f"{this_month} 查询的报告")


def test_bad_input_is_shown_by_its_field_and_the_page_keeps_working(tool):
    page = tool
    page.fill('[name="report_month"]', "2024-06")
    fill_account(page, opened="2023-13", history="NNNN")
    page.click("button[type=submit]")
    error = page.locator("[data-role=error]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("01 到 12")
    opened = page.locator('[name="opened"]').first
    expect(opened).to_have_attribute("aria-invalid", "true")
    expect(opened).to_have_attribute("aria-describedby", re.compile(r"\bretention-error\b"))
    expect(opened).to_be_focused()
    # One error box for the form, outside every account.
    expect(page.locator("[data-role=error]")).to_have_count(1)
    expect(page.locator("[data-role=account] [data-role=error]")).to_have_count(0)

    fill_account(page, opened="2023-12")
    page.click("button[type=submit]")
    expect(page.locator("[data-role=result] svg")).to_have_count(1)
    expect(error).to_be_hidden()
    expect(opened).not_to_have_attribute("aria-invalid", "true")


def test_second_account_error_points_at_that_account(tool):
    page = tool
    page.fill('[name="report_month"]', "2024-06")
    fill_account(page, opened="2020-01", history="NNN")
    page.click("[data-action=add]")
    second = page.locator("[data-role=account]").nth(1)
    expect(second.locator("legend")).to_have_text("账户 2")
    second.locator('[name="opened"]').fill("2020-01")
    second.locator('[name="history"]').fill("NNX")
    page.click("button[type=submit]")
    expect(page.locator("[data-role=error]")).to_contain_text("“X”无法识别")
    expect(second.locator('[name="history"]')).to_have_attribute("aria-invalid", "true")
    # The second fieldset's labels point at its own fields.
    expect(page.locator("#retention-history-2")).to_have_attribute("name", "history")
    expect(second.locator("label[for=retention-history-2]")).to_have_count(1)


def test_example_button_loads_and_answers(tool):
    page = tool
    page.click("[data-example='5-long-overdue']")
    expect(page.locator('[name="report_month"]')).to_have_value("2022-06")
    result = page.locator("[data-role=result]")
    expect(result).to_contain_text("2024-07 的报告起不再显示")
    expect(result).to_contain_text("2024-08-15")
    page.click("[data-example='6-never-repaid']")
    expect(result).to_contain_text("5 年保留期要从还清之日才开始计算")


def test_instant_navigation_starts_one_worker(tool):
    page = tool
    page.evaluate("window.__samePage = true")
    page.click("article a[href$='credit/']")
    expect(page).to_have_url(re.compile(r"/credit/$"))
    expect(page.locator("h1")).to_contain_text("征信记录")
    page.click(".md-nav a[href$='tools/retention/']")
    wait_for_tool(page, "retention")
    assert page.evaluate("window.__samePage") is True  # no full reload
    assert page.evaluate("kbTools.workerStarts") == 1
    page.click("[data-example='4-repaid']")
    expect(page.locator("[data-role=result]")).to_contain_text("2022-04-10")


@pytest.mark.parametrize("example", ["1-window", "5-long-overdue", "8-guarantor"])
def test_time_line_text_is_readable_and_never_overlaps(tool, example):
    page = tool
    page.click(f"[data-example='{example}']")
    expect(page.locator(".kb-retention-timeline").first).to_be_visible()
    assert text_clashes(page, ".kb-retention-timeline") == []


def test_what_was_typed_is_said_under_the_codes_before_answering(tool):
    page = tool
    page.fill('[name="report_month"]', "2022-06")
    fill_account(page, opened="2019-06", history="N" * 21)
    box = page.locator("[data-role=account]").first
    preview = box.locator("[data-role=preview]")
    expect(preview.locator(".kb-retention-understood")).to_have_text(
        "你填了 21 个月：2019-06 至 2021-02"
    )
    expect(preview.locator(".kb-retention-notes")).to_contain_text("少抄了最近 16 个月")
    # The note sits right under the codes field, before the repayment dates.
    codes = box.locator('[name="history"]').locator("xpath=..")
    expect(codes.locator("xpath=following-sibling::*[1]")).to_have_attribute("data-role", "preview")
    page.click("button[type=submit]")
    result = page.locator("[data-role=result]")
    expect(result.locator(".admonition.warning")).to_contain_text("少抄了最近 16 个月")


def make_second_account(page, **values):
    page.click("[data-action=add]")
    second = page.locator("[data-role=account]").nth(1)
    for name, value in values.items():
        second.locator(f'[name="{name}"]').fill(value)
    return second


def test_removing_the_account_in_error_keeps_the_error_box(tool):
    page = tool
    page.fill('[name="report_month"]', "2024-06")
    fill_account(page, opened="2020-01", history="NNN")
    second = make_second_account(page, opened="2020-13", history="NNN")
    page.click("button[type=submit]")
    error = page.locator("[data-role=error]")
    expect(error).to_contain_text("第 2 个账户")
    second.locator("[data-action=remove]").click()
    expect(page.locator("[data-role=account]")).to_have_count(1)
    expect(error).to_have_count(1)
    # A later error is still shown.
    fill_account(page, opened="2020-14")
    page.click("button[type=submit]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("01 到 12")
    # A new account copies no error, and the form's one box is still the only one.
    page.click("[data-action=add]")
    expect(page.locator("[data-role=error]")).to_have_count(1)
    third = page.locator("[data-role=account]").nth(1)
    expect(third.locator("[aria-invalid]")).to_have_count(0)
    expect(third.locator("[aria-describedby~=retention-error]")).to_have_count(0)


def test_an_error_in_one_of_two_accounts_of_the_same_name_says_which(tool):
    page = tool
    page.fill('[name="report_month"]', "2024-06")
    fill_account(page, name="车贷", opened="2020-01", history="NNN")
    second = make_second_account(page, name="车贷", opened="2020-01", history="NNX")
    page.click("button[type=submit]")
    error = page.locator("[data-role=error]")
    expect(error).to_contain_text("第 2 个账户：")
    expect(error).not_to_contain_text("账户“车贷”")
    history = second.locator('[name="history"]')
    expect(history).to_be_focused()
    expect(history).to_have_attribute("aria-invalid", "true")
    expect(history).to_have_attribute("aria-describedby", re.compile(r"\bretention-error\b"))
