"""The history laid out as the report prints it: one row per year, twelve month columns."""

from __future__ import annotations

from tools.common.dates import ReadError, blank, month_input, read_month, this_month
from tools.common.months import month_text
from tools.errors import InputError
from tools.retention import codes
from tools.retention.rules import window_of


def layout(data: dict) -> dict:
    """Rows of cells for the history typed so far; the report month, when valid, marks
    which cells fall inside the report's 60-month window."""
    history = codes.normalize(data.get("history"))
    if not history:
        return {"rows": [], "episodes": [], "months": 0}
    codes.check_known(history)
    raw_start = data.get("history_start") or data.get("opened")
    if not raw_start:
        raise InputError("先填写开户月份，才能把代码排到对应的月份。", field="opened")
    start = month_input(raw_start, "还款记录起始月份", field="history_start")
    report = data.get("report_month")
    try:
        month = this_month(data) if blank(report) else read_month(report)
        lo, hi = (None, None) if month is None else window_of(month)
    except ReadError:  # the preview still works while the report month is being typed
        lo, hi = None, None
    by_month = {start + i: code for i, code in enumerate(history)}
    rows = []
    for year in range(start // 12, (start + len(history) - 1) // 12 + 1):
        cells = []
        for month in range(year * 12, year * 12 + 12):
            code = by_month.get(month)
            cells.append(
                None
                if code is None
                else {
                    "month": month_text(month),
                    "code": code,
                    "adverse": code in codes.ADVERSE,
                    "shown": lo is not None and lo <= month <= hi,
                }
            )
        rows.append({"year": year, "cells": cells})
    runs = [
        {"first": month_text(start + a), "last": month_text(start + b)}
        for a, b in codes.episodes(history)
    ]
    first, last = month_text(start), month_text(start + len(history) - 1)
    return {"rows": rows, "episodes": runs, "months": len(history), "first": first, "last": last}
