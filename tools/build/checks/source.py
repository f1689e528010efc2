"""Files and project settings as the checks see them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tools.build.dialogue_syntax import load_speakers
from tools.build.problems import Problem

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

    @classmethod
    def create(
        cls, root: Path, base_path: list[str], auto_append: list[str], speakers_file: str
    ) -> Context:
        root = root.resolve()
        speakers, problems = load_speakers(root / speakers_file, speakers_file)
        bases = [(root / base).resolve() for base in base_path]
        context = cls(root, speakers, bases, problems=problems)
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
