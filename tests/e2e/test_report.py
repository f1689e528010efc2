"""The 贷后检查报告 tool in Chromium: the five worked records to their drafts, the bad
inputs (required fields, a visit after today, files that are not a record), save and
open, copy (clipboard and its select-all fallback), print, the hand-off from the
priority plan, and the guard against leaving with unsaved changes."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import follow_link, wait_for_tool
from tests.e2e.test_keyboard import tab_to
from tools import report
from tools.report.files import FORMAT
from tools.report.rules import clause, day_text
from tools.report.schema import FIELDS, REQUIRED

pytestmark = pytest.mark.e2e
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "tools" / "examples" / "report"
TOOL = "[data-tool=report]"
RESULT = f"{TOOL} [data-role=result]"
ERROR = f"{TOOL} [data-role=error]"
# The officer's local date, as the page sends it (tools.js).
TODAY = (
    "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
    ".map((n) => String(n).padStart(2, '0')).join('-'); }"
)
# Every control of the form with what it holds: the state a file must restore.
NO_CLIPBOARD = (
    "() => Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})"
)
FORM_STATE = """sel => [...document.querySelector(sel).querySelectorAll("form [name]")]
  .filter((el) => el.type !== "file")
  .map((el) => [el.name, el.value, ["checkbox", "radio"].includes(el.type) ? el.checked : null])"""


class Dialogs:
    """The page's dialogs: each is recorded and accepted, unless a test queued an answer.
    Tests share the page and renew it by instant navigation, which asks first when the
    form has unsaved changes: accepting by default lets the next test start."""

    def __init__(self, page):
        self.seen: list[tuple[str, str]] = []
        self.answers: list[bool] = []
        page.on("dialog", self.answer)

    def answer(self, dialog):
        self.seen.append((dialog.type, dialog.message))
        if self.answers.pop(0) if self.answers else True:
            dialog.accept()
        else:
            dialog.dismiss()


@pytest.fixture
def tool(tool_pages):
    page = tool_pages.get("report")
    if not hasattr(page, "dialogs"):
        page.dialogs = Dialogs(page)
    page.dialogs.seen.clear()
    page.dialogs.answers.clear()
    return page


def examples() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.json"))}


def load_example(page, key: str) -> None:
    page.click(f'[data-example="{key}"]')
    expect(page.locator(f"{RESULT} .kb-report-draft")).to_be_visible()


def control(page, name: str):
    return page.locator(f'{TOOL} form [name="{name}"]')


def state(page) -> list:
    return page.evaluate(FORM_STATE, TOOL)


def fill_valid(page, f) -> None:
    """Give the required field ``f`` a value the tool accepts."""
    if f.kind == "choice":
        page.check(f'{TOOL} [name="{f.key}"][value="{f.options[0]}"]')
    elif f.kind == "date":
        control(page, f.key).fill("2026-01-05")
    elif f.kind == "number":
        control(page, f.key).fill("100000")
    else:
        control(page, f.key).fill("测试")


# What the site keeps by itself: Material's colour scheme choice, nothing typed.
THEME_KEYS = {"/.__palette"}


def stored_keys(page) -> set[str]:
    return set(
        page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    )


def focused_name(page) -> str:
    return page.evaluate("() => document.activeElement?.name || ''")


# ---------------------------------------------------------------- worked records


@pytest.mark.parametrize("key", list(examples()))
def test_each_worked_record_gives_its_report(tool, key):
    page = tool
    load_example(page, key)
    expected = report.compute({"record": examples()[key]["record"], "today": page.evaluate(TODAY)})
    text = page.inner_text(RESULT)
    for point in expected["risk_points"]:
        assert clause(point["point"]) in text
        assert clause(point["action"]) in text
    if expected["must_report"]:
        assert "须向上级报告" in text
        for item in expected["must_report"]:
            assert clause(item["point"]) in text
            assert clause(item["why"]) in text
    for warning in expected["warnings"]:
        assert warning["message"] in text
    assert day_text(date.fromisoformat(expected["next_check"]["date"])) in text
    expect(page.locator(ERROR)).to_be_hidden()


def test_the_worked_records_between_them_cover_every_kind_of_part():
    """What the test above checks is there to check: risks, reports up, warnings."""
    found = [
        report.compute({"record": e["record"], "today": "2026-11-30"}) for e in examples().values()
    ]
    assert len(found) == 5
    assert any(not r["risk_points"] for r in found)  # the clean visit
    assert any(r["must_report"] for r in found)
    assert any(r["warnings"] for r in found)


# ---------------------------------------------------------------- bad input


def test_empty_form_names_each_required_field_and_focuses_it(tool):
    page = tool
    named = []
    for _ in range(len(REQUIRED) + 1):
        page.click(f"{TOOL} button[type=submit]")
        error = page.locator(ERROR)
        expect(error).to_be_visible()
        name = focused_name(page)
        f = FIELDS.get(name)
        assert f is not None and f.required, f"focus on {name!r}: {error.inner_text()}"
        assert f.label in error.inner_text()
        named.append(name)
        fill_valid(page, f)
        if len(named) == len(REQUIRED):
            break
    assert sorted(named) == sorted(f.key for f in REQUIRED)
    page.click(f"{TOOL} button[type=submit]")
    expect(page.locator(f"{RESULT} .kb-report-draft")).to_be_visible()


def test_a_visit_after_today_is_refused(tool):
    page = tool
    load_example(page, "1-business-clean")
    tomorrow = date.fromisoformat(page.evaluate(TODAY)) + timedelta(days=1)
    control(page, "visit_date").fill(tomorrow.isoformat())
    page.click(f"{TOOL} button[type=submit]")
    expect(page.locator(ERROR)).to_contain_text("晚于今天")
    expect(page.locator(ERROR)).to_contain_text("检查日期")
    assert focused_name(page) == "visit_date"
    beside = """() => {
      const box = document.querySelector('[data-tool=report] [data-role=error]');
      const field = box.previousElementSibling;
      return field.matches('.kb-tool-field') && field.querySelector('[name=visit_date]') !== null;
    }"""
    assert page.evaluate(beside), "the message is shown under the field it names"
    expect(page.locator(RESULT)).to_be_empty()


def choose_file(page, name: str, data: bytes) -> None:
    page.set_input_files(
        f"{TOOL} input[type=file]",
        files=[{"name": name, "mimeType": "application/json", "buffer": data}],
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.txt", "回访笔记：客户很好".encode()),
        ("plan.json", b'{"rows": []}'),
        ("newer.json", json.dumps({"format": FORMAT, "version": 99, "record": {}}).encode()),
    ],
)
def test_a_file_that_is_not_a_record_of_ours_leaves_the_form_untouched(tool, name, data):
    page = tool
    load_example(page, "2-farmer-crop-failure")
    before = state(page)
    choose_file(page, name, data)
    refusal = report.open({"file": data.decode()})
    assert refusal["ok"] is False
    expect(page.locator(ERROR)).to_have_text(refusal["error"]["text"])
    assert state(page) == before


# ---------------------------------------------------------------- save and open


def test_save_then_open_restores_every_field(tool, tmp_path):
    page = tool
    load_example(page, "3-small-firm-diverted")
    control(page, "officer_view").fill("已约借款人下周带齐凭证来行说明")
    page.check(f'{TOOL} [name="interview.1.flag"][value="需留意"]')
    before = state(page)
    with page.expect_download() as info:
        page.click(f"{TOOL} [data-action=save]")
    download = info.value
    assert download.suggested_filename.endswith(".json")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert json.loads(saved.read_text("utf-8"))["format"] == FORMAT

    follow_link(page, page.url.split("tools/")[0])  # saved: leaves without asking
    assert page.dialogs.seen == []
    follow_link(page, page.url + "tools/report/")
    wait_for_tool(page, "report")
    assert state(page) != before
    page.set_input_files(f"{TOOL} input[type=file]", saved)
    expect(control(page, "client")).not_to_have_value("")
    assert state(page) == before


# ---------------------------------------------------------------- copy and print


def test_copy_puts_the_plain_text_on_the_clipboard(tool):
    page = tool
    origin = page.url.split("/tools/")[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    load_example(page, "4-consumer-phone-job")
    page.click(f"{TOOL} [data-action=copy]")
    page.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("贷后检查报告（草稿）")
    assert "<" not in copied
    expect(page.locator(f"{TOOL} [data-role=copied]")).to_have_text(
        "已复制，可以粘贴到本行系统里了"
    )
    expect(page.locator(f"{TOOL} [data-role=text-box]")).to_be_hidden()


def test_without_a_clipboard_the_text_is_shown_selected(tool):
    page = tool
    load_example(page, "4-consumer-phone-job")
    # As on an intranet over plain HTTP: no navigator.clipboard (the prototype's returns).
    page.evaluate(NO_CLIPBOARD)
    try:
        page.click(f"{TOOL} [data-action=copy]")
        box = page.locator(f"{TOOL} [data-role=text]")
        expect(box).to_be_visible()
        expect(box).to_be_focused()
        text = box.input_value()
        assert text.startswith("贷后检查报告（草稿）")
        selected = page.evaluate(
            "() => { const a = document.activeElement; return a.selectionEnd - a.selectionStart; }"
        )
        assert selected == len(text)
    finally:
        page.evaluate("() => { delete navigator.clipboard; }")


def test_print_shows_the_draft_only_on_a4(tool, tmp_path):
    page = tool
    load_example(page, "5-overdue-marked-normal")
    page.emulate_media(media="print")
    expect(page.locator(f"{RESULT} .kb-report-draft")).to_be_visible()
    for hidden in (
        f"{TOOL} form",
        ".md-content h1",
        f"{RESULT} .kb-report-warnings",
        f"{TOOL} [data-action=print]",
        ".md-sidebar",
        ".md-header",
    ):
        expect(page.locator(hidden).first).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 3


# ---------------------------------------------------------------- keyboard only


def test_by_keyboard_to_a_draft_and_to_an_error(tool):
    page = tool
    tab_to(page, '[data-example="1-business-clean"]')
    page.keyboard.press("Enter")
    expect(page.locator(f"{RESULT} .kb-report-draft")).to_be_visible()
    page.wait_for_function("() => document.activeElement?.dataset.role === 'result'")
    tab_to(page, f"{TOOL} [data-action=copy]")  # the draft's buttons come first
    tab_to(page, f'{TOOL} [name="check_type"]')
    page.keyboard.press("ArrowRight")  # 定期检查 → 不定期检查
    expect(page.locator(f'{TOOL} [name="check_type"][value="不定期检查"]')).to_be_checked()
    tab_to(page, f'{TOOL} [name="visit_date"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("2026年2月30日")
    tab_to(page, f"{TOOL} button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(ERROR)).to_contain_text("检查日期")
    assert focused_name(page) == "visit_date"


# ---------------------------------------------------------------- the hand-off from the plan


def test_a_planned_client_opens_the_report_with_its_fields(priority_tool):
    page = priority_tool
    page.click("[data-action=sample]")
    link = page.locator(".kb-priority-handoff").first
    expect(link).to_be_visible()
    client = link.get_attribute("data-handoff")
    name = link.locator("xpath=ancestor::tr").locator(".kb-priority-cell-id").inner_text()
    link.focus()
    page.keyboard.press("Enter")  # a link: the keyboard opens it as a click does
    page.wait_for_selector(f"{TOOL}[data-bound]")
    wait_for_tool(page, "report")
    expect(control(page, "client")).not_to_have_value("")
    assert control(page, "client").input_value() in name
    assert control(page, "balance").input_value() != ""
    assert client not in page.url
    assert stored_keys(page) <= THEME_KEYS
    # Filled from the plan, not typed: leaving does not ask.
    follow_link(page, page.url.split("tools/")[0])


# ---------------------------------------------------------------- unsaved changes


def test_leaving_by_a_link_with_unsaved_changes_asks_first(tool):
    page = tool
    control(page, "client").click()
    page.keyboard.type("王某")
    page.dialogs.answers.append(False)  # stay
    page.click(".md-sidebar--primary a[href$='retention/']")
    assert [kind for kind, _ in page.dialogs.seen] == ["confirm"]
    assert "保存" in page.dialogs.seen[0][1]
    assert "/tools/report/" in page.url
    expect(control(page, "client")).to_have_value("王某")
    page.dialogs.answers.append(True)  # leave
    page.click(".md-sidebar--primary a[href$='retention/']")
    page.wait_for_url("**/tools/retention/")
    assert len(page.dialogs.seen) == 2


def test_going_back_with_unsaved_changes_asks_first(tool):
    page = tool
    here = page.url
    control(page, "client").click()
    page.keyboard.type("赵某")
    page.dialogs.answers.append(False)  # stay
    with page.expect_event("dialog"):
        page.evaluate("() => history.back()")
    expect(control(page, "client")).to_have_value("赵某")
    assert page.url == here
    page.dialogs.answers.append(True)  # leave
    with page.expect_event("dialog"):
        page.evaluate("() => history.back()")
    page.wait_for_selector(TOOL, state="detached")
    assert [kind for kind, _ in page.dialogs.seen] == ["confirm", "confirm"]


def test_an_example_or_a_file_asks_before_replacing_unsaved_changes(tool):
    page = tool
    control(page, "client").click()
    page.keyboard.type("钱某")
    page.dialogs.answers += [False, False]  # keep what was typed, twice
    page.click('[data-example="1-business-clean"]')
    choose_file(page, "old.json", (EXAMPLES / "2-farmer-crop-failure.json").read_bytes())
    assert [kind for kind, _ in page.dialogs.seen] == ["confirm", "confirm"]
    assert "替换" in page.dialogs.seen[0][1]
    expect(control(page, "client")).to_have_value("钱某")
    expect(page.locator(RESULT)).to_be_empty()
    page.click('[data-example="1-business-clean"]')  # accepted (the default answer)
    expect(page.locator(f"{RESULT} .kb-report-draft")).to_be_visible()
    expect(control(page, "client")).not_to_have_value("钱某")


def test_a_saved_or_untouched_form_leaves_without_asking(tool):
    page = tool
    page.click(".md-sidebar--primary a[href$='retention/']")
    page.wait_for_url("**/tools/retention/")
    assert page.dialogs.seen == []


def test_closing_the_page_with_unsaved_changes_asks_first(tool):
    page = tool.context.new_page()
    seen = []
    page.on("dialog", lambda d: (seen.append(d.type), d.accept()))
    page.goto(tool.url)
    page.wait_for_selector(f"{TOOL}[data-bound]")
    control(page, "client").click()
    page.keyboard.type("李某")
    page.close(run_before_unload=True)
    page.wait_for_event("close")
    assert seen == ["beforeunload"]


def test_nothing_typed_is_kept_in_the_browser(tool):
    page = tool
    load_example(page, "1-business-clean")
    assert page.get_attribute(f"{TOOL} form", "autocomplete") == "off"
    control(page, "officer_view").fill("只在内存里的意见")
    assert stored_keys(page) <= THEME_KEYS
    kept = page.evaluate("async () => [(await indexedDB.databases()).length, document.cookie]")
    assert kept == [0, ""]
