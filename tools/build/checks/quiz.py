"""Self-check blocks: every question answerable and explained, every link to a real section.

A link in a snippet is read from the page that shows it, so it is checked from
each page that includes the quiz (tools/build/checks/includes.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from tools.build.checks.anchors import anchors_of
from tools.build.checks.includes import pages_showing
from tools.build.checks.source import Context, Source, spans, unclosed
from tools.build.problems import Problem
from tools.build.quiz_syntax import LINK_RE, OPEN_RE, Question, parse

FORMAT = (
    "每道题以“? 问题”开头，下面每行一个选项：正确的写“+ 选项”，错误的写“- 选项”，"
    "最后写“> 解释”并带上讲这一点的章节链接"
)
EXAMPLE_LINK = "例如“> 见[访前准备](../procedure/prepare.md#要查的信息)。”"


def check(source: Source, context: Context) -> list[Problem]:
    problems: list[Problem] = []
    rel = source.rel
    for span in spans(source.lines, OPEN_RE):
        if not span.closed:
            problems.append(unclosed(rel, span, "自测题块", "题目"))
        quiz = parse(span.body)
        if not quiz.questions:
            problems.append(Problem(rel, span.start, "自测题块里没有题目", FORMAT))
        for number, text in quiz.stray:
            problems.append(Problem(rel, number, f"这一行不属于任何一道题：“{text[:20]}”", FORMAT))
        for question in quiz.questions:
            problems += check_question(rel, question)
            problems += check_links(source, question, context)
    return problems


def check_question(rel: str, question: Question) -> list[Problem]:
    problems = []
    at = question.line
    if len(question.options) < 2:
        count = len(question.options)
        problems.append(Problem(rel, at, f"这道题只有 {count} 个选项", "至少写两个选项。" + FORMAT))
    if not question.answers:
        fix = "在正确选项的前面写“+ ”（可以有几个），错误选项的前面写“- ”"
        problems.append(Problem(rel, at, "这道题没有正确答案", fix))
    elif len(question.answers) == len(question.options) > 1:
        fix = "至少写一个错误选项（前面写“- ”），否则这道题不用想就能答对"
        problems.append(Problem(rel, at, "这道题的选项全是正确答案", fix))
    if not question.explain:
        fix = f"在选项下面加一行“> 解释”，说明为什么，并链接到讲这一点的章节，{EXAMPLE_LINK}"
        problems.append(Problem(rel, at, "这道题没有解释", fix))
    elif not any(LINK_RE.search(text) for _, text in question.explain):
        fix = f"在解释里加上讲这一点的章节链接，{EXAMPLE_LINK}"
        problems.append(Problem(rel, question.explain[0][0], "这道题的解释里没有链接", fix))
    return problems


def check_links(source: Source, question: Question, context: Context) -> list[Problem]:
    # A page's own quiz is read from that page; a snippet's from each page showing it.
    pages = [source.path] if context.docs and _inside(source.path, context.docs) else []
    pages = pages or pages_showing(source.path, context)
    problems: list[Problem] = []
    for number, text in question.explain:
        for match in LINK_RE.finditer(text):
            for page in pages:
                problem = check_link(source.rel, number, match.group("target"), page, context)
                if problem and problem not in problems:
                    problems.append(problem)
    return problems


def check_link(rel: str, number: int, target: str, page: Path, context: Context) -> Problem | None:
    if target.lower().startswith(("http://", "https://", "//", "mailto:")):
        fix = "解释只链接到本手册里的章节（写页面文件名，例如 ../credit/window.md）"
        return Problem(rel, number, f"链接“{target}”指向手册以外的网站", fix)
    path_part, _, anchor = target.partition("#")
    shown_on = context.rel(page)
    linked = (page.parent / unquote(path_part)).resolve() if path_part else page
    if not linked.is_file():
        fix = (
            f"链接从显示这些题的页面（{shown_on}）所在的文件夹算起，"
            "同一文件夹写 prepare.md，别的部分写 ../credit/window.md"
        )
        return Problem(rel, number, f"链接指向的页面“{path_part}”不存在", fix)
    anchor = unquote(anchor)
    if anchor:
        anchors = anchors_of(linked, context)
        if anchor not in anchors:
            known = "、".join(f"#{a}" for a in anchors) or "（这一页没有小节标题，只链接到页面）"
            fix = f"“#”后面写小节标题，去掉标点和空格、字母小写。这一页的小节有：{known}"
            return Problem(
                rel, number, f"页面“{path_part or shown_on}”里没有“#{anchor}”这一节", fix
            )
    return None


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder)
