"""The report tool's form, the blank forms and the handbook's example: all from the schema."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

from tools import priority, report
from tools.build import hook_shortcodes, report_forms, widgets
from tools.priority import plans
from tools.report import checklists, schema
from tools.report.draft import SECTION_TITLES
from tools.report.prefill import record_of
from tools.report.record import shaped

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


def test_prefill_from_a_planned_client():
    client = SimpleNamespace(maturity=date(2027, 1, 31), repayment="分期还款")
    entry = {
        "id": "KH1",
        "name": "甲",
        "balance": 120000.0,
        "grade": "关注",
        "dpd": 40,
        "mode": "notice",
        "tier": "must",
        "_client": client,
        "reasons": [{"code": "overdue_31", "text": "逾期 40 天（31 天及以上）", "points": None}],
    }
    assert record_of(entry) == {
        "client": "甲",
        "balance": "120000",
        "grade": "关注",
        "overdue_days": "40",
        "mode": "上门",
        "maturity": "2027-01-31",
        "repayment": "分期还款",
        "check_type": "不定期检查",
        "trigger": "逾期 40 天（31 天及以上）",
    }
    first = {**entry, "reasons": [{"code": "first_check", "text": "x", "points": None}]}
    assert record_of(first)["check_type"] == "首次检查"
    due = {**entry, "tier": "due", "reasons": []}
    assert record_of(due)["check_type"] == "定期检查"


def test_prefill_from_the_kept_plan_of_the_sample_portfolio():
    sample = (DOCS / widgets.PRIORITY_SAMPLE.path).read_text(encoding="utf-8-sig")
    planned = priority.run({"csv": sample, "settings": {"month": "2026-12"}, "today": "2026-12-01"})
    plan = plans.find({"plan": planned["data"]["plan"]})
    for entry in plan["visits"]:
        answer = report.prefill({"plan": planned["data"]["plan"], "client": entry["id"]})
        record = answer["data"]["record"]
        assert record["client"] == entry["name"] and record["grade"] == entry["grade"]
        assert record["mode"] in schema.MODES and record.get("check_type") in (
            *schema.CHECK_TYPES,
            None,
        )
        # What the plan fills in, the report tool reads without complaint.
        assert shaped(record) == record
    gone = report.prefill({"plan": planned["data"]["plan"], "client": "没有这个人"})
    assert gone["error"]["field"] == "client"
    assert report.prefill({"plan": "x", "client": "KH00001"})["error"]["field"] == "plan"
