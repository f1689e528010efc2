"""HTML of a plan: its summary, notices and first table pages, and any later view.

Everything the user typed is escaped here; the page glue only inserts this HTML.
Big plans stay small: one page of rows is rendered, and each sort or page button
carries the view it asks for (tools/priority/views.py), which the glue sends back.
"""

from __future__ import annotations

import json
from html import escape

from tools.priority import limits
from tools.priority.planner import LEFT_OUT, TIER_LABELS
from tools.priority.rules import MODES, PURPOSES
from tools.priority.views import (
    LISTS,
    View,
    ordered,
    page_rows,
    pages,
    printed_parts,
    printed_rows,
)

LISTED = limits.MAX_ERRORS_LISTED  # error and warning rows shown; the rest are counted
CAPTIONS = {"visits": "本月回访计划", "not_planned": "未列入本月计划的客户"}
# The 贷后检查报告 tool's page, beside this one under tools/. The link names no client:
# the glue hands the chosen client's fields over in memory (tools/report/from_plan.py).
REPORT_PAGE = "../report/"


def _client(e: dict) -> str:
    return f'{escape(e["name"])} <span class="kb-priority-id">{escape(e["id"])}</span>'


def _tier(e: dict) -> str:
    tier = e["tier"]
    if tier is None:
        return "—"
    over = e.get("over_capacity")
    badge = ' <span class="kb-priority-badge">超出容量</span>' if over else ""
    return (
        f'<span class="kb-priority-tier kb-priority-tier-{tier}">{TIER_LABELS[tier]}</span>{badge}'
    )


def _area(e: dict) -> str:
    return escape(e["area"]) or "（未填）"


# Column key: (header, cell).
COLUMNS = {
    "week": ("周", lambda e: f"第 {e['week']} 周"),
    "area": ("区域", _area),
    "id": ("客户", _client),
    "tier": ("层级", _tier),
    "score": ("得分", lambda e: str(e["score"])),
    "purpose": ("目的", lambda e: PURPOSES[e["purpose"]]),
    "mode": ("方式", lambda e: MODES[e["mode"]]),
    "next_check": ("下次检查", lambda e: e["next_check"]),
    "why": ("说明", lambda e: LEFT_OUT[e["why"]]),
}


def _asks(view: View) -> str:
    """The attribute that makes a button ask for ``view``."""
    return f'data-view="{escape(json.dumps(view.request(), separators=(",", ":")))}"'


def _reasons(e: dict) -> str:
    items = []
    for r in e["reasons"]:
        if r["points"] is None:
            items.append(f'<li><span class="kb-priority-must">必访</span> {escape(r["text"])}</li>')
        else:
            points = f'<b class="kb-priority-points">+{r["points"]}</b>'
            items.append(f"<li>{escape(r['text'])} {points}</li>")
    if not items:
        items.append("<li>无风险因素：随机抽中或按期检查</li>")
    total = f'<p class="kb-priority-total">合计 {e["score"]} 分（表第 {e["row"]} 行）</p>'
    return f'<ul class="kb-priority-reason-list">{"".join(items)}</ul>{total}'


def _row(e: dict, keys: tuple[str, ...], list_name: str) -> str:
    rid = f"kb-priority-{list_name}-{e['rank']}"
    cells = "".join(
        f'<td class="kb-priority-cell-{key}" data-label="{header}">{cell(e)}</td>'
        for key in keys
        for header, cell in (COLUMNS[key],)
    )
    button = (
        f'<button type="button" class="kb-priority-expand" aria-expanded="false" '
        f'aria-controls="{rid}">原因<span class="kb-tool-sr">：{escape(e["name"])}</span></button>'
    )
    if list_name == "visits":
        button += (
            f'<a class="kb-priority-handoff" href="{REPORT_PAGE}" data-handoff="{escape(e["id"])}">'
            f'填写回访记录<span class="kb-tool-sr">：{escape(e["name"])}</span></a>'
        )
    return (
        f'<tr class="kb-priority-row kb-priority-row-{e["tier"] or "none"}">'
        f'<td class="kb-priority-cell-reasons">{button}</td>{cells}</tr>'
        f'<tr class="kb-priority-reasons" id="{rid}" hidden><td colspan="{len(keys) + 1}">'
        f"{_reasons(e)}</td></tr>"
    )


