"""The script checker: each kind of problem, reported once, with file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tools.build.checks.includes import find_includes
from tools.build.snippet_lint import lint, main

MKDOCS_YML = """\
site_name: t
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
markdown_extensions:
  - attr_list
  - tools.build.snippets:
      base_path: [snippets]
      check_paths: true
      auto_append: [glossary.md]
      speakers_file: &speakers snippets/speakers.txt
  - tools.build.dialogue:
      speakers_file: *speakers
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
"""


def make_tree(root: Path, files: dict[str, str]) -> Path:
    base = {
        "mkdocs.yml": MKDOCS_YML,
        "snippets/speakers.txt": "信贷员 = officer\n客户 = client\n",
        "snippets/glossary.md": "*[贷后]: 放款以后的管理\n",
        "docs/index.md": "# 首页\n",
    }
    for name, text in {**base, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    problems, _, _ = lint(root)
    return [str(problem) for problem in problems]


def test_a_clean_tree_passes(tmp_path, capsys):
    root = make_tree(
        tmp_path,
        {
            "snippets/s.md": "/// dialogue\n信贷员：您好，{客户姓名}\n客户：好 / 一般\n///\n",
            "docs/p.md": '# 页\n\n--8<-- "s.md"\n',
        },
    )
    assert messages(root) == []
    assert main(["--root", str(root)]) == 0
    assert "话术检查通过" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("script", "line", "expected"),
    [
        ("/// dialogue\n经理：您好\n///\n", 2, "未知的说话人「经理」。怎样改："),
        ("/// dialogue\n信贷员：您好{客户姓名\n///\n", 2, "有“{”没有配对的“}”"),
        ("/// dialogue\n信贷员：您好客户姓名}\n///\n", 2, "多了一个“}”"),
        ("/// dialogue\n信贷员：您好{{客户}}\n///\n", 2, "占位符里又套了一个“{”"),
        ("/// dialogue\n信贷员：您好{ }\n///\n", 2, "占位符是空的"),
        ("文字\n\n/// dialogue | 空的\n\n（只有提示）\n///\n", 3, "对话块是空的"),
        ("/// dialogue\n信贷员：您好\n", 1, "对话块没有结束行"),
        ("/// dialogue\n信贷员：您好\n\n## 下一节\n", 1, "对话块没有结束行"),
        ("/// dialogue\n信贷员：您好\n/// dialogue\n客户：好\n///\n", 1, "对话块没有结束行"),
        ("/// dialogue\n您好，我是小王\n///\n", 2, "这一句没有说话人"),
    ],
)
def test_each_dialogue_problem_names_file_and_line(tmp_path, script, line, expected):
    root = make_tree(tmp_path, {"snippets/s.md": script, "docs/p.md": '--8<-- "s.md"\n'})
    found = messages(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"snippets/s.md:{line}: ")
    assert expected in found[0]
    assert "怎样改：" in found[0]


def test_a_snippet_no_page_includes_is_reported_but_appended_files_are_not(tmp_path):
    root = make_tree(tmp_path, {"snippets/scripts/orphan.md": "- [ ] 清单\n"})
    assert messages(root) == [
        "snippets/scripts/orphan.md:1: 没有任何页面引用这个文件，它不会出现在网站上。"
        '怎样改：在要显示它的页面里单独写一行 --8<-- "scripts/orphan.md"，或删掉这个文件'
    ]


def test_a_page_including_a_missing_snippet_is_reported(tmp_path, capsys):
    root = make_tree(tmp_path, {"docs/p.md": '# 页\n\n--8<-- "scripts/gone.md"\n'})
    found = messages(root)
    assert len(found) == 1
    assert found[0].startswith("docs/p.md:3: 引用的文件“scripts/gone.md”不存在。怎样改：")
    assert main(["--root", str(root)]) == 1
    assert "发现 1 个问题" in capsys.readouterr().out


def test_snippets_included_by_snippets_count_as_used(tmp_path):
    root = make_tree(
        tmp_path,
        {
            "docs/p.md": '--8<-- "outer.md"\n',
            "snippets/outer.md": '--8<-- "inner.md"\n',
            "snippets/inner.md": "文字\n",
        },
    )
    assert messages(root) == []


def test_dialogue_syntax_inside_code_fences_is_not_checked(tmp_path):
    root = make_tree(tmp_path, {"docs/p.md": "```text\n/// dialogue\n经理：示例\n///\n```\n"})
    assert messages(root) == []


def test_a_bad_speakers_line_is_reported(tmp_path):
    root = make_tree(tmp_path, {"snippets/speakers.txt": "信贷员 = officer\n客户 客户\n"})
    found = messages(root)
    assert found == [
        "snippets/speakers.txt:2: 说话人这一行看不懂：“客户 客户”。"
        "怎样改：写成“中文角色 = 英文样式名”，例如“担保人 = guarantor”"
    ]


def test_find_includes_reads_every_form_and_skips_escaped_ones():
    text = textwrap.dedent(
        """\
        --8<-- "a.md"
          --8<-- 'b.md:2:5'
        ;--8<-- "escaped.md"
        --8<-- ";commented.md"
        --8<--
        c.md

        d.md:intro
        --8<--
        --8<-- "https://example.invalid/x.md"
        """
    )
    assert find_includes(text) == [(1, "a.md"), (2, "b.md"), (6, "c.md"), (8, "d.md")]


@pytest.mark.parametrize(
    ("who", "fix"),
    [
        ("客戶", "你是不是想写“客户”？"),  # traditional for simplified
        ("信货员", "你是不是想写“信贷员”？"),  # one character off
        ("经理", "改成已有的角色（信贷员、客户）"),  # nothing close: the list
    ],
)
def test_an_unknown_speaker_gets_a_did_you_mean(tmp_path, who, fix):
    root = make_tree(
        tmp_path,
        {"snippets/s.md": f"/// dialogue\n{who}：您好\n///\n", "docs/p.md": '--8<-- "s.md"\n'},
    )
    assert messages(root) == [
        f"snippets/s.md:2: 未知的说话人「{who}」。怎样改：{fix}"
        + ("" if fix.endswith("）") else f"改成“{fix[7:-2]}：”")
        + f"；如果“{who}”是新角色，在 snippets/speakers.txt 加一行“{who} = 英文样式名”"
    ]


def test_example_words_with_a_colon_are_text_not_speakers(tmp_path):
    script = "/// dialogue\n信贷员：可以这样问\n比如：最近生意怎么样？\n注意：语气要轻松\n///\n"
    root = make_tree(tmp_path, {"snippets/s.md": script, "docs/p.md": '--8<-- "s.md"\n'})
    assert messages(root) == []


@pytest.mark.parametrize(
    ("data", "line", "expected"),
    [
        ("/// dialogue\n信贷员：您好\n///\n".encode("gbk"), 2, "文件是用 GBK（GB18030）编码保存的"),
        ("/// dialogue\n信贷员：您好\n///\n".encode("utf-16"), 1, "文件是用 UTF-16"),
        (
            "/// dialogue\n信贷员：".encode() + b"\xff\n///\n",
            2,
            "文件是用一种不是 UTF-8 的编码保存的",
        ),
    ],
)
def test_a_file_not_in_utf8_is_named_with_the_way_to_save_it(tmp_path, data, line, expected):
    root = make_tree(tmp_path, {"docs/p.md": '--8<-- "s.md"\n'})
    (root / "snippets/s.md").write_bytes(data)
    found = messages(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"snippets/s.md:{line}: {expected}")
    assert "另存为" in found[0] and "UTF-8" in found[0]


def test_a_file_with_a_bom_is_fine(tmp_path):
    root = make_tree(tmp_path, {"docs/p.md": '--8<-- "s.md"\n'})
    (root / "snippets/s.md").write_bytes("\ufeff/// dialogue\n信贷员：您好\n///\n".encode())
    assert messages(root) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("-[ ] 发票", "勾选框的写法不对"),
        ("- [] 发票", "勾选框的写法不对"),
        ("- ［ ］ 发票", "勾选框的写法不对"),
        ("- [x] 发票", "这一条的框已经打了勾"),
        ("- 发票", "这一条没有勾选框"),
        ("发票和合同", "这一行不是清单条目"),
    ],
)
def test_checklist_format(tmp_path, line, expected):
    checklist = f"<!-- 说明可以写在注释里 -->\n- [ ] 流水\n{line}\n"
    root = make_tree(
        tmp_path, {"snippets/checklists/c.md": checklist, "docs/p.md": '--8<-- "checklists/c.md"\n'}
    )
    found = messages(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"snippets/checklists/c.md:3: {expected}")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("*[展期]：推迟还款", "术语这一行用了全角符号或少了星号"),
        ("[展期]: 推迟还款", "术语这一行用了全角符号或少了星号"),
        ("*[展期]:", "术语“展期”没有解释"),
        ("*[贷后]: 又一条", "术语“贷后”在第 1 行已经有解释了"),
        ("展期就是推迟还款", "这一行不是术语定义"),
    ],
)
def test_glossary_format(tmp_path, line, expected):
    root = make_tree(tmp_path, {"snippets/glossary.md": f"*[贷后]: 放款以后的管理\n{line}\n"})
    found = messages(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"snippets/glossary.md:2: {expected}")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "/// dialog | 标题",
            "看不懂“/// dialog”，这一块不会显示。怎样改：你是不是想写“/// dialogue”？",
        ),
        ("/// dialogue 标题", "“/// dialogue”后面的标题前少了竖线“|”"),
    ],
)
def test_a_block_first_line_written_almost_right(tmp_path, line, expected):
    root = make_tree(
        tmp_path, {"snippets/s.md": f"{line}\n信贷员：您好\n///\n", "docs/p.md": '--8<-- "s.md"\n'}
    )
    found = messages(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"snippets/s.md:1: {expected}")


def test_the_checker_never_shows_a_traceback_for_an_unreadable_speakers_file(tmp_path, capsys):
    root = make_tree(tmp_path, {})
    (root / "snippets/speakers.txt").write_bytes("信贷员 = officer\n".encode("gbk"))
    assert main(["--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("snippets/speakers.txt:1: 文件是用 GBK")


QUIZ_PAGE = {
    "docs/part/index.md": "# 部分\n\n## 要查的信息\n",
    "docs/part/quiz.md": '--8<-- "q.md"\n',
}


@pytest.mark.parametrize(
    ("question", "line", "expected"),
    [
        ("? 问题\n- 甲\n- 乙\n> 见[部分](index.md)", 2, "这道题没有正确答案"),
        ("? 问题\n+ 甲\n+ 乙\n> 见[部分](index.md)", 2, "这道题的选项全是正确答案"),
        ("? 问题\n+ 甲\n> 见[部分](index.md)", 2, "这道题只有 1 个选项"),
        ("? 问题\n+ 甲\n- 乙", 2, "这道题没有解释"),
        ("? 问题\n+ 甲\n- 乙\n> 见手册", 5, "这道题的解释里没有链接"),
        ("? 问题\n+ 甲\n- 乙\n> 见[部分](inde.md)", 5, "链接指向的页面“inde.md”不存在"),
        ("? 问题\n+ 甲\n- 乙\n> 见[部分](index.md#要查)", 5, "页面“index.md”里没有“#要查”这一节"),
        (
            "? 问题\n+ 甲\n- 乙\n> 见[x](https://example.invalid/)",
            5,
            "链接“https://example.invalid/”指向手册以外的网站",
        ),
        ("+ 甲\n? 问题\n+ 甲\n- 乙\n> 见[部分](index.md)", 2, "这一行不属于任何一道题"),
    ],
)
def test_a_broken_question_is_reported(tmp_path, question, line, expected):
    root = make_tree(tmp_path, {**QUIZ_PAGE, "snippets/q.md": f"/// quiz | 测\n{question}\n///\n"})
    found = messages(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"snippets/q.md:{line}: {expected}")


def test_a_good_question_links_to_a_section_of_the_page_that_shows_it(tmp_path):
    question = "? 问题\n+ 甲\n- 乙\n> 见[要查的信息](index.md#要查的信息)和[本页](#)"
    root = make_tree(tmp_path, {**QUIZ_PAGE, "snippets/q.md": f"/// quiz\n{question}\n///\n"})
    assert messages(root) == []


def test_the_section_list_in_the_fix_names_the_real_anchors(tmp_path):
    question = "? 问题\n+ 甲\n- 乙\n> 见[部分](index.md#信息)"
    root = make_tree(tmp_path, {**QUIZ_PAGE, "snippets/q.md": f"/// quiz\n{question}\n///\n"})
    assert messages(root)[0].endswith("这一页的小节有：#部分、#要查的信息")
