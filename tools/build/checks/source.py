"""Files and project settings as the checks see them."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tools.build.block_syntax import ANY_OPEN_RE, CLOSE_RE, HEADING_RE
from tools.build.dialogue_syntax import load_speakers
from tools.build.problems import Edit, Problem

FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"


@dataclass(frozen=True)
class Source:
    """One file: its path for messages (from the project root) and its text."""

    rel: str
    path: Path
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Context:
    """What the checks need to know about the project, read from its mkdocs.yml settings."""

    root: Path
    speakers: dict[str, str]
    bases: list[Path]  # pymdownx.snippets base_path, absolute
    appended: set[Path] = field(default_factory=set)  # auto_append files (the glossary)
    problems: list[Problem] = field(default_factory=list)  # of the settings themselves
    docs: Path | None = None  # the docs folder: pages links point to
    slugify: Callable[[str, str], str] | None = None  # the toc's, for section anchors
    cache: dict = field(default_factory=dict)  # what the checks work out once per context

    @classmethod
    def create(
        cls,
        root: Path,
        base_path: list[str],
        auto_append: list[str],
        speakers_file: str,
        docs_dir: str = "docs",
    ) -> Context:
        root = root.resolve()
        speakers, problems = load_speakers(root / speakers_file, speakers_file)
        bases = [(root / base).resolve() for base in base_path]
        context = cls(root, speakers, bases, problems=problems, docs=(root / docs_dir).resolve())
        context.appended = {found for name in auto_append if (found := context.resolve(name))}
        return context

    def resolve(self, name: str) -> Path | None:
        """The file a snippet name points to, looked up as pymdownx.snippets does."""
        for base in self.bases:
            candidate = (base / name).resolve()
            if candidate.is_file() and candidate.is_relative_to(base):
                return candidate
        return None

    def rel(self, path: str | Path) -> str:
        path = Path(os.path.abspath(path))
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line number, line) of the lines outside fenced code blocks."""
    fence = None
    for number, line in enumerate(lines, start=1):
        match = FENCE_RE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * 3
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None:
            yield number, line


def content_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line number, line) of the non-blank lines outside ``<!-- … -->`` comments."""
    in_comment = False
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if in_comment or text.startswith(COMMENT_OPEN):
            in_comment = COMMENT_CLOSE not in text
            continue
        if text:
            yield number, line


@dataclass
class Span:
    """One block in a file: its first line, its body lines, where it ends."""

    start: int
    body: list[tuple[int, str]] = field(default_factory=list)
    closed: bool = False
    end: int = 0  # the closing line, or the line an unclosed block ends before


def spans(lines: list[str], open_re: re.Pattern) -> Iterator[Span]:
    """The blocks whose first line matches ``open_re``, closed or not."""
    span = None
    for number, line in outside_fences(lines):
        ends = CLOSE_RE.match(line) or ANY_OPEN_RE.match(line) or HEADING_RE.match(line)
        if span is not None and ends:
            span.closed, span.end = bool(CLOSE_RE.match(line)), number
            yield span
            span = None
            if CLOSE_RE.match(line):
                continue
        if span is None:
            if open_re.match(line):
                span = Span(number)
        else:
            span.body.append((number, line))
    if span is not None:
        span.end = len(lines) + 1
        yield span


def unclosed(rel: str, span: Span, block: str, content: str) -> Problem:
    """The block never closed; the preview closes it where it should have ended."""
    return Problem(
        rel,
        span.start,
        f"{block}没有结束行 ///，后面的内容会被当成{content}",
        f"在这段{content}最后一行的下面单独加一行 ///",
        Edit(span.end, ("///", "")),
    )
