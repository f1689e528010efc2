"""The tools' widgets as HTML, generated from the tools' own tables at build time.

Every widget has the same shell (DESIGN.md contracts): ``[data-tool=NAME]`` with a
status line, the form, an error box and the result. Inside, the form is built from
the tool's tables (tools/priority/settings.py, tools/retention/fields.py,
tools/report/schema.py), so the page can never drift from what the tool accepts;
the example buttons come from the example files themselves.
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
from tools.report import checklists
from tools.report import files as report_files
from tools.report.record import area_name
from tools.report.schema import FIELDS as REPORT_FIELDS
from tools.report.schema import FLAGS as REPORT_FLAGS
from tools.report.schema import SECTIONS as REPORT_SECTIONS
from tools.report.schema import Field as ReportField
from tools.retention.fields import ACCOUNT, REPORT_MONTH, Field


@dataclass(frozen=True)
class Sample:
    """The priority tool's example portfolio: a real file, written for one plan month."""

    path: str  # below docs/
    month: str


PRIORITY_SAMPLE = Sample("tools/examples/priority/sample-portfolio.csv", "2026-12")
RETENTION_EXAMPLES = "tools/examples/retention/"
REPORT_EXAMPLES = "tools/examples/report/"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attributes(values: dict) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in values.items())


