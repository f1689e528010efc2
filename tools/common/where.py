"""Where a problem is, said the way the page says it: 第 2 个账户，第 5 行，“贷款余额”列。"""

from __future__ import annotations


def place(*, account=None, row=None, column=None) -> str:
    """The place of a problem in the input, or "" when it concerns the input as a whole."""
    parts = []
    if isinstance(account, int) and not isinstance(account, bool):
        parts.append(f"第 {account} 个账户")
    elif account:
        parts.append(f"账户“{account}”")
    if row:
        parts.append(f"第 {row} 行")
    if column:
        parts.append(f"“{column}”列")
    return "，".join(parts)


def located(message: str, **where) -> str:
    """``message`` preceded by its place, when it has one."""
    at = place(**where)
    return f"{at}：{message}" if at else message
