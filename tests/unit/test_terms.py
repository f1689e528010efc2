"""The term check: text in, reported lines out, side by side."""

from __future__ import annotations

import pytest

from tools.build.terms import ALLOW, TERMS, Allow, check, check_text

REPORT = "用了“风险报告”，本站统一说“贷后检查报告”（信贷员做完贷后检查后交给行里的书面报告）"

CASES = {
    "the preferred term passes": ("写一份贷后检查报告交给上级。", []),
    "a variant is named with file, line and fix": (
        "第一行\n回来写风险报告。",
        [f"p.md:2: {REPORT}。怎样改：改成“贷后检查报告”"],
    ),
    "two variants on one line give two lines": (
        "风险报告和回访报告",
        [
            f"p.md:1: {REPORT}。怎样改：改成“贷后检查报告”",
            "p.md:1: 用了“回访报告”，本站统一说“贷后检查报告”"
            "（信贷员做完贷后检查后交给行里的书面报告）。怎样改：改成“贷后检查报告”",
        ],
    ),
    "a variant inside the preferred term is not one": ("农户贷款和个人经营贷", []),
    # Reported once, as the longer variant, not also as the short 经营贷 inside it.
    "a longer variant that contains the preferred term is one": (
        "个人经营贷款",
        [
            "p.md:1: 用了“个人经营贷款”，本站统一说“个人经营贷”（发给个人用于生产经营的贷款）。"
            "怎样改：写“个人经营贷”；说别家银行的同类贷款写“他行的个人经营贷”"
        ],
    ),
    "a term with its own fix text": (
        "话术的原文在这里",
        [
            "p.md:1: 用了“原文”，本站统一说“话术文件”（snippets/scripts/ 里培训师编辑的话术）。"
            "怎样改：指话术的文字时写“话术文件”；别的地方直接删掉，网站用自己的话说"
        ],
    ),
    "check types against the visit itself": (
        "定期回访的间隔",
        [
            "p.md:1: 用了“定期回访”，本站统一说“定期检查”"
            "（检查类型之一：按本行规定的间隔做的贷后检查）。"
            "怎样改：说检查类型时写“定期检查”；回访指打电话或上门这件事本身"
        ],
    ),
    "a visit record is about the visit: no problem": ("把回访记录录入系统，电话回访也算。", []),
    "article numbers in Chinese numerals": (
        "条例第十六条",
        ["p.md:1: 用汉字写的条号：“第十六条”。怎样改：条号用阿拉伯数字，例如“第16条”“第673条”"],
    ),
    "article numbers in Arabic numerals pass": ("条例第16条、《民法典》第673条", []),
    "a document number with spaces": (
        "国家金融监督管理总局令 2024 年第 3 号",
        [
            "p.md:1: 带空格的文号：“令 2024 年第 3 号”。怎样改：文号中间不加空格，"
            "例如“国家金融监督管理总局令2024年第3号”“国务院令第631号”"
        ],
    ),
    "document numbers without spaces pass": (
        "国家金融监督管理总局令2024年第3号；国务院令第631号；银保监会 人民银行令〔2023〕第1号",
        [],
    ),
    "an article number with spaces": (
        "《民法典》第 673 条",
        ["p.md:1: 带空格的条号：“第 673 条”。怎样改：条号中间不加空格，例如“第16条”“第673条”"],
    ),
    "a short product name": (
        "他行经营贷 2,500",
        [
            "p.md:1: 用了“经营贷”，本站统一说“个人经营贷”（发给个人用于生产经营的贷款）。"
            "怎样改：写“个人经营贷”；说别家银行的同类贷款写“他行的个人经营贷”"
        ],
    ),
    "the house forms of regulation numbers pass": (
        "《个人贷款管理办法》（国家金融监督管理总局令2024年第3号）；"
        "《商业银行金融资产风险分类办法》（银保监会 人民银行令〔2023〕第1号）；"
        "《征信业管理条例》（国务院令第631号）；"
        "《小额贷款公司监督管理暂行办法》（金规〔2024〕26号）；"
        "《农户贷款管理办法》（银监发〔2012〕50号）；《民法典》第673条",
        [],
    ),
    "a year in square brackets": (
        "金规[2024]26号",
        [
            "p.md:1: 文号的年份括号：“规[2024]”。怎样改：文号的年份用六角括号〔〕，"
            "例如“金规〔2024〕26号”“银监发〔2012〕50号”"
        ],
    ),
    "an order number without 第": (
        "国务院令631号",
        [
            "p.md:1: 部门令的序号少了“第”：“国务院令631号”。怎样改：令的序号前写“第”，"
            "例如“银保监会 人民银行令〔2023〕第1号”“国务院令第631号”"
        ],
    ),
    "a notice number with 第": (
        "银监发〔2012〕第50号",
        [
            "p.md:1: 通知文号多了“第”：“银监发〔2012〕第50号”。"
            "怎样改：“金规”“银监发”这类文号不写“第”，例如“金规〔2024〕26号”“银监发〔2012〕50号”"
        ],
    ),
    "the classification measures numbered another way": (
        "《商业银行金融资产风险分类办法》（2023年第1号）",
        [
            "p.md:1: 风险分类办法的文号写法：“2023年第1号”。"
            "怎样改：写“银保监会 人民银行令〔2023〕第1号”"
        ],
    ),
    "the regulator's short name in a number": (
        "金融监管总局令2024年第3号",
        [
            "p.md:1: 发文机关的简称：“金融监管总局令”。"
            "怎样改：写全称，例如“国家金融监督管理总局令2024年第3号”"
        ],
    ),
    "a law under its long title": (
        "《中华人民共和国民法典》第673条",
        [
            "p.md:1: 法律名称的写法：“《中华人民共和国民法典》”。"
            "怎样改：法律名称用简称，例如《民法典》《个人信息保护法》《商业银行法》《刑法》"
        ],
    ),
    "the judicial interpretation keeps the code's long title inside its own": (
        "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》第32条",
        [],
    ),
    "a wrong regulation title": (
        "《征信管理条例》第16条",
        [
            "p.md:1: 法规名称写错：“《征信管理条例》”。"
            "怎样改：核对全称：《征信业管理条例》《个人贷款管理办法》《农户贷款管理办法》"
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_text_in_lines_out(text, expected):
    assert [str(p) for p in check_text("p.md", text)] == expected


def test_an_allowlisted_phrase_passes_in_its_own_file_only():
    allow = (Allow("docs/trainers/checker.md", "用了“风险报告”", "举例"),)
    text = "检查器会报：用了“风险报告”。"
    assert check_text("docs/trainers/checker.md", text, allow) == []
    (problem,) = check_text("docs/other.md", text, allow)
    assert (problem.path, problem.line) == ("docs/other.md", 1)
    # Only the phrase is allowed, not the variant anywhere in that file.
    assert len(check_text("docs/trainers/checker.md", "写风险报告", allow)) == 1


def test_every_allowlist_entry_names_a_variant():
    variants = {v for term in TERMS for v in term.variants}
    for entry in ALLOW:
        assert any(v in entry.phrase for v in variants), entry


def test_no_term_is_its_own_variant_or_another_terms_preferred():
    preferred = {term.preferred for term in TERMS}
    for term in TERMS:
        assert term.preferred not in term.variants
        assert not preferred & set(term.variants), term


def test_a_tree_is_read_from_docs_snippets_and_mkdocs_yml(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets" / "scripts").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text("# 页\n\n写贷后检查报告。\n", encoding="utf-8")
    (tmp_path / "snippets" / "scripts" / "s.md").write_text("实控人\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - 风险报告: a.md\n", encoding="utf-8")
    (tmp_path / "docs" / "ignored.css").write_text("/* 风险报告 */", encoding="utf-8")
    found = [(p.path, p.line) for p in check(tmp_path)]
    assert found == [("mkdocs.yml", 2), ("snippets/scripts/s.md", 1)]
    assert str(check(tmp_path)[0]).startswith("mkdocs.yml:2: 用了“风险报告”")
