"""Python-Markdown extension: phone and on-site scripts as dialogue, a pymdownx.blocks block.

The syntax is in tools/build/dialogue_syntax.py (shared with the checker) and
documented for trainers in docs/trainers/syntax.md. The block takes its body
raw, so no other extension sees it first: placeholders become elements while
the block is parsed, before any tree processor runs, and ``attr_list`` never
sees a trailing ``{…}``. The rest of the text still goes through inline
processing (emphasis, glossary tooltips), with ``<`` and ``>`` escaped first so
script text can never inject HTML. Problems are found by the checks
(tools/build/checks/dialogue.py), which mark them in the text; a marker line
becomes the problem's box at its place in the dialogue.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from tools.build.block_syntax import inline_text
from tools.build.dialogue_syntax import NAME, SLOT_RE, classify, load_speakers, split_choices
from tools.build.problems import MARK_RE, box, marked, report

OTHER = "other"  # style of a speaker missing from speakers.txt


def fill(element: etree.Element, text: str) -> None:
    """Put ``text`` into ``element``, with each ``{slot}`` as a highlighted span."""
    last: etree.Element | None = None
    position = 0
    element.text = ""
    for match in SLOT_RE.finditer(text):
        name = match.group(1).strip()
        if not name:
            continue  # an empty {} stays as written; the checks report it
        before = inline_text(text[position : match.start()])
        if last is None:
            element.text += before
        else:
            last.tail = (last.tail or "") + before
        last = etree.SubElement(element, "span", {"class": "kb-slot"})
        last.text = AtomicString(name)
        last.tail = ""
        position = match.end()
    rest = inline_text(text[position:])
    if last is None:
        element.text += rest
    else:
        last.tail += rest


def fill_turn(paragraph: etree.Element, text: str) -> None:
    options = split_choices(text)
    if len(options) < 2:
        fill(paragraph, text)
        return
    choice = etree.SubElement(paragraph, "span", {"class": "kb-choice"})
    for index, option in enumerate(options):
        if index:
            sep = etree.SubElement(choice, "span", {"class": "kb-choice__or"})
            sep.text = AtomicString("或")
        fill(etree.SubElement(choice, "span", {"class": "kb-choice__option"}), option)


class Dialogue(Block):
    NAME = NAME
    ARGUMENT = None  # the title is optional

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        # No child yet: the raw body goes to this element's text (see on_end).
        return etree.SubElement(parent, "div", {"class": "kb-dialogue"})

    def on_end(self, block):
        lines = (block.text or "").split("\n")
        block.text = None
        if self.argument:
            title = etree.SubElement(block, "p", {"class": "kb-dialogue__title"})
            title.text = inline_text(self.argument)
        self.render(block, lines)

    def render(self, box_element: etree.Element, lines: list[str]) -> None:
        speakers = self.config["speakers"]
        turn: etree.Element | None = None
        for raw in lines:
            if MARK_RE.search(raw):
                box_element.extend(box(problem) for problem in marked(raw))
                turn = None
                continue
            line = classify(raw, speakers)
            if line.kind == "say":
                turn = self.start_turn(box_element, line.who, speakers.get(line.who, OTHER))
                fill_turn(etree.SubElement(turn, "p", {"class": "kb-say__text"}), line.text)
            elif line.kind == "note":
                turn = None
                fill(etree.SubElement(box_element, "p", {"class": "kb-note"}), line.text)
            elif line.kind == "more":
                target = turn if turn is not None else box_element
                fill_turn(etree.SubElement(target, "p", {"class": "kb-say__text"}), line.text)

    @staticmethod
    def start_turn(box_element: etree.Element, who: str, slug: str) -> etree.Element:
        turn = etree.SubElement(box_element, "div", {"class": f"kb-say kb-say--{slug}"})
        label = etree.SubElement(turn, "span", {"class": "kb-say__who"})
        label.text = AtomicString(who)
        return turn


class DialogueExtension(BlocksExtension):
    def __init__(self, **kwargs):
        self.config = {
            "speakers_file": ["snippets/speakers.txt", "角色表文件（相对于运行目录）"],
            "speakers": [{}, "直接给出的角色表，优先于文件（测试用）"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        speakers = self.getConfig("speakers")
        if not speakers:
            path = self.getConfig("speakers_file")
            speakers, problems = load_speakers(Path(path), path)
            for problem in problems:
                report(problem)
        block_mgr.register(Dialogue, {"speakers": speakers})


def makeExtension(**kwargs):
    return DialogueExtension(**kwargs)
