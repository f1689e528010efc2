"""Single cells as Excel users write them: a spreadsheet value as text, then each kind
of cell read from its text; a bad cell raises ReadError (Chinese)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from tools.common.dates import ReadError
from tools.priority.columns import SIGNALS

_TRUE = frozenset({"是", "y", "yes", "1", "√", "✓", "✔", "true", "对", "有"})
_FALSE = frozenset({"否", "n", "no", "0", "×", "✗", "false", "无", ""})
_SPLIT = re.compile(r"[、；;，,/\s]+")


def cell_text(value) -> str:
    """A spreadsheet value (.xlsx: numbers, dates) as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def as_amount(text: str) -> float:
    clean = (
        text.replace(",", "").replace("，", "").replace(" ", "").lstrip("¥￥").removesuffix("元")
    )
    scale = 1
    if clean.endswith("万"):
        clean, scale = clean[:-1], 10_000
    elif clean.endswith("亿"):
        clean, scale = clean[:-1], 100_000_000
    try:
        value = float(clean) * scale
    except ValueError:
        raise ReadError(f"“{text}”不是金额，请写作 1200000、1,200,000 或 120万") from None
    if value < 0 or value != value or value == float("inf"):
        raise ReadError(f"金额不能为负数或无穷大，现为“{text}”")
    return round(value, 2)


def as_count(text: str) -> int:
    if not text:
        return 0
    clean = text.removesuffix("天").removesuffix("次").strip()
    try:
        value = float(clean)
    except ValueError:
        raise ReadError(f"“{text}”不是整数") from None
    if not math.isfinite(value):
        raise ReadError(f"“{text}”不是整数，请填写实际的数字")
    if value < 0 or value != int(value):
        raise ReadError(f"应为不小于 0 的整数，现为“{text}”")
    return int(value)


def as_bool(text: str) -> bool:
    low = text.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise ReadError(f"“{text}”应为 是 或 否（也可写 Y/N、1/0、√）")


def as_choice(text: str, choices: tuple[str, ...], default: str, aliases: dict[str, str]) -> str:
    value = aliases.get(text, text) or default
    if value not in choices:
        shown = "、".join(c for c in choices if c)
        raise ReadError(f"“{text}”不是可选的值，应为：{shown}")
    return value


def as_signals(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    found = tuple(dict.fromkeys(s for s in _SPLIT.split(text) if s))
    unknown = [s for s in found if s not in SIGNALS]
    if unknown:
        raise ReadError(f"不认识的风险信号“{unknown[0]}”，可选：{'、'.join(SIGNALS)}")
    return found
