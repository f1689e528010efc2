"""Python-Markdown extension: the glossary, defined once in snippets/glossary.md.

The glossary is a list of ``*[术语]: 定义`` abbreviations, appended to every page
by pymdownx.snippets, so each term shows its definition as a tooltip.

Two changes on top of the ``abbr`` extension (list this one after ``abbr``):
- ``abbr`` matches terms between ``\\b`` boundaries, and there are none inside
  a run of Chinese characters, so 贷后 in 做贷后回访 would never get its tooltip.
  The replacement asks for a boundary only where a term begins or ends with
  an ASCII letter or digit.
- A ``/// glossary`` … ``///`` block renders every term with its definition as a
  definition list: the glossary page shows the same definitions, never a copy.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

ASCII_WORD = re.compile(r"[A-Za-z0-9_]")
MARK = "kb-glossary"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def term_pattern(term: str) -> str:
    start = r"(?<![A-Za-z0-9_])" if ASCII_WORD.match(term[0]) else ""
    end = r"(?![A-Za-z0-9_])" if ASCII_WORD.match(term[-1]) else ""
    return start + re.escape(term) + end


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return
        terms = sorted(self.abbrs, key=len, reverse=True)  # longest term wins
        self.RE = re.compile("|".join(term_pattern(term) for term in terms))
        self.iter_element(root)

    def iter_element(self, el, parent=None):
        # Headings stay plain: a dotted tooltip underline in a title (and in the
        # table of contents built from it) is noise.
        if el.tag in HEADINGS:
            return
        super().iter_element(el, parent)


class GlossaryBlock(Block):
    """``/// glossary`` … ``///``: where the definition list goes (filled below)."""

    NAME = "glossary"

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        return etree.SubElement(parent, "dl", {"class": MARK})

    def on_end(self, block):
        block.text = None  # the body is ignored


class GlossaryFiller(Treeprocessor):
    """Fill each glossary block once all abbreviations of the page are known."""

    def __init__(self, md, abbrs: dict[str, str]):
        super().__init__(md)
        self.abbrs = abbrs

    def run(self, root):
        for box in root.iter("dl"):
            if box.get("class") != MARK:
                continue
            for term, definition in self.abbrs.items():
                head = etree.SubElement(box, "dt")
                head.text = AtomicString(term)
                # Plain text: other terms inside a definition get their own tooltip.
                etree.SubElement(box, "dd").text = definition


class GlossaryExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):
        try:
            abbr = md.treeprocessors["abbr"]
        except KeyError as missing:
            raise ValueError("tools.build.glossary 要放在 abbr 扩展之后") from missing
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, abbr.abbrs), "abbr", 7)
        md.treeprocessors.register(GlossaryFiller(md, abbr.abbrs), "kb_glossary", 7.5)
        block_mgr.register(GlossaryBlock, {})


def makeExtension(**kwargs):
    return GlossaryExtension(**kwargs)
