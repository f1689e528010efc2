"""Python-Markdown extension: the glossary, defined once in snippets/glossary.md.

The glossary is a list of ``*[术语]: 定义`` abbreviations, appended to every page
by pymdownx.snippets, so each term shows its definition as a tooltip.

Two changes on top of the ``abbr`` extension (list this one after ``abbr``):
- ``abbr`` matches terms between ``\\b`` boundaries, and there are none inside
  a run of Chinese characters, so 贷后 in 做贷后回访 would never get its tooltip.
  The replacement asks for a boundary only where a term begins or ends with
  an ASCII letter or digit.
- A ``/// glossary`` … ``///`` block renders every term as a heading (id: the
  term itself) followed by its definition: the glossary page shows the same
  definitions, never a copy, and site search finds each entry on its own.
- A ``/// terms`` … ``///`` block renders the term table (preferred term, variants
  not to use, where a variant is right) from tools/build/terms.py, the list the
  term check uses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from tools.build.terms import TERMS

TERMS_HEAD = ("统一用", "意思", "不要写成", "例外和说明")
ASCII_WORD = re.compile(r"[A-Za-z0-9_]")
MARK = "kb-glossary"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ENTRY_HEADING = "h3"  # under the page's own "## 术语解释"


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
        first_mentions_only(root)

    def iter_element(self, el, parent=None):
        # Headings stay plain: a dotted tooltip underline in a title (and in the
        # table of contents built from it) is noise.
        if el.tag in HEADINGS:
            return
        super().iter_element(el, parent)


def first_mentions_only(root: etree.Element) -> None:
    """Keep a term's tooltip on its first mention in each section (a top-level h2 starts
    one); later mentions become plain text again. A tooltip on every 征信 or 逾期 of a
    page underlines half the text, and an officer who jumps to a section still finds
    each term explained where that section first uses it."""
    seen: set[str] = set()
    parents = {child: parent for parent in root.iter() for child in parent}
    for el in list(root.iter()):
        if el.tag == "h2" and parents.get(el) is root:
            seen.clear()
        elif el.tag == "abbr":
            if el.text in seen:
                unwrap(el, parents[el])
            else:
                seen.add(el.text)


def unwrap(el: etree.Element, parent: etree.Element) -> None:
    """Replace ``el`` by its text, joined to the text before it, then its tail."""
    text = AtomicString((el.text or "") + (el.tail or ""))  # matched once already
    index = list(parent).index(el)
    if index:
        before = parent[index - 1]
        before.tail = AtomicString((before.tail or "") + text)
    else:
        parent.text = AtomicString((parent.text or "") + text)
    parent.remove(el)


def entry_id(term: str) -> str:
    """The anchor of a glossary entry: the term, spaces as hyphens (glossary.md#展期)."""
    return re.sub(r"\s+", "-", term.strip())


class GlossaryBlock(Block):
    """``/// glossary`` … ``///``: where the entries go (filled below)."""

    NAME = "glossary"

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": MARK})

    def on_end(self, block):
        block.text = None  # the body is ignored


class TermsBlock(Block):
    """``/// terms`` … ``///``: the table of preferred terms, from tools/build/terms.py."""

    NAME = "terms"

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "kb-terms"})

    def on_end(self, block):
        block.text = None  # the body is ignored
        # A bare table inside the marked box: Material styles (and scroll-wraps)
        # only tables without a class.
        table = etree.SubElement(block, "table")
        row = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for text in TERMS_HEAD:
            etree.SubElement(row, "th", {"scope": "col"}).text = text
        body = etree.SubElement(table, "tbody")
        for term in (t for t in TERMS if t.listed):
            row = etree.SubElement(body, "tr")
            etree.SubElement(row, "th", {"scope": "row"}).text = AtomicString(term.preferred)
            etree.SubElement(row, "td").text = term.meaning
            # Variants stay plain: no glossary tooltip on a word not to use.
            etree.SubElement(row, "td").text = AtomicString("、".join(term.variants) or "—")
            notes = [note for note in (term.exception, term.fix) if note]
            etree.SubElement(row, "td").text = "；".join(notes) or "—"


class GlossaryFiller(Treeprocessor):
    """Fill each glossary block once all abbreviations of the page are known."""

    def __init__(self, md, abbrs: dict[str, str]):
        super().__init__(md)
        self.abbrs = abbrs

    def run(self, root):
        # Runs before the toc extension, which keeps these ids and lists the headings.
        for box in root.iter("div"):
            if box.get("class") != MARK:
                continue
            for term, definition in self.abbrs.items():
                head = etree.SubElement(box, ENTRY_HEADING, {"id": entry_id(term)})
                head.text = AtomicString(term)
                # Plain text: other terms inside a definition get their own tooltip.
                etree.SubElement(box, "p").text = definition


class GlossaryExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):
        try:
            abbr = md.treeprocessors["abbr"]
        except KeyError as missing:
            raise ValueError("tools.build.glossary 要放在 abbr 扩展之后") from missing
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, abbr.abbrs), "abbr", 7)
        md.treeprocessors.register(GlossaryFiller(md, abbr.abbrs), "kb_glossary", 7.5)
        block_mgr.register(GlossaryBlock, {})
        block_mgr.register(TermsBlock, {})


def makeExtension(**kwargs):
    return GlossaryExtension(**kwargs)
