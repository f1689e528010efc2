"""Visit-priority calculator: an officer's portfolio in, an explained monthly visit plan out.

Actions (see tools/dispatch.py): ``run``/``plan`` makes the plan; ``page`` renders
a slice of an already computed list (the page paginates and sorts without
planning again); ``export`` turns the plan into CSV text.
"""

from __future__ import annotations

import gc

from tools.envelope import envelope
from tools.priority import model, parse, planner, render, settings
from tools.priority.export import plan_csv


def compute(data: dict) -> dict:
    if not isinstance(data, dict):
        raise TypeError("plan() takes a dict")
    chosen = settings.validate(data.get("settings"))
    clients, errors, data_rows = parse.read(data)
    result = planner.build(clients, chosen)
    warnings = [w for c in clients for w in model.warnings(c, chosen["as_of"])]
    warnings.sort(key=lambda w: w["row"])
    visits = result["visits"]
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
        "errors": errors,
        "warnings": warnings,
    }


def plan(data: dict) -> dict:
    """The envelope: ``data`` holds the plan, ``html`` its summary and first table page."""
    # Planning allocates many small objects and frees them by reference counting;
    # the cycle collector would only rescan them again and again (a third of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return envelope(compute, render.plan_html, data)
    finally:
        if collecting:
            gc.enable()


run = plan


def page(data: dict) -> dict:
    """Rows of one table page: ``items`` (entries of ``list``), ``groups``, ``grouped``."""
    return {"ok": True, "data": {"info": render.page_info(data)}, "html": render.rows_html(data)}


def export(data: dict) -> dict:
    """The plan's visits as CSV text (with a BOM, so Excel reads the Chinese)."""
    text = plan_csv(data.get("visits") or [])
    month = str(data.get("month") or "")
    return {"ok": True, "data": {"csv": text, "filename": f"回访计划-{month}.csv"}, "html": ""}
