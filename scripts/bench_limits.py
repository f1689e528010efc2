"""`make bench` rows for the limits (issue 12): each tool fed the largest input it accepts.

The priority calculator gets MAX_ROWS clients, every one a must visit (so the plan has
MAX_ROWS visits: the largest plan the page can show or print), in a CSV padded with
notes to just under MAX_FILE_BYTES, chosen from disk; the retention checker gets
MAX_ACCOUNTS accounts sharing MAX_TOTAL_MONTHS months, typed into the form. Measured,
each in a fresh browser: the longest main-thread task (PerformanceObserver "longtask")
while the result is shown, paged, sorted and exported; printing the whole plan (the
click on 打印计划 until the sheet is laid out for print, where window.print() opens the
dialog, and the print layout itself as page.pdf() paginates it); and the peak resident
memory of the browser's processes: VmRSS from /proc/<pid>/status summed over every
process this script started but Playwright's driver, sampled every 100 ms.

Run alone (`python scripts/bench_limits.py`) it builds the site once and prints its rows.
"""

from __future__ import annotations

import csv
import io
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM_ARGS  # noqa: E402
from tools.priority import limits  # noqa: E402
from tools.priority.synthetic import portfolio  # noqa: E402
from tools.retention import rules  # noqa: E402

MONTH = "2026-12"
RUNS = 3  # each action's runs; the median is recorded
# Clicks 导出 CSV; done once the CSV is handed to the browser as a file (the glue makes
# its URL then).
EXPORT = """window.benchExported = false;
if (!window.benchMakeURL) {
  window.benchMakeURL = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    window.benchExported = true;
    return window.benchMakeURL(blob);
  };
}
document.querySelector('[data-action=export]').click();"""
SETTLE_MS = 500  # rendering and glue work after an answer lands
LONG_TASK_GOAL = "< 200"
MEMORY_GOAL = "< 1536"  # MB: 1.5 GB
LONG_TASKS = """
window.benchLongTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.benchLongTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""
# Runs ``action`` (statements) in the page, waits until ``done`` (an expression) holds and
# ``settle`` ms more; answers the longest task since the action began.
ACT = """async ([action, done, settle]) => {
  const start = performance.now();
  await (new Function(`return (async () => { ${action} })()`))();
  while (!(new Function(`return ${done}`))()) await new Promise(requestAnimationFrame);
  await new Promise((ok) => setTimeout(ok, settle));
  return Math.max(0, ...window.benchLongTasks.filter(([s]) => s >= start).map(([, d]) => d));
}"""


def largest_portfolio() -> bytes:
    """MAX_ROWS clients, each overdue 40 days (a must visit), notes filling the file."""
    rows = portfolio(limits.MAX_ROWS, seed=3, month=MONTH)
    for row in rows:
        row.update(逾期天数="40", 五级分类="关注", 备注="")
    room = (limits.MAX_FILE_BYTES - 64 * 1024 - len(_csv(rows))) // len(rows)
    note = ("客户经营正常，家庭稳定，按期还款。" * 40)[: room // 3]  # 3 bytes a character
    data = _csv([{**row, "备注": note} for row in rows])
    assert len(data) <= limits.MAX_FILE_BYTES, len(data)
    return data


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


class MemoryPeak:
    """Peaks of the browser's memory: VmRSS summed over its processes (what the goal
    reads; shared pages count once per process) and Pss (shared pages divided among
    the processes sharing them, so each page counts once)."""

    def __init__(self, every: float = 0.1):
        self.every, self.rss, self.pss, self._stop = every, 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryPeak:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            pids = browser_pids()
            self.rss = max(self.rss, sum(_kb(f"/proc/{pid}/status", "VmRSS:") for pid in pids))
            self.pss = max(self.pss, sum(_kb(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in pids))


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:  # the process ended meanwhile
        return ""


def _kb(path: str, key: str) -> int:
    for line in _read(path).splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0


def browser_pids() -> list[int]:
    """Every process Playwright's driver (a node child of this process) started: the
    browsers, their renderers, GPU and utility processes. Not the driver itself, nor
    the site's server (a child of this process too)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _read(f"/proc/{entry}/stat")
            if stat:
                children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    drivers = [
        pid
        for pid in children.get(os.getpid(), [])
        if _read(f"/proc/{pid}/comm").startswith("node")
    ]
    found, todo = [], [child for pid in drivers for child in children.get(pid, [])]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def longest_task(page, action: str, done: str) -> float:
    return page.evaluate(ACT, [action, done, SETTLE_MS])


def _page(pw, url: str):
    executable = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
    browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    context = browser.new_context(service_workers="block")
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("[data-tool][data-state=ready]", timeout=300_000)
    return browser, page


