"""Bad input: an InputError naming the account and the field, in Chinese."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tools.errors import InputError
from tools.retention import check, run, window

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def one(report="2022-06", **account):
    base = {"name": "车贷", "opened": "2020-01", "history": "N" * 12}
    return {"report_month": report, "accounts": [{**base, **account}]}


BAD = {
    "impossible opened": (one(opened="2023-13"), "opened", "01 到 12"),
    "impossible settled": (one(settled="2021-00"), "settled", "01 到 12"),
    "impossible history start": (one(history_start="2020-13"), "history_start", "01 到 12"),
    "unreadable month": (one(opened="去年"), "opened", "不是月份"),
    "past report month": (one(report="2020-06"), "history", "晚于报告月份"),
    "past settlement": (one(settled="2020-06"), "history", "晚于结清月份"),
    "unknown code": (one(history="NNX"), "history", "“X”无法识别"),
    "settled before opening": (one(settled="2019-12"), "settled", "早于开户月份"),
    "repaid before last mark": (
        one(history="NN11NN", repaid_on=["2020-03-31"]),
        "repaid_on",
        "早于它最后一个逾期月份",
    ),
    "more dates than episodes": (
        one(history="N1N", repaid_on=["2020-03-01", "2020-04-01"]),
        "repaid_on",
        "只有 1 段逾期",
    ),
    "impossible repayment day": (
        one(history="N1N", repaid_on=["2020-02-30"]),
        "repaid_on",
        "30 日",
    ),
    "empty history": (one(history=" "), "history", "请填写还款记录"),
    "date for an unpaid episode": (
        one(history="NN77", repaid_on=["2020-05-01"]),
        "repaid_on",
        "仍未还清",
    ),
}


@pytest.mark.parametrize("data,field,words", BAD.values(), ids=BAD.keys())
def test_bad_input_names_account_and_field(data, field, words):
    with pytest.raises(InputError) as caught:
        check(data)
    err = caught.value
    assert err.field == field
    assert err.account == "车贷" and err.item == 1
    assert words in err.message
    assert CHINESE.search(err.message)
    envelope = run(data)
    assert envelope == {"ok": False, "error": err.to_dict()}


def test_unnamed_account_is_named_by_its_number():
    data = one(opened="2023-13")
    data["accounts"] = [
        {"opened": "2020-01", "history": "N"},
        {"opened": "2023-13", "history": "N"},
    ]
    with pytest.raises(InputError) as caught:
        check(data)
    assert caught.value.account == 2 and caught.value.item == 2


def test_accounts_sharing_a_name_are_told_apart_by_their_place():
    account = {"name": "车贷", "opened": "2020-01", "history": "N"}
    data = {"report_month": "2022-06", "accounts": [account, {**account, "opened": "2020-13"}]}
    with pytest.raises(InputError) as caught:
        check(data)
    # Named by its place: "账户“车贷”" would not say which of the two is wrong.
    assert caught.value.account == 2 and caught.value.item == 2
    assert caught.value.to_dict()["text"].startswith("第 2 个账户：开户月份")


def test_a_name_of_its_own_still_names_the_account():
    account = {"name": "车贷", "opened": "2020-01", "history": "N"}
    other = {**account, "name": "房贷", "opened": "2020-13"}
    with pytest.raises(InputError) as caught:
        check({"report_month": "2022-06", "accounts": [account, other]})
    assert caught.value.to_dict()["text"].startswith("账户“房贷”：开户月份")


@pytest.mark.parametrize("report", ["", "2022-13", "2022-02-30", None])
def test_bad_report_month(report):
    with pytest.raises(InputError) as caught:
        check(one(report=report))
    assert caught.value.field == "report_month"
    assert caught.value.account is None


def test_no_accounts():
    with pytest.raises(InputError) as caught:
        check({"report_month": "2022-06", "accounts": []})
    assert caught.value.field == "accounts"


def test_report_before_opening_is_not_an_error():
    result = check(one(report="2019-06"))
    (account,) = result["accounts"]
    assert account["record_shown"] is False
    assert account["shown_months"] is None
    assert "还没有这个账户" in run(one(report="2019-06"))["html"]


def test_history_codes_are_forgiving():
    """Spaces, lower case and full-width ＊／＃ are read as printed codes."""
    loose = check(one(history="／＊n 1ｎ ＃c"))
    strict = check(one(history="/*N1N#C"))
    assert loose == strict
    assert [e["first"] for e in strict["accounts"][0]["episodes"]] == ["2020-04"]


def test_star_and_hash_do_not_split_an_episode():
    (episode,) = check(one(history="N1*#2#N"))["accounts"][0]["episodes"]
    assert (episode["first"], episode["last"], episode["status"]) == ("2020-02", "2020-05", "cured")


@pytest.mark.parametrize(
    "history,settled,status",
    [
        ("NN12", None, "unpaid"),
        ("NNB", None, "unpaid"),
        ("NN1Z", None, "cured"),
        ("NN12", "2020-04", "cured"),
        ("NN1G", None, "cured"),
    ],
)
def test_cure_rules(history, settled, status):
    account = {"history": history}
    if settled:
        account["settled"] = settled
    (episode,) = check(one(**account))["accounts"][0]["episodes"]
    assert episode["status"] == status


def test_leap_day_deadline_becomes_28_february():
    (episode,) = check(one(history="N1NN", repaid_on=["2020-02-29"]))["accounts"][0]["episodes"]
    assert episode["legal_deadline"] == "2025-02-28"


@pytest.mark.parametrize("value", ["2021-12", "2021-12-31", date(2021, 12, 1), "2021/12"])
def test_window_accepts_months_and_dates(value):
    assert window(value) == ("2017-01", "2021-12")


def test_too_many_accounts_is_refused_and_the_limit_itself_is_fine():
    from tools.retention.rules import MAX_ACCOUNTS

    account = one()["accounts"][0]
    ok = check({"report_month": "2022-06", "accounts": [account] * MAX_ACCOUNTS})
    assert len(ok["accounts"]) == MAX_ACCOUNTS
    with pytest.raises(InputError) as err:
        check({"report_month": "2022-06", "accounts": [account] * (MAX_ACCOUNTS + 1)})
    assert err.value.field == "accounts"
    assert "分批" in err.value.message
