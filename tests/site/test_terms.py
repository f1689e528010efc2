"""The whole docs/ + snippets/ tree (and the navigation) passes the term check."""

from __future__ import annotations

import re

from tools.build.terms import ROOT, check, files


def test_real_tree_uses_the_preferred_terms():
    assert len(files(ROOT)) > 30
    assert [str(problem) for problem in check(ROOT)] == []


def test_the_built_site_never_shows_the_word(site_server):
    # The term check reads the sources; this reads what a reader gets, search index included.
    site = site_server.directory
    shown = [
        path.relative_to(site).as_posix()
        for path in [*site.rglob("*.html"), site / "search" / "search_index.json"]
        if "原文" in path.read_text(encoding="utf-8")
    ]
    assert shown == []


def test_the_glossary_page_lists_the_terms_and_a_heading_per_entry(site_server):
    html = (site_server.directory / "glossary" / "index.html").read_text(encoding="utf-8")
    assert '<h3 id="展期">展期' in html and '<h3 id="贷后">贷后' in html
    assert '<div class="kb-terms">' in html and "<td>风险报告、回访报告</td>" in html


# A glossary term inside a longer everyday word gets a tooltip that reads wrong:
# (character before, term): 通过账户 is not 过账, 上限高于 is not 限高.
TOOLTIP_TRAPS = (("通", "过账"), ("上", "限高"), ("不", "定期检查"))


def test_no_tooltip_cuts_an_everyday_word_in_two(site_server):
    site = site_server.directory
    found = []
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for before, term in TOOLTIP_TRAPS:
            if re.search(rf'{before}<abbr title="[^"]*">{term}</abbr>', html):
                found.append((path.relative_to(site).as_posix(), before + term))
    assert found == []
