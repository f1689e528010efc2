"""The whole docs/ + snippets/ tree (and the navigation) passes the term check."""

from __future__ import annotations

import subprocess
import sys

from tools.build.terms import ROOT, check, files


def test_real_tree_uses_the_preferred_terms():
    assert len(files(ROOT)) > 30
    assert [str(problem) for problem in check(ROOT)] == []


def test_make_lint_runs_the_term_check():
    done = subprocess.run(
        [sys.executable, "-m", "tools.build.snippet_lint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "用词统一" in done.stdout
