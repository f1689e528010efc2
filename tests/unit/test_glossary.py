"""The glossary extension: tooltips inside Chinese words, and the glossary block."""

from __future__ import annotations

from markdown.test_tools import TestCase

from tests.site_markdown import site_markdown_kwargs


class GlossaryRenders(TestCase):
    default_kwargs = site_markdown_kwargs()

    def test_the_glossary_block_lists_every_definition(self):
        self.assertMarkdownRenders(
            "/// glossary\n///\n\n*[展期]: 推迟还款期限\n*[贷后]: 放款以后的管理",
            '<dl class="kb-glossary"><dt>展期</dt><dd>推迟还款期限</dd>'
            "<dt>贷后</dt><dd>放款以后的管理</dd></dl>",
        )

    def test_a_term_inside_a_run_of_chinese_gets_its_tooltip_but_headings_stay_plain(self):
        self.assertMarkdownRenders(
            "# 贷后\n\n做贷后回访\n\n*[贷后]: 放款以后的管理",
            '<h1 id="贷后">贷后<a class="headerlink" href="#贷后" title="Permanent link">'
            "&para;</a></h1>\n"
            '<p>做<abbr title="放款以后的管理">贷后</abbr>回访</p>',
        )

    def test_an_ascii_term_keeps_its_word_boundaries(self):
        self.assertMarkdownRenders(
            "LPR 和 LPRS\n\n*[LPR]: 贷款市场报价利率",
            '<p><abbr title="贷款市场报价利率">LPR</abbr> 和 LPRS</p>',
        )
