"""The plan stays in the worker: the page asks Python for each view of it (sorted, paged,
every row for print) and for its CSV; one display order serves them all."""

from __future__ import annotations

import csv
import io
import json
import re
import sys

import pytest

from tests.priority_rows import BIG, DUE, MONTH, MUST, NO_SAMPLE, row
from tools import dispatch, priority
from tools.priority import plans, synthetic
from tools.priority.limits import MAX_PRINTED
from tools.priority.planner import TIER_RANK, display_order
from tools.priority.rules import MODES
from tools.priority.views import PAGE_SIZE, View

BIG_PLAN = {"rows": synthetic.portfolio(1000, 3, MONTH), "settings": {"month": MONTH}}


def ranks(html: str, list_name: str = "visits") -> list[int]:
    """The plan ranks of the rows in ``html``, top to bottom."""
    return [int(r) for r in re.findall(rf'aria-controls="kb-priority-{list_name}-(\d+)"', html)]


def view(plan_id: str, **asked) -> dict:
    return priority.view({"plan": plan_id, **asked})


@pytest.fixture(scope="module")
def big_plan():
    return priority.compute(BIG_PLAN)


@pytest.fixture
def big(big_plan):
    """The answer of ``run`` (the worker keeps only the latest plan) and the plan itself."""
    return priority.run(BIG_PLAN), big_plan


def test_run_answers_the_plan_id_and_renders_first_pages(big):
    answer, plan = big
    assert set(answer["data"]) == {"plan", "summary"}  # the plan itself stays in the worker
    assert answer["data"]["summary"] == plan["summary"]
    assert f'data-plan="{answer["data"]["plan"]}"' in answer["html"]
    assert len(ranks(answer["html"])) == PAGE_SIZE
    assert len(ranks(answer["html"], "not_planned")) == PAGE_SIZE
    assert f"第 1 / {-(-len(plan['visits']) // PAGE_SIZE)} 页" in answer["html"]


def test_one_display_order_for_render_view_and_export(big):
    answer, plan = big
    plan_id = answer["data"]["plan"]
    order = [v["rank"] for v in display_order(plan["visits"])]
    assert order != sorted(order)  # weeks and areas really reorder the plan
    assert ranks(answer["html"]) == order[:PAGE_SIZE]
    assert ranks(view(plan_id, list="visits")["html"]) == order[:PAGE_SIZE]
    assert ranks(view(plan_id, list="visits", print_part=0)["html"]) == order
    text = priority.export({"plan": plan_id})["data"]["csv"].decode()
    by_id = {v["id"]: v["rank"] for v in plan["visits"]}
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert [by_id[r[3]] for r in table[1:]] == order


def test_a_plan_bigger_than_one_sheet_prints_in_parts(big):
    assert "print-part" not in big[0]["html"]  # one sheet: just the button
    rows = synthetic.portfolio(MAX_PRINTED + 500, 3, MONTH)
    for r in rows:
        r.update(逾期天数="40", 五级分类="关注")  # each a must visit
    data = {"rows": rows, "settings": {"month": MONTH}}
    answer, plan = priority.run(data), priority.compute(data)
    total = len(plan["visits"])
    assert total > MAX_PRINTED
    options = re.findall(r'<option value="(\d+)">([^<]+)</option>', answer["html"])
    assert options == [
        ("0", f"第 1–{MAX_PRINTED:,} 户"),
        ("1", f"第 {MAX_PRINTED + 1:,}–{total:,} 户"),
    ]
    order = [v["rank"] for v in display_order(plan["visits"])]
    plan_id = answer["data"]["plan"]
    first, second = (view(plan_id, list="visits", print_part=part)["html"] for part in (0, 1))
    assert ranks(first) == order[:MAX_PRINTED] and ranks(second) == order[MAX_PRINTED:]
    assert f"（第 {MAX_PRINTED + 1:,}–{total:,} 户，共 {total:,} 户）</caption>" in second
    assert "data-page=" not in second  # a printed sheet has no pager
    with pytest.raises(ValueError):
        view(plan_id, list="visits", print_part="1")


def test_pages_of_a_list(big):
    answer, plan = big
    plan_id = answer["data"]["plan"]
    left = [e["rank"] for e in plan["not_planned"]]
    second = view(plan_id, list="not_planned", page=1)
    assert ranks(second["html"], "not_planned") == left[PAGE_SIZE : 2 * PAGE_SIZE]
    assert f"第 2 / {-(-len(left) // PAGE_SIZE)} 页，共 {len(left)} 户" in second["html"]
    assert second["data"] == View("not_planned", page=1).request()
    # The previous button asks for the first page; neither is disabled in the middle.
    buttons = re.findall(
        r'<button type="button" data-page="\w+" data-view="([^"]+)"( disabled)?', second["html"]
    )
    assert [(json.loads(v.replace("&quot;", '"'))["page"], off) for v, off in buttons] == [
        (0, ""),
        (2, ""),
    ]
    last = view(plan_id, list="not_planned", page=99)  # past the end: the last page
    assert ranks(last["html"], "not_planned") == left[(len(left) - 1) // PAGE_SIZE * PAGE_SIZE :]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("score", lambda e: e["score"]),
        ("tier", lambda e: TIER_RANK[e["tier"]]),
        ("week", lambda e: e["week"]),
        ("area", lambda e: e["area"].encode("gb18030")),
        ("mode", lambda e: list(MODES).index(e["mode"])),
    ],
)
def test_sort_keeps_plan_rank_among_equals_both_ways(big, key, value):
    answer, plan = big
    plan_id = answer["data"]["plan"]
    visits = plan["visits"]
    up = view(plan_id, list="visits", sort=key, dir="ascending", print_part=0)["html"]
    assert ranks(up) == [v["rank"] for v in sorted(visits, key=lambda v: (value(v), v["rank"]))]
    down = view(plan_id, list="visits", sort=key, dir="descending", print_part=0)["html"]
    expected = sorted(sorted(visits, key=lambda v: v["rank"]), key=value, reverse=True)
    assert ranks(down) == [v["rank"] for v in expected]
    assert f'aria-sort="ascending"><button type="button" data-sort="{key}"' in up


