"""The HTML the page shows: escaped names, the picture, the preview grid."""

from __future__ import annotations

from html.parser import HTMLParser

from tools.retention import preview, run

NAME = "<b>x</b>&"


def data(**account):
    base = {"name": NAME, "opened": "2017-01", "history": "NN1N" + "N" * 20}
    return {"report_month": "2019-01", "accounts": [{**base, **account}]}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def tags(html: str) -> list[str]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_names_are_escaped_everywhere():
    html = run(data())["html"]
    assert "<b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;&amp;" in html
    assert "b" not in tags(html)


def test_result_has_a_titled_picture_and_the_episode():
    html = run(data())["html"]
    assert html.count("<svg") == 1
    assert "<title>" in html
    assert "2022-03 起不再显示" in html
    assert "2022-04（估算）" in html


def test_given_repayment_date_is_not_an_estimate():
    html = run(data(repaid_on=["2017-04-02"]))["html"]
    assert "法定删除 2022-04-02" in html
    assert "估算" not in html


def test_unpaid_says_the_clock_has_not_started():
    html = run(data(history="NN12"))["html"]
    assert "5 年" in html and "尚未开始" in html


def test_account_not_yet_opened_has_no_picture():
    html = run({**data(), "report_month": "2016-06"})["html"]
    assert "<svg" not in html
    assert "还没有这个账户" in html


def test_preview_lays_out_years_by_months():
    env = preview({"opened": "2017-11", "history": "N1N<", "report_month": "2022-06"})
    assert env["ok"] is False and env["error"]["field"] == "history"
    env = preview({"opened": "2017-11", "history": "N1NN", "report_month": "2022-11"})
    rows = env["data"]["rows"]
    assert [r["year"] for r in rows] == [2017, 2018]
    assert [c and c["code"] for c in rows[0]["cells"]][10:] == ["N", "1"]
    assert rows[0]["cells"][10]["shown"] is False and rows[1]["cells"][0]["shown"] is True
    assert env["html"].count("<tr>") == 3  # head + two years
    assert "第 1 段 2017-12" in env["html"]


def test_preview_without_history_is_a_hint():
    env = preview({"opened": "", "history": ""})
    assert env["ok"] is True and "<table" not in env["html"]
