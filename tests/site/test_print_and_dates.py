"""The whole-handbook print page and the pages' last-changed dates, in the built site."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timedelta, timezone

from mkdocs.utils.yaml import yaml_load

from tests.browser import sitemap_urls
from tests.server import ROOT, build_site, copy_tree

CHINESE_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def nav_pages(items) -> list[str]:
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def print_id(page: str) -> str:
    """The print page's section id of a page (the plugin's key: its URL, dashed)."""
    url = page.removesuffix(".md").removesuffix("index").strip("/")
    return url.replace("/", "-") or "index"


def read(site_server, path: str) -> str:
    return (site_server.directory / path).read_text("utf-8")


def test_every_page_is_printed_once_in_navigation_order(site_server):
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]
    html = read(site_server, "print/index.html")
    printed = re.findall(r'<section class="print-page" id="([^"]+)"', html)
    assert printed == [print_id(page) for page in nav_pages(nav)]
    parts = re.findall(r"<section class='print-page md-section'[^>]*>\s*<h1>([^<]+)", html)
    assert parts == [
        next(iter(item)) for item in nav if isinstance(next(iter(item.values())), list)
    ]
    assert '<div id="print-page-toc"' in html  # the table of contents


def test_tool_pages_are_a_note_on_the_print_page_and_start_no_tool(site_server):
    html = read(site_server, "print/index.html")
    tool_pages = [
        p for p in (ROOT / "docs").rglob("*.md") if p.read_text("utf-8").startswith("---\ntool:")
    ]
    assert len(tool_pages) == 3
    assert html.count("在线工具不在打印版里") == len(tool_pages)
    assert "data-tool" not in html and "kbEarlyWorker" not in html
    assert 'data-tool="retention"' in read(site_server, "tools/retention/index.html")


def test_the_print_page_is_offline_but_not_in_search_nor_the_crawl(site_server):
    urls = sitemap_urls(site_server.directory)
    assert not any(url.endswith("/print/") for url in urls)
    index = json.loads(read(site_server, "search/search_index.json"))
    assert not any(doc["location"].startswith("print/") for doc in index["docs"])
    assert '"print/":' in read(site_server, "sw.js")  # precached with the pages


def test_every_page_says_when_it_last_changed_in_chinese(site_server):
    for url in sitemap_urls(site_server.directory):
        path = url.split("/", 3)[3] + "index.html"
        html = read(site_server, path)
        assert re.search(
            r"git-revision-date-localized-plugin-date[^>]*>" + CHINESE_DATE.pattern, html
        ), path


def test_a_tree_without_git_history_is_dated_by_its_files(tmp_path):
    tree = copy_tree(tmp_path / "tree")  # a plain copy: no .git
    march = datetime(2024, 3, 5, 12, tzinfo=timezone(timedelta(hours=8))).timestamp()
    os.utime(tree / "docs" / "credit" / "window.md", (march, march))
    site = tmp_path / "site"
    build_site(site, "http://127.0.0.1:8000/", root=tree)
    html = (site / "credit" / "window" / "index.html").read_text("utf-8")
    date = html.split("git-revision-date-localized-plugin-date", 1)[1]
    # The file's own date, not the build's: a rebuild changes no page that did not change.
    assert re.match(r'" title="[^"]*">2024年3月5日<', date), date[:80]
