"""The trainers' pages say what the checker says: each documented mistake, written into
the file it names, gives exactly the documented line (make lint and the preview alike).

On the pages, an example is an HTML comment naming the file (and ``gbk`` when the
file is saved that way), the file's text in a fence, then the checker's line in a fence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.server import ROOT, copy_tree
from tools.build.snippet_lint import lint

EXAMPLE_RE = re.compile(
    r"<!-- example: (?P<path>\S+)(?P<gbk> gbk)? -->\n```text\n(?P<text>.*?)```\n\n"
    r"(?:[^`]*?\n)?```text\n(?P<message>.*?)\n```",
    re.S,
)
PAGES = sorted((ROOT / "docs" / "trainers").glob("*.md"))


def examples():
    for page in PAGES:
        for match in EXAMPLE_RE.finditer(page.read_text("utf-8")):
            yield pytest.param(match, id=f"{page.stem}-{match.group('message')[:40]}")


def test_the_pages_have_examples():
    assert len(list(examples())) >= 20


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return copy_tree(tmp_path_factory.mktemp("examples") / "tree")


@pytest.mark.parametrize("example", list(examples()))
def test_a_documented_mistake_gives_the_documented_message(tree, example):
    path = tree / example.group("path")
    original = path.read_bytes()
    text = example.group("text")
    try:
        path.write_bytes(text.encode("gbk" if example.group("gbk") else "utf-8"))
        found = [str(problem) for problem in lint(tree)[0]]
    finally:
        path.write_bytes(original)
    assert example.group("message") in found, "\n".join(found)
