"""MkDocs hook: pack the browser part of ``tools/`` as a wheel into the site.

Writes ``_tools/<wheel>.whl`` (content hash in its version; with the report tool's
checklists parsed from snippets/, see packed_data), the wheels of the
optional pure-Python packages (openpyxl, loaded only for .xlsx files) and
``_tools/manifest.json`` which the worker reads to find them. The manifest also
carries ``runtime``, a hash of the Pyodide core files: with the tools wheel's name
(its version is a content hash) it keys the worker's memory snapshot, so a
snapshot is only restored by the exact runtime and tools it was made from.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tools.build.hook_pyodide import CORE_FILES, PYODIDE_DIR
from tools.build.wheel import content_version, installed_wheel, pack_wheel, source_files
from tools.report import checklists

# Build-time code never goes to the browser.
EXCLUDE = ("build",)
# Optional packages, by the name the worker asks for; each lists its wheels in install order.
OPTIONAL = {"openpyxl": ("et_xmlfile", "openpyxl")}


def on_post_build(config, **kwargs):
    root = Path(config.config_file_path).parent
    target = Path(config.site_dir) / "_tools"
    target.mkdir(parents=True, exist_ok=True)

    files = source_files(root, "tools", exclude=EXCLUDE)
    files.update(packed_data(root))
    name, data = pack_wheel("huifang-tools", content_version("0.1.0", files), files)
    (target / name).write_bytes(data)
    manifest = {"tools": name, "runtime": runtime_hash(root / PYODIDE_DIR), "optional": {}}

    for key, dists in OPTIONAL.items():
        names = []
        for dist in dists:
            wheel_name, wheel_data = installed_wheel(dist)
            (target / wheel_name).write_bytes(wheel_data)
            names.append(wheel_name)
        manifest["optional"][key] = names

    (target / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def packed_data(root: Path) -> dict[str, bytes]:
    """Data the browser modules read that lives outside tools/: the report tool's
    checklists, parsed from the trainers' snippets (tools/report/checklists.py)."""
    parsed = checklists.read_source(root / "snippets" / "checklists")
    text = json.dumps(parsed, ensure_ascii=False, indent=1, sort_keys=True)
    return {f"tools/report/{checklists.PACKED}": text.encode()}


def runtime_hash(pyodide_dir: Path) -> str:
    """A short hash of the Pyodide core files' bytes ("" without Pyodide)."""
    digest = hashlib.sha256()
    for name in CORE_FILES:
        path = pyodide_dir / name
        if not path.is_file():
            return ""
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