def _body(rows: list[dict], keys: tuple[str, ...], view: View, groups: list[dict]) -> str:
    grouped = view.list == "visits" and view.sort is None
    out, current = [], None
    for e in rows:
        if grouped and e["group"] != current:
            current = e["group"]
            g = groups[current]
            area = escape(g["area"]) or "（未填区域）"
            out.append(
                f'<tr class="kb-priority-group"><th colspan="{len(keys) + 1}" scope="rowgroup">'
                f"第 {g['week']} 周 · {area}（{g['count']} 户）</th></tr>"
            )
        out.append(_row(e, keys, view.list))
    return "".join(out)


def _head(key: str, view: View) -> str:
    sort = f' aria-sort="{view.dir}"' if view.sort == key else ""
    return (
        f'<th scope="col"{sort}><button type="button" data-sort="{key}" '
        f"{_asks(view.sorted_by(key))}>{COLUMNS[key][0]}</button></th>"
    )


def _pager(view: View, total: int) -> str:
    count = pages(total)
    if count == 1:
        return ""
    page = min(view.page, count - 1)
    back = f'data-page="previous" {_asks(view.at(page - 1))}{"" if page else " disabled"}'
    on = f'data-page="next" {_asks(view.at(page + 1))}{"" if page + 1 < count else " disabled"}'
    return (
        f'<nav class="kb-priority-pager" aria-label="{CAPTIONS[view.list]}分页">'
        f'<button type="button" {back}>上一页</button>'
        f'<span data-role="page-info">第 {page + 1} / {count} 页，共 {total} 户</span>'
        f'<button type="button" {on}>下一页</button></nav>'
    )


def list_html(plan: dict, view: View, printed: int | None = None) -> str:
    """One list of the plan as the view asks: its table (one page, or the rows of printed
    sheet ``printed``) and its pager. The block says which view it shows."""
    keys = LISTS[view.list]
    items = ordered(plan, view)
    rows = page_rows(items, view) if printed is None else printed_rows(items, printed)
    caption = CAPTIONS[view.list]
    if printed is not None and printed_parts(len(items)) > 1:
        first = printed * limits.MAX_PRINTED + 1
        caption += f"（第 {first:,}–{first + len(rows) - 1:,} 户，共 {len(items):,} 户）"
    heads = "".join(_head(key, view) for key in keys)
    return (
        f'<section class="kb-priority-list" data-list="{view.list}" {_asks(view)}>'
        f'<table class="kb-priority-table"><caption>{caption}</caption>'
        f'<thead><tr><th scope="col" class="kb-priority-cell-reasons">原因</th>{heads}</tr></thead>'
        f"<tbody>{_body(rows, keys, view, plan['groups'])}</tbody></table>"
        f"{'' if printed is not None else _pager(view, len(items))}</section>"
    )


def _print_control(visits: int) -> str:
    """The print button; a bigger plan than one sheet holds asks which part to print."""
    button = '<button type="button" class="md-button" data-action="print">打印计划</button>'
    parts = printed_parts(visits)
    if parts == 1:
        return button
    each = limits.MAX_PRINTED
    options = "".join(
        f'<option value="{part}">第 {part * each + 1:,}–{min(visits, (part + 1) * each):,} 户'
        "</option>"
        for part in range(parts)
    )
    return (
        f'<label class="kb-priority-print-part">分 {parts} 次打印，每次最多 {each:,} 户：'
        f'<select data-role="print-part">{options}</select></label>{button}'
    )


