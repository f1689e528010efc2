"""What a visit record means: risk points with their actions, what must be reported up
and why, consistency warnings, the five-class reference, the guarantee period and the
next check date.

The handbook is the source of every rule here: docs/core/warning.md (signals, the
severe ones reported orally the same day, the five-class floors and their caveat),
docs/core/funds.md (diverted funds), docs/core/guarantee.md and regulations.md
(《民法典》第692条: 6 months from maturity when no period is agreed),
docs/procedure/report.md (the three steps after an overdue), and the priority
calculator's default check intervals (tools/priority/settings.py, one table).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta

from tools.common.months import add_months
from tools.priority.columns import GRADES
from tools.priority.rules import GRADE_FLOORS
from tools.priority.settings import DEFAULTS
from tools.report import schema as s
from tools.report.record import Visit

GUARANTEE_MONTHS = 6  # 《民法典》第692条, when no period is agreed
GUARANTEE_SOON_DAYS = 60  # warn this many days before the guarantee period ends
# Signals so serious the handbook has them reported orally the same day, found by
# a word of the trainer-edited item (docs/core/warning.md: 严重信号先口头报告).
URGENT_WORDS = ("查封", "冻结", "联系不上", "失联", "去世", "停产")
# The warning-signal items that other fields of the record already cover.
DIVERTED_WORDS = ("约定用途",)
DOWNGRADED_WORDS = ("分类被下调",)
# The steps after an overdue, by days (docs/procedure/report.md: common practice).
OVERDUE_STEPS = (
    (30, "电话催收：用录音专线提醒还款，问清原因和能还的时间，按本行规定告知保证人"),
    (60, "上门催收：送达催收通知书，请借款人签收回执，保证人另送一份请他签收"),
    (None, "现场调查：查看经营、资产和抵押物，核实还款能力，写成调查材料报上级"),
)
FIVE_CLASS_FLOORS_TEXT = (
    "逾期即至少关注；逾期超过 90 天至少次级；超过 270 天至少可疑；超过 360 天为损失"
)
FIVE_CLASS_CAVEAT = (
    "这组天数见于 2019 年征求意见稿的官方答问，正式文本是否原样保留、在第几条，本站没有核实到；"
    "它们只是最低一档，逾期以外的情形（重组、借新还旧、在别处违约等）也可能让分类更低。"
    "这套口径直接约束商业银行，农村信用社、小额贷款公司等按各自适用的规定执行。"
    "以上只是参考，不是分类结论：分类由有权的部门认定，以本行制度为准。"
)
REPORT_SIGNAL = "预警信号清单中的信号，发现后要把具体情况整理好及时报告上级"
REPORT_ABNORMAL = "记录中标为异常，要写明依据报告上级，由上级结合分类决定下一步"


@dataclass(frozen=True)
class RiskPoint:
    topic: str  # the report section it belongs to (schema section title)
    point: str  # what was found
    action: str  # what it calls for
    why: str = ""  # why it must be reported up ("": it need not be)
    urgent: bool = False  # report orally the same day

    @property
    def report(self) -> bool:
        return bool(self.why)

    def public(self) -> dict:
        return {**asdict(self), "report": self.report}


def sentence(text: str) -> str:
    """``text`` ending with a full stop (unless it already ends a sentence)."""
    text = text.strip()
    return text if not text or text[-1] in "。！？；…" else text + "。"


def clause(text: str) -> str:
    """``text`` without its final full stop, to go inside a sentence."""
    return text.strip().rstrip("。；;.")


def has_word(item: str, words: tuple[str, ...]) -> bool:
    return any(word in item for word in words)


def floor_of(days: int) -> str | None:
    """The lowest class the handbook's floors give ``days`` overdue (None: not overdue)."""
    for more_than, grade in GRADE_FLOORS:
        if days > more_than:
            return grade
    return None


def worse(a: str, b: str | None) -> str:
    return a if b is None or GRADES.index(a) >= GRADES.index(b) else b


def overdue_step(days: int) -> str:
    for limit, step in OVERDUE_STEPS:
        if limit is None or days <= limit:
            return step
    raise AssertionError("the last step has no limit")


# ---------------------------------------------------------------- guarantee period


