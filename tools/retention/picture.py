"""An SVG time line per account: its months, the report's 60-month window over them,
adverse months, and for each overdue episode when it leaves the report and the legal
deadline. Drawn on a fixed viewBox so it scales (the page lets it scroll on phones)."""

from __future__ import annotations

from html import escape

from tools.common.months import month_text
from tools.retention import codes as C

WIDTH = 760
LEFT, RIGHT = 16, 210  # the right margin leaves room for the last label
TOP = 58  # y of the month strip
STRIP = 18
ROW = 40  # height of one episode row

COLOURS = {"adverse": "#d84315", "normal": "#43a047", "closed": "#1e88e5", "other": "#9e9e9e"}


def _month(text: str) -> int:
    year, month = text[:7].split("-")
    return int(year) * 12 + int(month) - 1


def _kind(code: str) -> str:
    if code in C.ADVERSE:
        return "adverse"
    return {"N": "normal", "C": "closed", "G": "closed"}.get(code, "other")


def _text(x: float, y: float, label: str, anchor: str = "start", size: int = 13) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="currentColor">{escape(label)}</text>'
    )


def svg(account: dict, window: dict, report: str, history: list[tuple[str, str]]) -> str:
    """``history`` is [(month, code)] of the account as typed, oldest first."""
    episodes = account["episodes"]
    ends = [_month(report)] + [
        _month(e[k]) for e in episodes for k in ("gone_from", "legal_deadline") if e[k]
    ]
    starts = [_month(window["first"])] + ([_month(history[0][0])] if history else [])
    lo, hi = min(starts), max(ends) + 1
    scale = (WIDTH - LEFT - RIGHT) / max(hi - lo, 1)

    def x(month: int) -> float:
        return LEFT + (month - lo) * scale

    height = TOP + STRIP + 34 + ROW * max(len(episodes), 1)
    title = f"{account['name']}：还款记录时间线"
    parts = [
        f'<svg class="kb-retention-svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(_describe(account, window, report))}</desc>",
    ]
    # Year ticks above the strip.
    step = -(-30 // max(int(12 * scale), 1))  # label every step-th year so labels never touch
    for year in range(lo // 12, hi // 12 + 1):
        if lo <= year * 12 < hi and year % step == 0:
            parts.append(
                f'<line x1="{x(year * 12):.1f}" y1="{TOP - 14}" x2="{x(year * 12):.1f}" '
                f'y2="{TOP + STRIP}" stroke="currentColor" stroke-opacity="0.25"/>'
            )
            parts.append(_text(x(year * 12) + 2, TOP - 4, str(year), size=11))
    # The report's window as a band over the strip.
    first, last = _month(window["first"]), _month(window["last"])
    parts.append(
        f'<rect class="kb-retention-band" x="{x(first):.1f}" y="{TOP - 30}" '
        f'width="{x(last + 1) - x(first):.1f}" height="{STRIP + 34}" fill="#26a69a" '
        'fill-opacity="0.15" stroke="#00897b" stroke-dasharray="4 3"/>'
    )
    parts.append(_text(x(first) + 3, TOP - 18, f"{report} 的报告显示的 60 个月", size=12))
    for month, code in history:
        m = _month(month)
        parts.append(
            f'<rect x="{x(m):.1f}" y="{TOP}" width="{max(scale - 0.4, 0.6):.2f}" '
            f'height="{STRIP}" fill="{COLOURS[_kind(code)]}"><title>{month} {escape(code)} '
            f"{escape(C.MEANING[code])}</title></rect>"
        )
    parts.extend(_legend(TOP + STRIP + 8))
    for row, episode in enumerate(episodes):
        parts.extend(_episode(episode, TOP + STRIP + 34 + row * ROW + 14, x, _month(report)))
    if not episodes:
        parts.append(_text(LEFT, TOP + STRIP + 50, "没有逾期记录。"))
    parts.append("</svg>")
    return "".join(parts)


LEGEND = (("normal", "正常"), ("closed", "结清/结束"), ("adverse", "逾期"), ("other", "其他"))


def _legend(y: float) -> list[str]:
    out = []
    for place, (kind, label) in enumerate(LEGEND):
        left = LEFT + place * 90
        out.append(f'<rect x="{left}" y="{y}" width="10" height="10" fill="{COLOURS[kind]}"/>')
        out.append(_text(left + 14, y + 9.5, label, size=12))
    return out


def _episode(episode: dict, y: float, x, report: int) -> list[str]:
    a, b = _month(episode["first"]), _month(episode["last"])
    out = [
        f'<rect x="{x(a):.1f}" y="{y - 5}" width="{max(x(b + 1) - x(a), 2):.1f}" height="10" '
        f'fill="{COLOURS["adverse"]}"/>'
    ]
    if episode["status"] == "unpaid":
        out.append(
            f'<line x1="{x(b + 1):.1f}" y1="{y}" x2="{x(report + 1) + 8:.1f}" y2="{y}" '
            f'stroke="{COLOURS["adverse"]}" stroke-width="3" stroke-dasharray="2 3"/>'
        )
        out.append(_text(x(report + 1) + 12, y + 4, "未还清：5 年期限未开始"))
        return out
    gone, legal = _month(episode["gone_from"]), _month(episode["legal_deadline"])
    out.append(
        f'<line x1="{x(b + 1):.1f}" y1="{y}" x2="{x(legal):.1f}" y2="{y}" '
        'stroke="currentColor" stroke-opacity="0.5" stroke-dasharray="3 3"/>'
    )
    out.append(f'<path d="M{x(gone):.1f} {y - 7} l-5 -8 h10 z" fill="#ef6c00"/>')
    out.append(_text(x(gone) - 8, y - 9, f"{episode['gone_from']} 起不再显示", anchor="end"))
    out.append(f'<path d="M{x(legal):.1f} {y - 6} l6 6 l-6 6 l-6 -6 z" fill="currentColor"/>')
    mark = "（估算）" if episode["estimated"] else ""
    out.append(_text(x(legal) + 9, y + 14, f"法定删除 {episode['legal_deadline']}{mark}"))
    return out


def _describe(account: dict, window: dict, report: str) -> str:
    bits = [f"窗口 {window['first']} 至 {window['last']}"]
    for e in account["episodes"]:
        if e["status"] == "unpaid":
            bits.append(f"逾期 {e['first']} 起未还清")
        else:
            bits.append(
                f"逾期 {e['first']} 至 {e['last']}，{e['gone_from']} 起不再显示，"
                f"法定删除期限 {e['legal_deadline']}"
            )
    return "；".join(bits)


def history_months(start: str, codes: str) -> list[tuple[str, str]]:
    base = _month(start)
    return [(month_text(base + i), code) for i, code in enumerate(codes)]
