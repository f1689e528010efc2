"""The trainer-edited checklists (snippets/checklists/*.md) as lists of items.

In the browser the wheel holds them parsed, as ``checklists.json`` beside this
module (tools/build/hook_wheel.py packs it); on CPython they are read from the
source tree's ``snippets/checklists/``. An item is a ``- [ ] text`` line (the
format tools/build/checks/checklist.py enforces) with its indented continuation
lines; Markdown emphasis is dropped. An interview item "**主营与地址**：主营业务变了没有？"
is an area: its title in bold, then the questions.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path

PACKED = "checklists.json"
SOURCE = Path(__file__).resolve().parents[2] / "snippets" / "checklists"

_ITEM = re.compile(r"^\s*- \[ \]\s+(.*)$")
_CONTINUED = re.compile(r"^[ ]{2,}(\S.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AREA = re.compile(r"^\*\*(.+?)\*\*\s*[：:]?\s*(.*)$")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)")


def parse(text: str) -> list[str]:
    """The items of one checklist file, as written (emphasis kept)."""
    items: list[str] = []
    for line in _COMMENT.sub("", text).splitlines():
        found = _ITEM.match(line)
        if found:
            items.append(found[1].strip())
        elif items and _CONTINUED.match(line):
            items[-1] += _CONTINUED.match(line)[1].strip()
    return items


def plain(item: str) -> str:
    return _EMPHASIS.sub("", item).strip()


def read_source(folder: Path = SOURCE) -> dict[str, list[str]]:
    """Every checklist of ``folder`` by name (file name without .md)."""
    return {
        path.stem: parse(path.read_text(encoding="utf-8-sig"))
        for path in sorted(folder.glob("*.md"))
    }


@functools.cache
def raw() -> dict[str, list[str]]:
    """The checklists: packed in the wheel when there, else the source tree's."""
    packed = resources.files(__package__) / PACKED
    if packed.is_file():
        return json.loads(packed.read_text(encoding="utf-8"))
    if not SOURCE.is_dir():
        # Never an empty form or draft: a wheel without its lists is a build bug.
        raise FileNotFoundError(f"neither {PACKED} in the wheel nor {SOURCE}")
    return read_source()


def items(name: str) -> tuple[str, ...]:
    """The items of checklist ``name``, plain text (the values a record holds)."""
    return tuple(plain(item) for item in raw().get(name, ()))


def areas(name: str = "interview") -> tuple[tuple[str, str], ...]:
    """(title, questions) of each interview area; an item without a bold title is its
    own title with no questions."""
    found = []
    for item in raw().get(name, ()):
        head = _AREA.match(item)
        found.append((head[1].strip(), plain(head[2])) if head else (plain(item), ""))
    return tuple(found)
