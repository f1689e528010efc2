"""A tree without Node.js (no Pyodide) still builds, strictly; tool pages say the tools
are missing."""

from __future__ import annotations

from tests.server import build_site, copy_tree


def test_the_site_builds_without_pyodide_and_tool_pages_say_so(tmp_path):
    tree = copy_tree(tmp_path / "tree")
    (tree / "node_modules").unlink()
    site = tmp_path / "site"
    build_site(site, "http://127.0.0.1:8000/", root=tree)
    assert not (site / "_pyodide").exists()
    for name in ("retention", "priority", "report"):
        html = (site / "tools" / name / "index.html").read_text("utf-8")
        assert "这个预览里没有在线工具" in html
        assert "data-tool=" not in html  # no worker starts, early or late
        assert f'data-tool-unavailable="{name}" hidden' in html
