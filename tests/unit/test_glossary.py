"""The glossary extension: tooltips inside Chinese words, and the glossary block."""

from __future__ import annotations

import markdown
from markdown.test_tools import TestCase

from tests.site_markdown import site_markdown_kwargs
from tools.build.terms import TERMS


class GlossaryRenders(TestCase):
    default_kwargs = site_markdown_kwargs()

    def test_the_glossary_block_gives_each_entry_a_heading_of_its_own(self):
        # One heading per entry: search shows each entry as its own result.
        link = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'
        self.assertMarkdownRenders(
            "/// glossary\n///\n\n*[展期]: 推迟还款期限\n*[贷后]: 放款以后的管理",
            '<div class="kb-glossary">'
            f'<h3 id="展期">展期{link.format("展期")}</h3><p>推迟还款期限</p>'
            f'<h3 id="贷后">贷后{link.format("贷后")}</h3><p>放款以后的管理</p></div>',
        )

    def test_the_terms_block_renders_the_term_checks_own_list(self):
        out = markdown.markdown("/// terms\n///", **self.default_kwargs)
        assert out.startswith(
            '<div class="kb-terms">\n<table>\n<thead>\n<tr>\n<th scope="col">统一用</th>\n'
            '<th scope="col">意思</th>\n<th scope="col">不要写成</th>\n'
            '<th scope="col">例外和说明</th>\n</tr>\n</thead>\n<tbody>\n'
            '<tr>\n<th scope="row">贷后检查报告</th>\n'
            "<td>信贷员做完贷后检查后交给行里的书面报告</td>\n"
            "<td>风险报告、回访报告</td>\n<td>页面网址里的 risk-report 保持不变</td>\n</tr>\n"
        ), out[:400]
        assert out.count("<tr>") == 1 + len([t for t in TERMS if t.listed])
        assert "原文" not in out  # checked, never shown
        assert '<th scope="row">回访</th>' in out and "<td>—</td>" in out

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

    def test_a_term_keeps_its_tooltip_on_its_first_mention_in_each_section_only(self):
        self.assertMarkdownRenders(
            "征信和征信\n\n- 再说征信\n\n## 下一节\n\n征信\n\n*[征信]: 信用信息",
            '<p><abbr title="信用信息">征信</abbr>和征信</p>\n'
            "<ul>\n<li>再说征信</li>\n</ul>\n"
            '<h2 id="下一节">下一节<a class="headerlink" href="#下一节" title="Permanent link">'
            "&para;</a></h2>\n"
            '<p><abbr title="信用信息">征信</abbr></p>',
        )
