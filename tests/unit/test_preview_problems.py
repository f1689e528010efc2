"""The preview: each problem in a trainer's file shows as a box where it occurs, the rest renders.

Input and expected HTML side by side, rendered with the site's extension list;
the snippets live in a temporary folder (the working directory, as under
MkDocs), and each case also checks the terminal gets the same line as ``make lint``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from markdown.test_tools import TestCase

from tests.site_markdown import site_markdown_kwargs
from tools.build import problems
from tools.build.annotate import annotate
from tools.build.checks import Context, Source


def box(where: str, what: str, fix: str) -> str:
    return (
        '<div class="kb-problem" role="note">\n'
        f'<p class="kb-problem__where">需要修改：{where}</p>\n'
        f'<p class="kb-problem__what">{what}</p>\n'
        f'<p class="kb-problem__fix">怎样改：{fix}</p>\n'
        "</div>"
    )


UNCLOSED = box(
    "snippets/s.md 第 1 行",
    "对话块没有结束行 ///，后面的内容会被当成对话。",
    "在这段对话最后一行的下面单独加一行 ///",
)
OFFICER_SAYS_HELLO = (
    '<div class="kb-dialogue">\n'
    '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
    '<p class="kb-say__text">您好</p>\n'
    "</div>\n"
    "</div>"
)
NEXT_SECTION = (
    '<h2 id="下一节">下一节<a class="headerlink" href="#下一节" title="Permanent link">'
    "&para;</a></h2>"
)


class PreviewShowsProblems(TestCase):
    maxDiff = None

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.addCleanup(os.chdir, Path.cwd())
        os.chdir(self.folder.name)
        Path("snippets").mkdir()
        self.default_kwargs = site_markdown_kwargs(Path("snippets").resolve())
        problems.new_build()

    def snippet(self, text: str | bytes, name: str = "s.md") -> None:
        path = Path("snippets") / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))

    def assertRendersWithLog(self, source: str, expected: str, *lines: str) -> None:
        with self.assertLogs("mkdocs.trainers", "WARNING") as logged:
            self.assertMarkdownRenders(source, expected)
        self.assertEqual([record.getMessage() for record in logged.records], list(lines))

    def test_an_unknown_speaker_is_shown_before_the_turn_with_a_did_you_mean(self):
        self.snippet("/// dialogue\n信贷员：您好\n客戶：好的\n///\n")
        fix = (
            "你是不是想写“客户”？改成“客户：”；"
            "如果“客戶”是新角色，在 snippets/speakers.txt 加一行“客戶 = 英文样式名”"
        )
        self.assertRendersWithLog(
            '--8<-- "s.md"',
            '<div class="kb-dialogue">\n'
            '<div class="kb-say kb-say--officer"><span class="kb-say__who">信贷员</span>'
            '<p class="kb-say__text">您好</p>\n'
            "</div>\n" + box("snippets/s.md 第 3 行", "未知的说话人「客戶」。", fix) + "\n"
            '<div class="kb-say kb-say--other"><span class="kb-say__who">客戶</span>'
            '<p class="kb-say__text">好的</p>\n'
            "</div>\n"
            "</div>",
            f"snippets/s.md:3: 未知的说话人「客戶」。怎样改：{fix}",
        )

    def test_an_unclosed_block_ends_with_its_file_and_the_next_heading_stays(self):
        self.snippet("/// dialogue\n信贷员：您好\n")
        self.assertRendersWithLog(
            '--8<-- "s.md"\n\n## 下一节\n\n正文',
            f"{UNCLOSED}\n{OFFICER_SAYS_HELLO}\n{NEXT_SECTION}\n<p>正文</p>",
            "snippets/s.md:1: 对话块没有结束行 ///，后面的内容会被当成对话。"
            "怎样改：在这段对话最后一行的下面单独加一行 ///",
        )

    def test_a_file_with_a_bom_renders_like_any_other(self):
        self.snippet("\ufeff/// dialogue\n信贷员：您好\n///\n".encode())  # as Notepad saves
        with self.assertNoLogs("mkdocs.trainers"):
            self.assertMarkdownRenders('--8<-- "s.md"', OFFICER_SAYS_HELLO)

    def test_a_gbk_file_is_shown_with_the_way_to_save_it_as_utf8(self):
        self.snippet("/// dialogue\n信贷员：您好\n///\n".encode("gbk"))
        what = "文件是用 GBK（GB18030）编码保存的，网站只认 UTF-8 编码。"
        fix = (
            "用记事本打开这个文件，点“文件 → 另存为”，把下面的“编码”选成“UTF-8”再保存"
            "（VS Code：点窗口右下角的编码名称 → “通过编码保存” → “UTF-8”）"
        )
        # Named at the first line that is not UTF-8, where the box shows.
        self.assertRendersWithLog(
            '--8<-- "s.md"',
            OFFICER_SAYS_HELLO.replace(
                "\n", "\n" + box("snippets/s.md 第 2 行", what, fix) + "\n", 1
            ),
            f"snippets/s.md:2: {what}怎样改：{fix}",
        )

    def test_a_missing_file_is_left_out_and_named(self):
        self.assertRendersWithLog(
            '前文\n\n--8<-- "gone.md"\n\n后文',
            "<p>前文</p>\n"
            + box(
                "snippets/page.md 第 3 行",
                "引用的文件“gone.md”不存在。",
                "检查文件名（从 snippets/ 下面算起），或恢复被删掉的文件",
            )
            + "\n<p>后文</p>",
            "snippets/page.md:3: 引用的文件“gone.md”不存在。"
            "怎样改：检查文件名（从 snippets/ 下面算起），或恢复被删掉的文件",
        )

    def test_a_bad_checklist_line_is_shown_between_the_good_items(self):
        self.snippet("- [ ] 流水\n-[ ] 发票\n- [ ] 合同\n", "checklists/c.md")
        self.assertRendersWithLog(
            '--8<-- "checklists/c.md"',
            '<ul class="task-list">\n'
            '<li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox"/><span class="task-list-indicator"></span></label> 流水</li>\n'
            "</ul>\n"
            + box(
                "snippets/checklists/c.md 第 2 行",
                "勾选框的写法不对，这一条不会显示成可以勾的框。",
                "每条写成“- [ ] 内容”：减号、空格、半角方括号里一个空格，再一个空格",
            )
            + "\n<p>-[ ] 发票</p>\n"
            '<ul class="task-list">\n'
            '<li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox"/><span class="task-list-indicator"></span></label> 合同</li>\n'
            "</ul>",
            "snippets/checklists/c.md:2: 勾选框的写法不对，这一条不会显示成可以勾的框。"
            "怎样改：每条写成“- [ ] 内容”：减号、空格、半角方括号里一个空格，再一个空格",
        )

    def assertMarkdownRenders(self, source, expected, **kwargs):
        # A page's own text is marked by the page hook; here as if it were snippets/page.md.
        context = Context.create(Path.cwd(), ["snippets"], [], str(speakers_file()))
        page = Source("snippets/page.md", Path("snippets/page.md"), source)
        super().assertMarkdownRenders(annotate(page, context), expected, **kwargs)


def speakers_file() -> Path:
    return Path(__file__).resolve().parents[2] / "snippets" / "speakers.txt"
