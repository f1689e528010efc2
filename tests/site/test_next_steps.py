"""Every page ends with "下一步" links a reader can follow: no dead end, no loop of two.

Read from the built pages, so what is checked is what a reader clicks.
"""

from __future__ import annotations

import posixpath
import re

import pytest

NEXT = re.compile(r"<strong>下一步</strong>：(.*?)(?:</p>(?!\s*<ul>)|</ul>)", re.S)
HREF = re.compile(r'<a href="([^"#?]*)[^"]*"')


def page_path(site, html_file) -> str:
    """The page's URL path under the site root: "" for the home page, "core/funds/" ..."""
    rel = html_file.relative_to(site).as_posix()
    return rel.removesuffix("index.html")


@pytest.fixture(scope="module")
def next_steps(site_server):
    site = site_server.directory
    pages = {}
    for html_file in site.rglob("index.html"):
        path = page_path(site, html_file)
        # print/ is the whole handbook on one page: its pages' own links are inside.
        if path.startswith(("_", "search/", "assets/")) or path in ("404/", "print/"):
            continue
        html = html_file.read_text(encoding="utf-8")
        found = NEXT.search(html)
        links = []
        for href in HREF.findall(found.group(1)) if found else []:
            target = posixpath.normpath(posixpath.join("/" + path, href)).lstrip("/")
            links.append(target + "/" if target and not target.endswith("/") else target)
        pages[path] = links
    return pages


def test_every_page_has_next_steps_to_pages_that_exist(next_steps):
    assert len(next_steps) > 40
    assert [path for path, links in next_steps.items() if not links] == []
    wrong = [
        (path, link)
        for path, links in next_steps.items()
        for link in links
        if link not in next_steps or link == path
    ]
    assert wrong == []


def test_no_two_pages_send_the_reader_back_and_forth(next_steps):
    loops = {
        tuple(sorted((a, b)))
        for a, links in next_steps.items()
        for b in links
        if a in next_steps.get(b, [])
    }
    assert sorted(loops) == []


def test_the_new_sections_are_reached_from_the_home_page_and_each_other(next_steps):
    # Issue 10's chains: 访前准备 → 上门开场 → 现场问询; 五年规则 → the retention checker.
    assert next_steps["procedure/prepare/"][0] == "scripts/onsite/"
    assert next_steps["scripts/onsite/"][0] == "procedure/interview/"
    assert next_steps["credit/five-years/"][0] == "tools/retention/"
    assert {"core/warning/", "core/collection/"} <= set(next_steps["procedure/report/"])
    assert "credit/officer/" in next_steps["credit/rights/"]
    assert "method/checks/" in next_steps["method/"]
    assert "procedure/lookup/" in next_steps["procedure/prepare/"]