def field(
    ident: str, label: str, control: str, hint: str = "", extra_class: str = "", extra: str = ""
) -> str:
    """A labelled form control; ``control`` is an element with ``id={ident}`` and a
    ``{described}`` slot for the hint's id; ``extra``: more attributes of the wrapper."""
    described = f' aria-describedby="{ident}-hint"' if hint else ""
    small = f'<small id="{ident}-hint">{escape(hint)}</small>' if hint else ""
    return (
        f'<div class="kb-tool-field{extra_class}"{extra}>'
        f'<label for="{ident}">{escape(label)}</label>'
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


def examples(docs: Path, folder: str) -> list[tuple[str, str]]:
    """(key, title) of each worked example of ``folder`` (below docs/), in file order."""
    return [
        (path.stem, json.loads(path.read_text(encoding="utf-8"))["title"])
        for path in sorted((docs / folder).glob("*.json"))
    ]


def retention_examples(docs: Path) -> list[tuple[str, str]]:
    return examples(docs, RETENTION_EXAMPLES)


def example_buttons(tool: str, found: list[tuple[str, str]]) -> str:
    buttons = "".join(
        f'<button type="button" class="md-button" data-example="{key}">{escape(title)}</button>'
        for key, title in found
    )
    return (
        f'<div class="kb-{tool}-examples" role="group" aria-labelledby="{tool}-examples-label">'
        f'<span id="{tool}-examples-label">载入例子：</span>{buttons}</div>'
    )


def retention_widget(docs: Path, link) -> str:
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
    buttons = example_buttons("retention", examples(docs, RETENTION_EXAMPLES))
    return shell("retention", buttons + form, {"data-examples": link(RETENTION_EXAMPLES)})


# ---------------------------------------------------------------- report

REPORT_LEAVE_NOTE = "检查记录有改动还没有保存成文件，离开本页后不会保留。确定要离开吗？"
REPORT_REPLACE_NOTE = "检查记录有改动还没有保存成文件，打开别的记录或例子会替换掉这些内容。确定吗？"


REPORT_UNSET = "未填"  # the radio that takes an optional choice back to nothing


def _options(name: str, ident: str, options, multiple: bool = False, unset: bool = False) -> str:
    """Checkboxes, or radios; an optional radio group starts on REPORT_UNSET (value ""),
    since a picked radio cannot otherwise be cleared."""
    kind = "checkbox" if multiple else "radio"
    blank = (
        f'<label class="kb-report-option"><input type="radio" id="{ident}-0" '
        f'name="{escape(name)}" value="" checked> {REPORT_UNSET}</label>'
        if unset and not multiple
        else ""
    )
    return blank + "".join(
        f'<label class="kb-report-option"><input type="{kind}" id="{ident}-{n}" '
        f'name="{escape(name)}" value="{escape(option)}"> {escape(option)}</label>'
        for n, option in enumerate(options, start=1)
    )


def _group(ident: str, legend: str, body: str, hint: str = "", extra: str = "") -> str:
    """Radios or checkboxes under a legend (a fieldset: screen readers name the group)."""
    described = f' aria-describedby="{ident}-hint"' if hint else ""
    small = f'<small id="{ident}-hint">{escape(hint)}</small>' if hint else ""
    return (
        f'<fieldset class="kb-report-choices" id="{ident}"{described}{extra}>'
        f"<legend>{escape(legend)}</legend>{body}{small}</fieldset>"
    )


def _label(f: ReportField) -> str:
    unit = f"（{f.unit}）" if f.unit else ""
    return f"{f.label}{unit}" + ("（必填）" if f.required else "")


def _area(n: int, title: str, questions: str, f: ReportField) -> str:
    finding = area_name(title, "finding")
    ident = f"report-interview-{n}"
    text = (
        f'<textarea id="{ident}-finding" name="{finding}" rows="{f.blank_lines}" '
        f'autocomplete="off"{{described}}></textarea>'
    )
    return (
        f'<div class="kb-report-area" data-area="{escape(title)}">'
        + field(f"{ident}-finding", f"{n}. {title}", text, questions)
        + _group(
            f"{ident}-flag",
            f"{title}：标记",
            _options(area_name(title, "flag"), f"{ident}-flag", REPORT_FLAGS, unset=True),
        )
        + "</div>"
    )


def report_field(f: ReportField) -> str:
    """One field of the record's form, as its kind asks."""
    ident = f"report-{f.key}"
    extra = f' data-products="{escape(" ".join(f.products))}"' if f.products else ""
    if f.kind == "areas":
        areas = checklists.areas(f.checklist)
        return "".join(_area(n, t, q, f) for n, (t, q) in enumerate(areas, start=1))
    if f.kind in ("choice", "flag", "checks"):
        options = f.options or checklists.items(f.checklist)
        body = _options(f.key, ident, options, f.kind == "checks", unset=not f.required)
        return _group(ident, _label(f), body, f.hint, extra)
    if f.kind == "textarea":
        control = (
            f'<textarea id="{ident}" name="{f.key}" rows="{f.blank_lines + 1}" '
            'autocomplete="off"{described}></textarea>'
        )
    else:
        placeholder = "2026-03-05" if f.kind == "date" else ""
        control = text_input(ident, f.key, "", placeholder, numeric=f.kind == "number")
    wide = " kb-report-wide" if f.kind == "textarea" else ""
    return field(ident, _label(f), control, f.hint, wide, extra)


def report_form() -> str:
    sections = "".join(
        f'<fieldset class="kb-report-section" data-section="{sec.key}">'
        f"<legend>{escape(sec.title)}</legend>"
        + "".join(report_field(f) for f in sec.fields)
        + "</fieldset>"
        for sec in REPORT_SECTIONS
    )
    files = (
        '<div class="kb-report-files">'
        '<button type="button" class="md-button" data-action="save">保存记录（下载文件）</button>'
        '<label for="report-open">打开保存的记录</label>'
        '<input id="report-open" name="file" type="file" accept=".json,application/json">'
        "</div>"
    )
    return (
        f'<form class="kb-tool-form" novalidate autocomplete="off">{sections}'
        '<div class="kb-tool-submit"><button type="submit" class="md-button md-button--primary">'
        f"生成报告草稿</button></div>{files}</form>"
    )


def report_widget(docs: Path, link) -> str:
    buttons = example_buttons("report", examples(docs, REPORT_EXAMPLES))
    data = {
        "data-examples": link(REPORT_EXAMPLES),
        "data-max-bytes": str(report_files.MAX_BYTES),
        "data-leave-note": REPORT_LEAVE_NOTE,
        "data-replace-note": REPORT_REPLACE_NOTE,
        "data-fields": " ".join(REPORT_FIELDS),
    }
    return shell("report", buttons + report_form(), data)


WIDGETS = {"priority": priority_widget, "retention": retention_widget, "report": report_widget}
