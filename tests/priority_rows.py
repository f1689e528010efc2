"""Rows and helpers shared by the priority tool's tests (plan month 2026-12)."""

from __future__ import annotations

import csv
import io

from tools.priority import compute

MONTH = "2026-12"


def row(id_: str = "C1", **cells) -> dict:
    """A performing client that triggers nothing in 2026-12; ``cells`` override columns."""
    base = {
        "客户编号": id_,
        "客户名称": "测试客户",
        "区域": "城关镇",
        "行业": "农资经营",
        "高危行业": "否",
        "名单类型": "",
        "放款日期": "2025-12-15",
        "到期日期": "2027-12-14",
        "还款方式": "分期还款",
        "贷款余额": "100000",
        "逾期天数": "0",
        "近12个月逾期次数": "0",
        "五级分类": "正常",
        "上次回访日期": "2026-10-01",
        "首次检查已完成": "是",
        "交接客户": "否",
        "转介绍意向": "否",
        "信贷员标记": "否",
        "行内要求回访": "否",
        "风险信号": "",
        "备注": "",
    }
    base.update(cells)
    return base


# A large loan so that the exposure points of the client under test round to 0.
BIG = row("BIG", 贷款余额="10000000")


def run(rows: list[dict], **settings) -> dict:
    return compute({"rows": rows, "settings": {"month": MONTH, **settings}})


def entry(data: dict, id_: str) -> dict:
    for item in data["visits"] + data["not_planned"]:
        if item["id"] == id_:
            return item
    raise KeyError(id_)


NO_SAMPLE = {"sample_min": 0, "sample_share": 0}
MUST = {"逾期天数": "45", "五级分类": "关注", "上次回访日期": "2026-11-20"}  # must, score 75
HIGH = {"信贷员标记": "是", "风险信号": "担保变化"}  # score 45
DUE = {"上次回访日期": "2026-06-10"}  # next check 2026-12-07


def one(**cells) -> dict:
    """The plan entry of client C1 (next to BIG, no random sample), with ``cells`` changed."""
    return entry(run([row(**cells), BIG], **NO_SAMPLE), "C1")


def codes(item: dict) -> dict:
    """Reason code -> points (None for a must-visit rule)."""
    return {r["code"]: r["points"] for r in item["reasons"]}


def as_csv(rows: list[dict], delimiter: str = ",") -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(
        buf, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\r\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def as_xlsx(rows: list[dict]) -> bytes:
    """The rows as an .xlsx workbook: a header, then cells (digits as numbers, like Excel)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for r in rows:
        sheet.append([int(v) if v.isdigit() else v for v in r.values()])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


# A small portfolio whose plan names 赵桂兰 first: the .xlsx upload of the e2e tests.
XLSX_ROWS = [row("X1", 客户名称="赵桂兰", 区域="东坪村", 逾期天数="40"), BIG]
