"""One table of month and date forms feeds both tools: what one accepts, the other does,
and both refuse the same text with the same reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.priority_rows import BIG, entry, row
from tools import priority, retention
from tools.common.months import add_years

# (typed, the month it means)
MONTHS = [
    ("2026-03", "2026-03"),
    ("2026/3", "2026-03"),
    ("2026.03", "2026-03"),
    ("2026年3月", "2026-03"),
    ("2026 年 3 月", "2026-03"),
    ("202603", "2026-03"),
    (" 2026-03 ", "2026-03"),
    ("２０２６－０３", "2026-03"),  # full-width, as a Chinese input method types it
    ("2026-3-5", "2026-03"),  # a date means its month
    ("2026/03/05", "2026-03"),
    ("2026年3月5日", "2026-03"),
    ("20260305", "2026-03"),
]
# (typed, words of the reason)
BAD_MONTHS = [
    ("2026-13", "01 到 12"),
    ("2026-00", "01 到 12"),
    ("下个月", "不是月份"),
    ("26-03", "不是月份"),
    ("1800-01", "年份"),
    ("2026-02-30", "没有 30 日"),
]
# (typed, the day it means)
DATES = [
    ("2026-05-01", date(2026, 5, 1)),
    ("2026/5/1", date(2026, 5, 1)),
    ("2026/05/01", date(2026, 5, 1)),
    ("2026年5月1日", date(2026, 5, 1)),
    ("2026.5.1", date(2026, 5, 1)),
    ("20260501", date(2026, 5, 1)),
    ("46143", date(2026, 5, 1)),  # Excel's day number
    ("46143.0", date(2026, 5, 1)),
    ("2026-05-01 00:00:00", date(2026, 5, 1)),
    ("２０２６年５月１日", date(2026, 5, 1)),
]
BAD_DATES = [
    ("2026-02-30", "2 月没有 30 日"),
    ("2026-13-01", "01 到 12"),
    ("下个月", "不是日期"),
    ("2026-05", "不是日期"),
    ("202605", "不是日期"),
]

ROWS = [row(), BIG]


def plan_month(text: str) -> dict:
    return priority.run({"rows": ROWS, "settings": {"month": text}})


def report(month: str, **account) -> dict:
    base = {"opened": "2010-01", "history": "N"}
    return retention.run({"report_month": month, "accounts": [{**base, **account}]})


@pytest.mark.parametrize(("text", "month"), MONTHS)
def test_both_tools_read_the_same_months(text, month):
    assert plan_month(text)["data"]["summary"]["month"] == month
    assert report(text)["data"]["window"]["last"] == month


@pytest.mark.parametrize(("text", "words"), BAD_MONTHS)
def test_both_tools_refuse_the_same_months_for_the_same_reason(text, words):
    for envelope, field in ((plan_month(text), "month"), (report(text), "report_month")):
        assert envelope["ok"] is False
        assert envelope["error"]["field"] == field
        assert f"“{text}”" in envelope["error"]["message"]
        assert words in envelope["error"]["message"]


def repaid(text: str) -> dict:
    # Overdue 2025-01 … 2026-04, normal again in 2026-05: repaid then.
    return report("2026-06", opened="2025-01", history="1" * 16 + "N", repaid_on=[text])


@pytest.mark.parametrize(("text", "day"), DATES)
def test_both_tools_read_the_same_dates(text, day):
    client = entry(priority.compute({"rows": [row(上次回访日期=text), BIG],
                                     "settings": {"month": "2026-12"}}), "C1")  # fmt: skip
    assert client["next_check"] == (day + timedelta(days=180)).isoformat()
    (episode,) = repaid(text)["data"]["accounts"][0]["episodes"]
    assert episode["legal_deadline"] == add_years(day, 5).isoformat()


@pytest.mark.parametrize(("text", "words"), BAD_DATES)
def test_both_tools_refuse_the_same_dates_for_the_same_reason(text, words):
    data = priority.compute(
        {"rows": [row(上次回访日期=text), BIG], "settings": {"month": "2026-12"}}
    )
    (cell,) = data["errors"]
    assert cell["column"] == "上次回访日期" and words in cell["message"]
    envelope = repaid(text)
    assert envelope["ok"] is False and envelope["error"]["field"] == "repaid_on"
    assert f"“{text}”" in envelope["error"]["message"] and words in envelope["error"]["message"]


def test_add_years_is_twelve_months_each_and_29_february_becomes_28():
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2021, 12, 31), 5) == date(2026, 12, 31)
