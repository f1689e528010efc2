"""Includes (``--8<-- "file"``) of files that do not exist.

pymdownx.snippets stops the whole build on such a line; the preview leaves
the line out instead and shows this problem where it was.
"""

from __future__ import annotations

import re
from pathlib import Path

from tools.build.checks.source import Context, Source
from tools.build.problems import Edit, Problem
from tools.build.trainer_text import read_text

# pymdownx.snippets: `--8<-- "file"` on a line of its own, or a block of file
# names between two bare `--8<--` lines. A leading `;` escapes the marker.
INLINE_RE = re.compile(
    r"""^\s*(?P<escape>;*)-+8<-+[ \t]+(?P<quote>["'])(?P<path>.+?)(?P=quote)\s*$"""
)
BLOCK_RE = re.compile(r"^\s*(?P<escape>;*)-+8<-+\s*$")
# `file.md:3:9` (lines) or `file.md:section` select part of a file.
PART_RE = re.compile(r"(?i)(?::-?[0-9]*)+(?:,[-0-9:]*)*$|:[a-z][-_0-9a-z]*$")


def find_includes(text: str) -> list[tuple[int, str]]:
    """(line number, file name) of every snippet the text pulls in."""
    found = []
    in_block = False
    for number, line in enumerate(text.split("\n"), start=1):
        inline = INLINE_RE.match(line)
        block = BLOCK_RE.match(line)
        if inline and not in_block:
            if not inline.group("escape"):
                found.append((number, inline.group("path").strip()))
        elif block:
            if not block.group("escape"):
                in_block = not in_block
        elif in_block and line.strip():
            found.append((number, line.strip()))
    return [
        (number, PART_RE.sub("", path))
        for number, path in found
        if not path.startswith(";") and not path.lower().startswith(("http://", "https://"))
    ]


def check(source: Source, context: Context) -> list[Problem]:
    return [
        Problem(
            source.rel,
            number,
            f"引用的文件“{name}”不存在",
            "检查文件名（从 snippets/ 下面算起），或恢复被删掉的文件",
            Edit(number, drop=True),
        )
        for number, name in find_includes(source.text)
        if context.resolve(name) is None
    ]


def pages_showing(path: Path, context: Context) -> list[Path]:
    """The pages that show the snippet ``path``: they include it, directly or through
    other snippets. The include graph is worked out once per context."""
    if "shown_by" not in context.cache:
        shown_by: dict[Path, set[Path]] = {}
        for page in sorted(context.docs.rglob("*.md")) if context.docs else []:
            queue, seen = [page], {page}
            while queue:
                for _, name in find_includes(read_text(queue.pop(), "").text):
                    found = context.resolve(name)
                    if found and found not in seen:
                        seen.add(found)
                        queue.append(found)
                        shown_by.setdefault(found, set()).add(page)
        context.cache["shown_by"] = shown_by
    return sorted(context.cache["shown_by"].get(path.resolve(), ()))
