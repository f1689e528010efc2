"""Each must-visit rule, each score factor, purpose, mode and warnings (plan month 2026-12)."""

from __future__ import annotations

import pytest

from tests.priority_rows import BIG, NO_SAMPLE, codes, entry, one, row, run


def test_base_row_triggers_nothing():
    item = one()
    assert item["tier"] is None and item["score"] == 0 and item["reasons"] == []
    assert item["why"] == "not_needed"


@pytest.mark.parametrize(
    ("cells", "code"),
    [
        ({"放款日期": "2026-11-20", "首次检查已完成": "否", "上次回访日期": ""}, "first_check"),
        ({"放款日期": "2026-11-01", "首次检查已完成": "否", "上次回访日期": ""}, "first_check"),
        ({"放款日期": "2026-12-10", "首次检查已完成": "否", "上次回访日期": ""}, "first_check"),
        ({"逾期天数": "31"}, "overdue_31"),
        ({"五级分类": "次级", "上次回访日期": "2026-11-20"}, "npl"),
        ({"五级分类": "可疑", "上次回访日期": "2026-11-20"}, "npl"),
        ({"五级分类": "损失", "上次回访日期": "2026-11-20"}, "npl"),
        ({"风险信号": "法院执行"}, "signal"),
        ({"风险信号": "执照异常"}, "signal"),
        ({"风险信号": "资产查封"}, "signal"),
        ({"行内要求回访": "是"}, "bank"),
        ({"还款方式": "到期一次还本", "到期日期": "2026-12-31"}, "bullet"),
        ({"还款方式": "到期一次还本", "到期日期": "2026-12-01"}, "bullet"),
        ({"上次回访日期": "2026-05-01"}, "schedule"),
        ({"五级分类": "关注", "上次回访日期": "2026-10-20"}, "schedule"),
    ],
)
def test_each_must_rule(cells, code):
    item = one(**cells)
    assert item["tier"] == "must"
    assert codes(item)[code] is None


@pytest.mark.parametrize(
    "cells",
    [
        {"放款日期": "2026-10-31", "首次检查已完成": "否", "上次回访日期": ""},  # 31 days: too old
        {"放款日期": "2026-11-20", "首次检查已完成": "是", "上次回访日期": ""},
        {"逾期天数": "30"},
        {"风险信号": "搬家"},
        {"还款方式": "到期一次还本", "到期日期": "2027-01-01"},
        {"还款方式": "分期还款", "到期日期": "2026-12-31"},
        {"上次回访日期": "2026-06-05"},  # next check 2026-12-02: due, not overdue
    ],
)
def test_just_outside_a_must_rule(cells):
    assert one(**cells)["tier"] != "must"


def test_first_check_window_follows_the_setting():
    cells = {"放款日期": "2026-11-10", "首次检查已完成": "否", "上次回访日期": ""}
    rows = [row(**cells), BIG]
    assert entry(run(rows), "C1")["tier"] == "must"
    assert entry(run(rows, first_check_days=15), "C1")["tier"] != "must"


def test_check_interval_follows_the_setting():
    rows = [row(上次回访日期="2026-08-01"), BIG]
    assert entry(run(rows, **NO_SAMPLE), "C1")["tier"] is None
    late = entry(run(rows, check_interval_days={"正常": 90}, **NO_SAMPLE), "C1")
    assert late["tier"] == "must" and "schedule" in codes(late)


@pytest.mark.parametrize(
    ("cells", "code", "points"),
    [
        ({"逾期天数": "1"}, "dpd_1", 30),
        ({"逾期天数": "30"}, "dpd_1", 30),
        ({"逾期天数": "31"}, "dpd_31", 50),
        ({"逾期天数": "60"}, "dpd_31", 50),
        ({"逾期天数": "61"}, "dpd_61", 60),
        ({"逾期天数": "90"}, "dpd_61", 60),
        ({"逾期天数": "91"}, "dpd_91", 70),
        ({"五级分类": "关注", "上次回访日期": "2026-11-20"}, "grade_关注", 25),
        ({"五级分类": "次级", "上次回访日期": "2026-11-20"}, "grade_次级", 40),
        ({"五级分类": "可疑", "上次回访日期": "2026-11-20"}, "grade_可疑", 50),
        ({"五级分类": "损失", "上次回访日期": "2026-11-20"}, "grade_损失", 50),
        ({"近12个月逾期次数": "2"}, "repeat_overdue", 15),
        ({"信贷员标记": "是"}, "flagged", 25),
        ({"风险信号": "搬家"}, "life_change", 20),
        ({"风险信号": "换工作"}, "life_change", 20),
        ({"风险信号": "担保变化"}, "guarantee_change", 20),
        ({"名单类型": "禁入"}, "banned", 20),
        ({"名单类型": "慎入"}, "cautious", 10),
        ({"交接客户": "是", "上次回访日期": ""}, "handover", 15),
        ({"高危行业": "是"}, "high_risk", 10),
        ({"上次回访日期": "2026-05-25"}, "check_overdue", 2),  # 10 days late
        ({"上次回访日期": "2026-05-15"}, "check_overdue", 4),  # 20 days late
        ({"上次回访日期": "2026-01-01"}, "check_overdue", 20),  # capped
        ({"到期日期": "2027-01-30"}, "amortising_maturity", 10),
        ({"到期日期": "2026-12-01"}, "amortising_maturity", 10),
        ({"贷款余额": "5000000"}, "exposure", 5),
        ({"贷款余额": "2500000"}, "exposure", 3),  # 2.5 rounds half up
        ({"贷款余额": "2400000"}, "exposure", 2),
    ],
)
def test_each_score_factor(cells, code, points):
    item = one(**cells)
    assert codes(item)[code] == points
    assert item["score"] == sum(p for p in codes(item).values() if p)


