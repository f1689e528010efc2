"""The trainers' live preview: `make serve` on a temporary copy of the tree, on a free port.

Broken files (an unknown speaker, an unclosed block, a GBK file) each show their
problem in the page where it occurs while the rest renders; a file saved with a
BOM renders like any other. The terminal and `make lint` give the same lines,
and no traceback. An edit while serving reloads the page: the preview never freezes.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.server import ROOT, copy_tree

pytestmark = pytest.mark.e2e
PHONE = ("phone-1-identify.md", "phone-2-business.md", "phone-3-close.md")


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of ``path`` that starts with ``text``."""
    lines = path.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{path.name} no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def break_scripts(scripts: Path) -> None:
    edit(scripts / PHONE[0], "客户：是我", "客戶：是我")  # traditional 户
    edit(scripts / PHONE[1], "\n///", "\n")  # the block never closed
    (scripts / PHONE[2]).write_bytes(b"\xef\xbb\xbf" + (scripts / PHONE[2]).read_bytes())
    opener = scripts / "onsite-openers.md"
    opener.write_bytes(opener.read_text("utf-8").encode("gbk"))


class Preview:
    """`make serve` in ``tree``; its terminal output goes to a file."""

    def __init__(self, tree: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.output = tree.parent / "serve.log"
        with self.output.open("w") as log:
            self.proc = subprocess.Popen(
                ["make", "serve", f"PORT={self.port}"],
                cwd=tree,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # make and mkdocs stop together
            )
        self.wait_for("Serving on", 120)

    def log(self) -> str:
        return self.output.read_text("utf-8")

    def wait_for(self, text: str, timeout: float, count: int = 1) -> None:
        deadline = time.monotonic() + timeout
        while self.log().count(text) < count:
            assert self.proc.poll() is None, f"make serve stopped:\n{self.log()}"
            assert time.monotonic() < deadline, f"no {text!r} after {timeout}s:\n{self.log()}"
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)


def problem_lines(text: str) -> list[str]:
    """`文件:行: 问题。怎样改：…` lines, wherever they stand in a line of output."""
    return re.findall(r"(?m)((?:snippets|docs)/\S+:\d+: .*怎样改：.*)$", text)


def boxes(page) -> list[str]:
    return page.locator(".kb-problem").all_inner_texts()


def as_box(line: str) -> str:
    """A checker line as the page's box reads (its three paragraphs joined)."""
    path, number, rest = line.split(":", 2)
    return f"需要修改：{path} 第 {number} 行{rest.strip()}"


def test_problems_show_in_the_live_preview_and_the_preview_keeps_going(page, tmp_path):
    tree = copy_tree(tmp_path / "tree")
    scripts = tree / "snippets" / "scripts"
    break_scripts(scripts)
    preview = Preview(tree)
    try:
        page.goto(preview.url + "scripts/phone/")
        found = boxes(page)
        shown = list(found)
        assert len(found) == 2, found
        typo_line = line_of(scripts / PHONE[0], "客戶：是我")
        assert f"snippets/scripts/phone-1-identify.md 第 {typo_line} 行" in found[0]
        assert "未知的说话人「客戶」" in found[0] and "你是不是想写“客户”？" in found[0]
        assert "snippets/scripts/phone-2-business.md 第 1 行" in found[1]
        assert "对话块没有结束行" in found[1]
        # The box is inside the dialogue, at the turn it is about.
        expect(page.locator(".kb-dialogue .kb-problem + .kb-say--other")).to_have_count(1)
        # The rest renders: every dialogue, the BOM one included, and every heading
        # (the one after the unclosed block too) in the page and its table of contents.
        expect(page.locator(".kb-dialogue")).to_have_count(dialogues_in("scripts/phone-*.md"))
        expect(page.get_by_text("/// dialogue")).to_have_count(0)
        expect(page.locator(".kb-dialogue__title", has_text="第三段：收尾")).to_be_visible()
        for heading in ("第一段", "第二段", "第三段"):
            expect(page.locator("h2", has_text=heading)).to_be_visible()
            expect(page.locator(".md-sidebar--secondary a", has_text=heading)).to_have_count(1)

        page.goto(preview.url + "scripts/onsite/")
        found = boxes(page)
        shown += found
        assert len(found) == 1 and "GBK" in found[0] and "另存为" in found[0], found
        expect(page.locator(".kb-dialogue")).to_have_count(3)  # its text, read as GBK

        # The terminal and the page say what `make lint` says, each problem once.
        lint = subprocess.run(
            ["make", "lint"], cwd=tree, capture_output=True, text=True, check=False
        )
        assert lint.returncode != 0
        from_lint = problem_lines(lint.stdout)
        assert len(from_lint) == 3, lint.stdout
        assert sorted(problem_lines(preview.log())) == sorted(from_lint)
        assert sorted(text.replace("\n", "") for text in shown) == sorted(map(as_box, from_lint))

        # An edit while serving: the open page reloads by itself, never frozen.
        page.goto(preview.url + "scripts/phone/")
        edit(scripts / PHONE[0], "客戶：是我", "客户：是我")
        edit(scripts / PHONE[0], "信贷员：我是", "经历：我是")
        expect(page.locator(".kb-problem", has_text="未知的说话人「经历」")).to_be_visible(
            timeout=60_000
        )
        expect(page.locator(".kb-problem", has_text="「客戶」")).to_have_count(0)
        assert "Traceback" not in preview.log() + lint.stdout + lint.stderr
    finally:
        preview.stop()


def python_only_tree(tmp_path: Path) -> Path:
    """A copy without Node.js (no node_modules), whose .venv is the real one's
    packages behind a folder of its own: the preview script's marks stay in the copy."""
    tree = copy_tree(tmp_path / "tree")
    for name in ("node_modules", ".venv"):
        (tree / name).unlink()
    real = Path(os.path.realpath(ROOT / ".venv"))
    (tree / ".venv").mkdir()
    for entry in real.iterdir():
        if entry.name not in {".installed", ".preview-installed"}:
            (tree / ".venv" / entry.name).symlink_to(entry)
    (tree / ".venv" / ".preview-installed").touch()  # installed: no pip, no network
    return tree


def dialogues_in(pattern: str) -> int:
    """How many dialogue blocks the phone page's script files hold (the page includes them all)."""
    return sum(
        line.startswith("/// dialogue")
        for path in (ROOT / "snippets").glob(pattern)
        for line in path.read_text("utf-8").splitlines()
    )


def test_the_python_only_preview_serves_the_site_and_says_the_tools_are_missing(page, tmp_path):
    tree = python_only_tree(tmp_path)
    port = free_port()
    output = tmp_path / "preview.log"
    with output.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "scripts/preview.py", "--port", str(port)],
            cwd=tree,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        while "Serving on" not in output.read_text("utf-8"):
            assert proc.poll() is None, output.read_text("utf-8")
            assert time.monotonic() < deadline, output.read_text("utf-8")
            time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/"
        page.goto(url + "scripts/phone/")
        expect(page.locator(".kb-dialogue")).to_have_count(dialogues_in("scripts/phone-*.md"))
        page.goto(url + "tools/retention/")
        expect(page.locator(".kb-no-tools")).to_contain_text("这个预览里没有在线工具")
        expect(page.locator("[data-tool]")).to_have_count(0)
        expect(page.locator("[data-tool-unavailable=retention]")).to_be_hidden()
        assert "预览地址" in output.read_text("utf-8")
        assert "Traceback" not in output.read_text("utf-8")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
