"""Self-checks: answered by keyboard alone, scored, remembered in this browser across
reloads and instant navigation, cleared on request, axe-clean once answered, and
working offline once the site is saved."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser import follow_link
from tests.server import SiteServer, build_site

pytestmark = pytest.mark.e2e
PAGE = "procedure/self-check/"
BLOCKING = {"serious", "critical"}


def items(page):
    return page.locator(".kb-quiz__item")


def blocking_violations(page) -> list[str]:
    found = Axe().run(page, context=".kb-quiz").response["violations"]
    return [f"{v['id']} ({v['impact']})" for v in found if v["impact"] in BLOCKING]


def test_a_self_check_by_keyboard_with_score_memory_and_reset(browser, site_server):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_server.url + PAGE)
        first, second = items(page).nth(0), items(page).nth(1)
        expect(first.locator(".kb-quiz__kind")).to_have_text("（多选）")  # A, B, D are right
        expect(second.locator(".kb-quiz__kind")).to_have_text("（单选）")  # C is right

        # From the first option on, the keyboard only.
        first.locator("input").first.focus()
        for key in ("Space", "Tab", "Space", "Tab", "Tab", "Space", "Tab"):
            page.keyboard.press(key)
        expect(first.locator(".kb-quiz__check")).to_be_focused()
        page.keyboard.press("Enter")
        expect(first.locator(".kb-quiz__verdict")).to_have_text("答对了。")
        explain = first.locator(".kb-quiz__explain")
        expect(explain).to_be_visible()
        href = unquote(explain.locator("a").get_attribute("href"))
        assert href.endswith("/procedure/prepare/#要查的信息"), href

        page.keyboard.press("Tab")  # the explanation's link, now shown
        expect(explain.locator("a")).to_be_focused()
        page.keyboard.press("Tab")  # into the next question: its first option
        page.keyboard.press("ArrowDown")  # B: a wrong answer
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        expect(second.locator(".kb-quiz__verdict")).to_have_text("没答对。正确答案是 C。")
        expect(second.locator(".is-answer")).to_contain_text("（正确答案）")
        expect(second.locator(".is-wrong")).to_contain_text("（你选的，不对）")
        score = page.locator(".kb-quiz__score")
        expect(score).to_have_text("已答 2 / 8 题，答对 1 题。")
        assert blocking_violations(page) == []

        # Remembered: after a reload, and after leaving and coming back by a link.
        page.reload()
        expect(score).to_have_text("已答 2 / 8 题，答对 1 题。")
        expect(second.locator("input").nth(1)).to_be_checked()
        follow_link(page, site_server.url)
        follow_link(page, site_server.url + PAGE)
        expect(score).to_have_text("已答 2 / 8 题，答对 1 题。")
        second.locator(".kb-quiz__check").focus()
        page.keyboard.press("Enter")  # 重新作答: this question only
        expect(second.locator(".kb-quiz__verdict")).to_have_text("")
        expect(score).to_have_text("已答 1 / 8 题，答对 1 题。")
        expect(second.locator("input").first).to_be_focused()
        for key in ("ArrowDown", "ArrowDown", "Tab", "Enter"):
            page.keyboard.press(key)
        expect(second.locator(".kb-quiz__verdict")).to_have_text("答对了。")

        page.locator(".kb-quiz__reset").focus()
        page.keyboard.press("Enter")
        expect(score).to_have_text("答题记录已清除，可以重新做了。")
        expect(page.locator(".kb-quiz__item[data-result]")).to_have_count(0)
        page.reload()
        expect(page.locator(".kb-quiz__item[data-result]")).to_have_count(0)
        expect(first.locator("input").first).to_be_enabled()
    finally:
        context.close()


def test_self_checks_work_offline(browser, tmp_path):
    server = SiteServer(tmp_path / "site").start()
    context = browser.new_context()
    page = context.new_page()
    try:
        build_site(tmp_path / "site", server.url)
        page.goto(server.url)
        page.wait_for_selector("html[data-offline=pages]", timeout=60_000)
        server.stop()

        follow_link(page, server.url + "credit/self-check/")  # instant navigation
        item = items(page).nth(0)
        item.locator("input").nth(1).check()
        item.locator(".kb-quiz__check").click()
        expect(item.locator(".kb-quiz__verdict")).to_have_text("答对了。")

        page.goto(server.url + "method/self-check/")  # a typed address
        item = items(page).nth(0)
        item.locator("input").nth(0).check()
        item.locator(".kb-quiz__check").click()
        expect(item.locator(".kb-quiz__verdict")).to_have_text("没答对。正确答案是 B。")
    finally:
        context.close()
        server.stop()
