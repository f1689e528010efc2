"""First lines of our blocks written almost right: ``/// dialog``, ``/// dialogue 标题``.

Such a line is no block at all for pymdownx.blocks: the script would show as
plain paragraphs with a stray ``///``, and nothing else would say why.
"""

from __future__ import annotations

import difflib
import re

from tools.build.checks.source import Context, Source, outside_fences
from tools.build.problems import Problem

# The blocks trainers write, with the first line each expects.
BLOCKS = {"dialogue": "/// dialogue | 标题", "quiz": "/// quiz | 标题"}
HEADER_RE = re.compile(r"^[ ]{0,3}/{3,}[ \t]*(?P<name>[^\s|]+)(?P<rest>.*)$")
ARGUMENT_RE = re.compile(r"^[ \t]*(?:\|.*)?$")


def check(source: Source, context: Context) -> list[Problem]:
    problems = []
    for number, line in outside_fences(source.lines):
        match = HEADER_RE.match(line)
        if not match:
            continue
        name, rest = match.group("name"), match.group("rest")
        if name in BLOCKS:
            if not ARGUMENT_RE.match(rest):
                problems.append(
                    Problem(
                        source.rel,
                        number,
                        f"“/// {name}”后面的标题前少了竖线“|”，这一块不会显示",
                        f"写成“{BLOCKS[name]}”（竖线是半角的“|”）",
                    )
                )
            continue
        meant = difflib.get_close_matches(name.lower(), BLOCKS, n=1, cutoff=0.6)
        if meant:
            problems.append(
                Problem(
                    source.rel,
                    number,
                    f"看不懂“/// {name}”，这一块不会显示",
                    f"你是不是想写“/// {meant[0]}”？写成“{BLOCKS[meant[0]]}”",
                )
            )
    return problems
