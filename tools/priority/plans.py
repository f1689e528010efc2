"""The last plan computed, kept in the worker between calls.

The page holds only the plan's id (in the result's HTML) and asks for views of it, its
CSV or its print sheet. A restarted worker has lost it: the page then says so.
"""

from __future__ import annotations

import os

from tools.errors import InputError

GONE = "计算工具重新启动过，刚才的计划已不在了，请重新计算。"
_kept: dict[str, dict] = {}


def drop() -> None:
    """Forget the kept plan: a new run replaces it, and the old one must not share the
    worker's memory with the new one while that is computed (Wasm memory never shrinks)."""
    _kept.clear()


def keep(plan: dict) -> str:
    """Keep ``plan`` (only the latest: one priority page per visit) and return its id."""
    drop()
    plan_id = os.urandom(6).hex()
    _kept[plan_id] = plan
    return plan_id


def find(data: dict) -> dict:
    plan = _kept.get(str(data.get("plan") or ""))
    if plan is None:
        raise InputError(GONE, field="plan")
    return plan
