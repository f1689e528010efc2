"""MkDocs hook: copy the pinned Pyodide core from node_modules into the site.

The browser loads Pyodide from the site itself (no CDN), under ``_pyodide/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

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


def _source(config) -> Path:
    return Path(config.config_file_path).parent / PYODIDE_DIR


def on_config(config, **kwargs):
    missing = [name for name in CORE_FILES if not (_source(config) / name).is_file()]
    if missing:
        raise PluginError(
            f"Pyodide is not installed ({PYODIDE_DIR} lacks {', '.join(missing)}). "
            "Run `npm ci` (or `make build`, which does it for you)."
        )
    return config


def on_post_build(config, **kwargs):
    target = Path(config.site_dir) / "_pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        shutil.copy2(_source(config) / name, target / name)
