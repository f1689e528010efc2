"""What was understood of the typed codes, and what looks wrong before the answer:
codes that stop before the settlement or well before the report, a repayment date
later than the month the record already shows the overdue repaid."""

from __future__ import annotations

import pytest

from tools.retention import check, preview, run

REPORT = "2022-06"


def notes(**account) -> list[dict]:
    base = {"name": "车贷", "opened": "2019-06"}
    return check({"report_month": REPORT, "accounts": [{**base, **account}]})["warnings"]


@pytest.mark.parametrize(
    ("account", "field", "words"),
    [
        ({"history": "N" * 21}, "history", "少抄了最近 16 个月"),
        ({"history": "N" * 7, "settled": "2020-06"}, "history", "比结清月份 2020-06 早 6 个月"),
        (
            {"history": "NN11NNN", "repaid_on": "2019-12-01"},
            "repaid_on",
            "晚于 2019-10：还款记录在 2019-10 已是“N”",
        ),
        (
            {"history": "NN11", "settled": "2019-09", "repaid_on": "2020-01-15"},
            "repaid_on",
            "账户在 2019-09 已结清",
        ),
    ],
)
def test_what_looks_wrong_is_said_with_its_field(account, field, words):
    if field == "repaid_on" and "settled" not in account:
        account["history"] += "N" * 30  # up to the report month: no other note
    (note,) = [n for n in notes(**account) if n["field"] == field]
    assert words in note["message"]
    assert note["text"].startswith("账户“车贷”：") and note["item"] == 1


@pytest.mark.parametrize(
    "account",
    [
        {"history": "N" * 37},  # up to the report month
        {"history": "N" * 35},  # the report lags two months: normal
        {"history": "N" * 7, "settled": "2019-12"},
        {"history": "NN11N" + "N" * 32, "repaid_on": "2019-10-20"},  # repaid in the cure month
        {"history": "NN11N" + "N" * 32, "repaid_on": "2019-09-30"},
        {"history": "N" * 7, "settled": "2023-01"},  # settled after the report: not known yet
    ],
)
def test_consistent_accounts_have_no_notes(account):
    if account.get("settled") == "2023-01":
        account["history"] = "N" * 37
    assert notes(**account) == []


def test_notes_come_before_the_answer():
    html = run(
        {
            "report_month": REPORT,
            "accounts": [{"name": "车贷", "opened": "2019-06", "history": "N" * 21}],
        }
    )["html"]
    assert html.index("请先核对") < html.index("查询的报告")
    assert "少抄了最近 16 个月" in html


def test_preview_says_what_was_understood_and_what_looks_wrong():
    answer = preview({"report_month": REPORT, "opened": "2019-06", "history": "N" * 21})
    assert "你填了 21 个月：2019-06 至 2021-02" in answer["html"]
    assert "少抄了最近 16 个月" in answer["html"]
    assert answer["data"]["first"] == "2019-06" and answer["data"]["last"] == "2021-02"
    # The report month still being typed: the layout shows, the notes wait.
    typing = preview({"report_month": "2022-", "opened": "2019-06", "history": "N" * 21})
    assert "你填了 21 个月" in typing["html"] and "少抄" not in typing["html"]
    one = preview({"report_month": REPORT, "opened": "2019-06", "history": "N"})
    assert "你填了 1 个月：2019-06<" in one["html"]
