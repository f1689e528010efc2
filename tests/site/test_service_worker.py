"""The generated service worker: one version per build, and what it precaches."""

from __future__ import annotations

import json
import re

import pytest

from tests.e2e.conftest import sitemap_urls


@pytest.fixture(scope="module")
def worker(site_server):
    text = (site_server.directory / "sw.js").read_text(encoding="utf-8")
    lists = {
        name: json.loads(re.search(rf"const {name} = (\[.*?\]);", text).group(1))
        for name in ("CORE", "TOOLS")
    }
    version = re.search(r'const VERSION = "([0-9a-f]+)";', text).group(1)
    return version, lists["CORE"], lists["TOOLS"]


def test_every_page_and_the_search_index_are_precached(worker, site_server):
    _, core, _ = worker
    pages = {url.removeprefix(site_server.url) or "./" for url in sitemap_urls(site_server)}
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


def test_every_listed_file_exists(worker, site_server):
    _, core, tools = worker
    for path in core + tools:
        page = path.removeprefix("./")
        is_dir = page.endswith("/") or not page
        assert (site_server.directory / (page + "index.html" if is_dir else page)).is_file(), path


def test_version_is_a_content_hash(worker):
    version, _, _ = worker
    assert len(version) == 16
