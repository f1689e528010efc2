"""HTML for the page: the answer per account, and the history grid preview.
Everything user-typed goes through html.escape."""

from __future__ import annotations

from html import escape

from tools.common.dates import read_month
from tools.common.months import month_text, span
from tools.retention import codes
from tools.retention.explain import LAG_NOTE, account_sentences, deadline_text
from tools.retention.picture import history_months, timeline

MONTH_HEADS = "".join(f'<th scope="col">{m}月</th>' for m in range(1, 13))
EPISODE_HEADS = ("状态", "这份报告上", "约从哪个月的报告起不再显示", "法定删除期限")


def _notes(notes: list[dict], key: str) -> str:
    items = "".join(f"<li>{escape(n[key])}</li>" for n in notes)
    return f'<ul class="kb-retention-notes">{items}</ul>' if notes else ""


def result_html(result: dict, data: dict) -> str:
    win = result["window"]
    report = win["last"]
    parts = [
        '<div class="kb-retention-result">',
        "<h2>查询结果</h2>",
    ]
    if result["warnings"]:
        parts.append(
            '<div class="admonition warning"><p class="admonition-title">请先核对</p>'
            f"{_notes(result['warnings'], 'text')}<p>这些不影响下面的答案，"
            "但抄错的代码或日期会让答案不对。</p></div>"
        )
    parts.append(
        f'<p class="kb-retention-window"><strong>{report} 查询的报告</strong>'
        f"按模型显示 {win['first']} 至 {win['last']} 这 60 个月的逐月还款记录。</p>"
        f'<p class="kb-retention-hint">{escape(LAG_NOTE)}</p>'
    )
    for account, raw in zip(result["accounts"], data["accounts"], strict=True):
        parts.append(_account(account, raw, win, report))
    parts.append("</div>")
    return "".join(parts)


def _account(account: dict, raw: dict, win: dict, report: str) -> str:
    items = "".join(f"<li>{escape(s)}</li>" for s in account_sentences(account, win, report))
    parts = [
        '<section class="kb-retention-account">',
        f"<h3>{escape(account['name'])}</h3>",
        f'<ul class="kb-retention-facts">{items}</ul>',
    ]
    if account["record_shown"]:
        if account["episodes"]:
            parts.append(_episode_table(account["episodes"], report))
        start = raw.get("history_start") or raw.get("opened")
        months = history_months(_month_key(start), codes.normalize(raw.get("history")))
        parts.append(timeline(account, win, report, months))
    parts.append("</section>")
    return "".join(parts)


def _month_key(text) -> str:
    # Inputs were validated by check(); re-read them in the canonical YYYY-MM form.
    return month_text(read_month(text))


def _episode_table(episodes: list[dict], report: str) -> str:
    rows = []
    for e in episodes:
        months = span(e["first"], e["last"])
        if e["status"] == "unpaid":
            cells = ["未还清", "显示", "不会消失", "5 年期限尚未开始（从还清之日起算）"]
        else:
            shown = "已不显示" if report >= e["gone_from"] else "仍显示"
            cells = ["已还清", shown, e["gone_from"], deadline_text(e)]
        rows.append(
            f'<tr class="kb-retention-{e["status"]}"><th scope="row">{months}</th>'
            + "".join(
                f'<td data-label="{head}">{escape(c)}</td>'
                for head, c in zip(EPISODE_HEADS, cells, strict=True)
            )
            + "</tr>"
        )
    heads = "".join(f'<th scope="col">{head}</th>' for head in ("逾期月份", *EPISODE_HEADS))
    return (
        '<table class="kb-tool-stack kb-retention-episodes"><caption>逾期记录</caption>'
        f"<thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def grid_html(grid: dict) -> str:
    if not grid["rows"]:
        return '<p class="kb-retention-hint">填写还款记录后，这里会按报告的样式逐月排开。</p>'
    understood = (
        f'<p class="kb-retention-understood">你填了 {grid["months"]} 个月：'
        f"{span(grid['first'], grid['last'])}</p>{_notes(grid['warnings'], 'message')}"
    )
    body = []
    for row in grid["rows"]:
        cells = []
        for cell in row["cells"]:
            if cell is None:
                cells.append('<td class="kb-retention-empty"></td>')
                continue
            classes = ["kb-retention-adverse" if cell["adverse"] else "kb-retention-ok"]
            if cell["shown"]:
                classes.append("kb-retention-in")
            tip = f"{cell['month']} {codes.MEANING[cell['code']]}"
            cells.append(
                f'<td class="{" ".join(classes)}" title="{escape(tip)}">{escape(cell["code"])}</td>'
            )
        body.append(f'<tr><th scope="row">{row["year"]}</th>{"".join(cells)}</tr>')
    runs = grid["episodes"]
    found = "；".join(
        f"第 {n} 段 {span(r['first'], r['last'])}" for n, r in enumerate(runs, start=1)
    )
    note = f"识别出 {len(runs)} 段逾期" + (f"：{found}。" if runs else "。")
    return (
        understood + '<table class="kb-retention-grid">'
        "<caption>还款记录预览（框内为报告显示的月份）"
        f'</caption><thead><tr><th scope="col">年份</th>{MONTH_HEADS}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table><p class="kb-retention-hint">{note}</p>'
    )
