"""Months as integers (year * 12 + month - 1), and parsing of user-typed months and dates.

Integer months make "M + 60" and "R - 59" plain arithmetic; they are turned back
into ``YYYY-MM`` text only at the edge.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from tools.errors import InputError

WINDOW = 60  # months of repayment history on a second-generation report
# 2023-05, 2023/5, 2023.05, 2023年5月 (after NFKC, full-width digits are ASCII).
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def month_text(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def month_of(day: date) -> int:
    return day.year * 12 + day.month - 1


def add_years(day: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _clean(value) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def _check_month(year: int, month: int, raw: str, label: str, where: dict) -> int:
    if not 1 <= month <= 12:
        raise InputError(f"{label}“{raw}”不是有效的月份：月份只能是 01 到 12。", **where)
    if year < 1900:
        raise InputError(f"{label}“{raw}”的年份不对，请检查。", **where)
    return year * 12 + month - 1


def parse_month(value, label: str, *, field: str, account=None, allow_date=False) -> int:
    """Parse ``YYYY-MM`` (or, with ``allow_date``, ``YYYY-MM-DD`` / a date) into a month."""
    where = {"field": field, "account": account}
    if isinstance(value, date):
        return month_of(value)
    raw = _clean(value) if value is not None else ""
    if not raw:
        raise InputError(f"请填写{label}，格式如 2023-05。", **where)
    if allow_date and (found := _DATE.fullmatch(raw)):
        day = parse_date(raw, label, field=field, account=account)
        return month_of(day)
    found = _MONTH.fullmatch(raw)
    if not found:
        raise InputError(f"{label}“{raw}”无法识别，请按“年-月”填写，例如 2023-05。", **where)
    return _check_month(int(found[1]), int(found[2]), raw, label, where)


def parse_date(value, label: str, *, field: str, account=None) -> date:
    """Parse ``YYYY-MM-DD`` into a date, with a Chinese message for impossible days."""
    where = {"field": field, "account": account}
    if isinstance(value, date):
        return value
    raw = _clean(value)
    found = _DATE.fullmatch(raw)
    if not found:
        raise InputError(f"{label}“{raw}”无法识别，请按“年-月-日”填写，例如 2019-08-15。", **where)
    year, month, day = int(found[1]), int(found[2]), int(found[3])
    _check_month(year, month, raw, label, where)
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(
            f"{label}“{raw}”不是真实存在的日期（这个月没有 {day} 日）。", **where
        ) from None


def window_of(report: int) -> tuple[int, int]:
    """The months a report pulled in month ``report`` prints: R-59 … R."""
    return report - WINDOW + 1, report
