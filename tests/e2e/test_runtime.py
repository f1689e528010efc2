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
    # The short detail: the exception's last line, naming the missing action.
    assert outcome["message"].startswith("AttributeError")
    assert "no_such_action" in outcome["message"]
    assert "\n" not in outcome["message"]
    # The worker survives a bug: the next call answers.
    envelope = page.evaluate(
        """() => kbTools.call("retention", { report_month: "2021-12", accounts: [
                 { opened: "2020-01", history: "NNNN" }] })"""
    )
    assert envelope["ok"] is True
    assert envelope["data"]["window"] == {"first": "2017-01", "last": "2021-12"}
