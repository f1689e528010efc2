"""The tools on a 375 px phone: every element of every result (error and warning lists,
notices, pages, cards, previews, time lines) lies inside the viewport's width, and
nothing hides content in a box that scrolls sideways; the time line's text stays
readable (12 px or more) and never overlaps."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import open_tool, renew_tool
from tests.layout import outside_width, text_clashes
from tests.priority_rows import BIG, as_csv, row
from tools.build.widgets import REPORT_EXAMPLES, examples, retention_examples
from tools.priority import synthetic

pytestmark = pytest.mark.e2e
DOCS = Path(__file__).resolve().parents[2] / "docs"
PHONE = {"width": 375, "height": 740}
# What the officer reads: results, the error box, the live previews.
READ = "[data-role=result], [data-role=error]:not([hidden]), [data-role=preview]"


@pytest.fixture(scope="module")
def phone(browser, site_server):
    """One phone page for the module; each test gets a fresh form by instant navigation."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.opened = set()
    try:
        yield page
    finally:
        context.close()


def tool(phone, site_server, name: str):
    if name in phone.opened:
        renew_tool(phone, site_server.url, name)
    else:
        open_tool(phone, site_server.url, name)
        phone.opened.add(name)
    return phone


def open_everything(page) -> None:
    """Every list unfolded and every client's reasons shown: all of it must fit."""
    page.evaluate(
        """() => {
          for (const d of document.querySelectorAll("[data-role=result] details")) d.open = true;
          for (const b of document.querySelectorAll(".kb-priority-expand")) b.click();
        }"""
    )


def upload(page, name: str, data: bytes, month: str = "2026-12") -> None:
    page.set_input_files(
        "[name=file]", files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )
    page.fill("[name=month]", month)
    page.click("[data-tool] button[type=submit]")


def test_priority_sample_plan_fits(phone, site_server):
    page = tool(phone, site_server, "priority")
    page.click("[data-action=sample]")
    expect(page.locator(".kb-priority-title")).to_be_visible()
    expect(page.locator(".kb-priority-warnings tbody tr").first).to_be_visible()
    open_everything(page)
    expect(page.locator(".kb-priority-reasons:not([hidden])").first).to_be_visible()
    assert outside_width(page, READ) == []


def test_priority_error_rows_warnings_and_long_names_fit(phone, site_server):
    page = tool(phone, site_server, "priority")
    long_name = "新疆维吾尔自治区乌鲁木齐市天山区幸福路农资经营部" * 2
    rows = [
        row("OK", 客户名称=long_name, 区域="柳树湾村第三村民小组北片区", 信贷员标记="是"),
        row("BAD-ROW-WITH-A-VERY-LONG-IDENTIFIER-0000001", 放款日期="2026年2月30日"),
        row("WARN", 逾期天数="95", 五级分类="正常", 备注="x" * 80),
        BIG,
    ]
    upload(page, "客户清单.csv", as_csv(rows).encode("gbk"))
    result = page.locator("[data-role=result]")
    expect(result.locator(".kb-priority-errors tbody tr")).to_have_count(1)
    expect(result.locator(".kb-priority-warnings tbody tr")).to_have_count(1)
    open_everything(page)
    assert outside_width(page, READ) == []


def test_priority_pages_fit(phone, site_server):
    page = tool(phone, site_server, "priority")
    upload(page, "big.csv", as_csv(synthetic.portfolio(400, 5, "2026-12")).encode())
    pager = page.locator('[data-list="visits"] .kb-priority-pager')
    expect(pager).to_be_visible()
    pager.locator('[data-page="next"]').click()
    expect(pager.locator("[data-role=page-info]")).to_contain_text("第 2 /")
    assert outside_width(page, READ) == []


def test_priority_error_box_fits(phone, site_server):
    page = tool(phone, site_server, "priority")
    upload(page, "bad.csv", "客户号,借款人,放款日,余额\nA,甲,2026-01-01,1\n".encode())
    expect(page.locator("[data-role=error]")).to_be_visible()
    assert outside_width(page, READ) == []


@pytest.mark.parametrize(("key", "title"), retention_examples(DOCS))
def test_retention_example_fits(phone, site_server, key, title):
    page = tool(phone, site_server, "retention")
    page.click(f"[data-example='{key}']")
    result = page.locator("[data-role=result] .kb-retention-result")
    expect(result).to_be_visible()
    expect(page.locator("[data-role=preview] table, [data-role=preview] p").first).to_be_visible()
    assert outside_width(page, READ) == []
    if page.locator(".kb-retention-timeline").count():
        assert text_clashes(page, ".kb-retention-timeline") == []


def test_retention_error_fits(phone, site_server):
    page = tool(phone, site_server, "retention")
    page.fill("[name=report_month]", "2024-06")
    page.fill("[name=opened]", "2023-13")
    page.fill("[name=history]", "NNNN")
    page.click("[data-tool] button[type=submit]")
    expect(page.locator("[data-role=error]")).to_be_visible()
    assert outside_width(page, READ) == []


@pytest.mark.parametrize(("key", "title"), examples(DOCS, REPORT_EXAMPLES))
def test_report_form_and_draft_fit(phone, site_server, key, title):
    """The whole tool: the form, the draft and the text box shown when copying cannot."""
    page = tool(phone, site_server, "report")
    page.click(f"[data-example='{key}']")
    expect(page.locator("[data-role=result] .kb-report-draft")).to_be_visible()
    page.evaluate("() => { document.querySelector('[data-role=text-box]').hidden = false; }")
    # A one-line text box scrolls its own long text, as every text box does.
    problems = outside_width(page, "[data-tool=report]")
    assert [p for p in problems if not p.startswith("input ")] == []


FIRST_EXAMPLE = {
    "priority": "[data-action=sample]",
    "retention": "[data-example='8-guarantor']",
    "report": "[data-example='5-overdue-marked-normal']",
}


@pytest.mark.parametrize("name", list(FIRST_EXAMPLE))
def test_a_result_opens_at_its_top(phone, site_server, name):
    page = tool(phone, site_server, name)
    page.click(FIRST_EXAMPLE[name])
    result = page.locator("[data-tool] [data-role=result]")
    expect(result.locator("h2")).to_be_visible()
    page.wait_for_function("() => document.activeElement?.dataset.role === 'result'")
    top = result.evaluate("el => el.getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top <= header + 40, (header, top)
