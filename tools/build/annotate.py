"""The preview's part of the checks: a file's text with its problems marked in place.

Every file trainers edit goes through ``annotate`` on its way into a page (the
page hook for docs/, tools/build/snippets.py for snippets/). Its problems are
logged, once each, and a marker line goes in before each offending line, which
the page shows as a box (tools/build/problems.py). The preview also makes the
one change that keeps the rest of the page intact (``Problem.edit``): an
unclosed block is closed, an include of a missing file is left out.
"""

from __future__ import annotations

from collections import defaultdict

from tools.build.checks import Context, Source, check_file
from tools.build.problems import Problem, marker, report


def annotate(
    source: Source, context: Context, found: list[Problem] = (), first_line: int = 1
) -> str:
    """``source``'s text with markers and edits, its problems (and ``found``) reported.

    Nothing is put before ``first_line`` (a page's front matter).
    """
    problems = [*found, *check_file(source, context)]
    for problem in problems:
        report(problem)
    return apply(source.text, problems, first_line)


def apply(text: str, problems: list[Problem], first_line: int = 1) -> str:
    lines = text.split("\n")
    edits: dict[int, list[str]] = defaultdict(list)
    marks: dict[int, list[str]] = defaultdict(list)
    dropped = set()
    for problem in problems:
        # Blank lines around a marker make it a paragraph of its own, wherever it is.
        marks[max(problem.line, first_line)] += ["", marker(problem), ""]
        if problem.edit:
            edits[max(problem.edit.line, first_line)] += problem.edit.insert
            if problem.edit.drop:
                dropped.add(problem.edit.line)
    out = []
    for number, line in enumerate(lines, start=1):
        out += edits[number] + marks[number]
        if number not in dropped:
            out.append(line)
    end = len(lines) + 1
    return "\n".join(out + edits[end] + marks[end])
