"""The plan as CSV for Excel: UTF-8 with BOM, one visit a row, grouped by week and area."""

from __future__ import annotations

import csv
import io

from tools.priority.planner import TIER_LABELS, display_order
from tools.priority.rules import MODES, PURPOSES

HEADERS = (
    "周次", "区域", "序号", "客户编号", "客户名称", "层级", "得分",
    "回访目的", "回访方式", "超出容量", "原因",
)  # fmt: skip
_FORMULA = ("=", "+", "-", "@")


def reason_text(reason: dict) -> str:
    if reason["points"] is None:
        return f"必访：{reason['text']}"
    return f"{reason['text']} +{reason['points']}"


def _safe(text: str) -> str:
    # Excel would run a cell starting with = + - @ as a formula.
    return "'" + text if text.startswith(_FORMULA) else text


def plan_csv(visits: list[dict]) -> str:
    """The visits in the plan's display order, one a row, as Excel opens them."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for v in display_order(visits):
        writer.writerow(
            [
                f"第{v['week']}周",
                _safe(v["area"]),
                v["rank"],
                _safe(v["id"]),
                _safe(v["name"]),
                TIER_LABELS[v["tier"]],
                v["score"],
                PURPOSES[v["purpose"]],
                MODES[v["mode"]],
                "是" if v["over_capacity"] else "",
                _safe("；".join(reason_text(r) for r in v["reasons"])),
            ]
        )
    return buf.getvalue()
