"""Material's search finds the knowledge base's key words on the right pages."""

from __future__ import annotations

import pytest

from tests.browser import search

pytestmark = pytest.mark.e2e

# word -> a page (path under the site root) that must be among the results
EXPECTED = {
    "访前准备": "procedure/prepare/",
    "朋友圈": "method/channels/",
    "征信": "credit/",
    "自报家门": "scripts/phone/",
    "五级分类": "core/warning/",
    "失信": "procedure/lookup/",
    "征信修复": "credit/officer/",
    "个人信息": "core/conduct/",
    "预警": "core/warning/",
    # post-loan core pages and product pages: the everyday words officers type
    "资金用途": "core/funds/",
    "受托支付": "core/funds/",
    "还款来源": "core/repayment/",
    "负债收入比": "core/repayment/",
    "担保人": "core/guarantee/",
    "抵押": "core/guarantee/",
    "保证期间": "core/guarantee/",
    "催收": "core/collection/",
    "农户": "products/farmer/",
    "个人经营贷": "products/business/",
    "流动资金贷款": "products/small-firm/",
    "消费贷": "products/consumer/",
    "征信报告": "credit/",
    "展期": "glossary/",
    # words of the glossary entries added with the core pages
    "挪用": "core/funds/",
    "过账": "core/repayment/",
    "诉讼时效": "core/guarantee/",
    "单独同意": "core/conduct/",
    "个体工商户": "products/business/",
    "尽职免责": "method/checks/",
    "限高": "procedure/lookup/",
}


@pytest.mark.parametrize(("word", "page_path"), EXPECTED.items())
def test_search_finds_word_on_its_page(page, site_server, word, page_path):
    count, texts = search(page, site_server.url, word)
    assert count > 0, f"{word}: no result"
    assert any(word in text for text in texts), f"{word}: {texts[:3]}"
    links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(a => a.href)")
    assert any(link.startswith(site_server.url + page_path) for link in links), (word, links)


def result_links(page) -> list[str]:
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(a => a.href)")


def page_of(link: str) -> str:
    """A result link without its ``?h=`` highlight query and its anchor."""
    return link.split("?")[0].split("#")[0]


def missing_terms(page) -> list[str]:
    """Query terms Material marks as missing (struck through) in any result."""
    return page.locator(".md-search-result__terms del, .md-search-result del").all_inner_texts()


@pytest.mark.parametrize("query", ["征信报告", "信用报告", "还款记录", "五年规则"])
def test_a_compound_query_marks_no_term_missing(page, site_server, query):
    # Material splits a Chinese query along the words of its index; every part but
    # the last used to show as "缺少" on every result, even on pages that have it.
    count, _ = search(page, site_server.url, query)
    assert count > 0, f"{query}: no result"
    assert missing_terms(page) == [], query


def test_credit_report_query_finds_the_credit_pages(page, site_server):
    search(page, site_server.url, "征信报告")
    links = result_links(page)
    for path in ("credit/", "credit/rights/"):
        assert any(page_of(link) == site_server.url + path for link in links), (path, links)


def test_five_years_is_not_drowned_by_five_class_or_numbered_headings(page, site_server):
    count, texts = search(page, site_server.url, "五年")
    assert count > 0
    texts = [text.replace("\u200b", "") for text in texts]
    assert all("五年" in text for text in texts), [t[:40] for t in texts if "五年" not in t]
    links = result_links(page)
    assert not any("forms/risk-report/" in link for link in links), links


def test_a_glossary_entry_is_its_own_result(page, site_server):
    search(page, site_server.url, "展期")
    links = page.locator(".md-search-result__item a")
    hrefs = links.evaluate_all("els => els.map(a => a.href)")
    entry = [i for i, href in enumerate(hrefs) if "/glossary/" in href and "#" in href]
    assert entry, hrefs
    text = links.nth(entry[0]).inner_text().replace("\u200b", "")
    assert text.startswith("展期") and "到期之前" in text, text
    assert "贷前调查" not in text  # one entry, not the whole glossary in one block
