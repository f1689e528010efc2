"""The priority calculator in Chromium: the sample plan, reasons, CSV export, GBK and .xlsx
uploads, bad rows and warnings, a missing column, pages and sorting, the print sheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser import THIS_MONTH
from tests.priority_rows import BIG, XLSX, XLSX_ROWS, as_csv, as_xlsx, row
from tools.priority import compute, synthetic
from tools.priority.export import plan_csv
from tools.priority.limits import MAX_FILE_BYTES, MAX_PRINTED, MB
from tools.priority.planner import display_order
from tools.priority.rules import MODES

pytestmark = pytest.mark.e2e
SAMPLE = Path(__file__).resolve().parents[2] / "docs/tools/examples/priority/sample-portfolio.csv"
SAMPLE_MONTH = "2026-12"


@pytest.fixture
def tool(priority_tool):
    return priority_tool


def upload(page, name: str, data: bytes, mime: str = "text/csv") -> None:
    page.set_input_files("[name=file]", files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.fill("[name=month]", SAMPLE_MONTH)
    page.click("button[type=submit]")


def test_sample_plan_reason_and_export(tool):
    page = tool
    # Blank means this month and a seed equal to the month: Python decides, from the page's date.
    expect(page.locator("[name=month]")).to_have_value("")
    expect(page.locator("[name=seed]")).to_have_value("")

    page.click("[data-action=sample]")
    expected = compute({"csv": SAMPLE.read_bytes(), "settings": {"month": SAMPLE_MONTH}})
    result = page.locator("[data-role=result]")
    expect(result.locator(".kb-priority-title")).to_have_text(f"{SAMPLE_MONTH} 回访计划")
    expect(page.locator("[name=month]")).to_have_value(SAMPLE_MONTH)
    expect(result.locator(".kb-priority-settings")).to_contain_text(f"随机种子 {SAMPLE_MONTH}")
    visits = result.locator('[data-list="visits"] tr.kb-priority-row')
    expect(visits).to_have_count(len(expected["visits"]))
    must = sum(v["tier"] == "must" for v in expected["visits"])
    expect(result.locator(".kb-priority-summary li").first).to_contain_text(str(must))

    # The first row of the first week: its reasons open and close.
    first = display_order(expected["visits"])[0]
    button = visits.first.locator(".kb-priority-expand")
    reasons = page.locator(f"#{button.get_attribute('aria-controls')}")
    expect(reasons).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(reasons).to_be_visible()
    expect(reasons).to_contain_text(first["reasons"][0]["text"])
    expect(reasons).to_contain_text(f"合计 {first['score']} 分")

    with page.expect_download() as info:
        result.locator("[data-action=export]").click()
    download = info.value
    assert download.suggested_filename == f"回访计划-{SAMPLE_MONTH}.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    text = data.decode("utf-8")
    assert text == plan_csv(expected["visits"])
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[0][:5] == ["周次", "区域", "序号", "客户编号", "客户名称"]
    assert table[1][3] == first["id"] and len(table) == len(expected["visits"]) + 1

    # Exported again, and the sample planned again (its bytes were moved to the worker):
    # one export's URL at a time, each holding the whole CSV.
    page.evaluate(
        """() => { window.madeURLs = []; window.realMakeURL = URL.createObjectURL;
          URL.createObjectURL = (b) => {
            const u = window.realMakeURL(b); window.madeURLs.push(u); return u;
          };
        }"""
    )
    try:
        for _ in range(2):
            with page.expect_download():
                result.locator("[data-action=export]").click()
        urls = page.evaluate("window.madeURLs")
    finally:
        page.evaluate("() => { URL.createObjectURL = window.realMakeURL; }")  # a shared page
    assert len(urls) == 2
    gone = page.evaluate("(u) => fetch(u).then(() => false, () => true)", urls[0])
    assert gone, "the earlier export's URL still holds its file"
    page.click("button[type=submit]")
    expect(visits).to_have_count(len(expected["visits"]))


def test_gbk_csv_shows_error_rows_and_warnings(tool):
    page = tool
    rows = [
        row("OK", 客户名称="王建国", 信贷员标记="是"),
        row("BADDATE", 放款日期="2026年2月30日"),
        row("WARN", 客户名称="李秀英", 逾期天数="95", 五级分类="正常"),
        BIG,
    ]
    upload(page, "客户清单.csv", as_csv(rows).encode("gbk"))
    result = page.locator("[data-role=result]")
    errors = result.locator(".kb-priority-errors tbody tr")
    expect(errors).to_have_count(1)
    cells = errors.first.locator("td")
    expect(cells.nth(0)).to_have_text("3")  # the spreadsheet row (header = row 1)
    expect(cells.nth(3)).to_have_text("放款日期")
    expect(cells.nth(4)).to_contain_text("2026年2月30日")
    expect(result.locator(".admonition.failure")).to_contain_text("1 行数据有误")
    warnings = result.locator(".kb-priority-warnings tbody tr")
    expect(warnings).to_have_count(1)
    expect(warnings.first).to_contain_text("五级分类")
    expect(warnings.first).to_contain_text("至少应为次级")
    expect(result.locator('[data-list="visits"]')).to_contain_text("李秀英")
    expect(result.locator('[data-list="visits"]')).not_to_contain_text("BADDATE")
    # The bad row named by its client's id and name, as the officer looks it up.
    expect(cells.nth(1)).to_have_text("BADDATE")
    expect(cells.nth(2)).to_have_text("测试客户")
    expect(result.locator(".kb-priority-errors thead th").nth(2)).to_have_text("客户名称")
    expect(warnings.first.locator("td").nth(2)).to_have_text("李秀英")


def test_xlsx_upload(tool):
    page = tool
    upload(page, "portfolio.xlsx", as_xlsx(XLSX_ROWS), XLSX)
    table = page.locator('[data-role=result] [data-list="visits"]')
    expect(table).to_contain_text("赵桂兰", timeout=60_000)
    expect(table.locator("tr.kb-priority-row").first).to_contain_text(MODES["notice"])


def test_missing_column_marks_the_file_field(tool):
    page = tool
    upload(page, "bad.csv", "客户编号,客户名称,放款日期,贷款余额\nA,甲,2026-01-01,1\n".encode())
    error = page.locator("[data-role=error]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("缺少必填列“到期日期”")
    expect(error).to_contain_text("表头里找到的列：客户编号、客户名称、放款日期、贷款余额。")
    expect(page.locator("[name=file]")).to_have_attribute("aria-invalid", "true")


def test_big_plan_pages_and_sorts(tool):
    page = tool
    rows = synthetic.portfolio(1500, 7, SAMPLE_MONTH)
    upload(page, "big.csv", as_csv(rows).encode())
    expected = compute({"rows": rows, "settings": {"month": SAMPLE_MONTH}})
    pages = -(-len(expected["visits"]) // 100)
    assert pages > 1
    table = page.locator('[data-role=result] [data-list="visits"]')
    info = table.locator("[data-role=page-info]")
    expect(info).to_have_text(f"第 1 / {pages} 页，共 {len(expected['visits'])} 户")
    expect(table.locator("tr.kb-priority-row")).to_have_count(100)
    table.locator('[data-page="next"]').click()
    expect(info).to_contain_text(f"第 2 / {pages} 页")
    expect(table.locator('[data-page="next"]')).to_be_focused()  # the keyboard stays put

    score = table.locator('td[data-label="得分"]').first
    table.locator('button[data-sort="score"]').click()
    expect(table.locator('th[aria-sort="ascending"]')).to_have_count(1)
    expect(info).to_contain_text(f"第 1 / {pages} 页")
    expect(score).to_have_text(str(min(v["score"] for v in expected["visits"])))
    table.locator('button[data-sort="score"]').click()
    expect(score).to_have_text(str(max(v["score"] for v in expected["visits"])))
    expect(table.locator('button[data-sort="score"]')).to_be_focused()


def test_print_sheet_shows_plan_and_settings_only(tool):
    page = tool
    page.click("[data-action=sample]")
    expect(page.locator(".kb-priority-title")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("[data-tool=priority] form")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".kb-priority-settings")).to_contain_text(f"计划月份 {SAMPLE_MONTH}")
    expect(page.locator(".kb-priority-signoff")).to_be_visible()
    expect(page.locator('[data-list="visits"] table')).to_be_visible()
    # One font weight: each weight of the CJK font is one more font in the print job
    # (a bold one took the largest plan's printing ~180 MB more memory).
    weights = page.evaluate(
        """() => [...new Set([...document.querySelectorAll("[data-tool=priority] *")]
          .filter((el) => el.getClientRects().length)
          .map((el) => getComputedStyle(el).fontWeight))]"""
    )
    assert weights == ["400"]


# Counts the rows on the sheet when the print dialog would open.
STUB_PRINT = """() => {
  window.realPrint = window.print;
  window.print = () => {
    window.printedRows = document.querySelectorAll("[data-list=visits] tr.kb-priority-row").length;
  };
}"""


def test_a_plan_bigger_than_one_sheet_prints_the_part_chosen(tool):
    page = tool
    rows = synthetic.portfolio(MAX_PRINTED + 200, 5, SAMPLE_MONTH)
    for r in rows:
        r.update(逾期天数="40", 五级分类="关注")  # each a must visit
    upload(page, "branch.csv", as_csv(rows).encode())
    total = f"{len(rows):,}"
    part = page.locator("[data-role=result] [data-role=print-part]")
    expect(part.locator("option")).to_have_text(
        [f"第 1–{MAX_PRINTED:,} 户", f"第 {MAX_PRINTED + 1:,}–{total} 户"]
    )
    part.select_option("1")
    page.evaluate(STUB_PRINT)
    try:
        page.locator("[data-action=print]").click()
        page.wait_for_function("() => window.printedRows !== undefined")
    finally:
        page.evaluate("window.print = window.realPrint")  # the page is shared
    assert page.evaluate("window.printedRows") == 200
    caption = page.locator("[data-list=visits] caption")
    expect(caption).to_have_text(
        f"本月回访计划（第 {MAX_PRINTED + 1:,}–{total} 户，共 {total} 户）"
    )


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_plan_has_no_serious_accessibility_violations(tool, scheme):
    page = tool
    set_palette(page, scheme)
    try:
        page.click("[data-action=sample]")
        expect(page.locator(".kb-priority-title")).to_be_visible()
        page.locator(".kb-priority-expand").first.click()
        page.locator(".kb-priority-not-planned summary").click()
        violations = Axe().run(page).response["violations"]
    finally:
        set_palette(page, "default")
    serious = [
        f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def set_palette(page, scheme: str) -> None:
    """Switch light/dark with the header's toggle, as an officer does."""
    body = page.locator("body")
    if body.get_attribute("data-md-color-scheme") != scheme:
        page.locator("[data-md-component=palette] label:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", scheme)


