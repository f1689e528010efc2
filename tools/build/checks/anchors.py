"""The section anchors of a page, as the toc extension makes them: a link to
``prepare.md#要查的信息`` can be checked before the site is built."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from markdown.extensions.toc import slugify as default_slugify
from markdown.extensions.toc import unique

from tools.build.checks.source import Context, outside_fences
from tools.build.trainer_text import read_text

HEADING_RE = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$")
EXPLICIT_RE = re.compile(r"[ \t]*\{[^}]*#(?P<id>[\w-]+)[^}]*\}[ \t]*$")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKUP_RE = re.compile(r"[*_`]")


def page_anchors(path: Path, slugify: Callable[[str, str], str] | None) -> list[str]:
    slugify = slugify or default_slugify
    used: set[str] = set()
    anchors = []
    for _, line in outside_fences(read_text(path, "").text.split("\n")):
        match = HEADING_RE.match(line)
        if not match:
            continue
        text = match.group("text")
        explicit = EXPLICIT_RE.search(text)
        if explicit:
            anchors.append(explicit.group("id"))
            used.add(explicit.group("id"))
            continue
        plain = MARKUP_RE.sub("", LINK_RE.sub(r"\1", text))
        anchors.append(unique(slugify(plain, "-"), used))
    return anchors


def anchors_of(path: Path, context: Context) -> list[str]:
    """Cached per context: a quiz links to the same pages many times."""
    key = ("anchors", path)
    if key not in context.cache:
        context.cache[key] = page_anchors(path, context.slugify)
    return context.cache[key]
