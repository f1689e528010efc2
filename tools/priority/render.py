"""HTML of the plan (summary, notices, first table page) and of later table pages.

Everything the user typed is escaped here; the page glue only inserts this HTML.
Big plans stay small: one page of rows is rendered, the glue asks for the next.
"""

from __future__ import annotations

from html import escape

from tools.priority.model import MODES, PURPOSES
from tools.priority.planner import TIER_LABELS, WHY

PAGE_SIZE = 100
LISTED = 200  # error and warning rows shown; the rest are counted


def _client(e: dict) -> str:
    return f'<span class="pp-id">{escape(e["id"])}</span> {escape(e["name"])}'


def _tier(e: dict) -> str:
    tier = e["tier"]
    if tier is None:
        return "—"
    badge = ' <span class="pp-badge pp-over">超出容量</span>' if e.get("over_capacity") else ""
    return f'<span class="pp-tier pp-tier-{tier}">{TIER_LABELS[tier]}</span>{badge}'


# Per list: (sort key, header, cell). The glue sorts the full list by these keys.
COLUMNS = {
    "visits": (
        ("week", "周", lambda e: str(e["week"])),
        ("area", "区域", lambda e: escape(e["area"]) or "（未填）"),
        ("id", "客户", _client),
        ("tier", "层级", _tier),
        ("score", "得分", lambda e: str(e["score"])),
        ("purpose", "目的", lambda e: PURPOSES[e["purpose"]]),
        ("mode", "方式", lambda e: MODES[e["mode"]]),
    ),
    "not_planned": (
        ("area", "区域", lambda e: escape(e["area"]) or "（未填）"),
        ("id", "客户", _client),
        ("tier", "层级", _tier),
        ("score", "得分", lambda e: str(e["score"])),
        ("next_check", "下次检查", lambda e: e["next_check"]),
        ("why", "说明", lambda e: WHY[e["why"]]),
    ),
}


def _reasons(e: dict) -> str:
    items = []
    for r in e["reasons"]:
        if r["points"] is None:
            items.append(f'<li><span class="pp-must">必访</span> {escape(r["text"])}</li>')
        else:
            items.append(f'<li>{escape(r["text"])} <b class="pp-points">+{r["points"]}</b></li>')
    if not items:
        items.append("<li>无风险因素：随机抽中或按期检查</li>")
    total = f'<p class="pp-total">合计 {e["score"]} 分（表第 {e["row"]} 行）</p>'
    return f'<ul class="pp-reason-list">{"".join(items)}</ul>{total}'


def _row(e: dict, cols: tuple, list_name: str) -> str:
    rid = f"pp-{list_name}-{e['rank']}"
    tier = e["tier"] or "none"
    cells = "".join(f'<td data-label="{h}">{cell(e)}</td>' for _, h, cell in cols)
    button = (
        f'<button type="button" class="pp-expand" aria-expanded="false" aria-controls="{rid}">'
        f'原因<span class="pp-sr">：{escape(e["name"])}</span></button>'
    )
    width = len(cols) + 1
    return (
        f'<tr class="pp-row pp-row-{tier}"><td class="pp-col-why">{button}</td>{cells}</tr>'
        f'<tr class="pp-reasons" id="{rid}" hidden><td colspan="{width}">'
        f'<div class="pp-reasons-box">{_reasons(e)}</div></td></tr>'
    )


def rows_html(data: dict) -> str:
    """Body rows for ``data['items']`` of list ``data['list']``; group headings if ``grouped``."""
    list_name = data.get("list", "visits")
    cols = COLUMNS[list_name]
    groups = data.get("groups") or []
    out, current = [], None
    for e in data.get("items") or []:
        if data.get("grouped") and e.get("group") is not None and e["group"] != current:
            current = e["group"]
            g = groups[current]
            out.append(
                f'<tr class="pp-group"><th colspan="{len(cols) + 1}" scope="rowgroup">'
                f"第 {g['week']} 周 · {escape(g['area']) or '（未填区域）'}"
                f"（{g['count']} 户）</th></tr>"
            )
        out.append(_row(e, cols, list_name))
    return "".join(out)