@dataclass(frozen=True)
class GuaranteePeriod:
    end: date
    agreed: bool  # the contract's own period (else the default of 《民法典》第692条)
    days_left: int  # from the page's today (or the visit date)

    def public(self) -> dict:
        return {"end": self.end.isoformat(), "agreed": self.agreed, "days_left": self.days_left}


def guarantee_period(visit: Visit) -> GuaranteePeriod | None:
    """The guarantor's guarantee period, when the loan has a guarantor."""
    if s.GUARANTY not in visit.get("guarantees", []) and not visit.has("guarantor"):
        return None
    maturity = visit["maturity"]
    agreed = visit.get("guarantee_until")
    # An agreed period ending no later than the debt counts as none (《民法典》第692条).
    if agreed is not None and agreed > maturity:
        end, own = agreed, True
    else:
        end, own = add_months(maturity, GUARANTEE_MONTHS), False
    base = visit.today or visit["visit_date"]
    return GuaranteePeriod(end, own, (end - base).days)


# ---------------------------------------------------------------- risk points


def _overdue(visit: Visit, period: GuaranteePeriod | None) -> list[RiskPoint]:
    days = visit.get("overdue_days", 0)
    if not days:
        return []
    action = overdue_step(days) + "（按逾期天数分步是常见做法，以本行制度为准）"
    if period is not None:
        action += (
            f"；翻出保证合同看清保证方式和保证期间，保证期间约在 {day_text(period.end)}结束，"
            "记进系统并告诉上级"
        )
    return [
        RiskPoint(
            "贷款基本情况",
            f"贷款逾期 {days} 天",
            action,
            "逾期是预警信号；贷款一逾期，就要算出保证期间的最后期限报上级",
        )
    ]


def _funds(visit: Visit) -> list[RiskPoint]:
    use = visit["funds_use"]
    if use == s.DIVERTED:
        detail = visit.get("funds_detail")
        return [
            RiskPoint(
                "资金用途",
                "资金未按约定用途使用" + (f"：{clause(detail)}" if detail else ""),
                "写清挪用的金额、去向、证据和借款人自己的说法，当天写进记录并报告上级；"
                "停止发放、提前收回还是解除合同（《民法典》第673条），由银行按合同和本行制度决定",
                "贷款没有用在约定用途上是预警信号，怎样处理由有权的人决定",
            )
        ]
    if use == s.UNCHECKED:
        how = (
            "核对收款方与合同约定的交易对象是否一致，放款后有没有资金转回借款人"
            if visit["payment"] == "受托支付"
            else "对照放款账户流水逐笔查看去向，取得付款凭证，必要时到现场看实物"
        )
        return [RiskPoint("资金用途", "资金用途尚未核实", f"尽快补查：{how}")]
    return []


def _signals(visit: Visit) -> list[RiskPoint]:
    points = []
    for item in visit.get("signals", []):
        if visit["funds_use"] == s.DIVERTED and has_word(item, DIVERTED_WORDS):
            continue  # the funds point says it, with its action
        urgent = has_word(item, URGENT_WORDS)
        action = (
            "不必等核实完毕，当天先向上级口头报告，再补书面材料"
            if urgent
            else "拿资料、现场、公开信息和客户本人的解释核实，写进报告，报告上级"
        )
        points.append(RiskPoint("风险信号", item, action, REPORT_SIGNAL, urgent))
    return points


def _flagged(
    topic: str, what: str, flag: str | None, note: str, report_action: str, watch_action: str
) -> list[RiskPoint]:
    if flag == s.ABNORMAL:
        return [
            RiskPoint(
                topic,
                f"{what}异常" + (f"：{clause(note)}" if note else ""),
                report_action,
                REPORT_ABNORMAL,
            )
        ]
    if flag == s.NOTE:
        return [
            RiskPoint(topic, f"{what}需留意" + (f"：{clause(note)}" if note else ""), watch_action)
        ]
    return []


def _guarantee(visit: Visit) -> list[RiskPoint]:
    return _flagged(
        "担保情况",
        "保证人情况",
        visit.get("guarantor_flag"),
        visit.get("guarantor_note", ""),
        "核实保证人的还款能力和意愿，写清变化，报告上级；需要时建议追加担保，由有权的人决定",
        "下次检查重点看保证人的收入、负债和联系方式",
    ) + _flagged(
        "担保情况",
        "抵押物或质押物情况",
        visit.get("collateral_flag"),
        visit.get("collateral_note", ""),
        "记清原因、大约少了多少，附照片和行情，报告上级；价值减少的，银行可以要求恢复价值"
        "或另外提供担保（《民法典》第408条），由银行决定",
        "下次检查重点看抵押物或质押物还在不在、谁在用、值多少",
    )


