"""The HTML the page shows: escaped names, the picture, the preview grid."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

import pytest

from tools.retention import preview, run
from tools.retention.picture import LABEL_PX, NARROW_PX, WIDE_PX

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


def test_result_has_a_captioned_time_line_and_the_episode():
    html = run(data())["html"]
    assert html.count("<svg") == 1 and 'aria-hidden="true"' in html  # the drawing: no text
    assert "<figcaption>&lt;b&gt;x&lt;/b&gt;&amp;：还款记录时间线</figcaption>" in html
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


@pytest.mark.parametrize("years", [1, 5, 10, 25, 40])  # opened from 1990 on
def test_time_line_year_labels_never_crowd_even_on_a_phone(years):
    """On the narrowest time line the labels shown there are LABEL_PX apart or more;
    the wide-only ones show from WIDE_PX on and keep the same distance there."""
    history = "N" * (12 * years)
    html = run({"report_month": "2030-12", "accounts": [
        {"opened": f"{2031 - years}-01", "history": history[:-12] or "N"}]})["html"]  # fmt: skip
    labels = re.findall(
        r'class="kb-retention-year( kb-retention-year-wide)?" style="left:([\d.]+)%"', html
    )
    assert labels
    for width, shown in ((NARROW_PX, [x for wide, x in labels if not wide]),
                         (WIDE_PX, [x for _, x in labels])):  # fmt: skip
        lefts = [float(x) / 100 * width for x in shown]
        assert all(b - a >= LABEL_PX for a, b in itertools.pairwise(lefts)), (
            width,
            lefts,
        )
        assert all(x <= 0.9 * width for x in lefts)


def test_every_episode_has_its_own_line_of_text():
    html = run(data(history="N1NN22NN333N"))["html"]
    notes = re.search(r'<ol class="kb-retention-episode-notes">(.*?)</ol>', html)[1]
    assert notes.count("<li>") == 3 and notes.count("起不再显示") == 3


def test_months_of_one_colour_in_a_row_are_one_shape():
    """500 accounts of one shape a month took 0.6 s to show: a run is drawn at once."""
    html = run(data(history="NNN12" + "N" * 10 + "*"))["html"]
    strip = [
        (int(x), float(width))
        for x, width in re.findall(r'<rect x="(\d+)" y="2" width="([\d.]+)"', html)
    ]
    assert len(strip) < 16
    # The runs still cover each typed month once, in order, a thin gap after each.
    assert [x for x, _ in strip] == sorted(x for x, _ in strip)
    assert sum(round(width + 0.1) for _, width in strip) == 16
    assert all(a + round(w + 0.1) == b for (a, w), (b, _) in itertools.pairwise(strip))
