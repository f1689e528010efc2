"""The built site names no outside host that a browser could fetch from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tools.build.hook_pyodide import PYODIDE_DIR
from tools.build.hook_wheel import runtime_hash

# Request-capable places in HTML and CSS: src/href/srcset/action/poster, url(), @import.
HTML_REF = re.compile(
    r"""(?:src|href|srcset|action|poster|data)\s*=\s*["']\s*((?:https?:)?//[^"'\s]+)""", re.I
)
CSS_REF = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')\s]+)""", re.I)
JS_URL = re.compile(r"https?://[A-Za-z0-9.-]+")
# Comments name sites (licences, docs) but fetch nothing: drop them before scanning.
JS_COMMENT = re.compile(r"/\*[\s\S]*?\*/|(?:^|(?<=\s))//.*$", re.M)
# URLs vendored JS names in strings but never fetches: XML namespaces (SVG), and
# the link in lunr's console warning about a version mismatch.
JS_NAMED_ONLY = {"http://www.w3.org", "https://www.w3.org", "https://bit.ly"}
KNOWN_CDNS = (
    "fonts.googleapis",
    "fonts.gstatic",
    "cdn.jsdelivr",
    "unpkg.com",
    "cdnjs.",
    "api.github",
)


def files(site, *suffixes):
    return [p for p in site.rglob("*") if p.suffix in suffixes and p.is_file()]


@pytest.fixture(scope="module")
def site(site_server):
    return site_server.directory


def test_html_references_stay_on_the_site(site, site_server):
    bad = []
    for path in files(site, ".html"):
        for url in HTML_REF.findall(path.read_text(encoding="utf-8")):
            if not site_server.is_own(url):
                bad.append(f"{path.relative_to(site)}: {url}")
    assert bad == []


def test_css_references_stay_on_the_site(site):
    bad = [
        f"{path.relative_to(site)}: {url}"
        for path in files(site, ".css")
        for url in CSS_REF.findall(path.read_text(encoding="utf-8"))
    ]
    assert bad == []


def test_javascript_names_no_outside_host(site):
    bad = set()
    for path in files(site, ".js", ".mjs"):
        code = JS_COMMENT.sub("", path.read_text(encoding="utf-8"))
        for url in JS_URL.findall(code):
            if url not in JS_NAMED_ONLY:
                bad.add(f"{path.relative_to(site)}: {url}")
    assert sorted(bad) == []


def test_no_known_cdn_anywhere(site):
    hits = [
        f"{path.relative_to(site)}: {cdn}"
        for path in files(site, ".html", ".css", ".js", ".mjs", ".json")
        for cdn in KNOWN_CDNS
        if cdn in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert hits == []


def test_pyodide_core_and_tools_wheel_are_shipped(site):
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (site / "_pyodide" / name).is_file()
    wheels = list((site / "_tools").glob("huifang_tools-*.whl"))
    assert len(wheels) == 1


def test_manifest_keys_the_snapshot_by_the_shipped_runtime(site):
    # The worker's memory snapshot is keyed by this hash (of the pinned Pyodide's
    # files, as installed: the build rewrites pyodide.mjs's URLs) and the wheel's name.
    manifest = json.loads((site / "_tools" / "manifest.json").read_text("utf-8"))
    pinned = Path(__file__).resolve().parents[2] / PYODIDE_DIR
    assert manifest["runtime"] == runtime_hash(pinned)
    wasm = "pyodide.asm.wasm"
    assert (site / "_pyodide" / wasm).read_bytes() == (pinned / wasm).read_bytes()
    assert re.fullmatch(r"[0-9a-f]{16}", manifest["runtime"])
    assert (site / "_tools" / manifest["tools"]).is_file()
