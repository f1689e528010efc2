"""A planned client handed to the 贷后检查报告 tool: "填写回访记录" in the plan.

The plan stays in the worker (tools/priority/plans.py) with the clients it lists; the page asks for
one client by its id and gets the fields of a visit record (tools/report/schema.py)
the portfolio already knows, so the officer does not type them again. The check type
follows the handbook's three kinds (docs/method/checks.md): the first check after
disbursement; an unscheduled check for a risk reason (overdue, class, a signal, a bank
request, maturity), with those reasons as its trigger; a scheduled one when it is due.
A random sample is none of these: the officer chooses.
"""

from __future__ import annotations

from tools.errors import InputError
from tools.priority.rules import NOT_RISK
from tools.report import schema

FIRST, SCHEDULED, UNSCHEDULED = schema.CHECK_TYPES
MODES = {"phone": "电话", "onsite": "上门", "notice": "上门"}
NOT_PLANNED = "这位客户不在本月计划里，请重新计算后再从计划中选择。"
FILLED = "已从回访计划填入{name}的贷款信息，请核对，再填写这次检查的情况。"


def _amount(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _check(visit: dict) -> tuple[str, str]:
    """The check type and, for an unscheduled check, what triggered it."""
    reasons = visit["reasons"]
    if any(r["code"] == "first_check" for r in reasons):
        return FIRST, ""
    risks = [r for r in reasons if r["code"] not in NOT_RISK]
    # A must-visit risk trigger, or a risk score over the high line, calls the visit.
    called = [r for r in risks if r["points"] is None] or (risks if visit["tier"] == "high" else [])
    if called:
        return UNSCHEDULED, "；".join(r["text"] for r in called)
    if visit["tier"] == "sample":
        return "", ""
    return SCHEDULED, ""


def record(plan: dict, client_id: str) -> dict:
    """The visit-record fields of planned client ``client_id`` (InputError if not planned)."""
    visit = next((v for v in plan["visits"] if v["id"] == client_id), None)
    client = plan["clients"].get(client_id)
    if visit is None or client is None:
        raise InputError(NOT_PLANNED, field="client")
    check_type, trigger = _check(visit)
    fields = {
        "client": client.name,
        "check_type": check_type,
        "trigger": trigger,
        "mode": MODES[visit["mode"]],
        "balance": _amount(client.balance),
        "maturity": client.maturity.isoformat(),
        "repayment": client.repayment,
        "grade": client.grade,
        "overdue_days": str(client.dpd),
    }
    return {key: value for key, value in fields.items() if value}


def message(fields: dict) -> str:
    return FILLED.format(name=fields["client"])
