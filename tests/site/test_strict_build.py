"""`make build` stays strict: a problem in a trainer's file fails it, with the checker's words."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.server import copy_tree


def test_a_broken_script_fails_the_strict_build_with_the_same_message(tmp_path):
    tree = copy_tree(tmp_path / "tree")
    script = tree / "snippets" / "scripts" / "phone-3-close.md"
    script.write_text(script.read_text("utf-8").replace("客户：好的", "客戶：好的"), "utf-8")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tree,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    lint = subprocess.run(
        [sys.executable, "-m", "tools.build.snippet_lint"],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode != 0 and lint.returncode != 0
    line = lint.stdout.splitlines()[0]
    assert line.startswith("snippets/scripts/phone-3-close.md:6: 未知的说话人「客戶」。怎样改：")
    assert line in build.stderr
    assert "构建没有完成" in build.stderr
    assert "Traceback" not in build.stderr + lint.stdout + lint.stderr