def page_info(data: dict) -> str:
    """ "第 2 / 5 页，共 480 户" for a page starting at ``start`` of ``total`` rows."""
    total = int(data.get("total") or 0)
    pages = max(1, -(-total // PAGE_SIZE))
    current = int(data.get("start") or 0) // PAGE_SIZE + 1
    return f"第 {current} / {pages} 页，共 {total} 户"


def _table(list_name: str, items: list[dict], groups: list[dict], caption: str) -> str:
    cols = COLUMNS[list_name]
    grouped = list_name == "visits"
    heads = "".join(
        f'<th scope="col" aria-sort="none">'
        f'<button type="button" data-sort="{key}">{h}</button></th>'
        for key, h, _ in cols
    )
    body = rows_html(
        {"list": list_name, "items": items[:PAGE_SIZE], "groups": groups, "grouped": grouped}
    )
    pager = ""
    if len(items) > PAGE_SIZE:
        pager = (
            f'<nav class="pp-pager" data-list="{list_name}" aria-label="{caption}分页">'
            '<button type="button" data-page="-1" disabled>上一页</button>'
            f'<span data-role="page-info">{page_info({"start": 0, "total": len(items)})}</span>'
            '<button type="button" data-page="1">下一页</button></nav>'
        )
    return (
        f'<div class="pp-table-wrap" role="region" tabindex="0" aria-label="{caption}">'
        f'<table class="pp-table" data-list="{list_name}" data-page-size="{PAGE_SIZE}">'
        f'<caption>{caption}</caption><thead><tr><th scope="col" class="pp-col-why">原因</th>'
        f"{heads}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>{pager}"
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
    return f'<p class="pp-settings">{"；".join(parts)}</p>'


def _issues(kind: str, title: str, items: list[dict]) -> str:
    if not items:
        return ""
    rows = "".join(
        f"<tr><td>{i['row']}</td><td>{escape(str(i.get('id') or ''))}</td>"
        f"<td>{escape(i['column'])}</td><td>{escape(i['message'])}</td></tr>"
        for i in items[:LISTED]
    )
    more = f"<p>另有 {len(items) - LISTED} 条未列出。</p>" if len(items) > LISTED else ""
    return (
        f'<details class="pp-issues pp-{kind}" open><summary>{title}</summary>'
        # Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
        f'<div class="pp-table-wrap" role="region" tabindex="0" aria-label="{escape(title)}">'
        '<table class="pp-table"><thead><tr><th scope="col">行号</th>'
        '<th scope="col">客户编号</th><th scope="col">列</th><th scope="col">问题</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>{more}</details>"
    )


def _notices(result: dict) -> str:
    s = result["summary"]
    out = []
    if s["over_capacity"]:
        out.append(
            '<div class="admonition warning pp-over-notice">'
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


def _display_order(visits: list[dict]) -> list[dict]:
    return sorted(visits, key=lambda v: (v["week"], v["group"], v["rank"]))


def plan_html(result: dict) -> str:
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
    visits = result["visits"]
    parts = [
        f'<h2 class="pp-title">{s["month"]} 回访计划</h2>',
        _settings_line(result["settings"]),
        f'<ul class="pp-summary" aria-label="计划概要">{summary}</ul>',
        _notices(result),
        '<div class="pp-actions">'
        '<button type="button" class="md-button" data-action="export">导出 CSV</button>'
        '<button type="button" class="md-button" data-action="print">打印计划</button></div>',
        _table("visits", _display_order(visits), result["groups"], "本月回访计划")
        if visits
        else "<p>本月没有需要回访的客户。</p>",
        _issues(
            "errors",
            f"有问题的行（{s['errors']} 处，{s['bad_rows']} 行未计入）",
            result["errors"],
        ),
        _issues("warnings", f"提示（{s['warnings']} 条，不影响计算）", result["warnings"]),
    ]
    if result["not_planned"]:
        parts.append(
            '<details class="pp-not-planned">'
            f"<summary>未列入本月计划（{s['not_planned']} 户）</summary>"
            + _table("not_planned", result["not_planned"], [], "未列入本月计划的客户")
            + "</details>"
        )
    parts.append(
        '<p class="pp-signoff">信贷员签字：__________　主管审阅：__________　日期：__________</p>'
    )
    return "".join(parts)
