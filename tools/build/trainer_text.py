"""Reading the files trainers edit: UTF-8 with or without a BOM, anything else explained.

Windows editors save as UTF-8 with a BOM (Notepad), as GBK/GB18030 (older
editors, "ANSI" on a Chinese Windows) or as UTF-16 ("Unicode"). pymdownx.snippets
and the checker read every file through ``read_text`` so a BOM is dropped, and a
file in another encoding becomes one Chinese problem naming the file, the first
line that is not UTF-8 and how to save it as UTF-8, never an exception.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from tools.build.problems import Problem

SAVE_AS_UTF8 = (
    "用记事本打开这个文件，点“文件 → 另存为”，把下面的“编码”选成“UTF-8”再保存"
    "（VS Code：点窗口右下角的编码名称 → “通过编码保存” → “UTF-8”）"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    problem: Problem | None = None


def decode(data: bytes, rel: str) -> Decoded:
    """The text of a trainer's file, and the problem if it is not UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
        return Decoded(text, _problem(rel, 1, " UTF-16（记事本里叫“Unicode”）"))
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
    try:
        # GB18030 is a superset of GBK and GB2312: a Chinese Windows's "ANSI".
        return Decoded(data.decode("gb18030"), _problem(rel, line, " GBK（GB18030）"))
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, _problem(rel, line, "一种不是 UTF-8 的"))


def read_text(path: str | Path, rel: str) -> Decoded:
    return decode(Path(path).read_bytes(), rel)


def _problem(rel: str, line: int, encoding: str) -> Problem:
    return Problem(
        rel,
        line,
        f"文件是用{encoding}编码保存的，网站只认 UTF-8 编码",
        SAVE_AS_UTF8,
    )
