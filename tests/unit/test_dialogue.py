"""The dialogue block: Markdown in, expected HTML out, side by side.

Every case renders with the full extension list of mkdocs.yml (attr_list,
abbr, snippets, our glossary extension …), so an interaction between them shows up.
"""

from __future__ import annotations

import pytest
from markdown.test_tools import TestCase

from tests.site_markdown import site_markdown_kwargs
from tools.build.dialogue_syntax import classify, parse_speakers, split_choices

SPEAKERS = {"信贷员": "officer", "客户": "client"}


class DialogueRenders(TestCase):
    default_kwargs = site_markdown_kwargs()
    maxDiff = None

    def test_a_turn_with_a_placeholder_at_the_end_of_the_line(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                /// dialogue
                信贷员：您好！请问您是{客户姓名}
                ///
                """
            ),
            '<div class="kb-dialogue">\n'
            '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
            '<p class="kb-say__text">您好！请问您是<span class="kb-slot">客户姓名</span></p>\n'
            "</div>\n"
            "</div>",
        )

    def test_a_placeholder_on_a_line_of_its_own_continues_the_turn(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                /// dialogue
                信贷员：最后说一句
                {结束语}
                ///
                """
            ),
            '<div class="kb-dialogue">\n'
            '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
            '<p class="kb-say__text">最后说一句</p>\n'
            '<p class="kb-say__text"><span class="kb-slot">结束语</span></p>\n'
            "</div>\n"
            "</div>",
        )

    def test_title_choice_and_stage_direction_with_blank_lines_inside(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                /// dialogue | 第一段
                客户：好 / 一般

                （聊得好时再说）
                担保人：行／不行
                ///
                """
            ),
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
        )

    def test_html_in_script_text_is_escaped_and_emphasis_still_works(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                /// dialogue | 标题<b>
                信贷员：*真的* & <script>alert(1)</script>
                （别说<i>这句</i>）
                ///
                """
            ),
            '<div class="kb-dialogue">\n'
            '<p class="kb-dialogue__title">标题&lt;b&gt;</p>\n'
            '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
            '<p class="kb-say__text"><em>真的</em> &amp; '
            "&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
            "</div>\n"
            '<p class="kb-note">别说&lt;i&gt;这句&lt;/i&gt;</p>\n'
            "</div>",
        )

    def test_glossary_tooltips_reach_inside_a_dialogue_and_inside_chinese_words(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                /// dialogue
                信贷员：今天顺路做贷后回访
                ///

                *[贷后]: 放款以后的管理
                """
            ),
            '<div class="kb-dialogue">\n'
            '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
            '<p class="kb-say__text">今天顺路做<abbr title="放款以后的管理">贷后</abbr>回访</p>\n'
            "</div>\n"
            "</div>",
        )

    def test_text_after_the_closing_line_is_ordinary_markdown_again(self):
        self.assertMarkdownRenders(
            "/// dialogue\n客户：好的\n///\n之后的段落\n\n## 下一节",
            '<div class="kb-dialogue">\n'
            '<div class="kb-say kb-say--client"><span class="kb-say__who">客户</span>'
            '<p class="kb-say__text">好的</p>\n'
            "</div>\n"
            "</div>\n"
            "<p>之后的段落</p>\n"
            '<h2 id="下一节">下一节<a class="headerlink" href="#下一节" title="Permanent link">'
            "&para;</a></h2>",
        )

    def test_a_word_like_biru_with_a_colon_is_text_not_a_speaker(self):
        self.assertMarkdownRenders(
            "/// dialogue\n信贷员：您可以这样问\n比如：最近生意怎么样？\n///",
            '<div class="kb-dialogue">\n'
            '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
            '<p class="kb-say__text">您可以这样问</p>\n'
            '<p class="kb-say__text">比如：最近生意怎么样？</p>\n'
            "</div>\n"
            "</div>",
        )

    def test_an_unknown_speaker_renders_with_the_neutral_style(self):
        self.assertMarkdownRenders(
            "/// dialogue\n经理：您好\n///",
            '<div class="kb-dialogue">\n'
            '<div class="kb-say kb-say--other"><span class="kb-say__who">经理</span>'
            '<p class="kb-say__text">您好</p>\n'
            "</div>\n"
            "</div>",
        )

    def test_braces_inside_a_dialogue_never_reach_attr_list(self):
        self.assertMarkdownRenders(
            "/// dialogue\n信贷员：您好\n{客户姓名}\n///",
            '<div class="kb-dialogue">\n'
            '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
            '<p class="kb-say__text">您好</p>\n'
            '<p class="kb-say__text"><span class="kb-slot">客户姓名</span></p>\n'
            "</div>\n"
            "</div>",
        )

    def test_attr_list_is_really_active_outside_dialogues(self):
        # The control case for the one above: outside a block the braces are eaten.
        self.assertMarkdownRenders("段落\n{客户姓名}", "<p 客户姓名>段落</p>")


@pytest.mark.parametrize(
    ("line", "kind", "who", "text"),
    [
        ("信贷员：您好", "say", "信贷员", "您好"),
        ("客户: ok", "say", "客户", "ok"),
        ("经理：您好", "say", "经理", "您好"),
        ("比如：最近怎么样", "more", "", "比如：最近怎么样"),
        ("注意：别提还款", "more", "", "注意：别提还款"),
        ("（只在聊得好时说）", "note", "", "只在聊得好时说"),
        ("接着上一句", "more", "", "接着上一句"),
        ("   ", "blank", "", ""),
    ],
)
def test_classify(line, kind, who, text):
    item = classify(line, SPEAKERS)
    assert (item.kind, item.who, item.text) == (kind, who, text)


def test_a_listed_role_wins_over_the_example_words():
    assert classify("注意事项：别提还款", {"注意事项": "other"}).kind == "say"


def test_split_choices_needs_spaces_around_an_ascii_slash():
    assert split_choices("好 / 一般") == ["好", "一般"]
    assert split_choices("有／没有") == ["有", "没有"]
    assert split_choices("1/2 的客户") == ["1/2 的客户"]


def test_speakers_file_format():
    speakers, problems = parse_speakers(
        "# 注释\n信贷员 = officer\n\n客户=client  # 行尾注释\n", "f"
    )
    assert (speakers, problems) == ({"信贷员": "officer", "客户": "client"}, [])
    speakers, problems = parse_speakers("信贷员 = officer\n客户 = 客户\n", "f")
    assert speakers == {"信贷员": "officer"}
    assert [str(p) for p in problems] == [
        "f:2: 说话人这一行看不懂：“客户 = 客户”。"
        "怎样改：写成“中文角色 = 英文样式名”，例如“担保人 = guarantor”"
    ]
