"""The self-check block: Markdown in, expected HTML out, side by side."""

from __future__ import annotations

import markdown
from markdown.test_tools import TestCase

from tests.site_markdown import site_markdown_kwargs
from tools.build.quiz import short_hash

QUIZ = short_hash("小测验" + "贷后是什么？" + "要查谁？")


class QuizRenders(TestCase):
    default_kwargs = site_markdown_kwargs()
    maxDiff = None

    def test_single_and_multiple_choice_with_explanations(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                /// quiz | 小测验
                ? 贷后是什么？
                - 放款以前
                + 放款以后、收回以前
                > 见[贷后](a.md#贷后)。

                ？要查谁？
                ＋ 借款人
                ＋ 保证人
                － 邻居 {不是}
                > 第一段
                > 第二段
                ///
                """
            ),
            f'<section aria-label="小测验" class="kb-quiz" data-quiz="{QUIZ}">\n'
            '<p class="kb-quiz__title">小测验</p>\n'
            '<p class="kb-quiz__intro">共 2 题。选好答案后点“核对”，马上能看到对错和解释；'
            "答题记录只保存在这台设备的浏览器里。</p>\n"
            '<ol class="kb-quiz__list">\n'
            f'<li class="kb-quiz__item" data-answer="1" data-key="{short_hash("贷后是什么？")}">\n'
            '<fieldset class="kb-quiz__question">\n'
            '<legend><span class="kb-quiz__number">1. </span>贷后是什么？'
            '<span class="kb-quiz__kind">（单选）</span></legend>\n'
            f'<label class="kb-quiz__option"><input name="{QUIZ}-1" type="radio" value="0" />'
            '<span class="kb-quiz__letter">A</span><span class="kb-quiz__text">放款以前</span>'
            "</label>"
            f'<label class="kb-quiz__option"><input name="{QUIZ}-1" type="radio" value="1" />'
            '<span class="kb-quiz__letter">B</span>'
            '<span class="kb-quiz__text">放款以后、收回以前</span></label></fieldset>\n'
            '<p class="kb-quiz__buttons" hidden="hidden">'
            '<button class="md-button kb-quiz__check" type="button">核对</button></p>\n'
            '<p aria-live="polite" class="kb-quiz__verdict"></p>\n'
            '<div class="kb-quiz__explain" hidden="hidden">\n'
            '<p>见<a href="a.md#贷后">贷后</a>。</p>\n'
            "</div>\n"
            "</li>\n"
            f'<li class="kb-quiz__item" data-answer="0,1" data-key="{short_hash("要查谁？")}">\n'
            '<fieldset class="kb-quiz__question">\n'
            '<legend><span class="kb-quiz__number">2. </span>要查谁？'
            '<span class="kb-quiz__kind">（多选）</span></legend>\n'
            f'<label class="kb-quiz__option"><input name="{QUIZ}-2" type="checkbox" value="0" />'
            '<span class="kb-quiz__letter">A</span><span class="kb-quiz__text">借款人</span>'
            "</label>"
            f'<label class="kb-quiz__option"><input name="{QUIZ}-2" type="checkbox" value="1" />'
            '<span class="kb-quiz__letter">B</span><span class="kb-quiz__text">保证人</span>'
            "</label>"
            f'<label class="kb-quiz__option"><input name="{QUIZ}-2" type="checkbox" value="2" />'
            '<span class="kb-quiz__letter">C</span><span class="kb-quiz__text">邻居 {不是}</span>'
            "</label></fieldset>\n"
            '<p class="kb-quiz__buttons" hidden="hidden">'
            '<button class="md-button kb-quiz__check" type="button">核对</button></p>\n'
            '<p aria-live="polite" class="kb-quiz__verdict"></p>\n'
            '<div class="kb-quiz__explain" hidden="hidden">\n'
            "<p>第一段</p>\n"
            "<p>第二段</p>\n"
            "</div>\n"
            "</li>\n"
            "</ol>\n"
            '<p class="kb-quiz__score" role="status"></p>\n'
            '<p class="kb-quiz__actions" hidden="hidden">'
            '<button class="md-button kb-quiz__reset" type="button">'
            "清除本页的答题记录，重新做</button></p>\n"
            "</section>",
        )

    def test_html_in_a_question_is_text(self):
        output = markdown.markdown(
            "/// quiz\n? <b>粗</b>\n+ 对\n- 错\n> 见[a](a.md)\n///", **self.default_kwargs
        )
        self.assertIn("&lt;b&gt;粗&lt;/b&gt;", output)
        self.assertNotIn("<b>", output)
