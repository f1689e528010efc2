"""The dialogue syntax trainers write, read the same way by the block and by the checker.

Syntax (documented for trainers in docs/trainers/syntax.md)::

    /// dialogue | 第一步：确认对方
    信贷员：您好！请问您是{客户姓名}吗？
    客户：是的 / 不是，您哪位？
    （对方不方便时，约好回电时间）
    ///

- ``角色：文本`` starts a turn. The roles are listed in snippets/speakers.txt,
  each with an ASCII CSS suffix (``信贷员 = officer`` gives ``.kb-say--officer``).
  A line that opens with a word such as 比如、注意、提示 and a colon is plain
  text, not a speaker, unless that word is listed as a role.
- A line without a role continues the previous turn as a new paragraph.
- A line wrapped in ``（…）`` is a stage direction.
- ``{占位符}`` is a placeholder; ``甲 / 乙`` (or ``／``) is a choice.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tools.build.problems import Problem
from tools.build.trainer_text import read_text

NAME = "dialogue"
OPEN_RE = re.compile(r"^[ ]{0,3}///[ \t]*dialogue[ \t]*(?:\|[ \t]*(?P<title>.*?))?[ \t]*$")
SAY_RE = re.compile(r"^(?P<who>[\u4e00-\u9fffA-Za-z]{1,8})[ \t]*[：:][ \t]*(?P<text>.*)$")
NOTE_RE = re.compile(r"^[（(](?P<text>.*)[）)][ \t]*$")
SLOT_RE = re.compile(r"\{([^{}\n]*)\}")
CHOICE_RE = re.compile(r"[ \t]+/[ \t]+|[ \t]*／[ \t]*")
SPEAKER_LINE_RE = re.compile(r"^(?P<name>\S+?)[ \t]*=[ \t]*(?P<slug>[a-z][a-z0-9-]*)$")
# Words that introduce an example, a note or a step, never a person: "比如：……".
NOT_SPEAKERS = (
    "比如", "例如", "比方", "举例", "举个例子", "譬如", "注意", "注", "提示", "备注",
    "说明", "要点", "重点", "原因", "理由", "目的", "结果", "问题", "回答", "小结",
    "总结", "另外", "其次", "首先", "然后", "最后", "记住", "切记", "技巧", "场景",
    "情况", "时间", "地点", "如果", "假如", "万一", "参考", "解释", "意思", "第",
    "问", "答",
)  # fmt: skip


@dataclass(frozen=True)
class Line:
    """One classified line of a dialogue block."""

    kind: str  # "say", "note", "more" (continues the previous turn) or "blank"
    text: str
    who: str = ""


def is_speaker_word(who: str, speakers: dict[str, str]) -> bool:
    return who in speakers or not who.startswith(NOT_SPEAKERS)


def classify(line: str, speakers: dict[str, str]) -> Line:
    stripped = line.strip()
    if not stripped:
        return Line("blank", "")
    note = NOTE_RE.match(stripped)
    if note:
        return Line("note", note.group("text").strip())
    say = SAY_RE.match(stripped)
    if say and is_speaker_word(say.group("who"), speakers):
        return Line("say", say.group("text").strip(), say.group("who"))
    return Line("more", stripped)


def split_choices(text: str) -> list[str]:
    return [part.strip() for part in CHOICE_RE.split(text)]


@cache
def _to_simplified():
    import opencc  # the build and the checker only; nothing of it reaches the browser

    return opencc.OpenCC("t2s")


def suggest(who: str, speakers: dict[str, str]) -> str | None:
    """The known role ``who`` was probably meant to be (traditional characters, a typo)."""
    simplified = _to_simplified().convert(who)
    if simplified in speakers:
        return simplified
    close = difflib.get_close_matches(simplified, list(speakers), n=1, cutoff=0.5)
    return close[0] if close else None


def parse_speakers(text: str, source: str) -> tuple[dict[str, str], list[Problem]]:
    """Read ``角色 = css-suffix`` lines (``#`` starts a comment); a bad line is a problem."""
    speakers: dict[str, str] = {}
    problems = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = SPEAKER_LINE_RE.match(line)
        if match:
            speakers[match.group("name")] = match.group("slug")
        else:
            problems.append(
                Problem(
                    source,
                    number,
                    f"说话人这一行看不懂：“{line}”",
                    "写成“中文角色 = 英文样式名”，例如“担保人 = guarantor”",
                )
            )
    return speakers, problems


def load_speakers(path: Path, rel: str) -> tuple[dict[str, str], list[Problem]]:
    if not path.is_file():
        fix = "恢复这个文件，每行写“中文角色 = 英文样式名”"
        return {}, [Problem(rel, 1, "找不到角色表文件", fix)]
    decoded = read_text(path, rel)
    speakers, problems = parse_speakers(decoded.text, rel)
    return speakers, [decoded.problem, *problems] if decoded.problem else problems
