"""One client at a time: must-visit triggers, score factors, purpose, mode and warnings.

Every number comes from the settings (defaults in domain.md §4); each trigger and
factor becomes a reason the officer can read.
"""

from __future__ import annotations

from datetime import date, timedelta

from tools.priority.columns import AMORTISING, BULLET, GRADES, SIGNALS
from tools.priority.settings import WEIGHT_LABELS

NPL = frozenset({"次级", "可疑", "损失"})
BULLET_DAYS, AMORTISING_DAYS, NOTICE_DPD = 30, 60, 31
# Overdue floors: (more than N days, lowest class). One framing with the pages
# (snippets/notes/five-class-floors.md): the 2023 classification measures bind
# commercial banks; other lenders follow their own rules.
GRADE_FLOORS = ((360, "损失"), (270, "可疑"), (90, "次级"), (0, "关注"))
FLOOR_MESSAGE = (
    "逾期 {dpd} 天，表中为{grade}；按常用的逾期天数口径至少应为{floor}"
    "（商业银行依《商业银行金融资产风险分类办法》，其他机构以本行制度为准）"
)
GRADE_RANK = {g: i for i, g in enumerate(GRADES)}
GRADE_CODES = {g: f"grade_{g}" for g in GRADES}
# Reasons that do not by themselves make a visit "risk control of a single client".
NOT_RISK = frozenset({"schedule", "handover", "check_overdue", "exposure"})
# Reasons a phone call can handle, when nothing else calls for a visit.
PHONE_OK = frozenset({"dpd_1", "repeat_overdue", "amortising_maturity", "bullet"})
QUIET = frozenset({"exposure", "check_overdue", "high_risk"})
PURPOSES = {
    "risk": "单户风险管控",
    "handover": "认识交接客户",
    "referral": "寻求转介绍",
    "side": "顺带了解行情",
}
MODES = {"phone": "电话回访", "onsite": "上门回访", "notice": "上门送达催收通知书"}


def _must(code: str, text: str) -> dict:
    return {"code": code, "text": text, "points": None}


def _factor(code: str, points: int, text: str | None = None) -> dict:
    return {"code": code, "text": text or WEIGHT_LABELS[code], "points": points}


