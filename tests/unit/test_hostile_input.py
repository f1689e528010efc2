"""Hostile, malformed input: every input gets a plan or a Chinese error naming its place,
and only that place fails (issue 12)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tests.priority_rows import BIG, MONTH, NO_SAMPLE, as_csv, row
from tools import priority, retention
from tools.build import widgets
from tools.priority import compute, limits, synthetic
from tools.priority.columns import COLUMNS
from tools.retention import codes, rules
from tools.retention.fields import ACCOUNT, REPORT_MONTH

SETTINGS = {"month": MONTH, **NO_SAMPLE}


def plan(rows: list[dict], **data) -> dict:
    return compute({"rows": rows, "settings": SETTINGS, **data})


@pytest.mark.parametrize("column", ["逾期天数", "近12个月逾期次数"])
@pytest.mark.parametrize("text", ["NaN", "nan", "inf", "-inf", "1e400", "Infinity"])
def test_non_finite_counts_are_a_row_error(column, text):
    data = plan([row("C1", **{column: text}), BIG])
    assert [(e["row"], e["column"]) for e in data["errors"]] == [(2, column)]
    assert data["summary"]["valid"] == 1


def _rewritten_xlsx(rows: list[list], part: str, change) -> bytes:
    """An .xlsx of ``rows`` whose ``part`` is rewritten by ``change`` (bytes to bytes)."""
    book = Workbook()
    for values in rows:
        book.active.append(values)
    plain = io.BytesIO()
    book.save(plain)
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for name in source.namelist():
            body = source.read(name)
            copy.writestr(name, change(body) if name.endswith(part) else body)
    return out.getvalue()


def _xlsx_with(part: str, body: bytes) -> bytes:
    return _rewritten_xlsx([["客户编号", "客户名称"]], part, lambda _: body)


@pytest.mark.parametrize("part", ["worksheets/sheet1.xml", "workbook.xml"])
@pytest.mark.parametrize("body", [b"<<not xml", b"<worksheet", b"\x00\xff"])
def test_malformed_xml_in_xlsx_is_not_a_valid_xlsx(part, body):
    data = {"file": _xlsx_with(part, body), "file_name": "a.xlsx", "settings": SETTINGS}
    result = priority.run(data)
    assert not result["ok"] and "不是有效的 .xlsx" in result["error"]["message"]


# Any text in any cell or field: an ok envelope or an InputError envelope, nothing else.
TEXT = st.text(max_size=12) | st.sampled_from(
    ["NaN", "inf", "1e400", "-1", "9999-12-31", "202603", "99999", "0", "--5", '"', "\n"]
)
COLUMN_NAMES = [c.header for c in COLUMNS]
SETTING_NAMES = ["month", "capacity", "sample_share", "sample_min", "high_score", "seed"]


def _envelope(result: dict) -> None:
    assert set(result) >= {"ok"}
    if not result["ok"]:
        assert result["error"]["message"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(COLUMN_NAMES), TEXT), max_size=4),
    st.dictionaries(st.sampled_from(SETTING_NAMES), TEXT, max_size=3),
    TEXT,
)
def test_priority_any_text_anywhere(cells, chosen, today):
    spoiled = row("C1", **dict(cells))
    data = {"rows": [spoiled, BIG], "settings": {**SETTINGS, **chosen}, "today": today}
    _envelope(priority.run(data))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from([f.name for f in ACCOUNT]), TEXT, max_size=6),
    TEXT,
    TEXT,
)
def test_retention_any_text_anywhere(account, report_month, today):
    data = {REPORT_MONTH.name: report_month, "today": today, "accounts": [account]}
    _envelope(retention.run(data))
    _envelope(retention.preview({**account, REPORT_MONTH.name: report_month, "today": today}))


# Nothing disappears silently.


def _csv(rows: list[dict]) -> str:
    return as_csv(rows)


def test_unclosed_quote_names_its_line_and_never_gives_a_shorter_plan():
    text = _csv([row("C1"), row("C2", 客户名称='"王五'), row("C3"), row("C4")])
    text = text.replace('"""王五"', '"王五', 1)  # as a hand edit leaves it: the quote opens
    result = priority.run({"csv": text, "settings": SETTINGS})
    assert not result["ok"]
    assert result["error"]["row"] == 3 and "引号" in result["error"]["message"]


