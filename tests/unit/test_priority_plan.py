"""Order, capacity, the reserved sample, ties, weeks; the example files; escaped HTML."""

from __future__ import annotations

from pathlib import Path

from tests.priority_rows import BIG, DUE, HIGH, MONTH, MUST, NO_SAMPLE, entry, row, run
from tools import priority
from tools.priority import compute
from tools.priority.settings import DEFAULT_WEIGHTS

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "tools" / "examples" / "priority"


def ids(items: list[dict]) -> list[str]:
    return [i["id"] for i in items]


def sampled(data: dict) -> list[str]:
    return [v["id"] for v in data["visits"] if v["tier"] == "sample"]


def test_fill_order_must_high_due_sample():
    rows = [row("D1", **DUE), row("H1", **HIGH), row("M1", **MUST), BIG]
    rows += [row(f"P{i}") for i in range(5)]
    data = run(rows, sample_min=1, sample_share=0)
    assert [v["tier"] for v in data["visits"]] == ["must", "high", "due", "sample"]
    assert ids(data["visits"])[:3] == ["M1", "H1", "D1"]
    assert [v["rank"] for v in data["visits"]] == [1, 2, 3, 4]


def test_high_score_threshold_is_a_setting():
    rows = [row("H1", **HIGH), BIG]
    assert entry(run(rows, **NO_SAMPLE), "H1")["tier"] == "high"
    assert entry(run(rows, high_score=50, **NO_SAMPLE), "H1")["tier"] is None


def test_capacity_leaves_lower_tiers_out_and_says_why():
    rows = (
        [row(f"H{i}", **HIGH) for i in range(3)] + [row(f"D{i}", **DUE) for i in range(3)] + [BIG]
    )
    data = run(rows, capacity=4, **NO_SAMPLE)
    assert [v["tier"] for v in data["visits"]] == ["high"] * 3 + ["due"]
    left = {n["id"]: n["why"] for n in data["not_planned"]}
    assert left == {"D1": "over_capacity", "D2": "over_capacity", "BIG": "not_needed"}


def test_must_clients_beyond_capacity_stay_marked():
    rows = [row(f"M{i}", **MUST) for i in range(5)] + [row(f"P{i}") for i in range(10)]
    data = run(rows, capacity=4, sample_min=1, sample_share=0)
    musts = [v for v in data["visits"] if v["tier"] == "must"]
    assert len(musts) == 5
    # One slot is reserved for the sample: 3 must clients fit, 2 are over capacity.
    assert [v["over_capacity"] for v in musts] == [False, False, False, True, True]
    assert data["summary"]["over_capacity"] == 2
    assert sum(v["tier"] == "sample" for v in data["visits"]) == 1
    assert (
        "超出容量"
        in priority.run({"rows": rows, "settings": {"month": MONTH, "capacity": 4}})["html"]
    )


def test_sample_is_reserved_inside_capacity():
    rows = [row(f"H{i}", **HIGH) for i in range(10)] + [row(f"P{i:02d}") for i in range(60)]
    data = run(rows, capacity=8)
    tiers = [v["tier"] for v in data["visits"]]
    # 60 performing clients: max(2, ceil(5% of 60)) = 3 sample slots, 5 left for high scores.
    assert tiers.count("sample") == 3 and tiers.count("high") == 5 and len(tiers) == 8
    assert data["summary"]["sample_pool"] == 60 and data["summary"]["sample_size"] == 3


def test_sample_size_uses_share_and_minimum():
    rows = [row(f"P{i:03d}") for i in range(100)]
    assert run(rows, capacity=40)["summary"]["sample_size"] == 5  # 5% of 100, no float surprise
    assert run(rows, capacity=40, sample_min=7)["summary"]["sample_size"] == 7
    assert run(rows, capacity=40, sample_share=0.123)["summary"]["sample_size"] == 13
    assert run(rows[:1], capacity=40)["summary"]["sample_size"] == 1  # never more than the pool