def shown_ranks(page, list_name: str = "visits") -> list[int]:
    """The plan ranks of the rows on screen, top to bottom (from each row's reasons id)."""
    buttons = page.locator(f'[data-list="{list_name}"] tr.kb-priority-row .kb-priority-expand')
    return [
        int(c.rsplit("-", 1)[1])
        for c in buttons.evaluate_all("els => els.map(b => b.getAttribute('aria-controls'))")
    ]


def test_sort_by_week_tier_and_area_then_back_to_plan_order(tool):
    page = tool
    page.click("[data-action=sample]")
    visits = compute({"csv": SAMPLE.read_bytes(), "settings": {"month": SAMPLE_MONTH}})["visits"]
    assert len(visits) <= 100  # one page: the whole order is on screen
    tier_rank = {"must": 0, "high": 1, "due": 2, "sample": 3}
    plan_order = [v["rank"] for v in display_order(visits)]
    table = page.locator('[data-role=result] [data-list="visits"]')
    expect(table.locator("tr.kb-priority-row")).to_have_count(len(visits))
    assert shown_ranks(page) == plan_order

    def click(key: str, direction: str | None) -> None:
        table.locator(f'button[data-sort="{key}"]').click()
        sorted_heads = table.locator(f'th[aria-sort="{direction}"]')
        if direction:
            expect(sorted_heads.locator(f'[data-sort="{key}"]')).to_have_count(1)
        else:
            expect(
                table.locator('th[aria-sort="ascending"], th[aria-sort="descending"]')
            ).to_have_count(0)

    for key, value in (("week", lambda v: v["week"]), ("tier", lambda v: tier_rank[v["tier"]])):
        click(key, "ascending")
        expect(table.locator(f'th[aria-sort="ascending"] [data-sort="{key}"]')).to_have_count(1)
        assert shown_ranks(page) == [
            v["rank"] for v in sorted(visits, key=lambda v: (value(v), v["rank"]))
        ]
        click(key, "descending")
        assert shown_ranks(page) == [
            v["rank"] for v in sorted(visits, key=lambda v: (-value(v), v["rank"]))
        ]
        click(key, None)  # the third click restores the plan's own order
        assert shown_ranks(page) == plan_order

    # Areas sort as Chinese readers expect (pinyin collation), ties in plan rank.
    click("area", "ascending")
    areas = table.locator('tr.kb-priority-row td[data-label="区域"]').all_inner_texts()
    assert len(set(areas)) > 1
    in_order = page.evaluate(
        """areas => { const c = new Intl.Collator("zh-Hans-CN");
                      return areas.every((a, i) => !i || c.compare(areas[i - 1], a) <= 0); }""",
        areas,
    )
    assert in_order, areas
    by_area = {}
    for area, rank in zip(areas, shown_ranks(page), strict=True):
        by_area.setdefault(area, []).append(rank)
    assert all(ranks == sorted(ranks) for ranks in by_area.values())