def test_quoted_cells_over_two_lines_still_read():
    data = plan([], csv=_csv([row("C1", 备注="第一行\n第二行"), row("C2"), BIG]))
    assert data["summary"]["valid"] == 3 and not data["errors"]


@pytest.mark.parametrize(
    "title", ["回访客户表;2026年12月", "支行：城关;制表：张三;日期：2026-12-01"]
)
def test_delimiter_is_read_from_the_header_line_not_a_title_above_it(title):
    data = plan([], csv=f"{title}\n" + _csv([row("C1"), BIG]))
    assert data["summary"]["valid"] == 2 and not data["errors"]


def test_a_duplicate_header_is_said():
    text = _csv([row("C1"), BIG]).replace("备注", "区域", 1)
    data = plan([], csv=text)
    said = [w for w in data["warnings"] if w["column"] == "区域" and w["row"] == 1]
    assert said and "2 次" in said[0]["message"], data["warnings"]


def test_a_last_visit_after_today_is_warned():
    data = plan([row("C1", 上次回访日期="2026-12-20"), BIG], today="2026-11-30")
    said = [(w["row"], w["column"]) for w in data["warnings"]]
    assert said == [(2, "上次回访日期")]
    assert plan([row("C1", 上次回访日期="2026-11-30"), BIG], today="2026-11-30")["warnings"] == []


# Dates out of range: 1990 … the page's year + 30.
TODAY = "2026-11-30"


@pytest.mark.parametrize("text", ["1985-06-01", "2057-01-01", "9999-12-31", "5", "0305"])
def test_a_date_out_of_range_is_a_row_error(text):
    data = plan([row("C1", 上次回访日期=text), BIG], today=TODAY)
    assert [(e["row"], e["column"]) for e in data["errors"]] == [(2, "上次回访日期")]


def test_the_last_year_follows_the_pages_today():
    assert not plan([row("C1", 到期日期="2056-12-31"), BIG], today=TODAY)["errors"]
    late = plan([row("C1", 到期日期="2056-12-31"), BIG], today="2025-06-01")["errors"]
    assert [e["column"] for e in late] == ["到期日期"] and "2055" in late[0]["message"]


def test_a_plan_month_far_ahead_names_its_field():
    data = {"rows": [row("C1"), BIG], "settings": {**SETTINGS, "month": "2090-01"}, "today": TODAY}
    result = priority.run(data)
    assert not result["ok"] and result["error"]["field"] == "month"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("report_month", "2090-11"),
        ("opened", "1985-01"),
        ("settled", "2099-01"),
        ("repaid_on", "2099-01-05"),
    ],
)
def test_retention_months_out_of_range_name_their_field(field, value):
    account = {"opened": "2020-01", "history": "NN1N", field: value}
    data = {"report_month": "2026-11", "today": TODAY, "accounts": [account]}
    if field == "report_month":
        data["report_month"] = value
    result = retention.run(data)
    assert not result["ok"] and result["error"]["field"] == field, result


