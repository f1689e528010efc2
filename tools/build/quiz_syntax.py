"""The self-check syntax trainers write, read the same way by the block and by the checker.

Syntax (documented for trainers in docs/trainers/quiz.md)::

    /// quiz | 回访流程自测
    ? 第一次上门之前，先做哪件事？
    - 直接打电话问客户有没有困难
    + 查法院执行信息，翻出上次的回访记录
    > 出门前先做功课，见[访前准备](prepare.md#要查的信息)。
    ///

- ``? 问题`` starts a question; ``+ 选项`` is a right answer, ``- 选项`` a wrong
  one. One ``+`` makes a single-choice question, several a multiple-choice one.
- ``> 解释`` is shown once the question is answered (more ``>`` lines, more
  paragraphs); it links to the section that teaches the point.
- Full-width ``？＋－＞`` work as well. Blank lines and ``<!-- … -->`` are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.build.problems import MARK_RE

NAME = "quiz"
OPEN_RE = re.compile(r"^[ ]{0,3}///[ \t]*quiz[ \t]*(?:\|[ \t]*(?P<title>.*?))?[ \t]*$")
LINE_RE = re.compile(r"^\s*(?P<mark>[?？+＋\-－>＞])[ \t　]*(?P<text>.*?)\s*$")
MARKS = {"？": "?", "＋": "+", "－": "-", "＞": ">"}
LINK_RE = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")


@dataclass
class Option:
    line: int
    text: str
    right: bool


@dataclass
class Question:
    line: int
    text: str
    options: list[Option] = field(default_factory=list)
    explain: list[tuple[int, str]] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)  # problem markers shown with it

    @property
    def answers(self) -> list[int]:
        return [index for index, option in enumerate(self.options) if option.right]


@dataclass
class Quiz:
    questions: list[Question] = field(default_factory=list)
    stray: list[tuple[int, str]] = field(default_factory=list)  # lines that belong nowhere
    marks: list[str] = field(default_factory=list)  # markers before the first question


def parse(body: list[tuple[int, str]]) -> Quiz:
    quiz = Quiz()
    current: Question | None = None
    pending: list[str] = []  # problem markers: they go with the line that follows them
    in_comment = False
    for number, raw in body:
        text = raw.strip()
        if in_comment or text.startswith("<!--"):
            in_comment = "-->" not in text
            continue
        if MARK_RE.fullmatch(text):
            pending.append(text)
            continue
        if not text:
            continue
        match = LINE_RE.match(text)
        mark = MARKS.get(match.group("mark"), match.group("mark")) if match else ""
        if mark == "?":
            current = Question(number, match.group("text"))
            quiz.questions.append(current)
        (current.marks if current else quiz.marks).extend(pending)
        pending = []
        if mark == "?":
            continue
        if current is None:
            quiz.stray.append((number, text))
        elif mark in ("+", "-"):
            current.options.append(Option(number, match.group("text"), mark == "+"))
        elif mark == ">" or current.explain:  # a line after an explanation continues it
            current.explain.append((number, match.group("text") if mark else text))
        else:
            quiz.stray.append((number, text))
    (current.marks if current else quiz.marks).extend(pending)
    return quiz