def test_after_a_worker_restart_the_plan_asks_to_be_computed_again(site_server, page):
    """A tool page of its own: restarting the worker breaks the shared page's runtime."""
    page.goto(site_server.url + "tools/priority/")
    page.click("[data-action=sample]")
    result = page.locator("[data-role=result]")
    table = result.locator('[data-list="visits"]')
    expect(table.locator("tr.kb-priority-row").first).to_be_visible(timeout=60_000)
    page.evaluate("kbTools.restart()")  # as a crash of the worker would
    error = page.locator("[data-tool=priority] [data-role=error]")
    for press in (
        lambda: table.locator('button[data-sort="score"]').click(),
        lambda: result.locator("[data-action=export]").click(),
        lambda: result.locator("[data-action=print]").click(),
    ):
        press()
        expect(error).to_contain_text("请重新计算", timeout=60_000)
    expect(table.locator("th[aria-sort]")).to_have_count(0)  # the table stayed as it was
    page.click("[data-tool=priority] button[type=submit]")
    expect(error).to_be_hidden()
    # The restarted worker plans again (a full start or a restore) before it can sort.
    expect(table.locator("tr.kb-priority-row").first).to_be_visible(timeout=60_000)
    table.locator('button[data-sort="score"]').click()
    expect(table.locator('th[aria-sort="ascending"]')).to_have_count(1, timeout=30_000)