@pytest.mark.parametrize(
    ("start", "said"), [("2019-01", "早于开户月份 2020-01"), ("2027-01", "晚于报告月份 2026-11")]
)
def test_a_history_start_outside_the_account_names_its_field(start, said):
    account = {"opened": "2020-01", "history_start": start, "history": "NNN"}
    result = retention.run({"report_month": "2026-11", "today": TODAY, "accounts": [account]})
    assert not result["ok"] and result["error"]["field"] == "history_start"
    assert said in result["error"]["message"]


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 60), st.integers(0, 10**6), st.lists(st.integers(0, 59), max_size=6))
def test_every_data_row_is_planned_not_planned_or_an_error(size, seed, spoiled):
    rows = synthetic.portfolio(size, seed, MONTH)
    for index in spoiled:
        rows[index % size]["贷款余额"] = "不是金额"
    rows.insert(size // 2, dict.fromkeys(rows[0], ""))  # a blank line is not a data row
    summary = plan(rows, today=TODAY)["summary"]
    assert summary["rows"] == size
    assert summary["rows"] == summary["visits"] + summary["not_planned"] + summary["bad_rows"]


def _book(*sheets: list[list]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for number, rows in enumerate(sheets, start=1):
        sheet = book.create_sheet(f"表{number}")
        for values in rows:
            sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(*rows: dict) -> list[list]:
    return [list(rows[0]), *(list(r.values()) for r in rows)]


def test_data_on_a_later_sheet_is_read_and_named():
    file = _book([], _table(row("C1"), BIG))
    data = plan([], file=file, file_name="客户.xlsx")
    assert data["summary"]["valid"] == 2
    assert any("表2" in w["message"] for w in data["warnings"]), data["warnings"]


def test_formulas_saved_without_values_are_explained():
    table = _table(row("C1"), BIG)
    table[1][table[0].index("贷款余额")] = "=100000*2"  # openpyxl saves no computed value
    data = plan([], file=_book(table), file_name="客户.xlsx")
    said = " ".join(w["message"] for w in data["warnings"])
    assert "公式" in said and "保存" in said, data["warnings"]


# Limits before work.


def test_a_file_over_the_byte_limit_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    result = priority.run({"file": b"x" * 101, "file_name": "a.csv", "settings": SETTINGS})
    assert not result["ok"] and result["error"]["field"] == "file"
    assert "MB" in result["error"]["message"]
    pasted = priority.run({"csv": "x" * 101, "settings": SETTINGS})
    assert not pasted["ok"] and pasted["error"]["field"] == "file"


def test_rows_over_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 3)
    rows = [row(f"C{n}") for n in range(4)]
    result = priority.run({"rows": rows, "settings": SETTINGS})
    assert not result["ok"] and "4 行" in result["error"]["message"]
    assert plan(rows[:3])["summary"]["rows"] == 3


def test_rows_over_the_limit_in_an_xlsx_stop_the_reading(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 3)
    file = _book(_table(*(row(f"C{n}") for n in range(6))))
    result = priority.run({"file": file, "file_name": "a.xlsx", "settings": SETTINGS})
    assert not result["ok"] and "最多计算 3 行" in result["error"]["message"]


def test_an_xlsx_too_big_unpacked_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(limits, "MAX_XLSX_EXPANDED", 1000)
    file = _book(_table(*(row(f"C{n}") for n in range(6))))
    result = priority.run({"file": file, "file_name": "a.xlsx", "settings": SETTINGS})
    assert not result["ok"] and "解压后" in result["error"]["message"]


def test_row_errors_list_the_first_ones_and_count_them_all(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ERRORS_LISTED", 2)
    rows = [row(f"C{n}", 贷款余额="不是金额") for n in range(5)] + [BIG]
    data = plan(rows)
    assert [e["row"] for e in data["errors"]] == [2, 3]
    assert data["errors_total"] == 5 and data["summary"]["errors"] == 5
    assert data["summary"]["bad_rows"] == 5
    html = priority.run({"rows": rows, "settings": SETTINGS})["html"]
    assert "下面列出前 2 处" in html


def test_the_page_checks_file_bytes_with_pythons_limit_and_python_words_it():
    html = widgets.priority_widget(Path("docs"), lambda path: path)
    assert f'data-max-bytes="{limits.MAX_FILE_BYTES}"' in html
    too_big = priority.run({"file_size": limits.MAX_FILE_BYTES + 1, "settings": SETTINGS})
    assert not too_big["ok"] and too_big["error"]["field"] == "file"
    assert f"最大 {limits.MAX_FILE_BYTES // limits.MB} MB" in too_big["error"]["message"]


def test_a_retention_history_over_the_limit_is_refused_before_work(monkeypatch):
    monkeypatch.setattr(codes, "MAX_MONTHS", 24)
    account = {"opened": "2020-01", "history": "N" * 25}
    result = retention.run({"report_month": "2026-11", "today": TODAY, "accounts": [account]})
    assert not result["ok"] and result["error"]["field"] == "history"
    assert "24 个月" in result["error"]["message"]
    shown = retention.preview({**account, "report_month": "2026-11", "today": TODAY})
    assert not shown["ok"] and shown["error"]["field"] == "history"
    spaced = {**account, "history": " ".join("N" * 24)}  # spaces are not months
    assert retention.run({"report_month": "2026-11", "accounts": [spaced]})["ok"]


def test_retention_accounts_times_months_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(rules, "MAX_TOTAL_MONTHS", 50)
    accounts = [{"opened": "2020-01", "history": "N" * 20} for _ in range(3)]
    result = retention.run({"report_month": "2026-11", "today": TODAY, "accounts": accounts})
    assert not result["ok"] and result["error"]["field"] == "accounts"
    assert "60" in result["error"]["message"] and "50" in result["error"]["message"]
    assert retention.run({"report_month": "2026-11", "accounts": accounts[:2]})["ok"]


@pytest.mark.parametrize("text", ["202603", "260305"])
def test_six_digits_in_a_date_column_are_refused_as_ambiguous(text):
    data = plan([row("C1", 上次回访日期=text), BIG])
    [error] = data["errors"]
    assert (error["row"], error["column"]) == (2, "上次回访日期")
    assert "六位" in error["message"] and "2026-03-05" in error["message"]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("capacity", "每月回访容量"),
        ("weights.dpd_1", "逾期 1–30 天"),
        ("check_interval_days.关注", "关注"),
    ],
)
def test_a_number_field_the_browser_could_not_read_is_named(name, label):
    data = {"rows": [row("C1"), BIG], "settings": SETTINGS, "unreadable": [name]}
    result = priority.run(data)
    assert not result["ok"] and result["error"]["field"] == name
    assert label in result["error"]["message"] and "数字" in result["error"]["message"]


