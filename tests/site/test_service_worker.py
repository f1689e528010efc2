"""The generated service worker: what it precaches, and a revision per file."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from tests.browser import sitemap_urls


@pytest.fixture(scope="module")
def worker(site_server):
    text = (site_server.directory / "sw.js").read_text(encoding="utf-8")
    manifests = {
        name: json.loads(re.search(rf"const {name} = (\{{.*?\}});", text, re.S).group(1))
        for name in ("CORE", "TOOLS")
    }
    version = re.search(r'const VERSION = "([0-9a-f]+)";', text).group(1)
    return version, manifests["CORE"], manifests["TOOLS"]


def file_of(site_server, path: str):
    is_dir = path.endswith("/") or path in ("", "./")
    return site_server.directory / (path.removeprefix("./") + "index.html" if is_dir else path)


def test_every_page_and_the_search_index_are_precached(worker, site_server):
    _, core, _ = worker
    pages = {
        url.removeprefix(site_server.url) or "./" for url in sitemap_urls(site_server.directory)
    }
    assert pages <= set(core)
    assert "search/search_index.json" in core
    assert "javascripts/tool-worker.js" in core
    assert not any(path.startswith(("_pyodide/", "_tools/")) for path in core)


def test_tools_are_cached_apart_and_completely(worker, site_server):
    _, _, tools = worker
    shipped = {
        p.relative_to(site_server.directory).as_posix()
        for folder in ("_pyodide", "_tools")
        for p in (site_server.directory / folder).iterdir()
    }
    assert set(tools) == shipped
    assert "_pyodide/pyodide.asm.wasm" in tools


def test_each_revision_is_the_hash_of_that_files_bytes(worker, site_server):
    _, core, tools = worker
    for path, revision in {**core, **tools}.items():
        data = file_of(site_server, path).read_bytes()
        assert revision == hashlib.sha256(data).hexdigest()[:16], path
    # Different files, different revisions (no constant or per-build stamp).
    assert len({core["./"], core["glossary/"], tools["_pyodide/pyodide.asm.wasm"]}) == 3


def test_version_hashes_the_manifests(worker):
    version, core, tools = worker
    expected = hashlib.sha256(json.dumps([core, tools], sort_keys=True).encode()).hexdigest()
    assert version == expected[:16]
