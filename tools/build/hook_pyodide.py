"""MkDocs hook: copy the pinned Pyodide core from node_modules into the site.

The browser loads Pyodide from the site itself (no CDN), under ``_pyodide/``.

A trainer's preview may run with Python alone (scripts/preview.py: no Node.js,
so no Pyodide). The site then builds all the same and each tool page says the
tool is not in this preview, in place of the tool: its element loses
``data-tool`` (so no worker starts) and is hidden. ``make build`` and ``make
serve`` always install Pyodide first.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

PYODIDE_DIR = Path("node_modules/pyodide")
# The core only: the lock file lists CDN packages we never load, but pyodide.mjs
# reads it at start-up, so it ships too.
CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
TOOL_RE = re.compile(r'<(?P<tag>[a-z]+)(?P<attrs>[^>]*?)\sdata-tool="(?P<name>[^"]+)"')
NOTE = (
    '<div class="admonition note kb-no-tools" role="note">'
    '<p class="admonition-title">这个预览里没有在线工具</p>'
    "<p>在线工具要用到 Node.js 安装的 Python 运行环境（Pyodide），这次预览没有它。"
    "页面的文字照常显示；工具在正式网站上、或用 <code>make serve</code> 预览时都能用。</p>"
    "</div>"
)
log = logging.getLogger("mkdocs.hooks.pyodide")
_available = True


def _source(config) -> Path:
    return Path(config.config_file_path).parent / PYODIDE_DIR


def on_config(config, **kwargs):
    global _available
    _available = all((_source(config) / name).is_file() for name in CORE_FILES)
    if not _available:
        log.info("没有找到 Pyodide（%s）：这次构建不含在线工具，工具页会说明。", PYODIDE_DIR)
    return config


def on_page_content(html, page, **kwargs):
    if _available or "data-tool=" not in html:
        return html
    return TOOL_RE.sub(
        lambda m: f'{NOTE}<{m["tag"]}{m["attrs"]} data-tool-unavailable="{m["name"]}" hidden',
        html,
    )


def on_post_build(config, **kwargs):
    if not _available:
        return
    target = Path(config.site_dir) / "_pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        shutil.copy2(_source(config) / name, target / name)
