"""The script checker: each kind of problem, reported once, with file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tools.build.snippet_lint import find_includes, lint, main

MKDOCS_YML = """\
site_name: t
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
markdown_extensions:
  - attr_list
  - pymdownx.snippets:
      base_path: [snippets]
      check_paths: true
      auto_append: [glossary.md]
  - tools.build.dialogue:
      speakers_file: snippets/speakers.txt
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
