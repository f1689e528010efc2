"""Bad visit records get the house's errors: the field named, the form untouched."""

from __future__ import annotations

import pytest

from tools import report
from tools.report.schema import REQUIRED

from .test_report_rules import BASE


def error(record: dict, today: str = "2026-06-01") -> dict:
    answer = report.run({"record": record, "today": today})
    assert not answer["ok"], answer
    return answer["error"]


@pytest.mark.parametrize("field", [f.key for f in REQUIRED])
def test_each_required_field_is_named(field):
    record = {k: v for k, v in BASE.items() if k != field}
    found = error(record)
    label = next(f.label for f in REQUIRED if f.key == field)
    assert found["field"] == field and found["message"] == f"请填写“{label}”"


def test_blank_counts_as_missing():
    assert error({**BASE, "client": "   "})["field"] == "client"


def test_a_visit_after_today_is_refused():
    found = error({**BASE, "visit_date": "2026-06-02"})
    assert found["field"] == "visit_date"
    assert found["message"] == "“检查日期”2026-06-02 晚于今天（2026-06-01）：请填写实际检查的日期"
    assert report.run({"record": {**BASE, "visit_date": "2026-06-01"}, "today": "2026-06-01"})["ok"]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("visit_date", "明天", "检查日期“明天”不是日期"),
        ("maturity", "1989-12-31", "年份 1989 不对"),
        ("maturity", "2057-01-01", "年份 2057 不对"),
        ("guarantee_until", "2026-02-30", "2 月没有 30 日"),
        ("balance", "十万", "“贷款余额”应为数字，现为“十万”"),
        ("balance", "-5", "应为不小于 0 的实际数字"),
        ("balance", "1e400", "应为不小于 0 的实际数字"),
        ("balance", "nan", "应为不小于 0 的实际数字"),
        ("overdue_days", "3.5", "“逾期天数”应为整数"),
        ("staff", "三个", "“在岗人数”应为数字"),
        ("grade", "良好", "“当前五级分类”应为正常、关注、次级、可疑、损失之一"),
        ("guarantor_flag", "关注", "应为正常、需留意、异常之一"),
        ("mode", "微信", "“检查方式”应为上门、电话、非现场之一"),
        ("guarantees", ["保证", "信用（无担保）"], "勾了“信用（无担保）”，又勾了保证"),
        ("guarantees", ["人保"], "“担保方式”应为保证、抵押、质押、信用（无担保）之一"),
        ("client", 12, "“客户名称”应为文字"),
        ("documents", "流水", "“收集的资料”应为勾选的条目"),
        ("client", "长" * 2001, "太长"),
    ],
)
def test_bad_values_name_their_field(field, value, words):
    found = error({**BASE, field: value})
    assert found["field"] == field and words in found["message"], found


def test_amounts_as_officers_write_them():
    for typed in ("100000", "100,000", "10万", "100000元"):
        assert report.compute({"record": {**BASE, "balance": typed}})["client"]


def test_a_field_of_another_product_is_not_read():
    # Left over from switching products: not checked, not written.
    result = report.run({"record": {**BASE, "salary": "abc"}, "today": "2026-06-01"})
    assert result["ok"] and "工资" not in result["data"]["text"]


def test_interview_areas():
    bad = error({**BASE, "interview": {"上下游": {"finding": "x", "flag": "关注"}}})
    assert bad["field"] == "interview.4.flag"
    assert "问询“上下游”的标记应为正常、需留意、异常之一" in bad["message"]
    assert error({**BASE, "interview": ["x"]})["field"] == "interview"
    assert error({**BASE, "interview": {"上下游": "x"}})["field"] == "interview.4.finding"


def test_a_record_that_is_not_an_object():
    assert error("x")["field"] == "record"  # type: ignore[arg-type]
    assert error(None)["field"] == "record"  # type: ignore[arg-type]


def test_the_pages_today_is_checked():
    answer = report.run({"record": BASE, "today": "not a day"})
    assert answer["error"]["field"] == "today"
