"""The draft as the page shows and prints it (HTML, escaped here) and as plain text for
pasting into the core system; both from the same sections (draft.py)."""

from __future__ import annotations

from html import escape

from tools.report.draft import TITLE, Section, numbered

TEXT_TITLE = f"{TITLE}（草稿）"
# The lines a printed report is signed on: the same on the blank template (docs/forms).
SIGN_REPORT = (
    "报告对象：＿＿＿＿＿＿　报告时间：＿＿＿＿＿＿　信贷员签字：＿＿＿＿＿＿　"
    "上级意见：＿＿＿＿＿＿＿＿＿＿"
)


def _ordered(items: list[str]) -> str:
    return "".join(f"<li>{escape(item)}</li>" for item in items)


def section_html(index: int, sec: Section, level: int = 3) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in sec.paragraphs)
    if sec.items:
        body += (
            f'<p class="kb-report-list-title">{escape(sec.items_title)}：</p>'
            f"<ol>{_ordered(sec.items)}</ol>"
        )
    title = escape(numbered(index, sec.title))
    return f"<section><h{level}>{title}</h{level}>{body}</section>"


def warnings_html(warnings: list[dict]) -> str:
    if not warnings:
        return ""
    items = "".join(
        f'<li data-field="{escape(w["field"])}">{escape(w["message"])}</li>' for w in warnings
    )
    return (
        '<div class="kb-report-warnings" role="note">'
        f"<p>提交前请核对（{len(warnings)} 处）：</p><ul>{items}</ul></div>"
    )


def draft_html(sections: list[Section], client: str, level: int = 2) -> str:
    """The draft as an article, headed by the report's title (a heading of ``level``)
    and the client; its sections one level below."""
    body = "".join(section_html(i, sec, level + 1) for i, sec in enumerate(sections))
    return (
        '<article class="kb-report-draft" data-role="draft">'
        f"<h{level}>{escape(TEXT_TITLE)}</h{level}>"
        f'<p class="kb-report-client">客户：{escape(client)}</p>{body}'
        f'<p class="kb-sign">{SIGN_REPORT}</p></article>'
    )


def actions_html(text: str) -> str:
    """Copy and print buttons (the glue binds data-action), and the plain text itself for
    selecting by hand where the clipboard is not available (an intranet over plain HTTP)."""
    return (
        '<div class="kb-report-actions">'
        '<button type="button" class="md-button" data-action="copy" '
        'data-done="已复制，可以粘贴到本行系统里了">'
        "复制纯文本（录入系统用）</button>"
        '<button type="button" class="md-button" data-action="print">打印报告</button>'
        '<p class="kb-report-copied" data-role="copied" aria-live="polite"></p></div>'
        '<div class="kb-report-text" data-role="text-box" hidden>'
        '<label for="report-text">'
        "浏览器不允许直接复制：请在框里按 Ctrl+A 全选，再按 Ctrl+C 复制</label>"
        f'<textarea id="report-text" data-role="text" rows="12" readonly>{escape(text)}</textarea>'
        "</div>"
    )


def page_html(sections: list[Section], warnings: list[dict], client: str) -> str:
    """The run's answer: warnings first, then what to do with the draft, then the draft."""
    text = draft_text(sections, client)
    return warnings_html(warnings) + actions_html(text) + draft_html(sections, client)


def draft_text(sections: list[Section], client: str) -> str:
    lines = [TEXT_TITLE, f"客户：{client}", ""]
    for i, sec in enumerate(sections):
        lines.append(numbered(i, sec.title))
        lines += sec.paragraphs
        if sec.items:
            lines.append(f"{sec.items_title}：")
            lines += [f"{n}. {item}" for n, item in enumerate(sec.items, start=1)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
