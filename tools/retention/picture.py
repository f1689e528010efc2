"""A time line per account: its months, the report's 60-month window over them, adverse
months, and for each overdue episode when it leaves the report and the legal deadline.

The drawing (bars and marks, no text) is an SVG stretched to the width of the page;
every word is HTML beside it, so text keeps its size on a phone and never overlaps:
year labels are spaced for the narrowest screen (more of them show on a wide one),
and each sentence has its own line.
"""

from __future__ import annotations

from html import escape

from tools.common.months import month_text, span
from tools.retention import codes

STRIP, ROW = 16, 14  # heights (px) of the month strip and of each episode's row
COLOURS = {"adverse": "#d84315", "normal": "#43a047", "closed": "#1e88e5", "other": "#9e9e9e"}
GONE, LEGAL = "#ef6c00", "currentColor"  # the "no longer shown" and "legal deadline" marks
LEGEND = (("normal", "正常"), ("closed", "结清/结束"), ("adverse", "逾期"), ("other", "其他"))
# Year labels: one needs about 40 px; the narrowest time line is about 330 px wide
# (a 375 px phone), a wide one at least 640 px (the container query in retention.css).
LABEL_PX, NARROW_PX, WIDE_PX = 40, 330, 640


def _month(text: str) -> int:
    year, month = text[:7].split("-")
    return int(year) * 12 + int(month) - 1


def _kind(code: str) -> str:
    if code in codes.ADVERSE:
        return "adverse"
    return {"N": "normal", "C": "closed", "G": "closed"}.get(code, "other")


def _step(months: int, width_px: int) -> int:
    """Label every step-th year so that labels at least LABEL_PX apart fit ``width_px``."""
    return max(1, -(-LABEL_PX * months // (width_px * 12)))


def _years(lo: int, hi: int) -> str:
    narrow, wide = _step(hi - lo, NARROW_PX), _step(hi - lo, WIDE_PX)
    labels = []
    for year in range(-(-lo // 12), hi // 12 + 1):
        left = (year * 12 - lo) / (hi - lo) * 100
        if left > 90 or year % wide:  # the last tenth is too short for a label
            continue
        only_wide = " kb-retention-year-wide" if year % narrow else ""
        labels.append(
            f'<span class="kb-retention-year{only_wide}" style="left:{left:.2f}%">{year}</span>'
        )
    return f'<div class="kb-retention-years" aria-hidden="true">{"".join(labels)}</div>'


def _runs(history) -> list[tuple[int, int, str]]:
    """Months of one colour in a row, as (first month, how many, colour): one shape for
    each run, not one per month (500 accounts of monthly shapes took 0.6 s to show)."""
    runs: list[list] = []
    for month, code in history:
        m, colour = _month(month), COLOURS[_kind(code)]
        if runs and runs[-1][2] == colour and runs[-1][0] + runs[-1][1] == m:
            runs[-1][1] += 1
        else:
            runs.append([m, 1, colour])
    return [tuple(run) for run in runs]


def _drawing(account, window, report: int, history, lo: int, hi: int) -> str:
    episodes = account["episodes"]
    height = STRIP + ROW * len(episodes)
    parts = [
        f'<svg class="kb-retention-track" viewBox="{lo} 0 {hi - lo} {height}" '
        f'preserveAspectRatio="none" style="height:{height}px" aria-hidden="true">'
    ]
    for year in range(-(-lo // 12), hi // 12 + 1):
        parts.append(
            f'<line x1="{year * 12}" y1="0" x2="{year * 12}" y2="{height}" stroke="currentColor" '
            'stroke-opacity="0.3" vector-effect="non-scaling-stroke"/>'
        )
    for first, months, colour in _runs(history):
        width = f"{months - 0.1:g}"  # a thin gap before the next run
        parts.append(
            f'<rect x="{first}" y="2" width="{width}" height="{STRIP - 4}" fill="{colour}"/>'
        )
    first, last = _month(window["first"]), _month(window["last"])
    parts.append(
        f'<rect class="kb-retention-band" x="{first}" y="0" width="{last + 1 - first}" '
        f'height="{STRIP}" fill="#26a69a" fill-opacity="0.15" stroke="#00897b" '
        'stroke-dasharray="4 3" vector-effect="non-scaling-stroke"/>'
    )
    for row, episode in enumerate(episodes):
        y = STRIP + row * ROW + ROW / 2
        a, b = _month(episode["first"]), _month(episode["last"])
        bar = COLOURS["adverse"]
        parts.append(f'<rect x="{a}" y="{y - 3}" width="{b + 1 - a}" height="6" fill="{bar}"/>')
        if episode["status"] == "unpaid":
            end, dash = report + 1, "2 3"
        else:
            end, dash = _month(episode["legal_deadline"]), "3 3"
        parts.append(
            f'<line x1="{b + 1}" y1="{y}" x2="{end}" y2="{y}" stroke="{COLOURS["adverse"]}" '
            f'stroke-width="2" stroke-dasharray="{dash}" vector-effect="non-scaling-stroke"/>'
        )
        if episode["status"] != "unpaid":
            for month, colour in ((_month(episode["gone_from"]), GONE), (end, LEGAL)):
                parts.append(
                    f'<rect x="{month}" y="{y - 6}" width="0.8" height="12" fill="{colour}"/>'
                )
    parts.append("</svg>")
    return "".join(parts)


def _episode_text(episode: dict) -> str:
    months = span(episode["first"], episode["last"])
    if episode["status"] == "unpaid":
        return f"逾期 {months}：未还清，5 年期限未开始"
    mark = "（估算）" if episode["estimated"] else ""
    return (
        f'逾期 {months}：<span class="kb-retention-gone">▮</span> '
        f"约 {episode['gone_from']} 起不再显示；"
        f'<span class="kb-retention-legal">▮</span> 法定删除 {episode["legal_deadline"]}{mark}'
    )


def timeline(account: dict, window: dict, report: str, history: list[tuple[str, str]]) -> str:
    """``history`` is [(month, code)] of the account as typed, oldest first."""
    episodes = account["episodes"]
    ends = [_month(report)] + [
        _month(e[k]) for e in episodes for k in ("gone_from", "legal_deadline") if e[k]
    ]
    starts = [_month(window["first"])] + ([_month(history[0][0])] if history else [])
    lo, hi = min(starts), max(ends) + 2
    items = "".join(f"<li>{_episode_text(e)}</li>" for e in episodes) or "<li>没有逾期记录。</li>"
    legend = "".join(
        f'<li><span class="kb-retention-swatch" style="background:{COLOURS[kind]}"></span>'
        f"{label}</li>"
        for kind, label in LEGEND
    )
    return (
        '<figure class="kb-retention-timeline">'
        f"<figcaption>{escape(account['name'])}：还款记录时间线</figcaption>"
        f'<p class="kb-retention-window-note"><span class="kb-retention-band-key"></span> '
        f"{report} 的报告显示的 60 个月（{window['first']} 至 {window['last']}）</p>"
        f"{_years(lo, hi)}{_drawing(account, window, _month(report), history, lo, hi)}"
        f'<ol class="kb-retention-episode-notes">{items}</ol>'
        f'<ul class="kb-retention-legend">{legend}</ul></figure>'
    )


def history_months(start: str, history: str) -> list[tuple[str, str]]:
    base = _month(start)
    return [(month_text(base + i), code) for i, code in enumerate(history)]
