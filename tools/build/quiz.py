"""Python-Markdown extension: self-checks for new officers, a pymdownx.blocks block.

The syntax is in tools/build/quiz_syntax.py (shared with the checker) and
documented for trainers in docs/trainers/quiz.md. Questions, options and
explanations are rendered at build time as a plain form (native radio buttons
and checkboxes in a fieldset per question, so keyboard and screen readers work
without help); docs/javascripts/quiz.js only checks the answers, reveals the
explanation, keeps the score and remembers the answers in local storage. The
right answers are in ``data-answer``: this is self-study, not an exam.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from tools.build.block_syntax import inline_text
from tools.build.problems import box, marked
from tools.build.quiz_syntax import NAME, Question, parse

LETTERS = "ABCDEFGHIJ"


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def _text(parent: etree.Element, tag: str, text: str, **attrs) -> etree.Element:
    element = etree.SubElement(parent, tag, attrs)
    element.text = AtomicString(text)
    return element


def _boxes(parent: etree.Element, markers: list[str]) -> None:
    for line in markers:
        parent.extend(box(problem) for problem in marked(line))


class QuizBlock(Block):
    NAME = NAME
    ARGUMENT = None  # the title is optional

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        # No child yet: the raw body goes to this element's text (see on_end).
        return etree.SubElement(parent, "section", {"class": "kb-quiz"})

    def on_end(self, block):
        quiz = parse(list(enumerate((block.text or "").split("\n"), start=1)))
        block.text = None
        title = self.argument or "自测"
        ident = short_hash(title + "".join(q.text for q in quiz.questions))
        block.set("data-quiz", ident)
        block.set("aria-label", title)
        _text(block, "p", title, **{"class": "kb-quiz__title"})
        _text(
            block,
            "p",
            f"共 {len(quiz.questions)} 题。选好答案后点“核对”，马上能看到对错和解释；"
            "答题记录只保存在这台设备的浏览器里。",
            **{"class": "kb-quiz__intro"},
        )
        _boxes(block, quiz.marks)
        questions = etree.SubElement(block, "ol", {"class": "kb-quiz__list"})
        for number, question in enumerate(quiz.questions, start=1):
            self.question(questions, ident, number, question)
        _text(block, "p", "", **{"class": "kb-quiz__score", "role": "status"})
        actions = etree.SubElement(block, "p", {"class": "kb-quiz__actions", "hidden": "hidden"})
        _text(
            actions,
            "button",
            "清除本页的答题记录，重新做",
            type="button",
            **{"class": "md-button kb-quiz__reset"},
        )

    @staticmethod
    def question(parent: etree.Element, quiz: str, number: int, question: Question) -> None:
        item = etree.SubElement(
            parent,
            "li",
            {
                "class": "kb-quiz__item",
                "data-key": short_hash(question.text),
                "data-answer": ",".join(map(str, question.answers)),
            },
        )
        _boxes(item, question.marks)
        multiple = len(question.answers) > 1
        fieldset = etree.SubElement(item, "fieldset", {"class": "kb-quiz__question"})
        legend = etree.SubElement(fieldset, "legend")
        # The number in the legend, not a list marker: a marker sits by the options.
        _text(legend, "span", f"{number}. ", **{"class": "kb-quiz__number"}).tail = inline_text(
            question.text
        )
        _text(legend, "span", "（多选）" if multiple else "（单选）", **{"class": "kb-quiz__kind"})
        for index, option in enumerate(question.options):
            label = etree.SubElement(fieldset, "label", {"class": "kb-quiz__option"})
            etree.SubElement(
                label,
                "input",
                {
                    "type": "checkbox" if multiple else "radio",
                    "name": f"{quiz}-{number}",
                    "value": str(index),
                },
            )
            _text(label, "span", LETTERS[index % len(LETTERS)], **{"class": "kb-quiz__letter"})
            etree.SubElement(label, "span", {"class": "kb-quiz__text"}).text = inline_text(
                option.text
            )
        buttons = etree.SubElement(item, "p", {"class": "kb-quiz__buttons", "hidden": "hidden"})
        _text(buttons, "button", "核对", type="button", **{"class": "md-button kb-quiz__check"})
        _text(item, "p", "", **{"class": "kb-quiz__verdict", "aria-live": "polite"})
        explain = etree.SubElement(item, "div", {"class": "kb-quiz__explain", "hidden": "hidden"})
        for _, text in question.explain:
            etree.SubElement(explain, "p").text = inline_text(text)


class QuizExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):
        block_mgr.register(QuizBlock, {})


def makeExtension(**kwargs):
    return QuizExtension(**kwargs)
