"""Credit-record retention checker: which repayment marks a report shows, and until when.

Pure standard library. Declared actions (tools/api.py): ``run`` (the answer) and
``preview`` (the history laid out as the report prints it).
"""

from __future__ import annotations

from tools.api import API
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
    grid = layout(data)
    return grid, grid_html(grid)
