"""The checker's input fields: one table for the form on the page, the names the glue
sends and the labels error messages use."""

from __future__ import annotations

from dataclasses import dataclass

from tools.retention.codes import MEANING


@dataclass(frozen=True)
class Field:
    name: str  # the key in the input (and the form field's name)
    label: str  # how messages name it
    prompt: str  # the form's label
    kind: str = "month"  # month, text, codes, dates
    placeholder: str = ""
    hint: str = ""


# The codes as the report prints them, explained under the history field.
CODES_HINT = "代码：N 正常，1–7 逾期（数字越大逾期越久），" + "，".join(
    f"{code} {MEANING[code]}" for code in "CGDZB#*/"
)


REPORT_MONTH = Field(
    "report_month",
    "报告月份",
    "报告月份（银行查询征信的月份，年-月；留空即本月）",
    placeholder="本月",
)
# One account; the page can repeat these fields for more.
ACCOUNT = (
    Field("name", "账户名称", "账户名称（可不填）", "text", "如：车贷"),
    Field("opened", "开户月份", "开户月份", placeholder="2019-06"),
    Field("settled", "结清月份", "结清月份（未结清不填）", placeholder="2022-03"),
    Field(
        "history_start",
        "还款记录起始月份",
        "还款记录起始月份（默认开户月份）",
        placeholder="2019-06",
    ),
    Field(
        "history",
        "还款记录",
        "还款记录：从起始月份起每月一个代码，照报告抄写（空格可有可无）",
        "codes",
        "*NNNN1NNNNNNN NNNNNNNNNNNN",
        CODES_HINT,
    ),
    Field(
        "repaid_on",
        "还款日期",
        "每段逾期的还款日期（按先后用逗号隔开，不知道的留空，如“, 2021-03-02”）",
        "dates",
        "2019-08-15",
    ),
)
LABELS = {f.name: f.label for f in (REPORT_MONTH, *ACCOUNT)}
