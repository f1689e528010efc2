"""The input columns: one table drives parsing, the page's column table and the templates
(tools/build/widgets.py, tools/build/templates.py); other names of each: headers.py."""

from __future__ import annotations

from dataclasses import dataclass

from tools.common.dates import DATE_FORMS

# How each kind of cell may be written, shown on the page next to each column.
KIND_ACCEPTS = {
    "text": "任意文字",
    "bool": "是/否；也可写 Y/N、1/0、√，留空视为否",
    "date": f"{DATE_FORMS}，或 Excel 日期序号",
    "amount": "单位元；可写 1200000、1,200,000 或 120万",
    "count": "不小于 0 的整数，留空为 0",
}

GRADES = ("正常", "关注", "次级", "可疑", "损失")
BULLET, AMORTISING = "到期一次还本", "分期还款"
# Risk signals and what each one does in the model.
SIGNALS = {
    "搬家": "life",
    "换工作": "life",
    "法院执行": "must",
    "执照异常": "must",
    "资产查封": "must",
    "担保变化": "guarantee",
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # text, bool, date, amount, count, choice, signals
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str = ""
    example: str = ""
    note: str = ""
    # False: a column the officer may bring that no rule reads; its cells are not kept
    # (for the largest file, 8 MB of the plan kept in the worker).
    read: bool = True

    @property
    def accepts(self) -> str:
        if self.kind == "choice":
            text = "、".join(c for c in self.choices if c)
            return text + (f"；留空为{self.default}" if self.default else "；可留空")
        if self.kind == "signals":
            return "可多选：" + "、".join(SIGNALS) + "，用 、 或 ； 分隔"
        return KIND_ACCEPTS[self.kind]


COLUMNS = (
    Column("id", "客户编号", "text", True, example="KH0001", note="每行唯一"),
    Column("name", "客户名称", "text", True, example="张伟"),
    Column(
        "area", "区域", "text", example="城关镇", note="乡镇、村或街道，同一区域的客户排在同一周"
    ),
    Column("industry", "行业", "text", example="农资经营"),
    Column("high_risk", "高危行业", "bool", example="否"),
    Column("restricted", "名单类型", "choice", choices=("禁入", "慎入", ""), example=""),
    Column("disbursed", "放款日期", "date", True, example="2025-09-12"),
    Column("maturity", "到期日期", "date", True, example="2026-09-11"),
    Column(
        "repayment",
        "还款方式",
        "choice",
        choices=(BULLET, AMORTISING),
        default=AMORTISING,
        example=AMORTISING,
    ),
    Column("balance", "贷款余额", "amount", True, example="300000"),
    Column("dpd", "逾期天数", "count", example="0"),
    Column("overdues", "近12个月逾期次数", "count", example="0"),
    Column("grade", "五级分类", "choice", choices=GRADES, default="正常", example="正常"),
    Column("last_visit", "上次回访日期", "date", example="2026-01-08", note="从未回访可留空"),
    Column("first_check", "首次检查已完成", "bool", example="是"),
    Column("handover", "交接客户", "bool", example="否", note="从其他信贷员处接手的客户"),
    Column("referral", "转介绍意向", "bool", example="否", note="只用于同分时排序，不计分"),
    Column("flagged", "信贷员标记", "bool", example="否", note="信贷员认为有必要回访"),
    Column("bank_required", "行内要求回访", "bool", example="否", note="如总行专项检查"),
    Column("signals", "风险信号", "signals", example=""),
    Column("note", "备注", "text", example="", read=False),
)

# Other ways bank systems write the same choice.
ALIASES = {
    "restricted": {"无": "", "否": "", "正常": ""},
    "repayment": {
        "一次还本": BULLET,
        "到期还本": BULLET,
        "到期一次性还本": BULLET,
        "分期": AMORTISING,
        "等额本息": AMORTISING,
        "等额本金": AMORTISING,
    },
    "grade": {},
}
REQUIRED = tuple(c for c in COLUMNS if c.required)