def test_sample_draws_only_performing_clients_and_follows_the_seed():
    rows = [row(f"P{i:02d}") for i in range(40)]
    rows += [row("LATE", 逾期天数="3"), row("WATCH", 五级分类="关注", 上次回访日期="2026-11-20")]
    watch = {"关注": 365}  # WATCH is then in no tier, but not performing
    drawn = {
        s: sampled(run(rows, seed=s, sample_min=10, check_interval_days=watch))
        for s in ("2026-12", "other", "x")
    }
    assert all(len(d) == 10 and "LATE" not in d and "WATCH" not in d for d in drawn.values())
    assert len(set(map(tuple, drawn.values()))) > 1  # another seed, another draw
    again = run(rows, sample_min=10, check_interval_days=watch)  # the seed defaults to the month
    assert sampled(again) == drawn["2026-12"]
    backwards = run(list(reversed(rows)), sample_min=10, check_interval_days=watch)
    assert sampled(backwards) == drawn["2026-12"]  # the file's row order does not matter


def test_ties_break_by_referral_then_balance_then_id():
    rows = [
        row("C", **HIGH, 贷款余额="200000"),
        row("B", **HIGH, 贷款余额="300000"),
        row("A", **HIGH, 贷款余额="200000"),
        row("R", **HIGH, 贷款余额="100000", 转介绍意向="是"),
        row("S", **HIGH, 贷款余额="100000", 名单类型="慎入"),
        BIG,
    ]
    data = run(rows, **NO_SAMPLE)
    assert ids(data["visits"]) == ["S", "R", "B", "A", "C"]
    assert {v["score"] for v in data["visits"][1:]} == {45}


def test_referral_never_lifts_above_a_risk_factor():
    rows = [row("R", 转介绍意向="是", **DUE), row("K", 高危行业="是", **DUE), BIG]
    assert ids(run(rows, **NO_SAMPLE)["visits"]) == ["K", "R"]


def test_weeks_group_areas_and_put_must_clients_first():
    areas = ["甲村", "乙村", "丙村", "丁村"]
    rows = [row(f"M{i}", 区域=areas[i % 4], **MUST) for i in range(8)]
    rows += [row(f"D{i}", 区域=areas[i % 4], **DUE) for i in range(8)]
    data = run(rows, capacity=16, **NO_SAMPLE)
    weeks = {}
    for v in data["visits"]:
        weeks.setdefault(v["area"], set()).add(v["week"])
    assert all(len(w) == 1 for w in weeks.values())  # one trip per area
    assert sorted(w.pop() for w in weeks.values()) == [1, 2, 3, 4]  # about 16/4 a week
    assert entry(data, "M0")["week"] == 1
    groups = data["groups"]
    assert [g["count"] for g in groups] == [4, 4, 4, 4]
    assert all(groups[v["group"]]["area"] == v["area"] for v in data["visits"])


def test_sample_file_fires_every_rule_and_factor():
    text = (EXAMPLES / "sample-portfolio.csv").read_bytes()
    data = compute({"csv": text, "settings": {"month": "2026-12"}})
    assert 55 <= data["summary"]["valid"] <= 65 and data["errors"] == []
    fired = {r["code"] for e in data["visits"] + data["not_planned"] for r in e["reasons"]}
    must_rules = {"first_check", "overdue_31", "npl", "signal", "bank", "bullet", "schedule"}
    assert must_rules | set(DEFAULT_WEIGHTS) - {"check_overdue_max"} <= fired
    signals = {r["text"] for v in data["visits"] for r in v["reasons"] if r["code"] == "signal"}
    assert {"风险信号：法院执行", "风险信号：执照异常", "风险信号：资产查封"} <= signals
    assert {v["tier"] for v in data["visits"]} == {"must", "high", "due", "sample"}
    assert {w["column"] for w in data["warnings"]} == {"五级分类", "到期日期"}


def test_html_escapes_what_the_user_typed():
    rows = [row("<b>X</b>", 客户名称="<script>alert(1)</script>", 区域="<i>村</i>", **MUST)]
    html = priority.run({"rows": rows, "settings": {"month": MONTH}})["html"]
    assert "<script>" not in html and "<b>X" not in html and "<i>村" not in html
    assert "&lt;script&gt;" in html