def _interview(visit: Visit) -> list[RiskPoint]:
    points = []
    for title, entry in visit.get("interview", {}).items():
        what = f"问询“{title}”"
        points += _flagged(
            "问询记录",
            what,
            entry["flag"],
            entry["finding"],
            "问清原因、拿到证据，写进报告并报告上级",
            "下次检查重点核实，拿资料或现场情况印证",
        )
    return points


def _court(visit: Visit) -> list[RiskPoint]:
    if visit.get("court_lookup") != s.LOOKUP_FOUND:
        return []
    note = visit.get("court_note")
    return [
        RiskPoint(
            "风险信号",
            "查到诉讼、被执行或查封信息" + (f"：{clause(note)}" if note else ""),
            "当天先向上级口头报告，再补书面材料；核对涉及的金额和财产，看是否涉及抵押物",
            "诉讼、被执行和资产被查封冻结是严重的预警信号",
            urgent=True,
        )
    ]


def _income(visit: Visit) -> list[RiskPoint]:
    points = []
    job = visit.get("job_change")
    if job == s.JOB_CHANGES[1]:
        employer = visit.get("employer")
        points.append(
            RiskPoint(
                "经营与还款能力",
                "借款人换了工作" + (f"，现在的单位是{employer}" if employer else ""),
                "核实新单位、入职时间和工资到账情况，更新系统里的单位和联系方式",
            )
        )
    elif job == s.JOB_CHANGES[2]:
        points.append(
            RiskPoint(
                "经营与还款能力",
                "借款人失业或待业",
                "问清原因和找工作的打算，核实还有什么收入能还款，报告上级",
                "个人客户失业是预警信号",
            )
        )
    harvest = visit.get("harvest")
    if harvest == "减产":
        points.append(
            RiskPoint(
                "经营与还款能力",
                "今年收成减产",
                "问清减产多少、农业保险能否理赔、还有哪些收入（务工、其他种养）能还款",
            )
        )
    elif harvest == "绝收":
        points.append(
            RiskPoint(
                "经营与还款能力",
                "今年绝收",
                "问清农业保险能否理赔、理赔多少，还有哪些收入能还款，报告上级",
                "绝收后第一还款来源没有了，还款要靠保险理赔和其他收入",
            )
        )
    if visit.get("address_same") == "否":
        points.append(
            RiskPoint(
                "检查概况",
                "经营或居住地址与档案不一致",
                "问清搬到哪里、什么时候搬的，更新系统里的地址",
            )
        )
    new_debts = visit.get("new_debts")
    if new_debts:
        points.append(
            RiskPoint(
                "风险信号",
                f"新增负债或对外担保：{clause(new_debts)}",
                "问清金额、期限和还款安排，重新估算负债收入比",
            )
        )
    return points


def risk_points(visit: Visit, period: GuaranteePeriod | None) -> list[RiskPoint]:
    return [
        *_overdue(visit, period),
        *_funds(visit),
        *_income(visit),
        *_interview(visit),
        *_guarantee(visit),
        *_court(visit),
        *_signals(visit),
    ]


# ---------------------------------------------------------------- consistency


