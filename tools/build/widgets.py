"""The tools' widgets as HTML, generated from the tools' own tables at build time.

Every widget has the same shell (DESIGN.md contracts): ``[data-tool=NAME]`` with a
status line, the form, an error box and the result. Inside, the form is built from
the tool's tables (tools/priority/settings.py, tools/retention/fields.py), so the
page can never drift from what the tool accepts; the example buttons come from the
example files themselves.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from tools.priority import limits
from tools.priority.columns import COLUMNS
from tools.priority.headers import VARIANTS
from tools.priority.settings import DEFAULTS, HINTS, LABELS, WEIGHTS
from tools.retention.fields import ACCOUNT, REPORT_MONTH, Field


@dataclass(frozen=True)
class Sample:
    """The priority tool's example portfolio: a real file, written for one plan month."""

    path: str  # below docs/
    month: str


PRIORITY_SAMPLE = Sample("tools/examples/priority/sample-portfolio.csv", "2026-12")
RETENTION_EXAMPLES = "tools/examples/retention/"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attributes(values: dict) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in values.items())


def field(ident: str, label: str, control: str, hint: str = "", extra_class: str = "") -> str:
    """A labelled form control; ``control`` is an element with ``id={ident}`` and a
    ``{described}`` slot for the hint's id."""
    described = f' aria-describedby="{ident}-hint"' if hint else ""
    small = f'<small id="{ident}-hint">{escape(hint)}</small>' if hint else ""
    return (
        f'<div class="kb-tool-field{extra_class}"><label for="{ident}">{escape(label)}</label>'
        f"{control.format(described=described)}{small}</div>"
    )


def text_input(ident: str, name: str, value="", placeholder="", numeric=False) -> str:
    mode = ' inputmode="numeric"' if numeric else ""
    hint = f' placeholder="{escape(placeholder)}"' if placeholder else ""
    return (
        f'<input id="{ident}" name="{escape(name)}" type="text" value="{escape(str(value))}"'
        f'{mode}{hint} autocomplete="off"{{described}}>'
    )


def shell(tool: str, body: str, data: dict | None = None) -> str:
    """The widget: status line, ``body`` (the form and what goes with it), error, result."""
    return (
        f'<div class="kb-tool kb-{tool}" data-tool="{tool}"{attributes(data or {})}>'
        '<p class="kb-tool-status" data-role="status" aria-live="polite">正在准备计算工具…</p>'
        f"{body}"
        f'<div class="kb-tool-error" id="{tool}-error" data-role="error" role="alert" hidden></div>'
        '<div class="kb-tool-result" data-role="result"></div></div>'
    )


# ---------------------------------------------------------------- priority


def columns_table() -> str:
    """The page's table of the columns the calculator reads (Markdown)."""
    lines = ["| 列名 | 必填 | 可填写的值 | 说明 |", "| --- | --- | --- | --- |"]
    for c in COLUMNS:
        also = "、".join(VARIANTS.get(c.key, ()))
        note = "；".join(part for part in (c.note, f"也认得：{also}" if also else "") if part)
        lines.append(f"| {c.header} | {'必填' if c.required else '选填'} | {c.accepts} | {note} |")
    return "\n".join(lines)


def _setting(name: str, label: str, value=None, step: str = "1", placeholder: str = "") -> str:
    """A settings field: a number with its default, or (no default) text left blank."""
    ident = "priority-" + name.replace(".", "-")
    if value is None:
        control = text_input(ident, name, "", placeholder)
    else:
        control = (
            f'<input id="{ident}" name="{escape(name)}" type="number" value="{value}" min="0" '
            f'step="{step}" inputmode="decimal" autocomplete="off"{{described}}>'
        )
    return field(ident, label, control, HINTS.get(name, ""))


def _settings_form() -> str:
    fields = [
        _setting("month", LABELS["month"], placeholder="本月"),
        _setting("capacity", LABELS["capacity"] + "（户）", DEFAULTS["capacity"]),
        _setting("first_check_days", LABELS["first_check_days"], DEFAULTS["first_check_days"]),
        *(
            _setting(f"check_interval_days.{g}", f"{g}类检查间隔（天）", days)
            for g, days in DEFAULTS["check_interval_days"].items()
        ),
        _setting("sample_share", LABELS["sample_share"], DEFAULTS["sample_share"], "0.01"),
        _setting("sample_min", LABELS["sample_min"] + "（户）", DEFAULTS["sample_min"]),
        _setting("seed", LABELS["seed"]),
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
        + _setting("high_score", LABELS["high_score"] + "（分）", DEFAULTS["high_score"])
        + '<table class="kb-priority-weights"><thead><tr>'
        '<th scope="col">因素</th><th scope="col">分值</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        '<button type="button" class="md-button" data-action="restore">恢复默认值</button>'
        "</details>"
    )
    return (
        '<fieldset class="kb-priority-settings-form"><legend>计划设置</legend>'
        f'<div class="kb-tool-grid">{"".join(fields)}</div>{weights}</fieldset>'
    )