def test_merged_area_cells_fill_down_as_excel_shows_them():
    table = _table(row("C1", 区域="柳树湾村"), row("C2", 区域=""), row("C3", 区域=""), BIG)
    book = Workbook()
    sheet = book.active
    for values in table:
        sheet.append(values)
    column = "ABCDEFGHIJKLMNOPQRSTU"[table[0].index("区域")]
    sheet.merge_cells(f"{column}2:{column}4")
    out = io.BytesIO()
    book.save(out)
    data = plan([], file=out.getvalue(), file_name="客户.xlsx")
    areas = {v["id"]: v["area"] for v in data["visits"] + data["not_planned"]}
    assert areas["C2"] == areas["C3"] == "柳树湾村", areas
    assert any("合并" in w["message"] for w in data["warnings"]), data["warnings"]


# Rows shorter than the header, as each source gives them: missing trailing cells are blank.
SHORT_HEADER = ["客户编号", "客户名称", "放款日期", "到期日期", "贷款余额", "风险信号", "备注"]
SHORT_ROWS = [
    ["C1", "甲", "2026-01-01", "2027-01-01", "100"],
    ["C2", "乙", "2026-02-01", "2027-02-01", "200"],
]


def _without_dimension(sheet: bytes) -> bytes:
    start = sheet.index(b"<dimension")
    return sheet[:start] + sheet[sheet.index(b"/>", start) + 2 :]


def _xlsx_without_dimension(rows: list[list]) -> bytes:
    return _rewritten_xlsx(rows, "worksheets/sheet1.xml", _without_dimension)


@pytest.mark.parametrize("source", ["csv", "pasted", "xlsx"])
def test_rows_without_the_trailing_optional_cells_are_read(source):
    if source == "xlsx":
        data = {"file": _xlsx_without_dimension([SHORT_HEADER, *SHORT_ROWS]), "file_name": "a.xlsx"}
        assert b"<dimension" not in zipfile.ZipFile(io.BytesIO(data["file"])).read(
            "xl/worksheets/sheet1.xml"
        )
    else:
        sep = "," if source == "csv" else "\t"  # a pasted block: trailing tabs trimmed
        data = {"csv": "\n".join(sep.join(r) for r in [SHORT_HEADER, *SHORT_ROWS]) + "\n"}
    result = plan([], **data)
    assert result["summary"]["valid"] == 2 and not result["errors"]
