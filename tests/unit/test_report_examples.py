"""The five worked records (docs/tools/examples/report/): each draft's sentences, risk
points, what must be reported up, warnings, the five-class reference and next check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools import report
from tools.report import files

EXAMPLES = Path(__file__).parents[2] / "docs" / "tools" / "examples" / "report"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def draft(name: str, **changes) -> dict:
    data = example(name)
    record = {**data["record"], **changes}
    return report.public(report.compute({"record": record, "today": data["today"]}))


def section(result: dict, title: str) -> str:
    (found,) = [s for s in result["sections"] if s["title"] == title]
    return "".join(found["paragraphs"]) + "".join(found["items"])


def points(result: dict) -> list[str]:
    return [p["point"] for p in result["risk_points"]]


def reported(result: dict) -> list[str]:
    return [p["point"] for p in result["must_report"]]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_every_example_is_a_saved_record_that_opens_unchanged(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    opened = files.opened(path.read_bytes())
    assert opened["record"] == data["record"]
    assert opened["dropped"] == [] and not opened["migrated"]
    assert "虚构" in data["record"]["client"]  # clearly invented clients only


def test_clean_business_visit():
    r = draft("1-business-clean")
    basics = section(r, "基本情况")
    assert basics.startswith(
        "2026年11月20日，信贷员甲、信贷员乙以上门方式对示例五金店 赵某（虚构）进行了定期检查。"
        "接待人为赵某（借款人）。经营或居住地址与档案一致。"
    )
    assert (
        "借款人的个人经营贷余额 300,000 元，2027年9月15日到期，分期还款，担保方式为保证，"
        "当前五级分类为正常类，目前没有逾期。" in basics
    )
    # Checklist items by their names: the part before the colon.
    assert "拍摄的照片：经营场所外景和门牌、招牌；仓库和库存。" in basics
    assert "经核对，资金按约定用途使用：28 万元分两笔付给两家建材批发商，用于秋季进货。" in section(
        r, "资金用途"
    )
    assert "今年以来营业额 1,860,000 元，去年同期 1,720,000 元，增长 8%。在岗 3 人。" in section(
        r, "经营与还款能力"
    )
    assert "约在 2028年3月15日前后结束" in section(r, "担保情况")
    assert r["risk_points"] == [] and r["must_report"] == [] and r["warnings"] == []
    assert section(r, "结论与建议").startswith("本次检查没有发现风险点，建议按期继续检查。")
    assert r["next_check"]["date"] == "2027-05-19" and r["next_check"]["days"] == 180
    assert r["guarantee_period"] == {"end": "2028-03-15", "agreed": False, "days_left": 481}


def test_farmer_with_crop_failure():
    r = draft("2-farmer-crop-failure")
    assert "进行了不定期检查（触发原因：8 月底暴雨，村里的玉米地大面积倒伏）" in section(
        r, "基本情况"
    )
    income = section(r, "经营与还款能力")
    assert "今年收成绝收。农业保险：投保了玉米种植险" in income
    assert "问询“营业额与利润”：玉米基本绝收，今年种植收入接近零（标为异常）。" in income
    assert points(r) == [
        "今年绝收",
        "问询“营业额与利润”异常：玉米基本绝收，今年种植收入接近零",
        "问询“还款来源与压力”需留意：要等理赔款，借款人说到期可能要晚一两个月",
        "保证人情况需留意：周某家的玉米也受了灾",
    ]
    assert reported(r) == points(r)[:2]
    assert "保险理赔" in r["must_report"][0]["why"]
    # Bullet repayment due before the next periodic check: remind before maturity.
    assert (
        "贷款 2026年12月20日到期，在这之前按本行规定提醒借款人准备还款资金。"
        in r["next_check"]["text"]
    )
    assert "建议按不定期检查尽快跟进" in r["next_check"]["text"]
    assert r["warnings"] == []


def test_small_firm_with_diverted_funds():
    r = draft("3-small-firm-diverted")
    funds = section(r, "资金用途")
    assert "经核对，资金未按约定用途使用：放款当天 30 万元转入吴某个人的证券账户" in funds
    assert "已采取或建议的措施：已当天向支行分管行长报告" in funds
    assert "下降 15%" in section(r, "经营与还款能力")
    first = r["risk_points"][0]
    assert first["point"].startswith("资金未按约定用途使用：放款当天 30 万元")
    assert "《民法典》第673条" in first["action"] and first["report"]
    # The ticked signal "贷款没有用在约定用途上" is the same finding: listed once.
    assert not any(p == "贷款没有用在约定用途上" for p in points(r))
    assert len(r["must_report"]) == 2
    assert r["warnings"] == []
    # Without a written action the officer is warned.
    bare = draft("3-small-firm-diverted", funds_action="")
    assert [w["field"] for w in bare["warnings"]] == ["funds_action"]
    assert "记录未写明已采取或建议的措施" in section(bare, "资金用途")


def test_consumer_phone_check_with_a_job_change():
    r = draft("4-consumer-phone-job")
    assert (
        "信贷员丙以电话方式对示例客户 郑某（虚构）进行了定期检查。接听电话的是郑某（借款人）。"
        in (section(r, "基本情况"))
    )
    assert "借款人换了工作，现在的单位是县城一家物流公司（调度员）。月工资 6,500 元。" in section(
        r, "经营与还款能力"
    )
    assert section(r, "担保情况") == "本笔贷款为信用贷款，没有担保。"
    assert r["guarantee_period"] is None
    assert points(r)[0] == "借款人换了工作，现在的单位是县城一家物流公司（调度员）"
    assert r["must_report"] == []
    assert section(r, "结论与建议").startswith(
        "本次检查没有发现须向上级报告的风险点，有 2 项要在后续检查中重点核实。"
    )
    # A phone check with photos ticked does not add up.
    odd = draft("4-consumer-phone-job", photos=["仓库和库存：证明库存数量和周转与客户所说相符"])
    assert [w["field"] for w in odd["warnings"]] == ["photos"]
    # Out of work is a warning signal: reported up.
    jobless = draft("4-consumer-phone-job", job_change="失业或待业")
    assert reported(jobless) == ["借款人失业或待业"]


def test_overdue_95_days_marked_normal():
    r = draft("5-overdue-marked-normal")
    assert [w["field"] for w in r["warnings"]] == ["grade"]
    assert "逾期 95 天，五级分类却是正常" in r["warnings"][0]["message"]
    assert "至少应为次级" in r["warnings"][0]["message"]
    reference = r["five_class"]
    assert reference["floor"] == "次级" and reference["current"] == "正常"
    assert "本笔贷款逾期 95 天，对应的最低档次是次级。" in reference["text"]
    assert "不是分类结论" in reference["text"] and "以本行制度为准" in reference["text"]
    overdue = r["risk_points"][0]
    assert overdue["point"] == "贷款逾期 95 天" and overdue["report"]
    assert overdue["action"].startswith("现场调查")
    assert "保证期间约在 2027年2月21日结束" in overdue["action"]
    assert "按一般保证处理（《民法典》第686条）" in section(r, "担保情况")
    # The next check by the floor's interval (30 days), not the entered class's 180.
    assert r["next_check"]["grade"] == "次级" and r["next_check"]["date"] == "2026-12-24"
    assert "间隔按逾期天数对应的最低档次次级类计算" in r["next_check"]["text"]


def test_text_and_html_hold_the_same_draft():
    r = draft("3-small-firm-diverted")
    html = report.run({"record": example("3-small-firm-diverted")["record"], "today": "2026-10-16"})
    assert html["ok"]
    text = r["text"]
    assert text.startswith(
        "贷后检查报告（草稿）\n客户：示例包装材料有限公司（虚构）\n\n一、基本情况\n"
    )
    for title in ("二、资金用途", "三、经营与还款能力", "四、担保情况", "五、风险信号"):
        assert f"\n{title}\n" in text and f">{title}</h3>" in html["html"]
    assert "\n须向上级报告：\n1. 资金未按约定用途使用" in text
    assert 'data-action="copy"' in html["html"] and 'data-role="text"' in html["html"]
