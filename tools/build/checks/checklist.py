"""Checklists (files under a ``checklists/`` folder): one ``- [ ] 内容`` item a line.

Anything else prints as stray text on the visit form, or as an item without
its box: a box written with full-width brackets, ``-[ ]``, ``- []``, a box
already ticked, or a line that is not an item at all.
"""

from __future__ import annotations

import re

from tools.build.checks.source import Context, Source, content_lines
from tools.build.problems import Edit, Problem

FOLDER = "checklists"
ITEM_RE = re.compile(r"^(?:[ ]{4})*- \[ \] \S")
TICKED_RE = re.compile(r"^\s*[-*+] \[[xX]\]")
# A box of any shape: [ ], [], ［ ］, 【】, with or without the dash and spaces.
BOX_RE = re.compile(r"^\s*(?:[-*+－]\s*)?[\[［【][ 　xX]*[\]］】]")
BULLET_RE = re.compile(r"^\s*(?:[-*+]|\d+[.、)])\s")
CONTINUATION_RE = re.compile(r"^[ ]{2,}\S")
ITEM = "每条写成“- [ ] 内容”：减号、空格、半角方括号里一个空格，再一个空格"


def check(source: Source, context: Context) -> list[Problem]:
    if FOLDER not in source.rel.split("/")[:-1]:
        return []
    problems = []
    for number, line in content_lines(source.lines):
        if ITEM_RE.match(line):
            continue
        if TICKED_RE.match(line):
            message = "这一条的框已经打了勾"
            fix = "改成空框“- [ ] ”，由信贷员在现场自己勾"
        elif BOX_RE.match(line):
            message = "勾选框的写法不对，这一条不会显示成可以勾的框"
            fix = ITEM
        elif BULLET_RE.match(line):
            message = "这一条没有勾选框"
            fix = f"在开头写成“- [ ] ”。{ITEM}"
        elif CONTINUATION_RE.match(line):
            continue  # the previous item goes on (indented)
        else:
            message = "这一行不是清单条目，会作为多余的文字出现在清单里"
            fix = f"{ITEM}；说明文字写在引用这个清单的页面里，或放在 <!-- 和 --> 之间"
        # A blank line after it: the next item would otherwise continue this line's paragraph.
        problems.append(Problem(source.rel, number, message, fix, Edit(number + 1, ("",))))
    return problems
