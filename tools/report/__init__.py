"""贷后检查报告助手: a visit record in, a 贷后检查报告 draft out (schema: schema.py)."""

from __future__ import annotations

from tools.api import API

api = API()
