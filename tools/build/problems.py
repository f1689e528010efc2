"""Problems in what trainers edit: one shape for the checker, the build log and the page.

``make lint`` prints each problem as ``文件:行: 问题。怎样改：…``; the build logs
the same line as a warning (``make build`` is strict and fails on it), once per
build however many pages include the file; and the page shows it where it
occurs. For that the preview puts a marker line before the offending line
(tools/build/annotate.py), and this Markdown extension, or a block that reads
its own lines (the dialogue), turns each marker into a visible box. Markers are
made of private-use characters: Markdown leaves them alone and nobody types them.
"""

from __future__ import annotations

import hashlib
import logging
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Under "mkdocs.": a strict build counts these warnings and fails.
log = logging.getLogger("mkdocs.trainers")
MARK_RE = re.compile("\ue000kb-problem:([0-9a-f]{16})\ue001")
BOX_CLASS = "kb-problem"


@dataclass(frozen=True)
class Edit:
    """How the preview changes a file so that the rest of the page still renders."""

    line: int  # insert before this line (1-based; one past the last line appends)
    insert: tuple[str, ...] = ()
    drop: bool = False  # and leave out the line itself


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root, with /
    line: int
    message: str
    fix: str
    edit: Edit | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}。怎样改：{self.fix}"


_registry: dict[str, Problem] = {}
_reported: set[Problem] = set()


def marker(problem: Problem) -> str:
    """A line that stands for ``problem`` until the page is rendered."""
    key = hashlib.sha256(str(problem).encode()).hexdigest()[:16]
    _registry[key] = problem
    return f"\ue000kb-problem:{key}\ue001"


def marked(text: str) -> list[Problem]:
    """The problems whose markers are in ``text``."""
    return [_registry[key] for key in MARK_RE.findall(text) if key in _registry]


def report(problem: Problem) -> None:
    """Log ``problem`` once per build (a snippet may be included by many pages)."""
    if problem not in _reported:
        _reported.add(problem)
        log.warning("%s", problem)


def new_build() -> None:
    _reported.clear()


def reported() -> int:
    """How many problems this build has logged."""
    return len(_reported)


def box(problem: Problem) -> etree.Element:
    """The visible block: where, what, how to fix; plain text (no tooltips, no Markdown)."""
    element = etree.Element("div", {"class": BOX_CLASS, "role": "note"})
    for name, text in (
        ("where", f"需要修改：{problem.path} 第 {problem.line} 行"),
        ("what", f"{problem.message}。"),
        ("fix", f"怎样改：{problem.fix}"),
    ):
        etree.SubElement(element, "p", {"class": f"{BOX_CLASS}__{name}"}).text = AtomicString(text)
    return element


class MarkerBoxes(Treeprocessor):
    """Each marker left in the text becomes a box at its place."""

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            if element.text and MARK_RE.search(element.text):
                found = marked(element.text)
                element.text = MARK_RE.sub("", element.text)
                if element.tag == "p" and not element.text.strip() and not len(element):
                    self._replace(parents[element], element, found)
                elif element.tag == "p":
                    self._after(parents[element], element, found)
                else:
                    for index, problem in enumerate(found):
                        element.insert(index, box(problem))
            if element.tail and MARK_RE.search(element.tail) and element in parents:
                found = marked(element.tail)
                element.tail = MARK_RE.sub("", element.tail)
                self._after(parents[element], element, found)

    @staticmethod
    def _after(parent, element, found):
        index = list(parent).index(element) + 1
        for offset, problem in enumerate(found):
            parent.insert(index + offset, box(problem))

    def _replace(self, parent, element, found):
        self._after(parent, element, found)
        parent.remove(element)


class ProblemsExtension(Extension):
    def extendMarkdown(self, md):
        # Before inline processing (20): the boxes' text is atomic, never a tooltip.
        md.treeprocessors.register(MarkerBoxes(md), "kb_problems", 25)


def makeExtension(**kwargs):
    return ProblemsExtension(**kwargs)
