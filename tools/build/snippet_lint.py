"""Checker for what trainers edit: scripts, checklists, the glossary and the pages.

Run ``python -m tools.build.snippet_lint`` (``make lint`` does). It reads the
settings of our snippets and dialogue extensions from mkdocs.yml and reports,
one line each, in Chinese, as ``文件:行: 问题。怎样改：…``. Exit status 1 when
there is any problem.

``CHECKS`` is the list it runs, each ``check(root) -> list[Problem]``:
- the settings themselves (speakers.txt);
- every page and snippet, through the same checks the preview runs
  (tools/build/checks/: encodings, dialogue, checklists, glossary, includes),
  so the preview and the checker cannot drift apart;
- a snippet that no page includes (auto-appended files are exempt), which
  only the whole tree can show;
- every non-preferred term (tools/build/terms.py).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from tools.build.checks import Context, Source, check_file
from tools.build.checks.includes import find_includes
from tools.build.problems import Problem
from tools.build.terms import check as check_terms
from tools.build.trainer_text import read_text

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = "tools.build.snippets"


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


def toc_slugify(root: Path):
    """The toc extension's slugify, which the loose reader leaves out (a YAML tag)."""
    with (root / "mkdocs.yml").open(encoding="utf-8") as file:
        extensions = yaml_load(file).get("markdown_extensions") or []
    for entry in extensions:
        if isinstance(entry, dict) and "toc" in entry:
            return (entry["toc"] or {}).get("slugify")
    return None


@dataclass(frozen=True)
class Tree:
    """The project as the checks see it: settings, pages and snippet files."""

    context: Context
    pages: list[Path]
    snippets: list[Path]


@cache
def load_tree(root: Path) -> Tree:
    config = read_mkdocs_config(root)
    options = extension_options(config, SNIPPETS)
    context = Context.create(
        root,
        options.get("base_path", ["."]),
        options.get("auto_append", []),
        options.get("speakers_file", "snippets/speakers.txt"),
        config.get("docs_dir", "docs"),
    )
    context.slugify = toc_slugify(root)
    pages = sorted(context.docs.rglob("*.md"))
    snippets = sorted({path for base in context.bases for path in base.rglob("*.md")})
    return Tree(context, pages, snippets)


def check_settings(root: Path) -> list[Problem]:
    return load_tree(root).context.problems


def check_files(root: Path) -> list[Problem]:
    tree = load_tree(root)
    problems: list[Problem] = []
    for path in [*tree.pages, *tree.snippets]:
        rel = tree.context.rel(path)
        decoded = read_text(path, rel)
        if decoded.problem:
            problems.append(decoded.problem)
        problems += check_file(Source(rel, path, decoded.text), tree.context)
    return problems


def check_orphans(root: Path) -> list[Problem]:
    """Snippets no page includes, directly or through other snippets."""
    tree = load_tree(root)
    context = tree.context
    used = set(context.appended)
    queue = list(tree.pages)
    while queue:
        text = read_text(queue.pop(), "").text
        for _, name in find_includes(text):
            found = context.resolve(name)
            if found and found not in used:
                used.add(found)
                queue.append(found)
    return [
        Problem(
            context.rel(path),
            1,
            "没有任何页面引用这个文件，它不会出现在网站上",
            f'在要显示它的页面里单独写一行 --8<-- "{path.relative_to(context.bases[0]).as_posix()}"'
            "，或删掉这个文件",
        )
        for path in tree.snippets
        if path.resolve() not in used
    ]


CHECKS = (check_settings, check_files, check_orphans, check_terms)


def lint(root: Path = ROOT) -> tuple[list[Problem], int, int]:
    """Return the problems, and how many snippet files and pages were read."""
    root = root.resolve()
    load_tree.cache_clear()  # a test may have changed the tree
    problems = sorted(
        (problem for check in CHECKS for problem in check(root)),
        key=lambda problem: (problem.path, problem.line),
    )
    tree = load_tree(root)
    return problems, len(tree.snippets), len(tree.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="检查话术、清单、术语表和页面。")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目根目录（含 mkdocs.yml）")
    args = parser.parse_args(argv)
    problems, snippet_count, page_count = lint(args.root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"发现 {len(problems)} 个问题。")
        return 1
    print(f"话术检查通过：{snippet_count} 个话术和清单文件，{page_count} 个页面；用词统一。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