def test_own_file_after_the_sample_plans_the_default_month_again(tool):
    page = tool
    page.click("[data-action=sample]")
    expect(page.locator(".kb-priority-title")).to_have_text(f"{SAMPLE_MONTH} 回访计划")
    expect(page.locator("[data-role=file-name]")).to_contain_text(f"按 {SAMPLE_MONTH} 编制")
    own = {"name": "我的客户.csv", "mimeType": "text/csv", "buffer": as_csv([row(), BIG]).encode()}
    page.set_input_files("[name=file]", files=[own])
    expect(page.locator("[name=month]")).to_have_value("")
    said = page.locator("[data-role=file-name]")
    expect(said).to_contain_text("已选择：我的客户.csv")
    expect(said).to_contain_text("计划月份已改回默认（本月）")
    page.click("button[type=submit]")
    this_month = page.evaluate(THIS_MONTH)
    expect(page.locator(".kb-priority-title")).to_have_text(f"{this_month} 回访计划")


def test_a_file_over_the_limit_is_refused_unread_and_clears_the_old_plan(tool):
    page = tool
    upload(page, "sample.csv", SAMPLE.read_bytes())
    expect(page.locator("[data-role=result] [data-action=export]")).to_be_visible()
    upload(page, "huge.csv", b"x" * (MAX_FILE_BYTES + 1))
    error = page.locator("[data-role=error]")
    expect(error).to_contain_text(f"最大 {MAX_FILE_BYTES // MB} MB")
    expect(page.locator("[name=file]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-role=result] [data-action=export]")).to_have_count(0)


def test_a_number_field_typed_as_no_number_is_named(tool):
    page = tool
    capacity = page.locator("[name=capacity]")
    capacity.fill("")
    capacity.press_sequentially("--5")
    upload(page, "sample.csv", SAMPLE.read_bytes())
    expect(page.locator("[data-role=error]")).to_contain_text("每月回访容量不是可以识别的数字")
    expect(capacity).to_have_attribute("aria-invalid", "true")
