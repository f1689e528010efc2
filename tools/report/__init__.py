"""贷后检查报告助手: a visit record in, a 贷后检查报告 draft out (the record: schema.py).

Declared actions (tools/api.py): ``run`` checks the record and answers the draft
(its sections, risk points, what must be reported up, warnings, the five-class
reference, the next check; ``text`` for the core system; ``html`` the page's
draft); ``save`` gives the file to keep; ``open`` reads such a file back.
``handoff`` gives the record fields of one client of the priority calculator's plan.
``compute`` is the draft itself, for Python.
"""

from __future__ import annotations

from tools.api import API
from tools.priority import plans
from tools.report import checklists, draft, files, from_plan, record, render, rules

api = API()
# Read the lists now, while the wheel's files are there: a memory snapshot made after
# this import holds them, and a restored worker answers before the wheel is unpacked.
checklists.raw()


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
def handoff(data: dict):
    """The visit-record fields of one planned client of the priority calculator's kept
    plan (``data["client"]``: its id); ``message`` says what was filled in."""
    fields = from_plan.record(plans.find(data), str(data.get("client") or ""))
    return {"record": fields, "message": from_plan.message(fields)}, ""
