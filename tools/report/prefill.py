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
    codes = {r["code"] for r in entry.get("reasons", ())}
    must = [r["text"] for r in entry.get("reasons", ()) if r.get("points") is None]
    if client is not None:
        record["maturity"] = client.maturity.isoformat()
        record["repayment"] = client.repayment
    if "first_check" in codes:
        record["check_type"] = "首次检查"
    elif must and not codes <= SCHEDULED:
        record["check_type"] = "不定期检查"
        record["trigger"] = "；".join(t for t in must if "检查一次" not in t)
    elif "schedule" in codes or entry.get("tier") == "due":
        record["check_type"] = "定期检查"
    return record