@pytest.mark.parametrize(
    "cells",
    [
        {"近12个月逾期次数": "1"},
        {"交接客户": "是"},  # met already: there is a last visit
        {"上次回访日期": "2026-05-30"},  # 5 days late: no full 10 days
        {"到期日期": "2027-01-31"},  # 61 days
        {"还款方式": "到期一次还本", "到期日期": "2027-01-30"},
        {"转介绍意向": "是"},  # referral is never scored
    ],
)
def test_no_points_just_outside_a_factor(cells):
    assert one(**cells)["score"] == 0


def test_life_change_counts_once_for_both_signals():
    item = one(风险信号="搬家、换工作")
    assert codes(item)["life_change"] == 20 and item["score"] == 20


def test_weights_come_from_the_settings():
    rows = [row(信贷员标记="是"), BIG]
    item = entry(run(rows, weights={"flagged": "33"}), "C1")
    assert codes(item)["flagged"] == 33


def test_largest_balance_gets_full_exposure():
    assert codes(entry(run([row(), BIG]), "BIG"))["exposure"] == 10


@pytest.mark.parametrize(
    ("cells", "purpose"),
    [
        ({"逾期天数": "5", "上次回访日期": "2026-06-10"}, "risk"),
        ({"高危行业": "是", "交接客户": "是", "上次回访日期": ""}, "risk"),
        ({"交接客户": "是", "上次回访日期": "", "转介绍意向": "是"}, "handover"),
        ({"上次回访日期": "2026-06-10", "转介绍意向": "是"}, "referral"),
        ({"上次回访日期": "2026-06-10"}, "side"),
        ({"上次回访日期": "2026-05-01"}, "side"),  # a late routine check is not a risk
    ],
)
def test_purpose_precedence(cells, purpose):
    item = one(**cells)
    assert item["tier"] is not None
    assert item["purpose"] == purpose


@pytest.mark.parametrize(
    ("cells", "mode"),
    [
        ({"逾期天数": "31"}, "notice"),
        ({"逾期天数": "200", "五级分类": "可疑", "上次回访日期": "2026-11-20"}, "notice"),
        ({"还款方式": "到期一次还本", "到期日期": "2026-12-20"}, "phone"),
        ({"逾期天数": "10", "近12个月逾期次数": "2", "高危行业": "是"}, "phone"),
        ({"逾期天数": "10", "信贷员标记": "是"}, "onsite"),
        ({"风险信号": "法院执行"}, "onsite"),
        ({"放款日期": "2026-11-20", "首次检查已完成": "否", "上次回访日期": ""}, "onsite"),
        ({"上次回访日期": "2026-06-10"}, "onsite"),
    ],
)
def test_mode(cells, mode):
    assert one(**cells)["mode"] == mode


@pytest.mark.parametrize(
    ("dpd", "grade", "floor"),
    [("5", "正常", "关注"), ("95", "正常", "次级"), ("95", "关注", "次级"),
     ("280", "次级", "可疑"), ("365", "可疑", "损失")],
)  # fmt: skip
def test_warning_when_class_below_overdue_floor(dpd, grade, floor):
    data = run([row(逾期天数=dpd, 五级分类=grade), BIG])
    (warning,) = data["warnings"]
    assert warning["column"] == "五级分类" and warning["row"] == 2 and warning["id"] == "C1"
    assert warning["message"] == (
        f"逾期 {dpd} 天，表中为{grade}；按常用的逾期天数口径至少应为{floor}"
        "（商业银行依《商业银行金融资产风险分类办法》，其他机构以本行制度为准）"
    )
    assert entry(data, "C1")["score"] > 0  # a warning never drops the client


@pytest.mark.parametrize(
    ("dpd", "grade"), [("0", "正常"), ("5", "关注"), ("95", "次级"), ("400", "损失")]
)
def test_no_warning_when_class_respects_the_floor(dpd, grade):
    assert run([row(逾期天数=dpd, 五级分类=grade), BIG])["warnings"] == []


def test_warning_when_maturity_passed_with_balance():
    data = run([row(放款日期="2025-06-01", 到期日期="2026-11-30"), BIG])
    (warning,) = data["warnings"]
    assert warning["column"] == "到期日期" and "2026-11-30" in warning["message"]
    assert (
        run([row(放款日期="2025-06-01", 到期日期="2026-11-30", 贷款余额="0"), BIG])["warnings"]
        == []
    )
