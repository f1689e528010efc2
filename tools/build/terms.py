"""Term check: one term per concept across the pages and what trainers edit.

The script checker (``make lint``) runs it. It reads every Markdown and text
file under ``docs/`` and ``snippets/``, and ``mkdocs.yml`` (the navigation titles), and reports each
non-preferred variant, one line each, in Chinese, as
``文件:行: 问题。怎样改：…`` (the script checker's format).

``TERMS`` is the explicit list: the preferred term, the variants not to use and
what to write instead. ``ALLOW`` is the allowlist: a phrase in one file where a
variant is right as written. The glossary page renders its term table from
``TERMS`` (``/// terms`` block), so the table and the check never drift apart.

Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tools.build.problems import Problem
from tools.build.trainer_text import read_text

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("docs", "snippets")
FILES = ("mkdocs.yml",)
SUFFIXES = {".md", ".txt"}


@dataclass(frozen=True)
class Term:
    preferred: str
    meaning: str
    variants: tuple[str, ...] = ()
    # How to fix, when it is more than writing the preferred term instead.
    fix: str = ""
    # Where a variant is right (shown in the glossary table; checked through ALLOW).
    exception: str = ""
    # Shown in the glossary's term table (off for a word the site never shows at all).
    listed: bool = True


@dataclass(frozen=True)
class Pattern:
    """A variant that is a shape rather than a word (numbers written another way)."""

    name: str
    regex: re.Pattern
    preferred: str
    fix: str


@dataclass(frozen=True)
class Allow:
    path: str  # file, relative to the project root, with /
    phrase: str  # the text around the variant that is right as written
    reason: str


TERMS = (
    Term(
        "贷后检查报告",
        "信贷员做完贷后检查后交给行里的书面报告",
        ("风险报告", "回访报告"),
        exception="页面网址里的 risk-report 保持不变",
    ),
    Term(
        "还款记录",
        "信用报告上每个账户按月排列的还款状态，一个月一个代码",
        ("还款格子", "还款状态格", "逾期格子"),
        fix="写“还款记录”；说其中一个月时写“某月的记录”或“某月的代码”",
    ),
    Term(
        "首次检查",
        "检查类型之一：放款后的第一次贷后检查",
        ("首次回访", "首检"),
        fix="说检查类型时写“首次检查”；只是指第一次打电话或上门，写“第一次回访”",
    ),
    Term(
        "定期检查",
        "检查类型之一：按本行规定的间隔做的贷后检查",
        ("定期回访", "例行检查", "常规检查"),
        fix="说检查类型时写“定期检查”；回访指打电话或上门这件事本身",
    ),
    Term(
        "不定期检查",
        "检查类型之一：出现风险信号或按上级要求临时做的贷后检查",
        ("不定期回访", "临时检查"),
        fix="说检查类型时写“不定期检查”；总行布置的专项检查也属于这一类",
    ),
    Term(
        "回访",
        "信贷员打电话或上门联系客户这件事本身；检查类型见上面三行",
        exception="“回访记录”“电话回访”“上门回访”都是指这件事本身，照常使用",
    ),
    Term(
        "五级分类",
        "正常、关注、次级、可疑、损失五档，后三档为不良",
        ("五类分类", "五级风险分类"),
    ),
    Term(
        "受托支付",
        "银行按借款人的委托，把贷款直接付给交易对象",
        ("委托支付", "受托付款"),
    ),
    Term(
        "自主支付",
        "贷款先发到借款人账户，由借款人自己付给交易对象",
        ("自行支付", "自主付款"),
    ),
    Term(
        "保证人",
        "为借款人提供保证、约定到时候替他还款的人",
        exception="讲法律关系时用“保证人”；日常说法和话术里可以说“担保人”",
    ),
    Term(
        "他项权证",
        "抵押登记后银行拿到的权利凭证；现在多为不动产登记证明",
        ("他项证",),
        exception="新办的抵押写“不动产登记证明”",
    ),
    Term("实际控制人", "不一定挂名、但实际决定经营和资金去向的人", ("实控人",)),
    Term(
        "催收通知书",
        "银行书面要求借款人（和保证人）归还逾期欠款的文书",
        ("催款通知书", "催款通知单", "催收函"),
    ),
    Term(
        "个人经营贷",
        "发给个人用于生产经营的贷款",
        ("个人经营性贷款", "个人经营贷款", "经营贷"),
        fix="写“个人经营贷”；说别家银行的同类贷款写“他行的个人经营贷”",
    ),
    Term(
        "小微企业流动资金贷款",
        "发给小微企业用于日常周转的贷款",
        ("小微企业流贷", "小微流贷", "小微企业流动资金借款"),
        exception="法规名称《流动资金贷款管理办法》照写",
    ),
    Term("农户贷款", "发给农户、用于生产经营或生活开支的贷款", ("农户贷", "农户小额贷")),
    Term("消费贷", "发给个人用于消费的贷款", ("消费贷款", "消费性贷款")),
    Term(
        "话术文件",
        "snippets/scripts/ 里培训师编辑的话术",
        ("原文",),
        fix="指话术的文字时写“话术文件”；别的地方直接删掉，网站用自己的话说",
        listed=False,  # the site never shows this word, not even in the table
    ),
)

CHINESE_NUMBER = "零一二三四五六七八九十百千"
PATTERNS = (
    Pattern(
        "用汉字写的条号",
        re.compile(rf"第[{CHINESE_NUMBER}]+条"),
        "第16条",
        "条号用阿拉伯数字，例如“第16条”“第673条”",
    ),
    Pattern(
        "带空格的条号",
        re.compile(r"第\s+\d+\s*条|第\d+\s+条"),
        "第16条",
        "条号中间不加空格，例如“第16条”“第673条”",
    ),
    Pattern(
        "带空格的文号",
        re.compile(r"令\s*(?:\d{4}\s*年\s*)?第\s*\d+\s*号|〔\d{4}〕\s*第?\s*\d+\s*号"),
        "国家金融监督管理总局令2024年第3号",
        "文号中间不加空格，例如“国家金融监督管理总局令2024年第3号”“国务院令第631号”",
    ),
    # Regulation titles and numbers, one way everywhere (the forms the pages use):
    # 《个人贷款管理办法》（国家金融监督管理总局令2024年第3号）,
    # 《征信业管理条例》（国务院令第631号）,
    # 《商业银行金融资产风险分类办法》（银保监会 人民银行令〔2023〕第1号）,
    # 《小额贷款公司监督管理暂行办法》（金规〔2024〕26号）,
    # 《农户贷款管理办法》（银监发〔2012〕50号）.
    Pattern(
        "文号的年份括号",
        re.compile(r"(?:令|发|规)\s*[\[［(（【]\s*\d{4}\s*[\]］)）】]"),
        "金规〔2024〕26号",
        "文号的年份用六角括号〔〕，例如“金规〔2024〕26号”“银监发〔2012〕50号”",
    ),
    Pattern(
        "部门令的序号少了“第”",
        re.compile(r"令〔\d{4}〕\d+号|国务院令\d+号|总局令\d{4}年\d+号"),
        "国务院令第631号",
        "令的序号前写“第”，例如“银保监会 人民银行令〔2023〕第1号”“国务院令第631号”",
    ),
    Pattern(
        "通知文号多了“第”",
        re.compile(r"(?:金规|银监发)〔\d{4}〕第\d+号"),
        "金规〔2024〕26号",
        "“金规”“银监发”这类文号不写“第”，例如“金规〔2024〕26号”“银监发〔2012〕50号”",
    ),
    Pattern(
        "风险分类办法的文号写法",
        re.compile(r"2023\s*年\s*第\s*1\s*号"),
        "银保监会 人民银行令〔2023〕第1号",
        "写“银保监会 人民银行令〔2023〕第1号”",
    ),
    Pattern(
        "发文机关的简称",
        re.compile(r"(?<!国家)金融监管总局令|(?<!国家)金融监督管理总局令"),
        "国家金融监督管理总局令2024年第3号",
        "写全称，例如“国家金融监督管理总局令2024年第3号”",
    ),
    Pattern(
        "法律名称的写法",
        re.compile(r"《中华人民共和国(?:民法典|个人信息保护法|商业银行法|刑法)》"),
        "《民法典》",
        "法律名称用简称，例如《民法典》《个人信息保护法》《商业银行法》《刑法》",
    ),
    Pattern(
        "法规名称写错",
        re.compile(r"《征信管理条例》|《个人贷款管理条例》|《农户贷款管理暂行办法》"),
        "《征信业管理条例》",
        "核对全称：《征信业管理条例》《个人贷款管理办法》《农户贷款管理办法》",
    ),
)

ALLOW = (
    Allow(
        "docs/trainers/checker.md",
        "用了“风险报告”",
        "检查器说明页要举出它会报的词",
    ),
)


def _spans(text: str, phrase: str):
    start = text.find(phrase)
    while start != -1:
        yield start, start + len(phrase)
        start = text.find(phrase, start + 1)


def _inside(start: int, end: int, spans) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def check_text(rel: str, text: str, allow=ALLOW) -> list[Problem]:
    """The problems of one file's text; ``rel`` is its path as reported."""
    problems = []
    phrases = [a.phrase for a in allow if a.path == rel]
    for number, line in enumerate(text.splitlines(), start=1):
        allowed = [span for phrase in phrases for span in _spans(line, phrase)]
        for term in TERMS:
            right = [*allowed, *_spans(line, term.preferred)]
            for variant in term.variants:
                for start, end in _spans(line, variant):
                    if _inside(start, end, right):
                        continue
                    problems.append(
                        Problem(
                            rel,
                            number,
                            f"用了“{variant}”，本站统一说“{term.preferred}”（{term.meaning}）",
                            term.fix or f"改成“{term.preferred}”",
                        )
                    )
        for pattern in PATTERNS:
            for match in pattern.regex.finditer(line):
                if pattern.name == "带空格的文号" and not re.search(r"\s", match.group()):
                    continue
                if _inside(match.start(), match.end(), allowed):
                    continue
                problems.append(
                    Problem(rel, number, f"{pattern.name}：“{match.group()}”", pattern.fix)
                )
    return problems


def files(root: Path = ROOT) -> list[Path]:
    found = [
        path
        for folder in FOLDERS
        for path in (root / folder).rglob("*")
        if path.is_file() and path.suffix in SUFFIXES
    ]
    found += [root / name for name in FILES if (root / name).is_file()]
    return sorted(found)


def check(root: Path = ROOT, allow=ALLOW) -> list[Problem]:
    problems = []
    for path in files(root):
        rel = path.relative_to(root).as_posix()
        # Read as the other checks read trainers' files (a BOM dropped, another
        # encoding decoded as best it can be); the encoding itself is their report.
        problems += check_text(rel, read_text(path, rel).text, allow)
    return sorted(problems, key=lambda p: (p.path, p.line))
