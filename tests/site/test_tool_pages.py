"""Tool pages in the built site: a page is a tool page by its front matter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
FRONT_MATTER_TOOL = re.compile(r"\A---\n(?:.*\n)*?tool: *(\w+)\n(?:.*\n)*?---\n")


@pytest.fixture(scope="module")
def site(site_server):
    return site_server.directory


def tool_pages() -> dict[str, str]:
    """Built page path -> tool name, from the Markdown sources' front matter."""
    found = {}
    for source in DOCS.rglob("*.md"):
        match = FRONT_MATTER_TOOL.match(source.read_text(encoding="utf-8"))
        if match:
            found[source.relative_to(DOCS).with_suffix("").as_posix() + "/index.html"] = match[1]
    return found


def test_the_worker_starts_early_on_tool_pages_only(site):
    pages = tool_pages()
    assert set(pages.values()) == {"priority", "retention", "report"}
    for html in site.rglob("*.html"):
        rel = html.relative_to(site).as_posix()
        text = html.read_text(encoding="utf-8")
        early = "window.kbEarlyWorker" in text
        widget = re.search(r'data-tool="(\w+)"', text)
        if rel in pages:
            assert early and widget and widget[1] == pages[rel], rel
        else:
            assert not early and not widget, rel


def test_the_templates_are_built_from_the_column_table(site):
    from tools.build import templates

    page = (site / "tools/priority/index.html").read_text(encoding="utf-8")
    for path, make in ((templates.CSV_PATH, templates.template_csv),
                       (templates.XLSX_PATH, templates.template_xlsx)):  # fmt: skip
        assert (site / path).read_bytes() == make()
        assert f'href="../{path.removeprefix("tools/")}"' in page
    assert (site / templates.CSV_PATH).read_bytes().startswith(b"\xef\xbb\xbf")