def warnings(visit: Visit, period: GuaranteePeriod | None) -> list[dict]:
    """Things in the record that do not fit together: ``{"field", "message"}``."""
    found = []

    def warn(field: str, message: str) -> None:
        found.append({"field": field, "message": message})

    days = visit.get("overdue_days", 0)
    grade = visit["grade"]
    floor = floor_of(days)
    if floor is not None and GRADES.index(grade) < GRADES.index(floor):
        warn(
            "grade",
            f"逾期 {days} 天，五级分类却是{grade}：按本站引用的口径（{FIVE_CLASS_FLOORS_TEXT}），"
            f"至少应为{floor}。请核对分类；本行制度允许的例外，要按制度写明理由",
        )
    if grade == "正常" and any(has_word(i, DOWNGRADED_WORDS) for i in visit.get("signals", [])):
        warn("grade", "勾选了“分类被下调”的信号，当前五级分类却是正常：请核对")
    if visit["funds_use"] == s.DIVERTED and not visit.has("funds_action"):
        warn(
            "funds_action",
            "资金未按约定用途使用，却没有写已采取或建议的措施：请写明报告了谁、建议怎样处理",
        )
    if visit["funds_use"] == s.AS_AGREED and any(
        has_word(i, DIVERTED_WORDS) for i in visit.get("signals", [])
    ):
        warn(
            "funds_use", "资金用途写的是按约定用途使用，却勾选了“没有用在约定用途上”的信号：请核对"
        )
    maturity, balance = visit["maturity"], visit["balance"]
    if maturity < visit["visit_date"] and balance > 0 and not days:
        warn(
            "overdue_days",
            f"贷款 {day_text(maturity)} 已到期，余额还有 {money(balance)} 元，"
            "逾期天数却是 0：请核对",
        )
    if period is not None and balance > 0:
        if period.days_left < 0:
            warn(
                "guarantee_until",
                f"保证期间{period_basis(period)}已在 {day_text(period.end)}前后结束："
                "保证期间不中止、不中断、不延长，期间内银行没有对保证人（连带责任保证）或借款人（一般保证）"
                "采取行动的，保证人不再承担保证责任。请马上告诉上级，具体请法律部门核定",
            )
        elif period.days_left <= GUARANTEE_SOON_DAYS:
            warn(
                "guarantee_until",
                f"保证期间{period_basis(period)}约在 {day_text(period.end)}结束，只剩 "
                f"{period.days_left} 天：连带责任保证要在期间内向保证人提出要求，一般保证要在"
                "期间内对借款人起诉或申请仲裁。请告诉上级，具体截止日请法律部门核定",
            )
    if visit["mode"] != "上门" and visit.get("photos"):
        warn("photos", f"检查方式是{visit['mode']}，却勾选了拍摄的照片：请核对检查方式")
    if visit["check_type"] == "不定期检查" and not visit.has("trigger"):
        warn("trigger", "不定期检查要写明触发原因：是什么引起的这次检查")
    if visit["check_type"] == "首次检查" and visit["funds_use"] == s.UNCHECKED:
        warn("funds_use", "首次检查的重点是资金用途，这次却没有核实：请补查后再定稿")
    return found


def period_basis(period: GuaranteePeriod) -> str:
    return (
        "（合同约定）" if period.agreed else f"（没有约定，按到期之日起 {GUARANTEE_MONTHS} 个月）"
    )


# ---------------------------------------------------------------- five classes, next check


def five_class(visit: Visit) -> dict:
    """The five-class reference, worded as the handbook words the floors: never a decision."""
    days = visit.get("overdue_days", 0)
    floor = floor_of(days)
    rule = f"按本站引用的逾期天数口径（{FIVE_CLASS_FLOORS_TEXT}），"
    if floor is None:
        found = "本笔贷款没有逾期，逾期天数不构成下调的理由。"
    else:
        found = f"本笔贷款逾期 {days} 天，对应的最低档次是{floor}。"
    head = f"当前分类为{visit['grade']}。{rule}{found}"
    return {"current": visit["grade"], "floor": floor, "text": head + FIVE_CLASS_CAVEAT}


def next_check(visit: Visit, must_report: bool) -> dict:
    """The next periodic check, from the priority calculator's default intervals, by the
    stricter of the current class and the overdue floor."""
    grade = worse(visit["grade"], floor_of(visit.get("overdue_days", 0)))
    days = DEFAULTS["check_interval_days"][grade]
    due = visit["visit_date"] + timedelta(days=days)
    text = (
        f"按回访优先级计算器的默认检查间隔（{grade}类 {days} 天），下次定期检查应在 "
        f"{day_text(due)}前完成；本行规定的间隔不同的，以本行制度为准。"
    )
    if grade != visit["grade"]:
        text += f"间隔按逾期天数对应的最低档次{grade}类计算，而不是当前的{visit['grade']}类。"
    maturity = visit["maturity"]
    if visit["visit_date"] <= maturity < due:
        text += f"贷款 {day_text(maturity)}到期，在这之前按本行规定提醒借款人准备还款资金。"
    if must_report:
        text += "本次有须向上级报告的风险点，建议按不定期检查尽快跟进，不必等到这一天。"
    return {"date": due.isoformat(), "days": days, "grade": grade, "text": text}


def day_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def money(amount: float) -> str:
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
