"""A planned client of the priority calculator as the start of a visit record: what
the plan already knows (name, balance, class, overdue days, maturity, mode, why)."""

from __future__ import annotations

# The plan's way of visiting → the record's check mode.
MODE_OF = {"phone": "电话", "onsite": "上门", "notice": "上门"}
# Reasons that make the visit a 定期检查 rather than a 不定期检查.
SCHEDULED = frozenset({"schedule", "check_overdue"})


def _number(value) -> str:
    return f"{value:.0f}" if float(value) == int(value) else f"{value}"


def record_of(entry: dict) -> dict:
    """The record fields of one visit of a kept plan (planner entry, its client in
    ``_client``); fields the plan does not know are left out."""
    client = entry.get("_client")
    record = {
        "client": str(entry["name"]),
        "balance": _number(entry["balance"]),
        "grade": entry["grade"],
        "overdue_days": str(entry["dpd"]),
    }
    if entry.get("mode") in MODE_OF:
        record["mode"] = MODE_OF[entry["mode"]]
    # The plan's must-visit triggers (reasons without points) say what kind of check.
    must = [r for r in entry.get("reasons", ()) if r.get("points") is None]
    codes = {r["code"] for r in must}
    if client is not None:
        record["maturity"] = client.maturity.isoformat()
        record["repayment"] = client.repayment
    if "first_check" in codes:
        record["check_type"] = "首次检查"
    elif codes - SCHEDULED:
        record["check_type"] = "不定期检查"
        record["trigger"] = "；".join(r["text"] for r in must if r["code"] not in SCHEDULED)
    elif codes or entry.get("tier") == "due":
        record["check_type"] = "定期检查"
    return record
