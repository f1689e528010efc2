"""Checker for what trainers edit: scripts, checklists and the pages that include them.

Run ``python -m tools.build.snippet_lint`` (``make lint`` does). It reads the
settings of pymdownx.snippets and of our dialogue extension from mkdocs.yml and
reports, one line each, in Chinese, as ``文件:行: 问题。怎样改：…``:

- in dialogue blocks: unknown speakers, unbalanced or empty ``{}``, a first line
  without a speaker, an empty block, a block never closed;
- a snippet that no page includes (auto-appended files are exempt);
- a page or snippet including a file that does not exist;
- with ``main()``: every non-preferred term (tools/build/terms.py).

Exit status 1 when there is any problem. The dialogue syntax is parsed by the
same helpers the Markdown extension uses, so the two cannot drift apart.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from tools.build.dialogue import (
    CLOSE_RE,
    OPEN_RE,
    SLOT_RE,
    SpeakerError,
    classify,
    load_speakers,
)
from tools.build.problem import Problem
from tools.build.terms import check as check_terms

ROOT = Path(__file__).resolve().parents[2]
FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
# pymdownx.snippets: `--8<-- "file"` on a line of its own, or a block of file
# names between two bare `--8<--` lines. A leading `;` escapes the marker.
INLINE_RE = re.compile(
    r"""^\s*(?P<escape>;*)-+8<-+[ \t]+(?P<quote>["'])(?P<path>.+?)(?P=quote)\s*$"""
)
BLOCK_RE = re.compile(r"^\s*(?P<escape>;*)-+8<-+\s*$")
# `file.md:3:9` (lines) or `file.md:section` select part of a file.
PART_RE = re.compile(r"(?i)(?::-?[0-9]*)+(?:,[-0-9:]*)*$|:[a-z][-_0-9a-z]*$")


class _LooseLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its tags (``!ENV`` and the like)."""


_LooseLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_config(root: Path = ROOT) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LooseLoader)


def extension_options(config: dict, name: str) -> dict:
    for entry in config.get("markdown_extensions") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    raise KeyError(f"mkdocs.yml 的 markdown_extensions 里没有 {name}")


def outside_fences(lines: list[str]):
    """Yield (line number, line) for lines not inside a fenced code block."""
    fence = None
    for number, line in enumerate(lines, start=1):
        match = FENCE_RE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * 3
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None:
            yield number, line


def check_braces(rel: str, number: int, text: str) -> list[Problem]:
    problems = []
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
            if depth > 1:
                problems.append(
                    Problem(
                        rel,
                        number,
                        "占位符里又套了一个“{”",
                        "每个占位符写成一对 {名称}，中间不要再有大括号",
                    )
                )
        elif char == "}":
            depth -= 1
            if depth < 0:
                problems.append(
                    Problem(
                        rel, number, "多了一个“}”，前面没有配对的“{”", "补上“{”，或删掉多余的“}”"
                    )
                )
                depth = 0
    if depth > 0:
        problems.append(Problem(rel, number, "有“{”没有配对的“}”", "在占位符名称后面补上“}”"))
    for match in SLOT_RE.finditer(text):
        if not match.group(1).strip():
            problems.append(
                Problem(
                    rel, number, "占位符是空的：“{}”", "在大括号里写上要替换的内容，例如 {客户姓名}"
                )
            )
    return problems


def check_dialogues(rel: str, text: str, speakers: dict[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    known = "、".join(speakers) or "（角色表是空的）"
    block_start = 0
    turns = 0
    expecting_speaker = False
    for number, line in outside_fences(text.splitlines()):
        if not block_start:
            if OPEN_RE.match(line):
                block_start, turns, expecting_speaker = number, 0, True
            continue
        if CLOSE_RE.match(line):
            if not turns:
                problems.append(
                    Problem(
                        rel,
                        block_start,
                        "对话块是空的，没有一句话",
                        "在 /// dialogue 和 /// 之间写上对话，或删掉这两行",
                    )
                )
            block_start = 0
            continue
        item = classify(line)
        problems += check_braces(rel, number, item.text)
        if item.kind == "say":
            turns += 1
            expecting_speaker = False
            if item.who not in speakers:
                problems.append(
                    Problem(
                        rel,
                        number,
                        f"未知的说话人「{item.who}」",
                        f"改成已有的角色（{known}），"
                        f"或在 snippets/speakers.txt 加一行“{item.who} = 英文样式名”",
                    )
                )
        elif item.kind == "more" and expecting_speaker:
            turns += 1  # it still renders as text: the block is not empty
            problems.append(
                Problem(
                    rel,
                    number,
                    "这一句没有说话人（对话开头或提示之后要先写角色）",
                    "在这一行开头写上“角色：”，例如“信贷员：”",
                )
            )
            expecting_speaker = False
        elif item.kind == "note":
            expecting_speaker = True
    if block_start:
        problems.append(
            Problem(rel, block_start, "对话块没有结束行", "在这段对话最后一行的下面加一行 ///")
        )
    return problems


def find_includes(text: str) -> list[tuple[int, str]]:
    """(line number, file name) of every snippet the text pulls in."""
    found = []
    in_block = False
    for number, line in enumerate(text.splitlines(), start=1):
        inline = INLINE_RE.match(line)
        block = BLOCK_RE.match(line)
        if inline and not in_block:
            if not inline.group("escape"):
                found.append((number, inline.group("path").strip()))
        elif block:
            if not block.group("escape"):
                in_block = not in_block
        elif in_block and line.strip():
            found.append((number, line.strip()))
    return [
        (number, PART_RE.sub("", path))
        for number, path in found
        if not path.startswith(";") and not path.lower().startswith(("http://", "https://"))
    ]


def lint(root: Path = ROOT) -> tuple[list[Problem], int, int]:
    """Return the problems, and how many snippet files and pages were read."""
    config = read_mkdocs_config(root)
    snippet_opts = extension_options(config, "pymdownx.snippets")
    bases = [root / base for base in snippet_opts.get("base_path", ["."])]
    appended = set(snippet_opts.get("auto_append", []))
    speakers_path = extension_options(config, "tools.build.dialogue").get(
        "speakers_file", "snippets/speakers.txt"
    )
    problems: list[Problem] = []
    try:
        speakers = load_speakers(root / speakers_path)
    except SpeakerError as error:
        problems.append(Problem(speakers_path, error.line, error.message, error.fix))
        speakers = {}
    except FileNotFoundError:
        problems.append(
            Problem(
                speakers_path, 1, "找不到角色表文件", "恢复这个文件，每行写“中文角色 = 英文样式名”"
            )
        )
        speakers = {}

    docs = root / config.get("docs_dir", "docs")
    pages = sorted(docs.rglob("*.md"))
    snippets = sorted({path for base in bases for path in base.rglob("*.md")})

    def resolve(name: str) -> Path | None:
        for base in bases:
            if (base / name).is_file():
                return (base / name).resolve()
        return None

    included: set[Path] = set()
    queue = list(pages)
    seen: set[Path] = set()
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        problems += check_dialogues(rel, text, speakers)
        for number, name in find_includes(text):
            target = resolve(name)
            if target is None:
                problems.append(
                    Problem(
                        rel,
                        number,
                        f"引用的文件“{name}”不存在",
                        "检查文件名（从 snippets/ 下面算起），或恢复被删掉的文件",
                    )
                )
            else:
                included.add(target)
                queue.append(target)
    for path in snippets:
        rel = path.relative_to(root).as_posix()
        if path.resolve() in seen:
            continue
        problems += check_dialogues(rel, path.read_text(encoding="utf-8"), speakers)
        if not any(path.resolve() == resolve(name) for name in appended):
            problems.append(
                Problem(
                    rel,
                    1,
                    "没有任何页面引用这个文件，它不会出现在网站上",
                    f'在要显示它的页面里单独写一行 --8<-- "{path.relative_to(bases[0]).as_posix()}"'
                    "，或删掉这个文件",
                )
            )
    problems.sort(key=lambda p: (p.path, p.line))
    return problems, len(snippets), len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="检查话术、清单和页面里的引用。")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目根目录（含 mkdocs.yml）")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    problems, snippet_count, page_count = lint(root)
    # The term check (tools/build/terms.py) runs with it, so `make lint` covers both.
    problems = sorted([*problems, *check_terms(root)], key=lambda p: (p.path, p.line))
    for problem in problems:
        print(problem)
    if problems:
        print(f"发现 {len(problems)} 个问题。")
        return 1
    print(f"话术检查通过：{snippet_count} 个话术和清单文件，{page_count} 个页面；用词统一。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