def sample_clients(docs: Path) -> int:
    with (docs / PRIORITY_SAMPLE.path).open(encoding="utf-8-sig", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def priority_widget(docs: Path, link) -> str:
    """``link(path)``: the URL of a docs/ file, relative to the page."""
    accept = f".csv,.txt,.tsv,.xlsx,text/csv,{XLSX_TYPE}"
    files = (
        '<fieldset class="kb-priority-input"><legend>客户表</legend>'
        '<div class="kb-priority-drop" data-role="drop">'
        '<label for="priority-file">选择文件（CSV 或 Excel .xlsx，读第一个工作表）</label>'
        f'<input id="priority-file" name="file" type="file" accept="{accept}">'
        '<p class="kb-priority-drop-hint">也可以把文件直接拖到这个框里。</p>'
        '<p class="kb-priority-file-name" data-role="file-name" aria-live="polite"></p></div>'
        '<button type="button" class="md-button" data-action="sample">'
        f"载入示例数据（{sample_clients(docs)} 户）</button>"
        + field(
            "priority-paste",
            "或者：在 Excel 中选中整张表（含表头）复制，粘贴到这里",
            '<textarea id="priority-paste" name="paste" rows="4" spellcheck="false" '
            'autocomplete="off" placeholder="客户编号&#9;客户名称&#9;区域&#9;…"'
            "{described}></textarea>",
            extra_class=" kb-priority-paste",
        )
        + "</fieldset>"
    )
    form = (
        f'<form class="kb-tool-form" novalidate>{files}{_settings_form()}'
        '<div class="kb-tool-submit"><button type="submit" class="md-button md-button--primary">'
        "生成回访计划</button></div></form>"
    )
    month = PRIORITY_SAMPLE.month
    data = {
        "data-sample": link(PRIORITY_SAMPLE.path),
        "data-sample-month": month,
        # What the file line says: {name} is the chosen file's name.
        "data-sample-note": f"已载入示例数据（按 {month} 编制，计划月份已设为 {month}）",
        "data-file-note": "已选择：{name}",
        # A bigger file is not read: the page sends only its size, Python says why.
        "data-max-bytes": str(limits.MAX_FILE_BYTES),
        "data-month-back-note": f"示例数据是按 {month} 编制的，计划月份已改回默认（本月）",
    }
    return shell("priority", form, data)


# ---------------------------------------------------------------- retention


def _retention_control(f: Field, ident: str) -> str:
    if f.kind == "codes":
        return (
            f'<textarea id="{ident}" name="{f.name}" rows="2" autocomplete="off" '
            f'spellcheck="false" placeholder="{escape(f.placeholder)}"{{described}}></textarea>'
        )
    return text_input(ident, f.name, "", f.placeholder, numeric=f.kind == "month")


def _retention_field(f: Field, suffix: str = "") -> str:
    ident = f"retention-{f.name}{suffix}"
    return field(ident, f.prompt, _retention_control(f, ident), f.hint)


def retention_examples(docs: Path) -> list[tuple[str, str]]:
    """(key, title) of each worked example, in file order."""
    return [
        (path.stem, json.loads(path.read_text(encoding="utf-8"))["title"])
        for path in sorted((docs / RETENTION_EXAMPLES).glob("*.json"))
    ]


def retention_widget(docs: Path, link) -> str:
    buttons = "".join(
        f'<button type="button" class="md-button" data-example="{key}">{escape(title)}</button>'
        for key, title in retention_examples(docs)
    )
    examples = (
        '<div class="kb-retention-examples" role="group" '
        'aria-labelledby="retention-examples-label">'
        f'<span id="retention-examples-label">载入例子：</span>{buttons}</div>'
    )
    short = [f for f in ACCOUNT if f.kind in ("month", "text")]
    long = [f for f in ACCOUNT if f not in short]
    account = (
        # The page numbers the accounts it adds with the same words ({n}: the place).
        '<fieldset class="kb-retention-account" data-role="account" data-legend="账户 {n}">'
        "<legend>账户 1</legend>"
        '<div class="kb-tool-grid">'
        + "".join(_retention_field(f, "-1") for f in short)
        + "</div>"
        + _retention_field(long[0], "-1")
        + '<div class="kb-retention-preview" data-role="preview" aria-live="polite"></div>'
        + "".join(_retention_field(f, "-1") for f in long[1:])
        + '<button type="button" class="md-button kb-retention-remove" data-action="remove">'
        "删除这个账户</button></fieldset>"
    )
    form = (
        f'<form class="kb-tool-form" novalidate>{_retention_field(REPORT_MONTH)}'
        f'<div data-role="accounts">{account}</div>'
        '<div class="kb-retention-actions">'
        '<button type="button" class="md-button" data-action="add">添加账户</button>'
        '<button type="submit" class="md-button md-button--primary">查询</button></div></form>'
    )
    return shell("retention", examples + form, {"data-examples": link(RETENTION_EXAMPLES)})


WIDGETS = {"priority": priority_widget, "retention": retention_widget}
