"""The report tool's rules one at a time: overdue floors, the guarantee period of
《民法典》第692条, the next check from the priority calculator's intervals, signals."""

from __future__ import annotations

from datetime import date

import pytest

from tools import report
from tools.common.months import add_months
from tools.priority.settings import DEFAULTS
from tools.report import rules

BASE = {
    "client": "测试客户（虚构）",
    "check_type": "定期检查",
    "mode": "上门",
    "visit_date": "2026-06-01",
    "officers": "甲",
    "product": "个人经营贷",
    "balance": "100000",
    "maturity": "2026-12-31",
    "grade": "正常",
    "payment": "自主支付",
    "funds_use": "按约定用途使用",
}


def run(today: str = "2026-06-01", **changes) -> dict:
    record = {**BASE, **changes}
    return report.compute({"record": record, "today": today})


@pytest.mark.parametrize(
    ("days", "floor"),
    [
        (0, None),
        (1, "关注"),
        (90, "关注"),
        (91, "次级"),
        (270, "次级"),
        (271, "可疑"),
        (360, "可疑"),
        (361, "损失"),
    ],
)
def test_overdue_floors_as_the_handbook_words_them(days, floor):
    assert rules.floor_of(days) == floor


@pytest.mark.parametrize(
    ("grade", "days", "warned"),
    [
        ("正常", 1, True),
        ("关注", 1, False),
        ("关注", 91, True),
        ("次级", 91, False),
        ("可疑", 400, True),
        ("损失", 400, False),
        ("正常", 0, False),
    ],
)
def test_a_class_better_than_the_floor_is_warned(grade, days, warned):
    result = run(grade=grade, overdue_days=str(days), maturity="2027-12-31")
    assert any(w["field"] == "grade" for w in result["warnings"]) is warned


def test_the_reference_is_never_a_decision():
    for days in ("0", "30", "95", "400"):
        text = run(overdue_days=days, maturity="2027-12-31")["five_class"]["text"]
        assert "以本行制度为准" in text and "不是分类结论" in text and "有权的部门认定" in text
        assert rules.FIVE_CLASS_FLOORS_TEXT in text


@pytest.mark.parametrize(
    ("days", "step"),
    [(1, "电话催收"), (30, "电话催收"), (31, "上门催收"), (60, "上门催收"), (61, "现场调查")],
)
def test_the_step_after_an_overdue(days, step):
    (point,) = [p for p in run(overdue_days=str(days), maturity="2027-12-31")["risk_points"]]
    assert point["action"].startswith(step) and point["report"]


def test_add_months_keeps_the_day_or_takes_the_last():
    assert add_months(date(2025, 3, 31), 6) == date(2025, 9, 30)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2026, 9, 15), 6) == date(2027, 3, 15)


def test_guarantee_period_without_an_agreed_one_is_six_months_from_maturity():
    result = run(
        guarantees=["保证"],
        guarantor="乙",
        maturity="2026-03-31",
        overdue_days="62",
        grade="关注",
        today="2026-06-01",
    )
    assert result["guarantee_period"] == {"end": "2026-09-30", "agreed": False, "days_left": 121}
    assert not any(w["field"] == "guarantee_until" for w in result["warnings"])


def test_an_agreed_period_no_later_than_maturity_counts_as_none():
    result = run(guarantor="乙", guarantee_until="2026-12-31", maturity="2026-12-31")
    assert result["guarantee_period"]["end"] == "2027-06-30"
    assert not result["guarantee_period"]["agreed"]
    later = run(guarantor="乙", guarantee_until="2028-12-31", maturity="2026-12-31")
    assert later["guarantee_period"] == {"end": "2028-12-31", "agreed": True, "days_left": 944}


@pytest.mark.parametrize(
    ("today", "message"),
    [
        ("2026-08-01", "只剩 60 天"),
        ("2026-09-30", "只剩 0 天"),
        ("2026-10-01", "已在 2026年9月30日前后结束"),
    ],
)
def test_a_guarantee_period_ending_soon_or_ended_is_warned(today, message):
    result = run(
        today=today,
        visit_date=today,
        guarantor="乙",
        maturity="2026-03-31",
        overdue_days="10",
        grade="关注",
    )
    (warning,) = [w for w in result["warnings"] if w["field"] == "guarantee_until"]
    assert message in warning["message"]
    assert "法律部门" in warning["message"]


