"""Credit-record retention checker: which repayment marks a report shows, and until when.

Pure standard library. Declared actions (tools/api.py): ``run`` (the answer) and
``preview`` (the history laid out as the report prints it).
"""

from __future__ import annotations

from tools.api import API
from tools.errors import InputError
from tools.retention.fields import ACCOUNT
from tools.retention.grid import layout
from tools.retention.render import grid_html, result_html
from tools.retention.rules import check, window

__all__ = ["api", "check", "preview", "run", "window"]

api = API()


@api.action
def run(data: dict):
    result = check(data)
    return result, result_html(result, data)


@api.action
def preview(data: dict):
    """One account as typed so far (its fields and the report month): how many months
    were understood, what looks wrong, and the history laid out as the report prints it."""
    grid = layout(data)
    grid["warnings"] = _notes(data) if grid["months"] else []
    return grid, grid_html(grid)


def _notes(data: dict) -> list[dict]:
    account = {f.name: data.get(f.name) for f in ACCOUNT}
    asked = {"report_month": data.get("report_month"), "today": data.get("today")}
    try:
        return check({**asked, "accounts": [account]})["warnings"]
    except InputError:  # still being typed: the submit names the problem
        return []
