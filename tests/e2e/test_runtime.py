"""The shared runtime: a worker that dies is replaced on the next submit, and a
Python bug is reported as a bug, never as the officer's mistake."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_failed_download_then_next_submit_restarts_the_worker(site_server, page):
    # Poor signal: the Python runtime download breaks off.
    page.context.route("**/_pyodide/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(site_server.url + "tools/retention/")
    root = page.locator("[data-tool=retention]")
    expect(root).to_have_attribute("data-state", "error", timeout=60_000)
    expect(root.locator("[data-role=status]")).to_contain_text("加载失败")

    page.context.unroute("**/_pyodide/pyodide.asm.wasm")
    page.click('[data-example="4-repaid"]')
    page.click("[data-tool=retention] button[type=submit]")
    expect(root.locator("[data-role=result] svg")).to_have_count(1, timeout=60_000)
    expect(root).to_have_attribute("data-state", "ready")
    assert page.evaluate("kbTools.workerStarts") == 2


def test_a_python_bug_is_reported_as_a_bug(retention_tool):
    page = retention_tool
    outcome = page.evaluate(
        """() => kbTools.call("retention", {}, { action: "no_such_action" })
                 .then(() => null, (err) => ({ bug: err.bug, message: err.message }))"""
    )
    assert outcome is not None, "a call to a missing action resolved instead of failing"
    assert outcome["bug"] is True
    # The short detail: the exception's last line, naming the undeclared action.
    assert outcome["message"].startswith("LookupError")
    assert "no_such_action" in outcome["message"]
    assert "\n" not in outcome["message"]
    # The worker survives a bug: the next call answers.
    envelope = page.evaluate(
        """() => kbTools.call("retention", { report_month: "2021-12", accounts: [
                 { opened: "2020-01", history: "NNNN" }] })"""
    )
    assert envelope["ok"] is True
    assert envelope["data"]["window"] == {"first": "2017-01", "last": "2021-12"}


def test_a_submit_while_loading_is_queued_and_answered_once_ready(site_server, page):
    # Hold the Python runtime's download until the officer has already pressed 计算.
    held = []
    page.context.route("**/_pyodide/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(site_server.url + "tools/retention/")
    root = page.locator("[data-tool=retention]")
    page.wait_for_function("() => window.kbTools !== undefined")
    expect(root).to_have_attribute("data-state", "loading")
    page.click('[data-example="4-repaid"]')  # fills the form and submits it
    status = root.locator("[data-role=status]")
    expect(status).to_have_text("工具仍在加载，加载完成后会自动计算…")
    expect(root.locator("[data-role=result] svg")).to_have_count(0)

    page.wait_for_function("() => true")  # let the route handler run
    assert len(held) == 1, "the runtime download was not held"
    held[0].continue_()
    expect(root.locator("[data-role=result] svg")).to_have_count(1, timeout=60_000)
    expect(root).to_have_attribute("data-state", "ready")
    expect(status).to_have_text("计算完成，结果在下方。")
    expect(root.locator("[data-role=result]")).to_contain_text("2022-04-10")
    assert page.evaluate("kbTools.workerStarts") == 1


def test_a_stale_preview_answer_is_dropped(retention_tool):
    page = retention_tool
    # Hold the first preview's answer until the second one has been shown.
    page.evaluate(
        """() => {
          const call = kbTools.call;
          window.__held = [];
          kbTools.call = (tool, input, options = {}) => {
            const answer = call(tool, input, options);
            if (options.action !== "preview" || window.__held.length) return answer;
            return new Promise((resolve) => window.__held.push(() => answer.then(resolve)));
          };
        }"""
    )
    box = page.locator("[data-role=account]").first
    page.fill('[name="report_month"]', "2024-06")
    box.locator('[name="opened"]').fill("2020-01")
    box.locator('[name="history"]').fill("1NN")  # first preview: held
    page.wait_for_function("() => window.__held.length === 1")
    box.locator('[name="history"]').fill("NNNNNN")  # second preview: answered
    preview = box.locator("[data-role=preview]")
    expect(preview.locator("table.kb-retention-grid")).to_be_visible()
    second = preview.inner_html()
    # The stale answer arrives last; once its promise has settled (and a task has
    # passed), the preview code has run for it.
    page.evaluate(
        "async () => { await window.__held[0](); await new Promise(r => setTimeout(r)); }"
    )
    assert preview.inner_html() == second


def test_a_wasm_served_with_the_wrong_type_fails_at_once_with_the_reason(site_server, page):
    # A server without the .wasm MIME type: Pyodide alone would wait forever.
    def wrong_type(route):
        response = route.fetch()
        headers = {**response.headers, "content-type": "application/octet-stream"}
        route.fulfill(response=response, headers=headers)

    page.context.route("**/_pyodide/pyodide.asm.wasm", wrong_type)
    page.goto(site_server.url + "tools/retention/")
    root = page.locator("[data-tool=retention]")
    expect(root).to_have_attribute("data-state", "error", timeout=60_000)
    expect(root.locator("[data-role=status]")).to_contain_text("加载失败")
