"""The dialogue extension: Markdown in, expected HTML out, side by side.

Every case renders with the full extension list of mkdocs.yml (attr_list,
abbr, snippets, our glossary extension …), so an interaction between them shows up here.
"""

from __future__ import annotations

import textwrap

import markdown
import pytest

from tools.build.dialogue import SpeakerError, classify, parse_speakers, split_choices
from tools.build.snippet_lint import ROOT, read_mkdocs_config
from tools.build.terms import TERMS


def site_markdown() -> markdown.Markdown:
    names, configs = [], {}
    for entry in read_mkdocs_config()["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = dict(options or {})
    # Same extensions; paths made absolute, and no glossary so the HTML is stable.
    configs["pymdownx.snippets"].update(base_path=[str(ROOT / "snippets")], auto_append=[])
    configs["tools.build.dialogue"]["speakers_file"] = str(ROOT / "snippets" / "speakers.txt")
    return markdown.Markdown(extensions=names, extension_configs=configs)


def render(source: str) -> str:
    return site_markdown().convert(textwrap.dedent(source).strip("\n"))


CASES = {
    "a turn with a placeholder at the end of the line": (
        """
        /// dialogue
        信贷员：您好！请问您是{客户姓名}
        ///
        """,
        '<div class="kb-dialogue">\n'
        '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
        '<p class="kb-say__text">您好！请问您是<span class="kb-slot">客户姓名</span></p>\n'
        "</div>\n"
        "</div>",
    ),
    "a placeholder on a line of its own continues the turn": (
        """
        /// dialogue
        信贷员：最后说一句
        {结束语}
        ///
        """,
        '<div class="kb-dialogue">\n'
        '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
        '<p class="kb-say__text">最后说一句</p>\n'
        '<p class="kb-say__text"><span class="kb-slot">结束语</span></p>\n'
        "</div>\n"
        "</div>",
    ),
    "title, choice and stage direction, blank lines inside": (
        """
        /// dialogue | 第一段
        客户：好 / 一般

        （聊得好时再说）
        担保人：行／不行
        ///
        """,
        '<div class="kb-dialogue">\n'
        '<p class="kb-dialogue__title">第一段</p>\n'
        '<div class="kb-say kb-say--client"><span class="kb-say__who">客户</span>'
        '<p class="kb-say__text"><span class="kb-choice">'
        '<span class="kb-choice__option">好</span><span class="kb-choice__or">或</span>'
        '<span class="kb-choice__option">一般</span></span></p>\n'
        "</div>\n"
        '<p class="kb-note">聊得好时再说</p>\n'
        '<div class="kb-say kb-say--guarantor"><span class="kb-say__who">担保人</span>'
        '<p class="kb-say__text"><span class="kb-choice">'
        '<span class="kb-choice__option">行</span><span class="kb-choice__or">或</span>'
        '<span class="kb-choice__option">不行</span></span></p>\n'
        "</div>\n"
        "</div>",
    ),
    "HTML in script text is escaped, Markdown emphasis still works": (
        """
        /// dialogue | 标题<b>
        信贷员：*真的* & <script>alert(1)</script>
        （别说<i>这句</i>）
        ///
        """,
        '<div class="kb-dialogue">\n'
        '<p class="kb-dialogue__title">标题&lt;b&gt;</p>\n'
        '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
        '<p class="kb-say__text"><em>真的</em> &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n'
        "</div>\n"
        '<p class="kb-note">别说&lt;i&gt;这句&lt;/i&gt;</p>\n'
        "</div>",
    ),
    "glossary tooltips reach inside a dialogue and inside Chinese words": (
        """
        /// dialogue
        信贷员：今天顺路做贷后回访
        ///

        *[贷后]: 放款以后的管理
        """,
        '<div class="kb-dialogue">\n'
        '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
        '<p class="kb-say__text">今天顺路做<abbr title="放款以后的管理">贷后</abbr>回访</p>\n'
        "</div>\n"
        "</div>",
    ),
    "text after the closing line is ordinary Markdown again": (
        """
        /// dialogue
        客户：好的
        ///
        之后的段落
        """,
        '<div class="kb-dialogue">\n'
        '<div class="kb-say kb-say--client"><span class="kb-say__who">客户</span>'
        '<p class="kb-say__text">好的</p>\n'
        "</div>\n"
        "</div>\n"
        "<p>之后的段落</p>",
    ),
}


@pytest.mark.parametrize(("source", "expected"), CASES.values(), ids=CASES.keys())
def test_renders(source, expected):
    assert render(source) == expected


def test_attr_list_is_really_active_outside_dialogues():
    # The control case: without our block, attr_list eats the trailing braces.
    assert render("段落\n{客户姓名}") == "<p 客户姓名>段落</p>"


def test_unknown_speaker_renders_neutral_and_warns(caplog):
    with caplog.at_level("WARNING", logger="mkdocs.extensions.dialogue"):
        out = render("/// dialogue\n经理：您好\n///")
    assert '<div class="kb-say kb-say--other"><span class="kb-say__who">经理</span>' in out
    assert "经理" in caplog.text


def test_glossary_block_gives_each_definition_its_own_heading():
    out = render("/// glossary\n///\n\n*[展期]: 推迟还款期限\n*[贷后]: 放款以后的管理")
    link = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'
    assert out == (
        '<div class="kb-glossary">'
        f'<h3 id="展期">展期{link.format("展期")}</h3><p>推迟还款期限</p>'
        f'<h3 id="贷后">贷后{link.format("贷后")}</h3><p>放款以后的管理</p></div>'
    )


def test_terms_block_renders_the_term_checks_own_list():
    out = render("/// terms\n///")
    assert out.startswith(
        '<div class="kb-terms">\n<table>\n<thead>\n<tr>\n<th scope="col">统一用</th>\n'
        '<th scope="col">意思</th>\n<th scope="col">不要写成</th>\n'
        '<th scope="col">例外和说明</th>\n</tr>\n</thead>\n<tbody>\n'
        '<tr>\n<th scope="row">贷后检查报告</th>\n<td>信贷员做完贷后检查后交给行里的书面报告</td>\n'
        "<td>风险报告、回访报告</td>\n<td>页面网址里的 risk-report 保持不变</td>\n</tr>\n"
    )
    assert out.count("<tr>") == 1 + len([t for t in TERMS if t.listed])
    assert "原文" not in out  # checked, never shown
    assert '<th scope="row">回访</th>' in out and "<td>—</td>" in out


@pytest.mark.parametrize(
    ("line", "kind", "who", "text"),
    [
        ("信贷员：您好", "say", "信贷员", "您好"),
        ("客户: ok", "say", "客户", "ok"),
        ("（只在聊得好时说）", "note", "", "只在聊得好时说"),
        ("接着上一句", "more", "", "接着上一句"),
        ("   ", "blank", "", ""),
    ],
)
def test_classify(line, kind, who, text):
    item = classify(line)
    assert (item.kind, item.who, item.text) == (kind, who, text)


def test_split_choices_needs_spaces_around_an_ascii_slash():
    assert split_choices("好 / 一般") == ["好", "一般"]
    assert split_choices("有／没有") == ["有", "没有"]
    assert split_choices("1/2 的客户") == ["1/2 的客户"]


def test_speakers_file_format():
    assert parse_speakers("# 注释\n信贷员 = officer\n\n客户=client  # 行尾注释\n") == {
        "信贷员": "officer",
        "客户": "client",
    }
    with pytest.raises(SpeakerError, match=r"^f:2: 说话人这一行看不懂"):
        parse_speakers("信贷员 = officer\n客户 = 客户\n", "f")
