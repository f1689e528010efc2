"""The glossary (the auto-appended snippet): one ``*[术语]: 解释`` a line.

The ``abbr`` syntax wants ASCII ``*[``, ``]`` and ``:``; a line written with
full-width ones, or any other text, is no definition and shows as stray text
at the bottom of every page.
"""

from __future__ import annotations

import re

from tools.build.checks.source import Context, Source, content_lines
from tools.build.problems import Problem

DEFINITION_RE = re.compile(r"^\*\[(?P<term>[^\]\n]+)\]:[ \t]*(?P<text>.*?)\s*$")
# The same with any mix of full-width punctuation, or without the star.
ALMOST_RE = re.compile(r"^\s*[*＊]?\s*[\[［【](?P<term>[^\]］】]+)[\]］】]\s*[:：]")
FORMAT = "写成“*[术语]: 解释”：星号、方括号和冒号都用半角（英文）符号，冒号后空一格"


def check(source: Source, context: Context) -> list[Problem]:
    if source.path.resolve() not in context.appended:
        return []
    problems = []
    seen: dict[str, int] = {}
    for number, line in content_lines(source.lines):
        match = DEFINITION_RE.match(line)
        if match is None:
            if ALMOST_RE.match(line):
                message = "术语这一行用了全角符号或少了星号，不会成为术语"
            else:
                message = "这一行不是术语定义，会作为多余的文字出现在每一页的最后"
            fix = f"{FORMAT}；说明文字放在 <!-- 和 --> 之间"
            problems.append(Problem(source.rel, number, message, fix))
            continue
        term = match.group("term").strip()
        if not match.group("text"):
            problems.append(
                Problem(
                    source.rel, number, f"术语“{term}”没有解释", f"在冒号后面写上解释。{FORMAT}"
                )
            )
        if term in seen:
            problems.append(
                Problem(
                    source.rel,
                    number,
                    f"术语“{term}”在第 {seen[term]} 行已经有解释了",
                    "两条合成一条，删掉其中一行",
                )
            )
        seen.setdefault(term, number)
    return problems