def _settings_line(s: dict) -> str:
    iv = s["check_interval_days"]
    parts = [
        f"计划月份 {s['month']}（基准日 {s['as_of']}）",
        f"容量 {s['capacity']} 户",
        f"首次检查期限 {s['first_check_days']} 天",
        "检查间隔 " + "、".join(f"{g} {d} 天" for g, d in iv.items()),
        f"随机抽样 {s['sample_share']:.0%}（至少 {s['sample_min']} 户）",
        f"高分线 {s['high_score']} 分",
        f"随机种子 {escape(s['seed'])}",
    ]
    return f'<p class="kb-priority-settings">{"；".join(parts)}</p>'


def _issues(kind: str, title: str, items: list[dict]) -> str:
    if not items:
        return ""
    heads = ("行号", "客户编号", "客户名称", "列", "问题")
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{head}">{escape(str(value))}</td>'
            for head, value in zip(
                heads, (i["row"], i["id"], i["name"], i["column"], i["message"]), strict=True
            )
        )
        + "</tr>"
        for i in items[:LISTED]
    )
    more = f"<p>另有 {len(items) - LISTED} 条未列出。</p>" if len(items) > LISTED else ""
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    return (
        f'<details class="kb-priority-issues kb-priority-{kind}" open><summary>{title}</summary>'
        f'<table class="kb-tool-stack"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>{more}</details>"
    )


def _notices(result: dict) -> str:
    s = result["summary"]
    out = []
    if s["over_capacity"]:
        out.append(
            '<div class="admonition warning kb-priority-over-notice">'
            '<p class="admonition-title">必访客户超出容量</p>'
            f"<p>本月必访客户比容量多出 {s['over_capacity']} 户，已全部列入计划并标为“超出容量”。"
            "请与主管商量增援或调整。</p></div>"
        )
    if s["errors"]:
        out.append(
            '<div class="admonition failure"><p class="admonition-title">部分行有错误</p>'
            f"<p>有 {s['bad_rows']} 行数据有误，未计入计划，详见下方“有问题的行”。"
            "改正后重新计算即可。</p></div>"
        )
    return "".join(out)


def plan_html(result: dict, plan_id: str) -> str:
    s = result["summary"]
    tiers = s["tiers"]
    cards = [(TIER_LABELS[t], tiers[t]) for t in tiers] + [
        ("已排 / 容量", f"{s['visits']} / {s['capacity']}"),
        ("未列入", s["not_planned"]),
        ("错误行", s["bad_rows"]),
        ("提示", s["warnings"]),
    ]
    summary = "".join(
        f"<li><span>{label}</span><strong>{value}</strong></li>" for label, value in cards
    )
    parts = [
        f'<div class="kb-priority-plan" data-plan="{plan_id}">',
        f'<h2 class="kb-priority-title">{s["month"]} 回访计划</h2>',
        _settings_line(result["settings"]),
        f'<ul class="kb-priority-summary" aria-label="计划概要">{summary}</ul>',
        _notices(result),
        '<div class="kb-priority-actions">'
        '<button type="button" class="md-button" data-action="export">导出 CSV</button>'
        f"{_print_control(s['visits'])}</div>",
        list_html(result, View("visits"))
        if result["visits"]
        else "<p>本月没有需要回访的客户。</p>",
        _issues(
            "errors",
            f"有问题的行（{s['errors']} 处，{s['bad_rows']} 行未计入"
            + (f"；下面列出前 {s['errors_listed']} 处" if s["errors_listed"] < s["errors"] else "")
            + "）",
            result["errors"],
        ),
        _issues("warnings", f"提示（{s['warnings']} 条，不影响计算）", result["warnings"]),
    ]
    if result["not_planned"]:
        parts.append(
            '<details class="kb-priority-not-planned">'
            f"<summary>未列入本月计划（{s['not_planned']} 户）</summary>"
            + list_html(result, View("not_planned"))
            + "</details>"
        )
    parts.append(
        '<p class="kb-priority-signoff">信贷员签字：__________　主管审阅：__________　'
        "日期：__________</p></div>"
    )
    return "".join(parts)
