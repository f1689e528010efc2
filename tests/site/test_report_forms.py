"""The blank forms and the handbook's example report, as built: made from the report
tool's schema and Python, not written by hand."""

from __future__ import annotations

import json
import re
from html import unescape

from tests.server import ROOT
from tools import report
from tools.report import checklists
from tools.report.schema import FLAGS

from .test_print_and_dates import read


def text_of(site_server, path: str) -> str:
    """The page's text: tags (the glossary's abbr too) and entities gone."""
    return unescape(re.sub(r"<[^>]+>", "", read(site_server, path)))


def test_the_visit_record_has_each_interview_area_with_its_flags(site_server):
    html = read(site_server, "forms/visit-record/index.html")
    for title, _ in checklists.areas():
        assert f"<strong>{title}</strong>" in html
    assert html.count("〔□ " + "　□ ".join(FLAGS) + "〕") == len(checklists.areas())
    text = text_of(site_server, "forms/visit-record/index.html")
    for item in checklists.items("warning-signals") + checklists.items("photos"):
        assert item in text


def test_the_report_template_has_the_drafts_sections(site_server):
    html = read(site_server, "forms/risk-report/index.html")
    for heading in ("一、基本情况", "四、担保情况", "七、下次检查"):
        assert heading in html
    assert "正常类 180 天" in html


def test_the_report_page_shows_the_tools_own_draft_of_the_example(site_server):
    text = text_of(site_server, "procedure/report/index.html")
    path = ROOT / "docs/tools/examples/report/3-small-firm-diverted.json"
    example = json.loads(path.read_text(encoding="utf-8"))
    result = report.compute({"record": example["record"], "today": example["today"]})
    for sec in result["sections"]:
        for paragraph in sec.paragraphs + sec.items:
            assert paragraph in text
    assert "须向上级报告：" in text
