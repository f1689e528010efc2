"""The memory snapshot: made after the first full start (before any input, so no
borrower data in it), restored on the next visit with the same answers (an .xlsx
upload included), and discarded when corrupt or keyed to other runtime files.

One browser context for the whole story: Cache Storage belongs to it, and every
Python start costs seconds.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import wait_for_tool
from tests.priority_rows import XLSX, XLSX_ROWS, as_xlsx

pytestmark = pytest.mark.e2e
MARKER = "MARKER-7f3a9c-借款人王某"
SAMPLE = {"report_month": "2021-12", "accounts": [{"opened": "2020-01", "history": "NNNN12"}]}
SNAPSHOT_URL = "_snapshot/python"

# Runs in the page: the stored snapshot's key and its bytes' size, and
# whether those bytes contain `marker` (UTF-8, as Python keeps an ASCII or UCS text).
READ_SNAPSHOT = """async ([url, marker]) => {
  const cache = await caches.open("huifang-python-snapshot");
  const hit = await cache.match(new URL(url, location.origin + "/").href);
  if (!hit) return null;
  const key = hit.headers.get("X-KB-Snapshot-Key");
  const bytes = new Uint8Array(await hit.arrayBuffer());
  const hasText = (text) => {
    const needle = new TextEncoder().encode(text);
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  return { key, size: bytes.length, marker: hasText(marker) || hasText(marker.slice(0, 13)) };
}"""
# Runs in the page: the stored snapshot with one byte in its middle changed (its size
# and the headers beside it kept), or re-keyed to `key`.
REPLACE_SNAPSHOT = """async ([url, flip, key]) => {
  const cache = await caches.open("huifang-python-snapshot");
  const full = new URL(url, location.origin + "/").href;
  const hit = await cache.match(full);
  const bytes = new Uint8Array(await hit.arrayBuffer());
  if (flip) bytes[bytes.length >> 1] ^= 0x5a;
  const headers = new Headers(hit.headers);
  if (key) headers.set("X-KB-Snapshot-Key", key);
  await cache.put(full, new Response(bytes, { headers }));
}"""
# Runs in the page: a snapshot as format 2 stored it (gzip, another name).
OLD_FORMAT_URL = "_snapshot/python.gz"
ADD_OLD_FORMAT = """async (url) => {
  const cache = await caches.open("huifang-python-snapshot");
  await cache.put(new URL(url, location.origin + "/").href, new Response(new Uint8Array(4096),
    { headers: { "X-KB-Snapshot-Key": "2/old/old.whl", "X-KB-Snapshot-Size": "30000000" } }));
}"""
CACHED_URLS = """async () => {
  const cache = await caches.open("huifang-python-snapshot");
  return (await cache.keys()).map((request) => request.url);
}"""


def open_page(context, base_url: str, name: str):
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(base_url + f"tools/{name}/")
    wait_for_tool(page, name)
    return page


def snapshot_stored(page) -> int:
    page.wait_for_function("() => kbTools.snapshot.stored !== null", timeout=60_000)
    return page.evaluate("kbTools.snapshot.stored")


def answer(page):
    return page.evaluate("input => kbTools.call('retention', input)", SAMPLE)


def upload_xlsx(page) -> None:
    page.set_input_files(
        "[name=file]", files=[{"name": "p.xlsx", "mimeType": XLSX, "buffer": as_xlsx(XLSX_ROWS)}]
    )
    page.fill("[name=month]", "2026-12")
    page.click("button[type=submit]")
    table = page.locator('[data-role=result] [data-list="visits"]')
    expect(table).to_contain_text("赵桂兰", timeout=60_000)
    return table.inner_text()


def test_snapshot_made_restored_and_discarded(browser, site_server):
    base = site_server.url
    context = browser.new_context()
    try:
        # First visit: the officer submits a borrower's data while Python loads.
        first = context.new_page()
        first.set_default_timeout(60_000)
        held = []
        context.route("**/_pyodide/pyodide.asm.wasm", lambda route: held.append(route))
        first.goto(base + "tools/retention/")
        first.wait_for_function("() => window.kbTools !== undefined")
        queued = first.evaluate_handle(
            """marker => { window.__queued = kbTools.call("retention", { report_month: "2021-12",
                 accounts: [{ opened: "2020-01", history: "NNNN", note: marker }] }); }""",
            MARKER,
        )
        queued.dispose()
        first.wait_for_function("() => true")
        assert len(held) == 1, "the runtime download was not held"
        held[0].continue_()
        context.unroute("**/_pyodide/pyodide.asm.wasm")
        wait_for_tool(first, "retention")
        assert first.evaluate("window.__queued.then((e) => typeof e.ok)") == "boolean"
        assert first.evaluate("kbTools.snapshot.state") == "made"
        assert snapshot_stored(first) > 1_000_000
        stored = first.evaluate(READ_SNAPSHOT, [SNAPSHOT_URL, MARKER])
        assert stored["size"] > 10_000_000
        assert stored["marker"] is False, "borrower input found in the stored snapshot"
        full_answer = answer(first)
        first.close()

        # Repeat visit: restored, the same answers.
        again = open_page(context, base, "retention")
        assert again.evaluate("kbTools.snapshot") == {
            "state": "restored",
            "stored": None,
            "restores": 1,
        }
        assert answer(again) == full_answer
        again.close()

        # The other tool on a restored worker, with the lazily installed openpyxl.
        priority = open_page(context, base, "priority")
        assert priority.evaluate("kbTools.snapshot.state") == "restored"
        restored_xlsx = upload_xlsx(priority)

        # A corrupt snapshot (right key and size, one byte changed): deleted, a full
        # start, no alarm.
        priority.evaluate(REPLACE_SNAPSHOT, [SNAPSHOT_URL, True, None])
        corrupt = open_page(context, base, "retention")
        assert corrupt.evaluate("kbTools.snapshot.state") == "made"
        status = corrupt.locator("[data-tool=retention] [data-role=status]")
        expect(status).to_have_text("工具已就绪，数据只在本机浏览器中计算。")
        assert answer(corrupt) == full_answer
        assert snapshot_stored(corrupt) > 1_000_000  # a good one replaces it

        # A snapshot of other runtime files (another wheel hash): ignored, remade.
        key = corrupt.evaluate(READ_SNAPSHOT, [SNAPSHOT_URL, MARKER])["key"]
        other = key.rsplit("/", 1)[0] + "/huifang_tools-0.1.0+0000000000-py3-none-any.whl"
        corrupt.evaluate(REPLACE_SNAPSHOT, [SNAPSHOT_URL, False, other])
        # ... beside one of an older format under its older name: both go.
        corrupt.evaluate(ADD_OLD_FORMAT, OLD_FORMAT_URL)
        corrupt.close()
        stale = open_page(context, base, "priority")
        assert stale.evaluate("kbTools.snapshot.state") == "made"
        assert upload_xlsx(stale) == restored_xlsx  # the same plan as a full start
        assert snapshot_stored(stale) > 1_000_000
        assert stale.evaluate(READ_SNAPSHOT, [SNAPSHOT_URL, MARKER])["key"] == key
        assert stale.evaluate(CACHED_URLS) == [base + SNAPSHOT_URL]
    finally:
        context.close()


# Runs before the page's scripts: every text the status line shows, in order.
RECORD_STATUS = """
window.statusTexts = [];
new MutationObserver(() => {
  const text = document.querySelector("[data-tool] [data-role=status]")?.textContent;
  if (text && text !== window.statusTexts.at(-1)) window.statusTexts.push(text);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
# The status line's texts (docs/javascripts/tools.js STATUS), as the officer reads them.
DOWNLOADING = "正在下载 Python 运行环境："
STARTING = "正在启动计算工具…（第 1 步"
IMPORTING = "正在启动计算工具…（第 2 步"
RESTORING = "正在从本机保存的副本快速启动计算工具…"
READY = "工具已就绪，数据只在本机浏览器中计算。"
# Chromium network emulation slow enough for the download figures to show.
SLOW_LINK = {
    "offline": False,
    "latency": 20,
    "downloadThroughput": 40_000_000 / 8,
    "uploadThroughput": 40_000_000 / 8,
}


def status_texts(page) -> list[str]:
    page.wait_for_function(f"() => window.statusTexts.at(-1) === {READY!r}", timeout=120_000)
    return page.evaluate("window.statusTexts")


def stages(texts: list[str]) -> list[str]:
    """Each text named by its stage, repeats of a stage (the MB figures) merged."""
    names = {DOWNLOADING: "download", STARTING: "start", IMPORTING: "import"}
    names |= {RESTORING: "restore", READY: "ready"}
    seen = []
    for text in texts:
        name = next((n for prefix, n in names.items() if text.startswith(prefix)), text)
        if not seen or seen[-1] != name:
            seen.append(name)
    return seen


def test_status_line_tells_each_stage_cold_and_restored(browser, site_server):
    context = browser.new_context()
    context.add_init_script(RECORD_STATUS)
    try:
        cold = context.new_page()
        context.new_cdp_session(cold).send("Network.emulateNetworkConditions", SLOW_LINK)
        cold.goto(site_server.url + "tools/retention/")
        texts = status_texts(cold)
        downloads = [t for t in texts if t.startswith(DOWNLOADING)]
        assert downloads and all(" MB（只需下载一次）" in t for t in downloads), texts
        # The first figures may be skipped on a fast link; the order may not.
        assert stages(texts)[-4:] == ["download", "start", "import", "ready"], texts
        assert snapshot_stored(cold) > 1_000_000
        cold.close()

        restored = context.new_page()
        restored.goto(site_server.url + "tools/retention/")
        texts = status_texts(restored)
        assert restored.evaluate("kbTools.snapshot.state") == "restored"
        # Before the worker's first word the line says Python is loading; then only
        # the restore's own message, never a download or a step of the long start.
        assert stages(texts)[-2:] == ["restore", "ready"], texts
        assert not {"download", "start", "import"} & set(stages(texts)), texts
    finally:
        context.close()


def test_a_restore_that_hangs_is_given_up_for_the_long_start(browser, site_server):
    context = browser.new_context(service_workers="block")  # its files from the network
    try:
        first = open_page(context, site_server.url, "retention")
        assert snapshot_stored(first) > 1_000_000
        full_answer = answer(first)
        first.close()

        # The restore's wasm never arrives (Pyodide would wait forever); the long
        # start after it gets its own copy.
        held = []

        def hold_first(route):
            if held:
                route.continue_()
            else:
                held.append(route)

        context.route("**/_pyodide/pyodide.asm.wasm", hold_first)
        again = context.new_page()
        again.goto(site_server.url + "tools/retention/")
        wait_for_tool(again, "retention", timeout=120_000)
        assert len(held) == 1, "the restore's wasm was not held"
        assert again.evaluate("kbTools.snapshot.state") == "made"  # the long way, remade
        status = again.locator("[data-tool=retention] [data-role=status]")
        expect(status).to_have_text(READY)
        expect(again.locator("[data-tool=retention] [data-role=error]")).to_be_hidden()
        assert again.evaluate("kbTools.workerStarts") == 1  # no restart, no failure shown
        assert answer(again) == full_answer
    finally:
        context.close()
