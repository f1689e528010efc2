"""贷后检查报告助手: a visit record in, a 贷后检查报告 draft out (the record: schema.py).

Declared actions (tools/api.py): ``run`` checks the record and answers the draft
(its sections, risk points, what must be reported up, warnings, the five-class
reference, the next check; ``text`` for the core system; ``html`` the page's
draft); ``save`` gives the file to keep; ``open`` reads such a file back;
``prefill`` starts a record from a client of the priority calculator's kept plan.
``compute`` is the draft itself, for Python.
"""

from __future__ import annotations

from tools.api import API
from tools.errors import InputError
from tools.priority import plans
from tools.report import draft, files, record, render, rules
from tools.report import prefill as starts

api = API()


def compute(data: dict) -> dict:
    """The draft of ``data["record"]`` (today: ``data["today"]``); InputError when the
    record is unusable."""
    visit = record.read(data)
    period = rules.guarantee_period(visit)
    points = rules.risk_points(visit, period)
    reported = [p for p in points if p.report]
    reference = rules.five_class(visit)
    following = rules.next_check(visit, bool(reported))
    sections = draft.sections(visit, points, period, reference, following)
    return {
        "client": visit["client"],
        "sections": sections,
        "risk_points": [p.public() for p in points],
        "must_report": [{"point": p.point, "why": p.why, "urgent": p.urgent} for p in reported],
        "warnings": rules.warnings(visit, period),
        "five_class": reference,
        "guarantee_period": None if period is None else period.public(),
        "next_check": following,
    }


def public(result: dict) -> dict:
    """The draft as JSON: sections as {title, paragraphs, items_title, items}."""
    return {
        **result,
        "sections": [vars(sec) for sec in result["sections"]],
        "text": render.draft_text(result["sections"], result["client"]),
    }


@api.action
def run(data: dict):
    result = compute(data)
    html = render.page_html(result["sections"], result["warnings"], result["client"])
    return public(result), html


@api.action
def save(data: dict):
    return files.saved(data.get("record")), ""


@api.action
def open(data: dict):
    return files.opened(data.get("file")), ""


@api.action
def prefill(data: dict):
    """The record fields of client ``data["client"]`` (its 客户编号) of the kept plan."""
    plan = plans.find(data)
    wanted = str(data.get("client") or "")
    for entry in plan["visits"]:
        if entry["id"] == wanted:
            return {"record": starts.record_of(entry)}, ""
    raise InputError(f"回访计划里没有客户编号“{wanted}”的客户，请重新计算计划", field="client")
