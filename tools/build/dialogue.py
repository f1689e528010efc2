"""Python-Markdown extension: phone and on-site scripts written as dialogue.

Syntax (documented for trainers in docs/trainers/syntax.md)::

    /// dialogue | 第一步：确认对方
    信贷员：您好！请问您是{客户姓名}吗？
    客户：是的 / 不是，您哪位？
    （对方不方便时，约好回电时间）
    ///

- ``角色：文本`` starts a turn; the role must be listed in the speakers file,
  which maps each Chinese role to an ASCII CSS suffix (``信贷员 = officer`` gives
  ``.kb-say--officer``).
- A line without a role continues the previous turn as a new paragraph.
- A line wrapped in ``（…）`` is a stage direction, rendered as a note.
- ``{占位符}`` becomes ``<span class="kb-slot">``; ``甲 / 乙`` (or ``／``) is a choice.

Placeholders are turned into elements while the block is parsed, before any
tree processor runs, so ``attr_list`` never sees a trailing ``{…}``. The rest of
the text still goes through inline processing (emphasis, glossary tooltips),
with ``<`` and ``>`` escaped first so script text can never inject HTML.
The parsing helpers are shared with tools/build/snippet_lint.py.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

# A "mkdocs." logger: strict builds fail on its warnings (unknown speakers).
log = logging.getLogger("mkdocs.extensions.dialogue")

OPEN_RE = re.compile(r"^///[ \t]*dialogue[ \t]*(?:\|[ \t]*(?P<title>.*?))?[ \t]*$")
CLOSE_RE = re.compile(r"^///[ \t]*$")
SAY_RE = re.compile(r"^(?P<who>[\u4e00-\u9fffA-Za-z]{1,8})[ \t]*[：:][ \t]*(?P<text>.*)$")
NOTE_RE = re.compile(r"^[（(](?P<text>.*)[）)][ \t]*$")
SLOT_RE = re.compile(r"\{([^{}\n]*)\}")
CHOICE_RE = re.compile(r"[ \t]+/[ \t]+|[ \t]*／[ \t]*")
SPEAKER_LINE_RE = re.compile(r"^(?P<name>\S+?)[ \t]*=[ \t]*(?P<slug>[a-z][a-z0-9-]*)$")


@dataclass(frozen=True)
class Line:
    """One classified line of a dialogue block."""

    kind: str  # "say", "note", "more" (continues the previous turn) or "blank"
    text: str
    who: str = ""


def classify(line: str) -> Line:
    stripped = line.strip()
    if not stripped:
        return Line("blank", "")
    note = NOTE_RE.match(stripped)
    if note:
        return Line("note", note.group("text").strip())
    say = SAY_RE.match(stripped)
    if say:
        return Line("say", say.group("text").strip(), say.group("who"))
    return Line("more", stripped)


def split_choices(text: str) -> list[str]:
    return [part.strip() for part in CHOICE_RE.split(text)]


class SpeakerError(ValueError):
    """A line of the speakers file that is not ``角色 = css-suffix``."""

    def __init__(self, source: str, line: int, text: str):
        self.source, self.line = source, line
        self.message = f"说话人这一行看不懂：“{text}”"
        self.fix = "写成“中文角色 = 英文样式名”，例如“担保人 = guarantor”"
        super().__init__(f"{source}:{line}: {self.message}。怎样改：{self.fix}。")


def parse_speakers(text: str, source: str = "speakers") -> dict[str, str]:
    """Read ``角色 = css-suffix`` lines; ``#`` starts a comment."""
    speakers: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = SPEAKER_LINE_RE.match(line)
        if not match:
            raise SpeakerError(source, number, line)
        speakers[match.group("name")] = match.group("slug")
    return speakers


def load_speakers(path: str | Path) -> dict[str, str]:
    path = Path(path)
    return parse_speakers(path.read_text(encoding="utf-8"), str(path))


def _escape(text: str) -> str:
    # Inline processing would pass raw HTML through; entities survive as text.
    return text.replace("<", "&lt;").replace(">", "&gt;")


def fill(element: etree.Element, text: str) -> None:
    """Put ``text`` into ``element``, with each ``{slot}`` as a highlighted span."""
    last: etree.Element | None = None
    position = 0
    element.text = ""
    for match in SLOT_RE.finditer(text):
        name = match.group(1).strip()
        if not name:
            continue  # an empty {} stays as written; the checker reports it
        before = _escape(text[position : match.start()])
        if last is None:
            element.text += before
        else:
            last.tail = (last.tail or "") + before
        last = etree.SubElement(element, "span", {"class": "kb-slot"})
        last.text = AtomicString(name)
        last.tail = ""
        position = match.end()
    rest = _escape(text[position:])
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


def take_body(body: list[str], blocks: list[str]) -> list[str]:
    """Lines up to the closing ``///``, taken from the block parser's queue.

    Blank lines split the text into blocks, so the body may span several; what
    follows the closing line goes back to the queue. Without a closing line the
    body runs to the end of the document (the checker reports it).
    """
    lines: list[str] = []
    pending = body
    while True:
        for index, line in enumerate(pending):
            if CLOSE_RE.match(line):
                rest = "\n".join(pending[index + 1 :])
                if rest.strip():
                    blocks.insert(0, rest)
                return lines
            lines.append(line)
        if not blocks:
            return lines
        lines.append("")
        pending = blocks.pop(0).split("\n")


class DialogueProcessor(BlockProcessor):
    def __init__(self, parser, speakers: dict[str, str]):
        super().__init__(parser)
        self.speakers = speakers

    def test(self, parent, block):
        return bool(OPEN_RE.match(block.split("\n", 1)[0]))

    def run(self, parent, blocks):
        first, *body = blocks.pop(0).split("\n")
        title = OPEN_RE.match(first).group("title")
        self.render(parent, title, take_body(body, blocks))

    def render(self, parent, title: str | None, lines: list[str]) -> None:
        box = etree.SubElement(parent, "div", {"class": "kb-dialogue"})
        if title:
            head = etree.SubElement(box, "p", {"class": "kb-dialogue__title"})
            head.text = _escape(title)
        turn: etree.Element | None = None
        for raw in lines:
            line = classify(raw)
            if line.kind == "say":
                turn = self.start_turn(box, line.who)
                fill_turn(etree.SubElement(turn, "p", {"class": "kb-say__text"}), line.text)
            elif line.kind == "note":
                turn = None
                fill(etree.SubElement(box, "p", {"class": "kb-note"}), line.text)
            elif line.kind == "more":
                target = turn if turn is not None else box
                fill_turn(etree.SubElement(target, "p", {"class": "kb-say__text"}), line.text)

    def start_turn(self, box: etree.Element, who: str) -> etree.Element:
        slug = self.speakers.get(who)
        if slug is None:
            log.warning("对话块里有未知的说话人「%s」：请运行 make lint 查看位置。", who)
            slug = "other"
        turn = etree.SubElement(box, "div", {"class": f"kb-say kb-say--{slug}"})
        label = etree.SubElement(turn, "span", {"class": "kb-say__who"})
        label.text = AtomicString(who)
        return turn


class DialogueExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "speakers_file": ["snippets/speakers.txt", "角色表文件（相对于运行目录）"],
            "speakers": [{}, "直接给出的角色表，优先于文件（测试用）"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        speakers = self.getConfig("speakers") or load_speakers(self.getConfig("speakers_file"))
        # Above admonition (105) and every core block processor.
        md.parser.blockprocessors.register(DialogueProcessor(md.parser, speakers), "dialogue", 106)


def makeExtension(**kwargs):
    return DialogueExtension(**kwargs)
