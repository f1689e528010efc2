"""The plan's "填写回访记录": a planned client's fields handed to the 贷后检查报告 tool, from the
plan kept in the worker; the link in the plan names no client."""

from __future__ import annotations

import re

from tests.priority_rows import BIG, DUE, MONTH, MUST, NO_SAMPLE, row
from tools import priority, report
from tools.priority import plans
from tools.report import from_plan
from tools.report.schema import FIELDS

FIRST = {"放款日期": "2026-11-20", "首次检查已完成": "否", "上次回访日期": ""}
NOT_DUE = {"上次回访日期": "2026-11-01"}  # next check in 2027: not planned


def plan(*rows) -> dict:
    return priority.run({"rows": list(rows), "settings": {"month": MONTH, **NO_SAMPLE}})


def handed(answer: dict, client: str) -> dict:
    return report.handoff({"plan": answer["data"]["plan"], "client": client})


def test_each_field_is_a_record_field_with_an_allowed_value():
    answer = plan(row("C1", 客户名称="王某", **MUST), BIG)
    record = handed(answer, "C1")["data"]["record"]
    assert record == {
        "client": "王某",
        "check_type": "不定期检查",
        "trigger": "逾期 45 天（31 天及以上）",
        "mode": "上门",
        "balance": "100000",
        "maturity": "2027-12-14",
        "repayment": "分期还款",
        "grade": "关注",
        "overdue_days": "45",
    }
    for key, value in record.items():
        assert key in FIELDS
        if FIELDS[key].kind == "choice":
            assert value in FIELDS[key].choices, key


def test_check_type_follows_why_the_client_is_planned():
    answer = plan(row("F", **FIRST), row("D", **DUE), BIG)
    assert handed(answer, "F")["data"]["record"]["check_type"] == "首次检查"
    due = handed(answer, "D")["data"]["record"]
    assert due["check_type"] == "定期检查"
    assert "trigger" not in due


def test_message_names_the_client():
    answer = plan(row("C1", 客户名称="李某", **MUST), BIG)
    assert "李某" in handed(answer, "C1")["data"]["message"]


def test_a_client_not_in_the_plan_is_refused():
    answer = plan(row("C1", **MUST), row("N", **NOT_DUE), BIG)
    for client in ("N", "nobody", ""):
        reply = handed(answer, client)
        assert reply["ok"] is False
        assert reply["error"]["message"] == from_plan.NOT_PLANNED


def test_a_lost_plan_says_so():
    plan(row("C1", **MUST), BIG)
    reply = report.handoff({"plan": "gone", "client": "C1"})
    assert reply["error"]["message"] == plans.GONE


def test_only_planned_rows_link_and_the_link_names_no_client():
    answer = plan(row("C1", **MUST), row("N", **NOT_DUE), BIG)
    html = answer["html"]
    link = r'<a class="kb-priority-handoff" href="([^"]*)" data-handoff="([^"]*)"'
    links = re.findall(link, html)
    assert links == [("../report/", "C1")]
