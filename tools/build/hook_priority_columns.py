"""MkDocs hook: the priority page's column table and settings form, from the tool's own tables.

The page holds two markers; the column table comes from tools/priority/columns.py and
the settings form (defaults, the weights table) from tools/priority/settings.py, so the
page can never drift from what the tool accepts.
"""

from __future__ import annotations

from html import escape

from tools.priority.columns import GRADES, markdown_table
from tools.priority.settings import DEFAULTS, LABELS, WEIGHTS

PAGE = "tools/priority.md"
COLUMNS_MARK = "<!-- priority:columns -->"
SETTINGS_MARK = "<!-- priority:settings -->"
HINTS = {
    "month": "留空即本月（按本机日期）；所有规则以该月 1 日为基准日",
    "sample_share": "0 到 1 之间的小数，0.05 即 5%",
    "seed": "留空即等于计划月份；同一份数据、同一种子，抽中的客户相同",
}


def _field(name: str, label: str, value, kind: str = "number", step: str = "1") -> str:
    ident = "priority-" + name.replace(".", "-")
    extra = f' step="{step}" min="0" inputmode="decimal"' if kind == "number" else ""
    hint = f'<small id="{ident}-hint">{HINTS[name]}</small>' if name in HINTS else ""
    described = f' aria-describedby="{ident}-hint"' if hint else ""
    return (
        f'<div class="kb-priority-field"><label for="{ident}">{escape(label)}</label>'
        f'<input id="{ident}" name="{escape(name)}" type="{kind}" value="{escape(str(value))}"'
        f'{extra}{described} autocomplete="off">{hint}</div>'
    )


def settings_form() -> str:
    fields = [
        _field("month", LABELS["month"], "", kind="text"),
        _field("capacity", LABELS["capacity"] + "（户）", DEFAULTS["capacity"]),
        _field("first_check_days", LABELS["first_check_days"], DEFAULTS["first_check_days"]),
        *(
            _field(
                f"check_interval_days.{g}",
                f"{g}类检查间隔（天）",
                DEFAULTS["check_interval_days"][g],
            )
            for g in GRADES
        ),
        _field("sample_share", LABELS["sample_share"], DEFAULTS["sample_share"], step="0.01"),
        _field("sample_min", LABELS["sample_min"] + "（户）", DEFAULTS["sample_min"]),
        _field("seed", LABELS["seed"], "", kind="text"),
    ]
    rows = "".join(
        f'<tr><th scope="row"><label for="priority-weights-{key}">{escape(label)}</label></th>'
        f'<td><input id="priority-weights-{key}" name="weights.{key}" type="number" min="0" '
        f'step="1" value="{points}"></td></tr>'
        for key, label, points in WEIGHTS
    )
    weights = (
        '<details class="kb-priority-advanced"><summary>高级：评分表与高分线</summary>'
        "<p>每项因素的分值（默认值来自本站“回访计划”一章，可按本行制度调整）。"
        "得分达到高分线的客户列为“高分”。</p>"
        + _field("high_score", LABELS["high_score"] + "（分）", DEFAULTS["high_score"])
        + '<div class="kb-priority-table-wrap"><table class="kb-priority-weights"><thead><tr>'
        '<th scope="col">因素</th><th scope="col">分值</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        '<button type="button" class="md-button" data-action="restore">恢复默认值</button>'
        "</details>"
    )
    return (
        '<fieldset class="kb-priority-settings-form"><legend>计划设置</legend>'
        f'<div class="kb-priority-grid">{"".join(fields)}</div>{weights}</fieldset>'
    )


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    for mark in (COLUMNS_MARK, SETTINGS_MARK):
        if mark not in markdown:
            raise ValueError(f"{PAGE} lost its marker {mark}")
    return markdown.replace(COLUMNS_MARK, markdown_table()).replace(SETTINGS_MARK, settings_form())