def test_a_guarantee_period_61_days_away_is_not_warned():
    result = run(
        today="2026-07-31",
        visit_date="2026-07-31",
        guarantor="乙",
        maturity="2026-03-31",
        overdue_days="10",
        grade="关注",
    )
    assert not any(w["field"] == "guarantee_until" for w in result["warnings"])


def test_the_next_check_uses_the_priority_calculators_table(monkeypatch):
    assert run()["next_check"]["date"] == "2026-11-28"  # 180 days
    monkeypatch.setitem(DEFAULTS["check_interval_days"], "正常", 90)
    assert run()["next_check"]["date"] == "2026-08-30"
    assert run(grade="关注")["next_check"]["days"] == DEFAULTS["check_interval_days"]["关注"]


def test_severe_signals_are_reported_orally_the_same_day():
    result = run(signals=["被起诉，资产被查封、冻结", "频繁更换银行账户"])
    urgent = {p["point"]: p["urgent"] for p in result["risk_points"]}
    assert urgent == {"被起诉，资产被查封、冻结": True, "频繁更换银行账户": False}
    assert all(p["report"] for p in result["risk_points"])
    assert "当天先口头报告" in "".join(
        s.paragraphs[1] for s in result["sections"] if s.title == "结论与建议"
    )


def test_a_court_finding_is_urgent_and_reported():
    result = run(court_lookup="已查询，有发现", court_note="2026 年 5 月被起诉，案号略")
    (point,) = result["risk_points"]
    assert point["urgent"] and point["report"]
    assert point["point"] == "查到诉讼、被执行或查封信息：2026 年 5 月被起诉，案号略"


def test_unchecked_funds_on_a_first_check():
    result = run(check_type="首次检查", funds_use="尚未核实", payment="受托支付")
    (point,) = result["risk_points"]
    assert "核对收款方与合同约定的交易对象" in point["action"] and not point["report"]
    assert [w["field"] for w in result["warnings"]] == ["funds_use"]


def test_other_consistency_warnings():
    fields = lambda result: [w["field"] for w in result["warnings"]]  # noqa: E731
    assert fields(run(check_type="不定期检查")) == ["trigger"]
    assert fields(run(visit_date="2026-06-01", maturity="2026-05-01")) == ["overdue_days"]
    assert fields(run(signals=["贷款没有用在约定用途上"])) == ["funds_use"]
    assert fields(run(signals=["贷款五级分类被下调"])) == ["grade"]


def test_flags_of_guarantor_collateral_and_interview():
    result = run(
        guarantor_flag="异常",
        guarantor_note="保证人的厂子停了",
        collateral="商铺一间",
        collateral_flag="需留意",
        interview={
            "上下游": {"finding": "主要买家换了", "flag": "需留意"},
            "主营与地址": {"finding": "没变", "flag": "正常"},
        },
    )
    assert [(p["point"], p["report"]) for p in result["risk_points"]] == [
        ("问询“上下游”需留意：主要买家换了", False),
        ("保证人情况异常：保证人的厂子停了", True),
        ("抵押物或质押物情况需留意", False),
    ]


def test_areas_go_to_their_report_sections():
    result = run(
        interview={
            "贷款用途": {"finding": "进了货", "flag": "正常"},
            "抵押担保物": {"finding": "房子还在", "flag": ""},
            "自拟方面": {"finding": "trainer's new area", "flag": ""},
        }
    )
    by = {s.title: "".join(s.paragraphs) for s in result["sections"]}
    assert "问询“贷款用途”：进了货。" in by["资金用途"]
    assert "问询“抵押担保物”：房子还在。" in by["担保情况"]
    assert "问询“自拟方面”：trainer's new area。" in by["经营与还款能力"]


