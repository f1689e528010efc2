"""MkDocs hook: pack the browser part of ``tools/`` as a wheel into the site.

Writes ``_tools/<wheel>.whl`` (content hash in its version), the wheels of the
optional pure-Python packages (openpyxl, loaded only for .xlsx files) and
``_tools/manifest.json`` which the worker reads to find them.
"""

from __future__ import annotations

import json
from pathlib import Path

from tools.build.wheel import content_version, installed_wheel, pack_wheel, source_files

# Build-time code never goes to the browser.
EXCLUDE = ("build",)
# Optional packages, by the name the worker asks for; each lists its wheels in install order.
OPTIONAL = {"openpyxl": ("et_xmlfile", "openpyxl")}


def on_post_build(config, **kwargs):
    root = Path(config.config_file_path).parent
    target = Path(config.site_dir) / "_tools"
    target.mkdir(parents=True, exist_ok=True)

    files = source_files(root, "tools", exclude=EXCLUDE)
    name, data = pack_wheel("huifang-tools", content_version("0.1.0", files), files)
    (target / name).write_bytes(data)
    manifest = {"tools": name, "optional": {}}

    for key, dists in OPTIONAL.items():
        names = []
        for dist in dists:
            wheel_name, wheel_data = installed_wheel(dist)
            (target / wheel_name).write_bytes(wheel_data)
            names.append(wheel_name)
        manifest["optional"][key] = names

    (target / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
