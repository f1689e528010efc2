"""Visit-priority calculator: an officer's portfolio in, an explained monthly visit plan out.

Declared actions (tools/api.py): ``run`` makes the plan, keeps it in the worker and
answers its summary and first table pages; ``view`` shows one list of the kept plan
sorted and paged as the page asks; ``export`` gives its CSV file. ``compute`` is the plan
itself, for Python.
"""

from __future__ import annotations

import gc

from tools.api import API
from tools.common.dates import last_year, this_month, today
from tools.priority import limits, parse, planner, plans, render, rules, settings
from tools.priority.export import plan_csv
from tools.priority.views import View

api = API()


def compute(data: dict) -> dict:
    """The plan of ``data`` (portfolio and settings); InputError when it is unusable."""
    latest = last_year(data)
    settings.unreadable(data.get("unreadable"))
    chosen = settings.validate(data.get("settings"), this_month(data), latest)
    clients, errors, data_rows, warnings = parse.read(data, latest)
    result = planner.build(clients, chosen)
    day = today(data)
    warnings += [w for c in clients for w in rules.warnings(c, chosen["as_of"], day)]
    warnings.sort(key=lambda w: w["row"])
    visits = result["visits"]
    planned = {v["id"] for v in visits}
    tiers = {t: 0 for t in planner.TIERS}
    for visit in visits:
        tiers[visit["tier"]] += 1
    summary = {
        "month": chosen["month"],
        "as_of": chosen["as_of"].isoformat(),
        "rows": data_rows,
        "valid": len(clients),
        "bad_rows": len({e["row"] for e in errors}),
        "errors": len(errors),
        "errors_listed": min(len(errors), limits.MAX_ERRORS_LISTED),
        "warnings": len(warnings),
        "tiers": tiers,
        "visits": len(visits),
        "capacity": chosen["capacity"],
        "over_capacity": sum(1 for v in visits if v["over_capacity"]),
        "not_planned": len(result["not_planned"]),
        "sample_pool": result["sample_pool"],
        "sample_size": result["sample_size"],
        "seed": chosen["seed"],
    }
    return {
        "summary": summary,
        "settings": settings.public(chosen),
        "visits": visits,
        "not_planned": result["not_planned"],
        "groups": result["groups"],
        "errors": errors[: limits.MAX_ERRORS_LISTED],  # the first ones; the total:
        "errors_total": len(errors),
        "warnings": warnings,
        # The planned clients' own fields, for "填写回访记录" (tools/report/from_plan.py).
        "clients": {c.id: c for c in clients if c.id in planned},
    }


@api.action
def run(data: dict):
    """The plan's id and summary; ``html`` its summary and first table pages."""
    plans.drop()  # the page has cleared the old plan's result already
    # Planning allocates many small objects and frees them by reference counting;
    # the cycle collector would only rescan them again and again (a third of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        plan = compute(data)
    finally:
        if collecting:
            gc.enable()
    plan_id = plans.keep(plan)
    return {"plan": plan_id, "summary": plan["summary"]}, render.plan_html(plan, plan_id)


@api.action
def view(data: dict):
    """One list of the kept plan, sorted and paged as ``data`` asks (``print_part``: the
    rows of that printed sheet, limits.MAX_PRINTED at most)."""
    plan = plans.find(data)
    shown = View.of(data)
    part = data.get("print_part")
    if part is not None and (not isinstance(part, int) or isinstance(part, bool) or part < 0):
        raise ValueError(f"no such printed part of a plan: {part!r}")
    return shown.request(), render.list_html(plan, shown, printed=part)


@api.action
def export(data: dict):
    """The kept plan's visits as a CSV file: UTF-8 bytes with a BOM, so Excel reads the
    Chinese. Bytes cross to the page as they are (tools/dispatch.py), not as JSON text."""
    plan = plans.find(data)
    month = plan["summary"]["month"]
    csv = plan_csv(plan["visits"]).encode()
    return {"csv": csv, "filename": f"回访计划-{month}.csv"}, ""
