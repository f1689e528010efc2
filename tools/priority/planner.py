"""The month's plan: tiers, order, the reserved random sample, capacity and weeks."""

from __future__ import annotations

import math
import random
from datetime import date

from tools.priority.rules import Rules, mode, purpose

TIERS = ("must", "high", "due", "sample")
TIER_LABELS = {"must": "必访", "high": "高分", "due": "到期检查", "sample": "随机抽访"}
TIER_RANK = {**{t: i for i, t in enumerate(TIERS)}, None: len(TIERS)}
# Why a client is left out of the plan.
LEFT_OUT = {"over_capacity": "超出本月容量", "not_needed": "本月无需回访"}
WEEKS = 4


def display_order(visits: list[dict]) -> list[dict]:
    """The plan as the officer works through it: week by week, one area at a time, in rank
    order. The first render, the unsorted views and the export all show this order."""
    return sorted(visits, key=lambda v: (v["week"], v["group"], v["rank"]))


def month_end(as_of: date) -> date:
    """First day of the month after the plan month."""
    return date(as_of.year + as_of.month // 12, as_of.month % 12 + 1, 1)


def _entry(client, rules: Rules, high_score: int) -> dict:
    due = rules.next_check(client)
    must = rules.triggers(client, due)
    found = rules.factors(client, due)
    score = sum(f["points"] for f in found)
    if must:
        tier = "must"
    elif score >= high_score:
        tier = "high"
    elif rules.as_of <= due < rules.month_end:
        tier = "due"
    else:
        tier = None
    return {
        "id": client.id,
        "name": client.name,
        "area": client.area,
        "row": client.row,
        "balance": client.balance,
        "dpd": client.dpd,
        "grade": client.grade,
        "referral": client.referral,
        "next_check": due.isoformat(),
        "tier": tier,
        "score": score,
        "reasons": must + found,
        "_client": client,
    }


def _order(entry: dict) -> tuple:
    # Tier, score (high first), referral potential, balance (high first), then the id.
    return (
        TIER_RANK[entry["tier"]],
        -entry["score"],
        not entry["referral"],
        -entry["balance"],
        entry["id"],
    )


def sample_size(pool: int, settings: dict) -> int:
    if pool == 0:
        return 0
    # round() first: 0.05 * 100 is 5.000000000000001 in binary floating point.
    wanted = max(settings["sample_min"], math.ceil(round(settings["sample_share"] * pool, 9)))
    return min(pool, wanted, settings["capacity"])


def draw_sample(entries: list[dict], settings: dict) -> tuple[int, int]:
    """Mark a seeded random draw of performing, otherwise unplanned clients as ``sample``."""
    pool = sorted(
        (e for e in entries if e["tier"] is None and e["dpd"] == 0 and e["grade"] == "正常"),
        key=lambda e: e["id"],  # independent of the file's row order
    )
    size = sample_size(len(pool), settings)
    for entry in random.Random(settings["seed"]).sample(pool, size):
        entry["tier"] = "sample"
    return len(pool), size


def assign_weeks(visits: list[dict], capacity: int) -> list[dict]:
    """Weeks 1-4 in plan order, one area's clients in the same week, about capacity/4 a week."""
    per_week = math.ceil(max(capacity, len(visits)) / WEEKS)
    groups: dict[str, list[dict]] = {}
    for visit in visits:
        groups.setdefault(visit["area"], []).append(visit)
    week, used, summary = 1, 0, []
    for index, (area, members) in enumerate(groups.items()):
        if used and used + len(members) > per_week and week < WEEKS:
            week, used = week + 1, 0
        for visit in members:
            visit["week"], visit["group"] = week, index
        used += len(members)
        summary.append({"week": week, "area": area, "count": len(members)})
    return summary


def build(clients: list, settings: dict) -> dict:
    end = month_end(settings["as_of"])
    max_balance = max((c.balance for c in clients), default=0.0)
    rules = Rules(settings, end, max_balance)
    entries = [_entry(c, rules, settings["high_score"]) for c in clients]
    pool, size = draw_sample(entries, settings)
    entries.sort(key=_order)

    capacity = settings["capacity"]
    musts = sum(1 for e in entries if e["tier"] == "must")
    must_room = capacity - size
    room = max(0, capacity - size - musts)
    visits, not_planned = [], []
    taken = 0
    for entry in entries:
        tier = entry["tier"]
        if tier in ("must", "sample"):
            entry["over_capacity"] = tier == "must" and taken >= must_room
            taken += tier == "must"
            visits.append(entry)
        elif tier in ("high", "due") and room > 0:
            room -= 1
            entry["over_capacity"] = False
            visits.append(entry)
        else:
            entry["why"] = "over_capacity" if tier else "not_needed"
            not_planned.append(entry)
    for rank, entry in enumerate(visits + not_planned, start=1):
        entry["rank"] = rank
        client = entry.pop("_client")
        if "over_capacity" in entry:
            entry["purpose"] = purpose(client, entry["reasons"])
            entry["mode"] = mode(client, entry["reasons"])
    groups = assign_weeks(visits, capacity)
    return {
        "visits": visits,
        "not_planned": not_planned,
        "groups": groups,
        "sample_pool": pool,
        "sample_size": size,
    }
