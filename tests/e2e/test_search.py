"""Chinese search works on the built site (jieba segments the text at build time)."""

from __future__ import annotations

import pytest

from tests.browser import pages_using, search

pytestmark = pytest.mark.e2e

WORDS = ["回访", "五年", "征信", "抵押", "催收", "农户"]


@pytest.mark.parametrize("word", WORDS)
def test_search_finds_every_page_using_the_word(page, site_server, word):
    expected = pages_using(site_server.directory, word)
    assert expected, f"no page uses {word}"
    count, texts = search(page, site_server.url, word)
    assert count == len(expected), f"{word}: {count} results for {len(expected)} pages"
    assert all(word in text.replace("\u200b", "") for text in texts)
