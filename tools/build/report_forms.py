"""The printable blank forms of docs/forms/, generated from the report tool's schema.

``<!-- md:form visit-record -->`` is the visit record an officer takes along (every
field of tools/report/schema.py, in its sections), ``<!-- md:form risk-report -->``
the 贷后检查报告 template in the structure of the tool's draft (tools/report/draft.py).
Both are Markdown for the page: fields as tables with tick boxes (□) for choices,
writing lines for long answers, the trainers' checklists included as snippets (so
their problems still show in the page) and the interview areas with a flag each.
"""

from __future__ import annotations

from html import escape

from tools.priority.columns import GRADES
from tools.priority.settings import DEFAULTS
from tools.report import checklists
from tools.report.draft import SECTION_TITLES, TEMPLATE_HINTS, numbered
from tools.report.render import SIGN_REPORT
from tools.report.rules import FIVE_CLASS_FLOORS_TEXT
from tools.report.schema import FIELDS, FLAGS, PRODUCTS, SECTIONS, Field

BOX = "□"
SHORT_PRODUCTS = dict(zip(PRODUCTS, ("经营", "小微", "农户", "消费"), strict=True))
PRODUCTS_NOTE = "表中标〔经营〕〔小微〕〔农户〕〔消费〕的栏目只对相应产品填写：" + "、".join(
    f"〔{short}〕{name}" for name, short in SHORT_PRODUCTS.items()
)
SIGN_VISIT = (
    "需要补交的资料及约定时间：＿＿＿＿＿＿＿＿＿＿＿＿　检查人签字：＿＿＿＿＿＿＿＿　"
    "日期：＿＿＿＿＿＿"
)


def boxes(options) -> str:
    return "　".join(f"{BOX} {escape(o)}" for o in options)


def _th(f: Field) -> str:
    unit = f"（{f.unit}）" if f.unit else ""
    tags = "".join(f"〔{SHORT_PRODUCTS[p]}〕" for p in f.products)
    return f"<th>{escape(f.label + unit)}{tags}</th>"


def _td(f: Field, span: int = 1) -> str:
    wide = f' colspan="{span}"' if span > 1 else ""
    if f.kind in ("choice", "flag", "checks") and not f.checklist:
        return f"<td{wide}>{boxes(f.options)}</td>"
    return f"<td{wide}></td>"


def table(fields: list[Field]) -> str:
    """Short fields two to a row; a field with many choices, or left over at the end,
    takes a whole row."""
    rows, pending = [], []
    for f in fields:
        if len(f.options) > 3:
            rows.append(_th(f) + _td(f, 3))
            continue
        pending.append(f)
        if len(pending) == 2:
            rows.append("".join(_th(p) + _td(p) for p in pending))
            pending = []
    rows += [_th(p) + _td(p, 3) for p in pending]
    body = "".join(f"<tr>{r}</tr>" for r in rows)
    return f'<table class="kb-fields">{body}</table>'


def write(label: str, lines: int, hint: str = "") -> str:
    said = f"（{escape(hint)}）" if hint else ""
    return (
        f"<p><strong>{escape(label)}</strong>{said}</p>"
        f'<div class="kb-write kb-write--{min(max(lines, 1), 4)}"></div>'
    )


def snippet(name: str, columns: int = 2) -> str:
    """A trainer's checklist, included as the pages include it."""
    cols = " kb-form__cols--3" if columns == 3 else ""
    return f'<div class="kb-form__cols{cols}" markdown>\n\n--8<-- "checklists/{name}.md"\n\n</div>'


def interview(f: Field) -> str:
    """The interview areas with room to write and a flag each (print: lines per item)."""
    items = "\n".join(
        f"- [ ] {item}　〔{boxes(FLAGS)}〕" for item in checklists.raw().get(f.checklist, ())
    )
    return f'<div class="kb-form__write" markdown>\n\n{items}\n\n</div>'


def _section_body(fields: tuple[Field, ...]) -> list[str]:
    """On paper: the short fields of a section in one table, then lists, then lines."""
    short = [f for f in fields if f.kind not in ("areas", "textarea") and not f.checklist]
    parts = [table(short)] if short else []
    for f in fields:
        if f.kind == "areas":
            parts.append(interview(f))
        elif f.checklist:
            parts.append(f"<p><strong>{escape(f.label)}</strong></p>")
            parts.append(snippet(f.checklist, 3 if f.checklist == "warning-signals" else 2))
    parts += [write(f.label, f.blank_lines, f.hint) for f in fields if f.kind == "textarea"]
    return parts


def visit_record() -> str:
    """The blank visit record: every section of the schema, in order."""
    parts = ['<div class="kb-form" markdown>', f'<p class="kb-form__note">{PRODUCTS_NOTE}</p>']
    for sec in SECTIONS:
        if sec.key == "conclusion":
            continue  # written in the report, not at the visit
        parts.append(f"## {sec.title}")
        parts += _section_body(sec.fields)
    parts += [f'<p class="kb-sign">{SIGN_VISIT}</p>', "</div>"]
    return "\n\n".join(parts)


# The template's head: who, when, how, which loan.
REPORT_HEAD = (
    "client",
    "visit_date",
    "check_type",
    "mode",
    "officers",
    "met_person",
    "product",
    "balance",
    "maturity",
    "overdue_days",
    "guarantees",
)


def next_check_hint() -> str:
    days = DEFAULTS["check_interval_days"]
    others = "、".join(g for g in GRADES if g != "正常")
    return (
        f"回访优先级计算器的默认间隔：正常类 {days['正常']} 天，{others}类各 "
        f"{days['关注']} 天；本行规定不同的，以本行制度为准"
    )


def risk_report() -> str:
    """The blank 贷后检查报告: the draft's sections, each with what to write."""
    parts = ['<div class="kb-form" markdown>', table([FIELDS[k] for k in REPORT_HEAD])]
    for index, title in enumerate(SECTION_TITLES):
        parts.append(f"## {numbered(index, title)}")
        parts.append(f"<p>{escape(TEMPLATE_HINTS[title])}</p>")
        if title == "风险信号":
            parts.append(snippet("warning-signals", 3))
            parts.append(write("风险点与建议措施", 2))
            parts.append(write("须向上级报告的事项及理由", 2))
        elif title == "结论与建议":
            parts.append(
                f"<p>五级分类参考：{boxes(GRADES)}（{FIVE_CLASS_FLOORS_TEXT}；"
                "只是参考，分类由有权的部门认定，以本行制度为准）</p>"
            )
            parts.append(write("结论与建议的措施", 2))
        elif title == "下次检查":
            parts.append(f"<p>下次检查日期：＿＿＿＿＿＿＿＿（{escape(next_check_hint())}）</p>")
        else:
            parts.append('<div class="kb-write kb-write--2"></div>')
    parts += [f'<p class="kb-sign">{SIGN_REPORT}</p>', "</div>"]
    return "\n\n".join(parts)


FORMS = {"visit-record": visit_record, "risk-report": risk_report}
