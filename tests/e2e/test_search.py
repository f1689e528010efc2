"""Chinese search works on the built site (jieba segments the text at build time)."""

from __future__ import annotations

import json
import re

import pytest

WORDS = ["回访", "五年", "征信", "抵押", "催收", "农户"]


def pages_using(site_server, word: str) -> set[str]:
    index = json.loads((site_server.directory / "search" / "search_index.json").read_text("utf-8"))
    return {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if word in (doc["title"] + doc["text"]).replace("\u200b", "")
    }


def search(page, site_server, word: str) -> tuple[int, list[str]]:
    """Type ``word`` into Material's search box; return the result count and texts."""
    page.goto(site_server.url)
    page.keyboard.press("s")  # Material's shortcut focuses the search box
    page.fill(".md-search__input", word)
    page.keyboard.press("End")  # the search reacts to key events
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15_000,
    )
    count = int(re.search(r"\d+", meta.inner_text()).group())
    return count, page.locator(".md-search-result__item").all_inner_texts()


@pytest.mark.parametrize("word", WORDS)
def test_search_finds_every_page_using_the_word(page, site_server, word):
    expected = pages_using(site_server, word)
    assert expected, f"no page uses {word}"
    count, texts = search(page, site_server, word)
    assert count == len(expected), f"{word}: {count} results for {len(expected)} pages"
    assert all(word in text.replace("\u200b", "") for text in texts)
