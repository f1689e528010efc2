"""One problem found in a file a trainer edits, as every checker reports it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root, with /
    line: int
    message: str  # Chinese: what is wrong
    fix: str  # Chinese: how to put it right

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}。怎样改：{self.fix}"
