"""Parse single cells as Excel users write them; a bad cell raises CellError (Chinese)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tools.priority.columns import SIGNALS


class CellError(ValueError):
    """A cell that cannot be read; the message is shown to the officer."""


_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{1,6}(?:\.0+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug included)
_TRUE = frozenset({"是", "y", "yes", "1", "√", "✓", "✔", "true", "对", "有"})
_FALSE = frozenset({"否", "n", "no", "0", "×", "✗", "false", "无", ""})
_SPLIT = re.compile(r"[、；;，,/\s]+")
_date_cache: dict[str, date] = {}


def as_date(text: str) -> date:
    hit = _date_cache.get(text)
    if hit is not None:
        return hit
    match = _DATE.match(text) or _COMPACT.match(text)
    try:
        if match:
            value = date(int(match[1]), int(match[2]), int(match[3]))
        elif _SERIAL.match(text) and 1 <= float(text) <= 2958465:
            value = _EXCEL_EPOCH + timedelta(days=int(float(text)))
        else:
            raise CellError(f"“{text}”不是日期，请写作 2026-03-05、2026/3/5 或 2026年3月5日")
    except ValueError as err:
        if isinstance(err, CellError):
            raise
        raise CellError(f"“{text}”不是有效日期（月或日超出范围）") from None
    _date_cache[text] = value
    return value


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
        raise CellError(f"“{text}”不是金额，请写作 1200000、1,200,000 或 120万") from None
    if value < 0 or value != value or value == float("inf"):
        raise CellError(f"金额不能为负数或无穷大，现为“{text}”")
    return round(value, 2)


def as_count(text: str) -> int:
    if not text:
        return 0
    clean = text.removesuffix("天").removesuffix("次").strip()
    try:
        value = float(clean)
    except ValueError:
        raise CellError(f"“{text}”不是整数") from None
    if value < 0 or value != int(value):
        raise CellError(f"应为不小于 0 的整数，现为“{text}”")
    return int(value)


def as_bool(text: str) -> bool:
    low = text.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise CellError(f"“{text}”应为 是 或 否（也可写 Y/N、1/0、√）")


def as_choice(text: str, choices: tuple[str, ...], default: str, aliases: dict[str, str]) -> str:
    value = aliases.get(text, text) or default
    if value not in choices:
        shown = "、".join(c for c in choices if c)
        raise CellError(f"“{text}”不是可选的值，应为：{shown}")
    return value


def as_signals(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    found = tuple(dict.fromkeys(s for s in _SPLIT.split(text) if s))
    unknown = [s for s in found if s not in SIGNALS]
    if unknown:
        raise CellError(f"不认识的风险信号“{unknown[0]}”，可选：{'、'.join(SIGNALS)}")
    return found