def test_areas_sort_by_pinyin():
    rows = [row(f"C{i}", 区域=area, **DUE) for i, area in enumerate(["杨柳村", "白沙镇", "城关镇"])]
    answer = priority.run({"rows": [*rows, BIG], "settings": {"month": MONTH, **NO_SAMPLE}})
    html = view(answer["data"]["plan"], list="visits", sort="area", dir="ascending")["html"]
    areas = re.findall(r'data-label="区域">([^<]+)<', html)
    assert areas == ["白沙镇", "城关镇", "杨柳村"]


def test_a_column_click_cycles_ascending_descending_plan_order():
    start = View("visits")
    once = start.sorted_by("score")
    assert (once.sort, once.dir) == ("score", "ascending")
    twice = once.at(3).sorted_by("score")
    assert (twice.sort, twice.dir, twice.page) == ("score", "descending", 0)
    assert twice.sorted_by("score") == start
    assert twice.sorted_by("area") == View("visits", "area", "ascending")


@pytest.mark.parametrize(
    "asked",
    [
        {"list": "clients"},
        {"list": "visits", "sort": "name", "dir": "ascending"},
        {"list": "visits", "sort": "score", "dir": "up"},
        {"list": "not_planned", "sort": "week", "dir": "ascending"},
        {"list": "visits", "page": -1},
        {"list": "visits", "page": "2"},
    ],
)
def test_a_view_the_page_cannot_ask_for_is_a_bug(big, asked):
    answer, _ = big
    payload = json.dumps({"plan": answer["data"]["plan"], **asked})
    with pytest.raises(ValueError):
        dispatch.call("priority", "view", payload)


@pytest.mark.parametrize("action", ["view", "export"])
def test_a_lost_plan_asks_to_plan_again(action):
    priority.run({"rows": [row(), BIG], "settings": {"month": MONTH}})
    answer = getattr(priority, action)({"plan": "not-kept", "list": "visits"})
    assert answer["ok"] is False
    assert answer["error"]["field"] == "plan"
    assert "请重新计算" in answer["error"]["text"]
    plans._kept.clear()  # as a restarted worker: nothing kept
    assert "请重新计算" in priority.export({"plan": ""})["error"]["message"]


def test_export_is_csv_with_bom_grouped_by_week():
    rows = [
        row("M1", 区域="乙村", **MUST),
        row("D1", 区域="甲村", **DUE),
        row("=1+1", 区域="乙村", **DUE),
    ]
    answer = priority.run({"rows": rows, "settings": {"month": MONTH, **NO_SAMPLE}})
    out = priority.export({"plan": answer["data"]["plan"]})["data"]
    assert out["filename"] == "回访计划-2026-12.csv"
    assert out["csv"].startswith("\ufeff周次,区域,序号,客户编号".encode())
    table = list(csv.reader(io.StringIO(out["csv"].decode("utf-8-sig"))))
    assert [r[3] for r in table[1:]] == ["M1", "'=1+1", "D1"]  # area 乙村 grouped in week 1
    assert table[1][5] == "必访" and table[1][8] == MODES["notice"]
    assert re.search(r"必访：逾期 45 天.*逾期 45 天 \+50", table[1][10])


def test_an_xlsx_file_asks_the_worker_for_openpyxl_first(monkeypatch):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(list(BIG))
    book.active.append(list(BIG.values()))
    buf = io.BytesIO()
    book.save(buf)
    payload = json.dumps({"file_name": "客户.csv", "settings": {"month": MONTH}})
    files = {"file": buf.getvalue()}  # a workbook under a .csv name: its bytes decide
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # not installed yet, as in the browser
    assert json.loads(dispatch.call("priority", "run", payload, files)[0]) == {"needs": "openpyxl"}
    monkeypatch.undo()
    answer = json.loads(dispatch.call("priority", "run", payload, files)[0])
    assert answer["ok"] is True and answer["data"]["summary"]["valid"] == 1


def test_a_new_run_forgets_the_old_plan_before_it_plans(monkeypatch):
    """The old plan must not share the worker's memory with the new one being computed
    (the page has cleared its result already), even when the new run is refused."""
    old = priority.run({"rows": [row(), BIG], "settings": {"month": MONTH}})["data"]["plan"]
    kept_while_planning = []
    real = priority.compute

    def compute(data):
        kept_while_planning.append(dict(plans._kept))
        return real(data)

    monkeypatch.setattr(priority, "compute", compute)
    assert priority.run({"rows": [], "settings": {"month": MONTH}})["ok"] is False
    assert kept_while_planning == [{}]
    assert priority.export({"plan": old})["error"]["field"] == "plan"