class Rules:
    """The settings turned into the constants every client is checked against."""

    def __init__(self, settings: dict, month_end: date, max_balance: float) -> None:
        self.as_of = as_of = settings["as_of"]
        self.month_end = month_end
        self.intervals = {g: timedelta(days=d) for g, d in settings["check_interval_days"].items()}
        self.interval_days = settings["check_interval_days"]
        self.first_from = as_of - timedelta(days=settings["first_check_days"])
        self.bullet_until = as_of + timedelta(days=BULLET_DAYS)
        self.amortising_until = as_of + timedelta(days=AMORTISING_DAYS)
        self.w = settings["weights"]
        self.exposure_unit = self.w["exposure"] / max_balance if max_balance > 0 else 0.0
        self._reasons: dict[tuple[str, int], dict] = {}

    def _shared(self, code: str, points: int) -> dict:
        # Fixed-text reasons repeat across thousands of clients: make each one once.
        key = (code, points)
        reason = self._reasons.get(key)
        if reason is None:
            reason = self._reasons[key] = _factor(code, points)
        return reason

    def next_check(self, client) -> date:
        """The last check (a visit, else the disbursement) plus the interval of the class."""
        base = client.disbursed
        if client.last_visit is not None and client.last_visit > base:
            base = client.last_visit
        return base + self.intervals[client.grade]

    def triggers(self, client, due: date) -> list[dict]:
        found = []
        if not client.first_check and self.first_from <= client.disbursed < self.month_end:
            found.append(_must("first_check", f"{client.disbursed} 放款，首次检查尚未完成"))
        if client.dpd >= NOTICE_DPD:
            found.append(_must("overdue_31", f"逾期 {client.dpd} 天（31 天及以上）"))
        if client.grade in NPL:
            found.append(_must("npl", f"五级分类为{client.grade}（不良）"))
        for signal in client.signals:
            if SIGNALS[signal] == "must":
                found.append(_must("signal", f"风险信号：{signal}"))
        if client.bank_required:
            found.append(_must("bank", "行内要求回访"))
        if client.repayment == BULLET and self.as_of <= client.maturity <= self.bullet_until:
            found.append(
                _must("bullet", f"到期一次还本，{client.maturity} 到期（{BULLET_DAYS} 天内）")
            )
        if due < self.as_of:
            late = (self.as_of - due).days
            every = self.interval_days[client.grade]
            text = f"{client.grade}类每 {every} 天检查一次，应于 {due} 检查，已超期 {late} 天"
            found.append(_must("schedule", text))
        return found

    def factors(self, client, due: date) -> list[dict]:
        w = self.w
        found = []
        dpd = client.dpd
        if dpd > 0:
            code = (
                "dpd_1"
                if dpd <= 30
                else "dpd_31"
                if dpd <= 60
                else "dpd_61"
                if dpd <= 90
                else "dpd_91"
            )
            found.append(_factor(code, w[code], f"逾期 {dpd} 天"))
        if client.grade != "正常":
            code = GRADE_CODES[client.grade]
            found.append(self._shared(code, w[code]))
        if client.overdues >= 2:
            text = f"近 12 个月逾期 {client.overdues} 次"
            found.append(_factor("repeat_overdue", w["repeat_overdue"], text))
        if client.flagged:
            found.append(self._shared("flagged", w["flagged"]))
        if client.signals:
            life = "、".join(s for s in client.signals if SIGNALS[s] == "life")
            if life:
                found.append(_factor("life_change", w["life_change"], f"生活变化：{life}"))
            if "担保变化" in client.signals:
                found.append(self._shared("guarantee_change", w["guarantee_change"]))
        if client.restricted:
            code = "banned" if client.restricted == "禁入" else "cautious"
            found.append(self._shared(code, w[code]))
        if client.handover and client.last_visit is None:
            found.append(self._shared("handover", w["handover"]))
        if client.high_risk:
            found.append(
                _factor("high_risk", w["high_risk"], f"高危行业：{client.industry or '是'}")
            )
        if due < self.as_of:
            late = (self.as_of - due).days
            points = min(w["check_overdue_max"], w["check_overdue"] * (late // 10))
            if points:
                found.append(_factor("check_overdue", points, f"定期检查已超期 {late} 天"))
        if (
            client.repayment == AMORTISING
            and self.as_of <= client.maturity <= self.amortising_until
        ):
            text = f"分期还款，{client.maturity} 到期"
            found.append(_factor("amortising_maturity", w["amortising_maturity"], text))
        # Half up, as officers round (Python's round() would round 0.5 to even).
        points = int(self.exposure_unit * client.balance + 0.5)
        if points:
            found.append(self._shared("exposure", points))
        return found


def purpose(client, reasons: list[dict]) -> str:
    if any(r["code"] not in NOT_RISK for r in reasons):
        return "risk"
    if client.handover and client.last_visit is None:
        return "handover"
    return "referral" if client.referral else "side"


def mode(client, reasons: list[dict]) -> str:
    if client.dpd >= NOTICE_DPD:
        return "notice"
    codes = {r["code"] for r in reasons} - QUIET
    return "phone" if codes and codes <= PHONE_OK else "onsite"


def warnings(client, as_of: date, today: date | None = None) -> list[dict]:
    """Things worth a look on a valid row; ``today`` (the page's date, when sent) finds
    visits recorded in the future."""
    found = []
    if today is not None and client.last_visit is not None and client.last_visit > today:
        found.append(
            {
                "row": client.row,
                "id": client.id,
                "name": client.name,
                "column": "上次回访日期",
                "message": f"上次回访日期 {client.last_visit} 晚于今天 {today}，请检查是否填错",
            }
        )
    for days, floor in GRADE_FLOORS:
        if client.dpd > days:
            if GRADE_RANK[client.grade] < GRADE_RANK[floor]:
                found.append(
                    {
                        "row": client.row,
                        "id": client.id,
                        "name": client.name,
                        "column": "五级分类",
                        "message": FLOOR_MESSAGE.format(
                            dpd=client.dpd, grade=client.grade, floor=floor
                        ),
                    }
                )
            break
    if client.maturity < as_of and client.balance > 0:
        found.append(
            {
                "row": client.row,
                "id": client.id,
                "name": client.name,
                "column": "到期日期",
                "message": f"已于 {client.maturity} 到期，仍有余额 {client.balance:,.0f} 元",
            }
        )
    return found
