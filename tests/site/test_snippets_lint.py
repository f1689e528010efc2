"""The script checker passes on the real snippets/ and docs/."""

from __future__ import annotations

import subprocess
import sys

from tools.build.snippet_lint import ROOT, lint


def test_real_tree_has_no_problems():
    problems, snippet_count, page_count = lint(ROOT)
    assert [str(problem) for problem in problems] == []
    assert snippet_count >= 5 and page_count >= 20


def test_module_runs_from_the_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "tools.build.snippet_lint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "话术检查通过" in done.stdout
    assert "用词统一" in done.stdout  # the term check runs with it
