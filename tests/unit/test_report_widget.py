"""The report tool's form, the blank forms and the handbook's example: all from the schema."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

from tools.build import hook_shortcodes, report_forms, widgets
from tools.report import checklists, render, schema
from tools.report.draft import SECTION_TITLES

DOCS = Path(__file__).parents[2] / "docs"


class Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names, self.ids, self.labels, self.typed = set(), [], set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("input", "textarea", "select") and a.get("name"):
            self.names.add(a["name"])
            if a.get("type") not in ("radio", "checkbox"):
                self.typed.append(a["id"])  # radios and boxes sit inside their label
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "label" and "for" in a:
            self.labels.add(a["for"])


def test_the_widget_asks_every_field_of_the_schema():
    html = widgets.WIDGETS["report"](DOCS, lambda path: path)
    parsed = Controls()
    parsed.feed(html)
    plain = {k for k, f in schema.FIELDS.items() if f.kind != "areas"}
    areas = {f"interview.{n}.{part}" for n in range(1, 11) for part in ("finding", "flag")}
    assert parsed.names == plain | areas | {"file"}
    assert len(parsed.ids) == len(set(parsed.ids))
    for item in checklists.items("warning-signals"):
        assert f'value="{item}"' in html
    assert html.count('data-example="') == 5
    assert 'data-products="农户贷款"' in html and 'autocomplete="off"' in html


def test_typed_controls_have_labels():
    parsed = Controls()
    parsed.feed(widgets.WIDGETS["report"](DOCS, lambda path: path))
    assert "report-client" in parsed.typed and "report-open" in parsed.typed
    assert set(parsed.typed) <= parsed.labels


def test_an_optional_choice_can_be_taken_back_to_unset_and_a_required_one_cannot():
    html = widgets.WIDGETS["report"](DOCS, lambda path: path)
    unset = re.findall(r'<input type="radio" id="([^"]+)" name="([^"]+)" value="" checked>', html)
    names = {name for _, name in unset}
    choices = {k for k, f in schema.FIELDS.items() if f.kind in ("choice", "flag")}
    optional = {k for k in choices if not schema.FIELDS[k].required}
    flags = {f"interview.{n}.flag" for n in range(1, 11)}
    assert optional and names == optional | flags
    assert len(unset) == len(names)  # one per group
    assert html.count(f"> {widgets.REPORT_UNSET}</label>") == len(names)
    for key in choices - optional:
        assert f'name="{key}" value=""' not in html


def test_the_printed_draft_ends_with_the_lines_to_sign_on():
    assert render.SIGN_REPORT in render.draft_html([], "示例 某某")
    assert render.SIGN_REPORT in report_forms.risk_report()


def test_the_blank_visit_record_has_every_field():
    form = report_forms.visit_record()
    for f in schema.FIELDS.values():
        if f.key == "officer_view" or f.kind == "areas":
            continue
        assert f.label in form, f.key
    for title, _ in checklists.areas():
        assert f"**{title}**" in form
    for name in ("documents", "photos", "warning-signals"):
        assert f'--8<-- "checklists/{name}.md"' in form


def test_the_report_template_follows_the_drafts_sections():
    form = report_forms.risk_report()
    places = [form.index(f"、{title}") for title in SECTION_TITLES]
    assert places == sorted(places)
    assert "正常类 180 天" in form and "以本行制度为准" in form


def test_the_shortcodes():
    page = SimpleNamespace(meta={}, url="procedure/report/", file=SimpleNamespace(src_uri="x.md"))
    config = {"docs_dir": str(DOCS)}
    out = hook_shortcodes.on_page_markdown(
        "<!-- md:form risk-report -->\n<!-- md:example report 3-small-firm-diverted -->",
        page,
        config,
    )
    assert "<h4>贷后检查报告（草稿）</h4>" in out and "<h5>一、基本情况</h5>" in out
    assert "放款当天 30 万元转入吴某个人的证券账户" in out
