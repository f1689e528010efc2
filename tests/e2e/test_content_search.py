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
}


@pytest.mark.parametrize(("word", "page_path"), EXPECTED.items())
def test_search_finds_word_on_its_page(page, site_server, word, page_path):
    count, texts = search(page, site_server.url, word)
    assert count > 0, f"{word}: no result"
    assert any(word in text for text in texts), f"{word}: {texts[:3]}"
    links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(a => a.href)")
    assert any(link.startswith(site_server.url + page_path) for link in links), (word, links)
