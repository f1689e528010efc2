"""MkDocs hook: pages read and checked like the snippets trainers edit, problems shown in place.

Each page is read through tools/build/trainer_text.py (UTF-8 with or without a
BOM; anything else is a problem with the fix, never a traceback) and its own
text is checked and marked like a snippet (tools/build/annotate.py); snippets
are handled by tools/build/snippets.py. ``make serve`` builds non-strict: the
page shows each problem as a box and the terminal lists it. ``make build`` is
strict: the same lines, then a failed build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import YAML_RE

from tools.build import problems
from tools.build.annotate import annotate
from tools.build.checks import Context, Source
from tools.build.trainer_text import read_text

EXTENSION = "tools.build.snippets"
_context: Context | None = None


def on_config(config, **kwargs):
    global _context
    options = config.mdx_configs.get(EXTENSION, {})
    _context = Context.create(
        Path(config.config_file_path).parent,
        options.get("base_path", ["."]),
        options.get("auto_append", []),
        options.get("speakers_file", "snippets/speakers.txt"),
        config.docs_dir,
    )
    _context.slugify = config.mdx_configs.get("toc", {}).get("slugify")
    return config


def on_pre_build(config, **kwargs):
    problems.new_build()  # each build lists every problem again, once


def on_page_read_source(page, config, **kwargs):
    path = Path(page.file.abs_src_path)
    rel = _context.rel(path)
    decoded = read_text(path, rel)
    front_matter = YAML_RE.match(decoded.text)
    first_line = decoded.text[: front_matter.end()].count("\n") + 1 if front_matter else 1
    found = [decoded.problem] if decoded.problem else []
    return annotate(Source(rel, path, decoded.text), _context, found, first_line)


def on_build_error(error, **kwargs):
    if problems.reported():
        problems.log.error(
            "构建没有完成：请按上面列出的每个问题修改（make lint 会列出同样的问题）。"
        )
