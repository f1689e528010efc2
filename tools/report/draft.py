"""The 贷后检查报告 draft in full sentences, in the structure banks use.

Each section is a list of paragraphs (plain text); render.py makes the page's HTML
and the text for the core system from the same list. Interview findings go to the
section of their area (AREA_SECTIONS; any other area: 经营与还款能力).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.report import schema as s
from tools.report.record import Visit
from tools.report.rules import (
    GUARANTEE_MONTHS,
    GuaranteePeriod,
    RiskPoint,
    clause,
    day_text,
    money,
    period_basis,
    sentence,
)

TITLE = "贷后检查报告"
SECTION_TITLES = (
    "基本情况",
    "资金用途",
    "经营与还款能力",
    "担保情况",
    "风险信号",
    "结论与建议",
    "下次检查",
)
BASICS, FUNDS, INCOME, GUARANTEE, RISK, CONCLUSION, NEXT = SECTION_TITLES
# What each section holds, as the blank template (docs/forms/risk-report.md) says it.
TEMPLATE_HINTS = {
    BASICS: "检查的日期、类型和方式，检查人，见到的是谁、什么身份；贷款余额、到期日、担保方式、"
    "当前分类和逾期天数；收到了哪些资料，哪些没拿到、为什么；照片证明了什么。",
    FUNDS: "受托支付还是自主支付；核对了哪些凭证；钱实际用在了哪里，有没有挪作他用。",
    INCOME: "写数字，不写“良好”“一般”：营业额和去年比、在岗人数、库存、上下游；"
    "或收成、存栏；或工作单位和工资。十个问询方面的结论；下一期还款的钱从哪里来。",
    GUARANTEE: "保证人的能力、意愿和联系方式有没有变化，保证方式和保证期间；"
    "抵押物还在不在、谁在用、有没有查封或在卖、大约值多少。",
    RISK: "发现的预警信号，新增的负债和对外担保，诉讼和被执行的查询结果，"
    "和客户说法对不上的地方；每个风险点和建议的措施。",
    CONCLUSION: "风险判断、五级分类参考和建议采取的措施；哪些事须向上级报告、为什么。",
    NEXT: "下次检查的日期；有须报告的风险点的，写明跟进安排。",
}
NUMERALS = "一二三四五六七八九十"
# Where an interview area's finding is written, by the area's title.
AREA_SECTIONS = {"贷款用途": FUNDS, "抵押担保物": GUARANTEE, "其他负债与担保": RISK}
MODE_WORDS = {"上门": "上门", "电话": "电话", "非现场": "非现场监测"}


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # a numbered list after the paragraphs
    items_title: str = ""

    def say(self, *parts: str) -> None:
        text = "".join(sentence(p) for p in parts if p)
        if text:
            self.paragraphs.append(text)


def listed(items: list[str]) -> str:
    return "；".join(clause(i) for i in items)


def named(items: list[str]) -> str:
    """Checklist items by their names: "收入凭证：进项和销项发票……" is 收入凭证 (the
    part after the colon says what it is or proves)."""
    return "；".join(clause(re.split("[：:]", i, maxsplit=1)[0]) for i in items)


def _interview(visit: Visit, section: str) -> list[str]:
    out = []
    for title, entry in visit.get("interview", {}).items():
        if AREA_SECTIONS.get(title, INCOME) != section:
            continue
        flag = entry["flag"]
        mark = f"（标为{flag}）" if flag and flag != s.NORMAL else ""
        finding = clause(entry["finding"]) or "记录未写结论"
        out.append(f"问询“{title}”：{finding}{mark}")
    return out


def basics(visit: Visit) -> Section:
    sec = Section(BASICS)
    trigger = f"（触发原因：{clause(visit['trigger'])}）" if visit.has("trigger") else ""
    sec.say(
        f"{day_text(visit['visit_date'])}，{visit['officers']}以{MODE_WORDS[visit['mode']]}方式"
        f"对{visit['client']}进行了{visit['check_type']}{trigger}",
        _met(visit),
        {"是": "经营或居住地址与档案一致", "否": "经营或居住地址与档案不一致"}.get(
            visit.get("address_same"), ""
        ),
    )
    days = visit.get("overdue_days", 0)
    overdue = f"已逾期 {days} 天" if days else "目前没有逾期"
    repayment = f"，{visit['repayment']}" if visit.has("repayment") else ""
    guarantees = visit.get("guarantees")
    secured = f"，担保方式为{'、'.join(guarantees)}" if guarantees else ""
    sec.say(
        f"借款人的{visit['product']}余额 {money(visit['balance'])} 元，"
        f"{day_text(visit['maturity'])}到期{repayment}{secured}，"
        f"当前五级分类为{visit['grade']}类，{overdue}"
    )
    documents = visit.get("documents")
    photos = visit.get("photos")
    sec.say(
        f"本次收集的资料：{named(documents)}" if documents else "本次没有收集资料",
        f"没拿到的资料及原因：{clause(visit['documents_missing'])}"
        if visit.has("documents_missing")
        else "",
        f"拍摄的照片：{named(photos)}" if photos else "",
        f"照片说明：{clause(visit['photos_note'])}" if visit.has("photos_note") else "",
    )
    return sec


def _met(visit: Visit) -> str:
    person = visit.get("met_person")
    if not person:
        return "记录未写明接待人"
    role = visit.get("met_role")
    verb = "接听电话的是" if visit["mode"] == "电话" else "接待人为"
    return f"{verb}{person}" + (f"（{role}）" if role else "")


def funds(visit: Visit) -> Section:
    sec = Section(FUNDS)
    evidence = visit.get("funds_evidence")
    use = visit["funds_use"]
    detail = visit.get("funds_detail")
    if use == s.AS_AGREED:
        result = "经核对，资金按约定用途使用" + (f"：{clause(detail)}" if detail else "")
    elif use == s.DIVERTED:
        result = "经核对，资金未按约定用途使用：" + (clause(detail) if detail else "记录未写明去向")
    else:
        result = "资金用途尚未核实" + (f"：{clause(detail)}" if detail else "")
    action = visit.get("funds_action")
    sec.say(
        f"本笔贷款为{visit['payment']}",
        f"核对了{clause(evidence)}" if evidence else "记录未写明核对的凭证",
        result,
        f"已采取或建议的措施：{clause(action)}"
        if action
        else ("记录未写明已采取或建议的措施" if use == s.DIVERTED else ""),
    )
    sec.say(*_interview(visit, FUNDS))
    return sec


def _turnover(visit: Visit) -> str:
    this, last = visit.get("turnover_ytd"), visit.get("turnover_last")
    if this is None:
        return ""
    text = f"今年以来营业额 {money(this)} 元"
    if last:
        change = (this - last) / last * 100
        if round(change) == 0:
            return text + f"，去年同期 {money(last)} 元，基本持平"
        way = "增长" if change > 0 else "下降"
        return text + f"，去年同期 {money(last)} 元，{way} {abs(change):.0f}%"
    return text


def income(visit: Visit) -> Section:
    sec = Section(INCOME)
    staff = visit.get("staff")
    job = visit.get("job_change")
    employer = visit.get("employer")
    job_text = {
        s.JOB_CHANGES[0]: f"借款人工作没有变动，单位是{employer}"
        if employer
        else "借款人工作没有变动",
        s.JOB_CHANGES[1]: f"借款人换了工作，现在的单位是{employer}"
        if employer
        else "借款人换了工作",
        s.JOB_CHANGES[2]: "借款人目前失业或待业",
    }.get(job, f"借款人的工作单位是{employer}" if employer else "")
    sec.say(
        _turnover(visit),
        f"在岗 {staff} 人" if staff is not None else "",
        f"淡季与旺季：{clause(visit['season'])}" if visit.has("season") else "",
        f"库存：{clause(visit['stock'])}" if visit.has("stock") else "",
        f"主要上下游：{clause(visit['partners'])}" if visit.has("partners") else "",
        f"种养殖情况：{clause(visit['farming'])}" if visit.has("farming") else "",
        f"今年收成{visit['harvest']}" if visit.has("harvest") else "",
        f"农业保险：{clause(visit['insurance'])}" if visit.has("insurance") else "",
        job_text,
        f"月工资 {money(visit['salary'])} 元" if visit.has("salary") else "",
        visit.get("income_note", ""),
    )
    sec.say(*_interview(visit, INCOME))
    source = visit.get("repayment_source")
    sec.say(f"下一期还款来源：{clause(source)}" if source else "记录未写明下一期还款来源")
    return sec


def guarantee(visit: Visit, period: GuaranteePeriod | None) -> Section:
    sec = Section(GUARANTEE)
    guarantees = visit.get("guarantees", [])
    if guarantees == [s.UNSECURED]:
        sec.say("本笔贷款为信用贷款，没有担保")
    guarantor = visit.get("guarantor")
    kind = visit.get("guarantee_kind")
    if guarantor or s.GUARANTY in guarantees:
        kind_text = (
            "保证合同没有写明保证方式，按一般保证处理（《民法典》第686条）"
            if kind == "合同未写明"
            else (f"保证方式为{kind}" if kind else "记录未写明保证方式")
        )
        sec.say(
            f"保证人为{guarantor}" if guarantor else "记录未写明保证人",
            kind_text,
            _flag_text("保证人情况", visit.get("guarantor_flag"), visit.get("guarantor_note")),
        )
    if period is not None:
        sec.say(
            f"保证期间{period_basis(period)}至 {day_text(period.end)}"
            if period.agreed
            else f"保证合同没有约定保证期间，或约定的期间不晚于贷款到期日，按《民法典》第692条"
            f"为到期之日起 {GUARANTEE_MONTHS} 个月，约在 {day_text(period.end)}前后结束，"
            "具体截止日请法律部门核定",
            "保证期间不中止、不中断、不延长",
        )
    collateral = visit.get("collateral")
    if collateral or s.MORTGAGE in guarantees or s.PLEDGE in guarantees:
        sec.say(
            f"抵押物或质押物为{collateral}" if collateral else "记录未写明抵押物或质押物",
            _flag_text(
                "抵押物或质押物情况", visit.get("collateral_flag"), visit.get("collateral_note")
            ),
        )
    sec.say(*_interview(visit, GUARANTEE))
    if not sec.paragraphs:
        sec.say("记录未写明担保方式")
    return sec


def _flag_text(what: str, flag: str | None, note: str | None) -> str:
    if not flag and not note:
        return ""
    head = f"{what}{flag}" if flag else what
    return head + (f"：{clause(note)}" if note else "")


def risk(visit: Visit, points: list[RiskPoint]) -> Section:
    sec = Section(RISK)
    signals = visit.get("signals")
    lookup = visit.get("court_lookup")
    court = visit.get("court_note")
    sec.say(
        f"本次发现的预警信号：{listed(signals)}" if signals else "本次没有发现预警清单中的信号",
        f"新增负债或对外担保：{clause(visit['new_debts'])}" if visit.has("new_debts") else "",
        {
            "未查询": "本次没有查询诉讼、被执行和查封信息",
            "已查询，未发现": "查询了诉讼、被执行和查封信息，没有发现",
            s.LOOKUP_FOUND: "查询诉讼、被执行和查封信息，有发现"
            + (f"：{clause(court)}" if court else ""),
        }.get(lookup, ""),
        f"其他发现：{clause(visit['other_findings'])}" if visit.has("other_findings") else "",
    )
    sec.say(*_interview(visit, RISK))
    sec.items_title = "风险点与建议措施" if points else ""
    sec.items = [f"{clause(p.point)}。措施：{sentence(p.action)}" for p in points]
    return sec


def conclusion(visit: Visit, points: list[RiskPoint], reference: dict) -> Section:
    sec = Section(CONCLUSION)
    reported = [p for p in points if p.report]
    urgent = [p for p in reported if p.urgent]
    if reported:
        sec.say(
            f"本次检查发现 {len(reported)} 项须向上级报告的风险点（见下），"
            "建议按上文的措施处理，把具体情况整理好及时报告上级"
        )
    elif points:
        sec.say(f"本次检查没有发现须向上级报告的风险点，有 {len(points)} 项要在后续检查中重点核实")
    else:
        sec.say("本次检查没有发现风险点，建议按期继续检查")
    if urgent:
        sec.say(
            "其中"
            + "、".join(f"“{clause(p.point)}”" for p in urgent)
            + "属于严重信号，当天先口头报告"
        )
    sec.say(f"五级分类参考：{reference['text']}")
    if visit.has("officer_view"):
        sec.say(f"信贷员意见：{clause(visit['officer_view'])}")
    sec.items_title = "须向上级报告" if reported else ""
    sec.items = [f"{clause(p.point)}。理由：{sentence(p.why)}" for p in reported]
    return sec


def sections(
    visit: Visit,
    points: list[RiskPoint],
    period: GuaranteePeriod | None,
    reference: dict,
    next_check: dict,
) -> list[Section]:
    return [
        basics(visit),
        funds(visit),
        income(visit),
        guarantee(visit, period),
        risk(visit, points),
        conclusion(visit, points, reference),
        Section(NEXT, [next_check["text"]]),
    ]


def numbered(index: int, title: str) -> str:
    return f"{NUMERALS[index]}、{title}"