def test_turnover_change_sentences():
    by = lambda **c: "".join(  # noqa: E731
        next(s for s in run(**c)["sections"] if s.title == "经营与还款能力").paragraphs
    )
    assert "今年以来营业额 50 万元" not in by(turnover_ytd="50万")
    assert "今年以来营业额 500,000 元，去年同期 1,000,000 元，下降 50%" in by(
        turnover_ytd="50万", turnover_last="1,000,000"
    )
    assert "基本持平" in by(turnover_ytd="1000", turnover_last="1001")
    assert "今年以来营业额 1,000 元。" in by(turnover_ytd="1000")


def said(title: str, **changes) -> str:
    result = run(**changes)
    return "".join(next(s for s in result["sections"] if s.title == title).paragraphs)


@pytest.mark.parametrize(
    ("title", "changes", "sentence"),
    [
        ("基本情况", {}, "记录未写明接待人。"),
        ("基本情况", {"mode": "非现场"}, "甲以非现场监测方式对测试客户（虚构）进行了定期检查。"),
        ("基本情况", {"met_person": "乙", "met_role": "财务负责人"}, "接待人为乙（财务负责人）。"),
        ("基本情况", {"mode": "电话", "met_person": "乙"}, "接听电话的是乙。"),
        ("基本情况", {"address_same": "否"}, "经营或居住地址与档案不一致。"),
        ("基本情况", {}, "本次没有收集资料。"),
        (
            "基本情况",
            {"overdue_days": "12", "grade": "关注"},
            "当前五级分类为关注类，已逾期 12 天。",
        ),
        ("资金用途", {"funds_use": "尚未核实"}, "记录未写明核对的凭证。资金用途尚未核实。"),
        ("资金用途", {"payment": "受托支付"}, "本笔贷款为受托支付。"),
        ("经营与还款能力", {}, "记录未写明下一期还款来源。"),
        ("经营与还款能力", {"repayment_source": "工资。"}, "下一期还款来源：工资。"),
        ("经营与还款能力", {"product": "消费贷", "employer": "某厂"}, "借款人的工作单位是某厂。"),
        (
            "经营与还款能力",
            {"product": "消费贷", "employer": "某厂", "job_change": "没有变动"},
            "借款人工作没有变动，单位是某厂。",
        ),
        ("经营与还款能力", {"product": "农户贷款", "harvest": "减产"}, "今年收成减产。"),
        ("担保情况", {}, "记录未写明担保方式。"),
        ("担保情况", {"guarantees": ["保证"]}, "记录未写明保证人。记录未写明保证方式。"),
        ("担保情况", {"guarantees": ["质押"]}, "记录未写明抵押物或质押物。"),
        (
            "担保情况",
            {"guarantor": "乙", "guarantee_until": "2027-12-31"},
            "保证期间（合同约定）至 2027年12月31日。保证期间不中止、不中断、不延长。",
        ),
        ("风险信号", {}, "本次没有发现预警清单中的信号。"),
        ("风险信号", {"court_lookup": "未查询"}, "本次没有查询诉讼、被执行和查封信息。"),
        (
            "风险信号",
            {"court_lookup": "已查询，未发现"},
            "查询了诉讼、被执行和查封信息，没有发现。",
        ),
        ("风险信号", {"other_findings": "说法对不上"}, "其他发现：说法对不上。"),
        ("结论与建议", {"officer_view": "建议增加回访"}, "信贷员意见：建议增加回访。"),
    ],
)
def test_sentence_templates(title, changes, sentence):
    assert sentence in said(title, **changes)


@pytest.mark.parametrize(
    ("changes", "point", "reported"),
    [
        ({"product": "农户贷款", "harvest": "减产"}, "今年收成减产", False),
        ({"address_same": "否"}, "经营或居住地址与档案不一致", False),
        ({"new_debts": "在别处借了 10 万元。"}, "新增负债或对外担保：在别处借了 10 万元", False),
        ({"product": "消费贷", "job_change": "换了工作"}, "借款人换了工作", False),
    ],
)
def test_risk_points_of_single_fields(changes, point, reported):
    (found,) = run(**changes)["risk_points"]
    assert found["point"] == point and found["report"] is reported and found["action"]