def priority(pw, url: str, record) -> None:
    rows = f"{limits.MAX_ROWS:,} clients"
    with tempfile.TemporaryDirectory() as tmp, MemoryPeak() as memory:
        # Chosen from disk, as an officer's file chooser does. Handed over as a buffer,
        # Playwright's own script decodes it from base64 in the page, an array of every
        # byte: 200-270 MB of that script's garbage in the page's heap, not the tool's.
        upload = Path(tmp) / "largest.csv"
        upload.write_bytes(largest_portfolio())
        browser, page = _page(pw, url + "tools/priority/")
        page.set_input_files("[data-tool=priority] input[type=file]", files=[str(upload)])
        page.fill("[name=capacity]", "10000")
        page.fill("[name=month]", MONTH)
        plan = "document.querySelector('[data-list=visits]')"
        info = f"{plan}?.querySelector('[data-role=page-info]')?.textContent || ''"
        submit = "document.querySelector('[data-tool=priority] button[type=submit]').click()"
        sort = f"{plan}.querySelector('[data-sort=score]').click()"
        # Each action three times (its own wait each), the median recorded.
        steps = {
            "show the plan": [(submit, f"{plan} !== null")] * RUNS,
            "next page": [
                (
                    f"{plan}.querySelector('[data-page=next]').click()",
                    f"({info}).startsWith('第 {n} ')",
                )
                for n in range(2, 2 + RUNS)
            ],
            "sort by score": [
                (sort, f"{plan}.querySelector('th[aria-sort=ascending]') !== null"),
                (sort, f"{plan}.querySelector('th[aria-sort=descending]') !== null"),
                (sort, f"({info}).startsWith('第 1 ') && !{plan}.querySelector('th[aria-sort]')"),
            ],
            "export CSV": [(EXPORT, "window.benchExported === true")] * RUNS,
        }
        for name, actions in steps.items():
            took = []
            for action, done in actions:
                with page.expect_download(timeout=120_000) if "export" in name else nullcontext():
                    took.append(longest_task(page, action, done))
            longest = statistics.median(took)
            record(f"largest: longest task, {name} ({rows})", longest, "ms", LONG_TASK_GOAL)
        assert page.evaluate(f"({info}).endsWith('共 {limits.MAX_ROWS} 户')"), (
            "not every row planned"
        )
        print_plan(page, record)
        page.context.close()
        browser.close()
    memory_rows(record, memory, rows)


def print_plan(page, record) -> None:
    """打印计划 until the dialog would open (every visit in the sheet, laid out for print),
    then the print layout itself (page.pdf() paginates it, as the print preview does)."""
    page.emulate_media(media="print")
    took = page.evaluate(
        """async () => {
          window.print = () => {
            document.body.getBoundingClientRect();  // the sheet laid out, as the dialog needs
            window.benchPrintedAt = performance.now();
          };
          const t0 = performance.now();
          document.querySelector("[data-action=print]").click();
          while (!window.benchPrintedAt) await new Promise((ok) => setTimeout(ok, 10));
          return window.benchPrintedAt - t0;
        }"""
    )
    shown = page.locator("[data-list=visits] tr.kb-priority-row").count()
    parts = page.locator("[data-role=print-part] option").count() or 1
    sheet = f"{shown:,} visits" + (f" (1 of {parts} parts)" if parts > 1 else "")
    record(f"largest: 打印计划 until the dialog, {sheet}", took, "ms", "< 2000")
    t0 = time.perf_counter()
    pdf = page.pdf(format="A4")
    took = (time.perf_counter() - t0) * 1000
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    record(f"  then Chromium lays out its {pages} A4 pages (pdf)", took, "ms")
    page.emulate_media(media="screen")


def opened_for(months: int) -> str:
    """The month an account opened so that its history of ``months`` ends at MONTH."""
    year, month = map(int, MONTH.split("-"))
    index = year * 12 + month - 1 - (months - 1)
    return f"{index // 12}-{index % 12 + 1:02d}"


def retention_form_js(accounts: int, months: int) -> str:
    """Types ``accounts`` accounts of ``months`` months each into the form, as an officer
    would with 添加账户 (no preview: that is asked on key presses only)."""
    return f"""() => {{
      const root = document.querySelector("[data-tool=retention]");
      const add = root.querySelector("[data-action=add]");
      for (let i = 1; i < {accounts}; i++) add.click();
      root.querySelector("[name=report_month]").value = "{MONTH}";
      root.querySelectorAll("[data-role=account]").forEach((box, i) => {{
        box.querySelector("[name=name]").value = `账户${{i + 1}}`;
        box.querySelector("[name=opened]").value = "{opened_for(months)}";
        box.querySelector("[name=history]").value = "N".repeat({months - 3}) + "123";
      }});
    }}"""


def retention(pw, url: str, record) -> None:
    accounts = rules.MAX_ACCOUNTS
    months = rules.MAX_TOTAL_MONTHS // accounts
    label = f"{accounts} accounts × {months} months"
    with MemoryPeak() as memory:
        browser, page = _page(pw, url + "tools/retention/")
        page.evaluate(retention_form_js(accounts, months))
        result = "document.querySelector('[data-tool=retention] [data-role=result]')"
        submit = "document.querySelector('[data-tool=retention] button[type=submit]').click()"
        shown = f"{result}.querySelectorAll('figure').length === {accounts}"
        longest = statistics.median(longest_task(page, submit, shown) for _ in range(RUNS))
        record(f"largest: longest task, show the answer ({label})", longest, "ms", LONG_TASK_GOAL)
        page.context.close()
        browser.close()
    memory_rows(record, memory, label)


def memory_rows(record, memory: MemoryPeak, label: str) -> None:
    record(
        f"largest: peak RSS summed, Chromium ({label})",
        memory.rss / 1024,
        "MB",
        MEMORY_GOAL,
    )
    record(f"  the same as Pss, shared pages once ({label})", memory.pss / 1024, "MB")


def run(pw, url: str, record) -> None:
    """The limits' rows; call with no other browser of this process open (memory)."""
    priority(pw, url, record)
    retention(pw, url, record)


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.server import SiteServer, build_site

    def record(name: str, value: float, unit: str, goal: str = "") -> None:
        print(f"| {name:<60} | {value:>10,.2f} | {unit:<4} | {goal:<7} |", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        server = SiteServer(site).start()
        try:
            build_site(site, server.url)
            with sync_playwright() as pw:
                run(pw, server.url, record)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
