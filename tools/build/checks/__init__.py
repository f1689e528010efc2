"""Checks of what trainers edit, one module per format; the preview and ``make lint`` run them all.

Each module has ``check(source, context) -> list[Problem]`` for one file and
decides itself whether the file is its kind (a checklist, the glossary …).
``check_file`` runs them all: the preview on every file it reads
(tools/build/annotate.py), the checker on every file of the tree
(tools/build/snippet_lint.py).
"""

from __future__ import annotations

from tools.build.checks import blocks, checklist, dialogue, glossary, includes, quiz
from tools.build.checks.source import Context, Source
from tools.build.problems import Problem

__all__ = ["FILE_CHECKS", "Context", "Source", "check_file"]

FILE_CHECKS = (
    blocks.check,
    dialogue.check,
    quiz.check,
    checklist.check,
    glossary.check,
    includes.check,
)


def check_file(source: Source, context: Context) -> list[Problem]:
    problems = [problem for check in FILE_CHECKS for problem in check(source, context)]
    return sorted(problems, key=lambda problem: problem.line)
