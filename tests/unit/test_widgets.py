"""Page parts generated from the tools' tables by the shortcode hook: Markdown in,
HTML out; the generated forms send exactly what the tools accept."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from tools.build import widgets
from tools.build.hook_shortcodes import on_page_markdown
from tools.priority import columns, rules, settings
from tools.priority.headers import VARIANTS
from tools.retention import check
from tools.retention.fields import ACCOUNT, REPORT_MONTH

DOCS = Path(__file__).resolve().parents[2] / "docs"
CONFIG = {"docs_dir": str(DOCS)}


def page(src_uri: str = "tools/x.md", tool: str | None = None):
    """Stands in for mkdocs' Page: its file, URL and front matter."""
    url = src_uri.removesuffix(".md") + "/"
    meta = {"tool": tool} if tool else {}
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url, meta=meta)


def render(markdown: str, **where) -> str:
    return on_page_markdown(markdown, page(**where), CONFIG)


def widget(tool: str) -> str:
    return render(f"<!-- md:tool {tool} -->", src_uri=f"tools/{tool}.md", tool=tool)


class Controls(HTMLParser):
    """The widget's form controls (name -> value), buttons and data attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.values: dict[str, str] = {}
        self.attrs: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attrs.append({"tag": tag, **attrs})
        if tag in ("input", "textarea") and attrs.get("name") and attrs.get("type") != "file":
            self.values[attrs["name"]] = attrs.get("value") or ""

    def having(self, name: str) -> list[dict]:
        return [a for a in self.attrs if name in a]


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("逾期 <!-- md:rule priority.notice_dpd --> 天", f"逾期 {rules.NOTICE_DPD} 天"),
        ("窗口 <!-- md:rule retention.window --> 个月", "窗口 60 个月"),
        ("<!-- md:columns priority -->", widgets.columns_table()),
        ("示例 <!-- md:sample priority --> 户", f"示例 {widgets.sample_clients(DOCS)} 户"),
        ("<!-- 普通注释 -->", "<!-- 普通注释 -->"),
    ],
)
def test_shortcodes(markdown, html):
    assert render(markdown) == html


@pytest.mark.parametrize(
    ("markdown", "where"),
    [
        ("<!-- md:version 1.0 -->", {}),
        ("<!-- md:rule priority.nothing -->", {}),
        ("<!-- md:columns retention -->", {}),
        ("<!-- md:tool priority -->", {}),  # no front matter: not a tool page
        ("<!-- md:tool retention -->", {"tool": "priority"}),
        ("没有工具", {"tool": "priority"}),  # front matter, but no widget
        ("<!-- md:tool priority --><!-- md:tool priority -->", {"tool": "priority"}),
    ],
)
def test_unknown_or_misplaced_shortcodes_stop_the_build(markdown, where):
    with pytest.raises(ValueError):
        render(markdown, **where)


@pytest.mark.parametrize("tool", ["priority", "retention"])
def test_widget_keeps_the_contracts(tool):
    html = widget(tool)
    found = Controls(html)
    (root,) = found.having("data-tool")
    assert root["data-tool"] == tool
    roles = [a["data-role"] for a in found.having("data-role")]
    assert {"status", "error", "result"} <= set(roles)
    ids = [a["id"] for a in found.having("id")]
    assert len(ids) == len(set(ids))
    labelled = {a["for"] for a in found.having("for")}
    assert {a["id"] for a in found.attrs if a["tag"] in ("input", "textarea")} <= labelled


def test_priority_form_sends_what_the_settings_accept():
    found = Controls(widget("priority"))
    names = set(found.values) - {"paste"}
    weights = {f"weights.{key}" for key, _, _ in settings.WEIGHTS}
    assert weights <= names and {"month", "seed", "capacity", "high_score"} <= names
    # The form as it comes, month left blank: the defaults, for this month.
    chosen = settings.validate({n: found.values[n] for n in names}, 2026 * 12 + 2)
    assert chosen["month"] == "2026-03" and chosen["seed"] == "2026-03"
    assert chosen["weights"] == settings.DEFAULT_WEIGHTS
    assert {k: chosen[k] for k in settings.DEFAULTS} == settings.DEFAULTS
    (sample,) = found.having("data-sample")
    assert sample["data-sample"] == "../examples/priority/sample-portfolio.csv"
    assert found.having("data-action") and any(
        a["data-action"] == "sample" for a in found.having("data-action")
    )


def test_retention_form_sends_what_the_checker_accepts():
    found = Controls(widget("retention"))
    assert set(found.values) == {REPORT_MONTH.name, *(f.name for f in ACCOUNT)}
    account = {name: "" for name in found.values if name != REPORT_MONTH.name}
    account.update(opened="2020-01", history="NNN1N")
    result = check({"report_month": "2021-06", "accounts": [account]})
    assert result["accounts"][0]["episodes"][0]["first"] == "2020-04"


def test_retention_example_buttons_are_the_example_files():
    found = Controls(widget("retention"))
    buttons = [a["data-example"] for a in found.having("data-example")]
    files = sorted((DOCS / widgets.RETENTION_EXAMPLES).glob("*.json"))
    assert buttons == [p.stem for p in files]
    html = widget("retention")
    for path in files:
        assert f">{json.loads(path.read_text('utf-8'))['title']}</button>" in html
    (root,) = found.having("data-examples")
    assert root["data-examples"] == "../examples/retention/"


def test_column_table_names_every_column_and_its_other_names():
    table = widgets.columns_table()
    for col in columns.COLUMNS:
        assert f"| {col.header} | {'必填' if col.required else '选填'} |" in table
        for name in VARIANTS.get(col.key, ()):
            assert name in table
