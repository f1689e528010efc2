"""Column names as core-banking exports write them.

A header is read as a column when it is the column's name or one of its variants of
the same meaning (客户号 for 客户编号, 余额（元） for 贷款余额), after the same clean-up
(full-width forms, spaces, a "(元)" unit). A header of a different meaning that looks
like a column (贷款金额 is the amount lent, not the balance) is never read as it: it
is only suggested, with the difference, when a required column is missing.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from tools.priority.columns import COLUMNS, REQUIRED, Column

# Other names of the same column, by column key.
VARIANTS = {
    "id": ("客户号", "客户代码", "客户编码", "客户ID", "借款人编号"),
    "name": ("客户姓名", "借款人姓名", "借款人名称", "借款人", "客户名", "姓名", "户名"),
    "area": ("所属区域", "地区", "乡镇", "乡镇街道", "所属乡镇", "片区"),
    "industry": ("所属行业", "行业类别", "行业分类"),
    "high_risk": ("是否高危行业",),
    "restricted": ("名单", "客户名单类型"),
    "disbursed": ("发放日期", "放款日", "发放日", "借款日期", "贷款发放日期"),
    "maturity": ("到期日", "贷款到期日", "贷款到期日期"),
    "balance": ("余额", "当前余额", "本金余额", "借据余额", "贷款本金余额"),
    "dpd": ("当前逾期天数",),
    "overdues": ("近一年逾期次数", "近12月逾期次数", "12个月内逾期次数"),
    "grade": ("风险分类", "贷款五级分类", "五级分类结果"),
    "last_visit": ("最近回访日期", "上次贷后检查日期", "最近一次贷后检查日期"),
    "first_check": ("首次检查", "首次贷后检查已完成"),
    "handover": ("是否交接客户",),
    "referral": ("是否有转介绍意向",),
    "flagged": ("客户经理标记",),
    "signals": ("风险预警信号", "预警信号"),
    "note": ("说明",),
}
# Headers of another meaning that look like a column: (column key, the difference).
NEAR_MISSES = {
    "贷款金额": ("balance", "贷款金额是放款时的金额，不是现在的余额"),
    "放款金额": ("balance", "放款金额是放款时的金额，不是现在的余额"),
    "发放金额": ("balance", "发放金额是放款时的金额，不是现在的余额"),
    "合同金额": ("balance", "合同金额是签约的金额，不是现在的余额"),
    "授信金额": ("balance", "授信金额是可用的额度，不是现在的余额"),
    "余额(万元)": ("balance", "这一列以万元计：请换算为元，或在每个数字后加“万”"),
    "贷款余额(万元)": ("balance", "这一列以万元计：请换算为元，或在每个数字后加“万”"),
    "逾期次数": ("overdues", "本表要的是近 12 个月内的逾期次数"),
    "签约日期": ("disbursed", "签约日期不一定是放款日期"),
    "合同签订日期": ("disbursed", "签约日期不一定是放款日期"),
}
HEADER_SEARCH_ROWS = 10  # exports often put a title line or two above the header
LISTED = 20  # headers named in a message; the rest are counted
CLOSE = 0.6  # similarity (difflib) from which a header is suggested for a missing column
_UNIT = re.compile(r"\(元\)$|\(天\)$|\(次\)$")


def clean(header: str) -> str:
    """A header as compared: NFKC (full-width brackets), no spaces, no BOM, no (元)."""
    text = unicodedata.normalize("NFKC", header).replace("\ufeff", "")
    return _UNIT.sub("", re.sub(r"\s+", "", text))


_BY_NAME = {
    clean(name): col for col in COLUMNS for name in (col.header, *VARIANTS.get(col.key, ()))
}
_NEAR = {clean(name): miss for name, miss in NEAR_MISSES.items()}


def column_of(header: str) -> Column | None:
    return _BY_NAME.get(clean(header))


def positions(headers: list[str]) -> dict[str, int]:
    """Column key -> the place of its first header in the row."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        col = column_of(header)
        if col is not None:
            found.setdefault(col.key, index)
    return found


def repeated(headers: list[str]) -> list[tuple[int, str]]:
    """For each column named more than once: its first place and a message (only that
    place is read)."""
    places: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        col = column_of(header)
        if col is not None:
            places.setdefault(col.header, []).append(index + 1)
    return [
        (
            at[0] - 1,
            f"“{name}”列出现了 {len(at)} 次（第 {'、'.join(map(str, at))} 列），"
            f"只读取了第 {at[0]} 列；请删去或改名多余的列",
        )
        for name, at in places.items()
        if len(at) > 1
    ]


def _closeness(header: str, col: Column) -> float:
    names = (col.header, *VARIANTS.get(col.key, ()))
    return max(difflib.SequenceMatcher(None, clean(header), clean(n)).ratio() for n in names)


def _suggestions(missing: list[Column], named: list[str]) -> list[str]:
    """For each header read as no column: what it differs in (a near miss), or the
    missing column it is closest to (at most one each, and only when close)."""
    hints = []
    for header in (h for h in named if column_of(h) is None):
        miss = _NEAR.get(clean(header))
        wanted = {col.key: col for col in missing}
        if miss:
            if miss[0] in wanted:
                hints.append(f"“{header}”：{miss[1]}，不能当作“{wanted[miss[0]].header}”")
            continue
        best = max(missing, key=lambda col: _closeness(header, col))
        if _closeness(header, best) >= CLOSE:
            hints.append(f"“{header}”是不是“{best.header}”？是的话请把表头改成“{best.header}”")
    return hints


def missing_message(headers: list[str], found: dict[str, int]) -> str | None:
    """The message when required columns are missing: all of them, the headers found,
    and what each unread header could be."""
    missing = [col for col in REQUIRED if col.key not in found]
    if not missing:
        return None
    named = [h.strip() for h in headers if h.strip()]
    listed = "、".join(named[:LISTED]) + (f" 等 {len(named)} 列" if len(named) > LISTED else "")
    parts = [
        "缺少必填列" + "、".join(f"“{col.header}”" for col in missing) + "。",
        f"表头里找到的列：{listed or '（空）'}。",
    ]
    hints = _suggestions(missing, named)
    if hints:
        parts.append("可能对应的列：" + "；".join(hints) + "。")
    parts.append("请按模板补上或改好这些列（表头写在第一行）。")
    return "".join(parts)
