"""Credit-record retention checker: which repayment marks a report shows, and until when.

Pure standard library; the page calls ``run`` (the answer) and ``preview`` (the
history laid out as the report prints it) through tools.dispatch.
"""

from __future__ import annotations

from tools.envelope import envelope
from tools.retention.grid import layout
from tools.retention.render import grid_html, result_html
from tools.retention.rules import check, window

__all__ = ["check", "preview", "run", "window"]


def run(data: dict) -> dict:
    return envelope(check, lambda result: result_html(result, data), data)


def preview(data: dict) -> dict:
    return envelope(layout, grid_html, data)
