"""Reading what Excel users produce: encodings, delimiters, dates, amounts, .xlsx, bad input."""

from __future__ import annotations

import io
import sys
import tracemalloc
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from tests.priority_rows import BIG, MONTH, NO_SAMPLE, as_csv, entry, row
from tools.priority import compute, headers, run, sources

SETTINGS = {"month": MONTH, **NO_SAMPLE}


def ok(data: dict) -> dict:
    return compute({**data, "settings": SETTINGS})


def fails(data: dict) -> dict:
    result = run({**data, "settings": SETTINGS})
    assert not result["ok"]
    return result["error"]


ROWS = [row(客户名称="王建国", 区域="柳树湾村", 信贷员标记="是"), BIG]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16"],
)
def test_encodings(encode):
    data = ok({"csv": encode(as_csv(ROWS))})
    client = entry(data, "C1")
    assert client["name"] == "王建国" and client["area"] == "柳树湾村" and client["score"] == 25


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters(delimiter):
    assert entry(ok({"csv": as_csv(ROWS, delimiter)}), "C1")["name"] == "王建国"


def test_text_and_rows_give_the_same_plan():
    assert ok({"csv": as_csv(ROWS)}) == ok({"rows": ROWS})


DATES = ["2026-05-01", "2026/5/1", "2026/05/01", "2026年5月1日", "2026.5.1",
         "20260501", "46143", "46143.0", "2026-05-01 00:00:00"]  # fmt: skip
AMOUNTS = ["5000000", "5,000,000", "500万", "500.0万", "¥5,000,000元", "0.05亿"]


@pytest.mark.parametrize("text", DATES)
def test_date_formats(text):
    # Last visit 2026-05-01: the check fell due 2026-10-28, 34 days before the plan month.
    client = entry(ok({"rows": [row(上次回访日期=text), BIG]}), "C1")
    assert client["next_check"] == "2026-10-28"


@pytest.mark.parametrize("text", AMOUNTS)
def test_amount_formats(text):
    client = entry(ok({"rows": [row(贷款余额=text), BIG]}), "C1")
    assert client["balance"] == 5_000_000
    assert {r["code"]: r["points"] for r in client["reasons"]}["exposure"] == 5


@pytest.mark.parametrize("text", ["是", "Y", "y", "yes", "1", "√", "TRUE"])
def test_yes_formats(text):
    assert entry(ok({"rows": [row(信贷员标记=text), BIG]}), "C1")["score"] == 25


@pytest.mark.parametrize("text", ["否", "N", "no", "0", "", "×"])
def test_no_formats(text):
    assert entry(ok({"rows": [row(信贷员标记=text), BIG]}), "C1")["score"] == 0


def test_choice_aliases_and_defaults():
    data = ok(
        {
            "rows": [
                row(还款方式="一次还本", 到期日期="2026-12-20"),
                row("C2", 五级分类="", 名单类型="无"),
                BIG,
            ]
        }
    )
    assert entry(data, "C1")["tier"] == "must"
    assert entry(data, "C2")["grade"] == "正常" and entry(data, "C2")["score"] == 0


def test_signals_separators():
    client = entry(ok({"rows": [row(风险信号="搬家；担保变化、换工作"), BIG]}), "C1")
    assert client["score"] == 40


def test_optional_columns_may_be_missing_and_extra_columns_are_ignored():
    rows = [{"客户编号": "A", "客户名称": "甲", "放款日期": "2026-11-20", "到期日期": "2027-11-19",
             "贷款余额": "10万", "分管支行": "城东"}]  # fmt: skip
    client = entry(ok({"rows": rows}), "A")
    assert client["tier"] == "must"  # first check not done (the column is missing: 否)
    assert client["area"] == "" and client["grade"] == "正常"


def test_title_rows_above_header_and_blank_lines_keep_excel_row_numbers():
    text = "客户清单（2026年11月导出）\n\n" + as_csv([row("A", 放款日期="坏日期"), BIG]) + ",,,\n"
    text = text.replace("\r\nBIG", "\r\n\r\nBIG")
    data = ok({"csv": text})
    assert [(e["row"], e["column"]) for e in data["errors"]] == [(4, "放款日期")]
    assert entry(data, "BIG")["row"] == 6
    assert data["summary"]["rows"] == 2


def test_xlsx_first_sheet_with_real_dates_and_numbers():
    book = Workbook()
    sheet = book.active
    headers = list(ROWS[0])
    sheet.append(headers)
    for r in ROWS:
        values = dict(r)
        values["放款日期"] = datetime(2025, 12, 15)
        values["到期日期"] = date(2027, 12, 14)
        values["贷款余额"] = float(r["贷款余额"])
        values["逾期天数"] = 0
        sheet.append([values[h] for h in headers])
    book.create_sheet("第二页").append(["别的表"])
    buf = io.BytesIO()
    book.save(buf)
    data = ok({"file": buf.getvalue(), "file_name": "客户.xlsx"})
    client = entry(data, "C1")
    assert client["name"] == "王建国" and client["score"] == 25 and client["balance"] == 100000
    assert entry(data, "BIG")["balance"] == 10_000_000


def test_xlsx_that_is_not_a_workbook():
    assert "xlsx" in fails({"file": b"not a zip file", "file_name": "a.XLSX"})["message"]


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"放款日期": "2026-02-30"}, "放款日期", "2 月没有 30 日"),
        ({"放款日期": "下个月"}, "放款日期", "不是日期"),
        ({"到期日期": ""}, "到期日期", "必填"),
        ({"客户名称": " "}, "客户名称", "必填"),
        ({"贷款余额": "十万"}, "贷款余额", "不是金额"),
        ({"贷款余额": "-5"}, "贷款余额", "负数"),
        ({"逾期天数": "3.5"}, "逾期天数", "整数"),
        ({"逾期天数": "-1"}, "逾期天数", "整数"),
        ({"信贷员标记": "也许"}, "信贷员标记", "是 或 否"),
        ({"五级分类": "良好"}, "五级分类", "正常、关注"),
        ({"还款方式": "随借随还"}, "还款方式", "到期一次还本"),
        ({"名单类型": "黑名单"}, "名单类型", "禁入"),
        ({"风险信号": "搬家、离婚"}, "风险信号", "离婚"),
        ({"到期日期": "2025-01-01"}, "到期日期", "早于放款日期"),
    ],
)
def test_bad_cells_leave_the_row_out_and_keep_the_rest(cells, column, words):
    data = ok({"rows": [row("BAD", **cells), row("GOOD"), BIG]})
    (error,) = data["errors"]
    assert error["row"] == 2 and error["column"] == column and words in error["message"]
    assert error["id"] == "BAD"
    ids = {v["id"] for v in data["visits"] + data["not_planned"]}
    assert ids == {"GOOD", "BIG"}
    assert data["summary"]["bad_rows"] == 1 and data["summary"]["valid"] == 2


def test_every_bad_cell_of_a_row_is_listed():
    data = ok({"rows": [row(放款日期="x", 贷款余额="y"), BIG]})
    assert [e["column"] for e in data["errors"]] == ["放款日期", "贷款余额"]


def test_row_errors_and_warnings_carry_the_clients_id_and_name():
    rows = [
        row("BAD", 客户名称="  王建国 ", 放款日期="x"),
        row("WARN", 客户名称="李秀英", 逾期天数="95", 五级分类="正常"),
        BIG,
    ]
    data = ok({"rows": rows})
    assert [(e["id"], e["name"]) for e in data["errors"]] == [("BAD", "王建国")]
    assert [(w["id"], w["name"]) for w in data["warnings"]] == [("WARN", "李秀英")]
    html = run({"rows": rows, "settings": SETTINGS})["html"]
    assert '<th scope="col">客户名称</th>' in html
    assert '<td data-label="客户名称">王建国</td>' in html
    assert '<td data-label="客户名称">李秀英</td>' in html


def test_duplicate_id_names_the_first_row():
    data = ok({"rows": [row("A"), row("A"), BIG]})
    (error,) = data["errors"]
    assert error["row"] == 3 and error["column"] == "客户编号" and "第 2 行" in error["message"]


@pytest.mark.parametrize(
    ("data", "column", "words"),
    [
        (
            {"csv": "客户编号,客户名称,放款日期,贷款余额\nA,甲,2026-01-01,1\n"},
            None,  # the column is missing: no place in the file to point at
            "缺少必填列",
        ),
        ({"csv": "这不是表格\n只是几行字\n"}, None, "没有找到表头"),
        ({"csv": " \n"}, None, "请选择"),  # a blank text box is no table
        ({"file": b"", "file_name": "a.csv"}, None, "空"),
        ({"csv": b"\x00\x01\x02PNG\x89garbage\xff\xfe\xfd"}, None, "编码"),
        ({"csv": "\x00\x01PNG garbage \x89"}, None, "表头"),
        ({"csv": "客户编号,客户名称,放款日期,到期日期,贷款余额\n"}, None, "只有表头"),
        ({"csv": b"PK\x03\x04rest"}, None, ".xlsx"),
        ({"file": b"PK\x03\x04rest", "file_name": "a.csv"}, None, "不是有效的 .xlsx"),
        (
            {
                "file": "客户编号,客户名称,放款日期,到期日期,贷款余额\n".encode("gbk"),
                "file_name": "a.csv",
            },
            None,
            "只有表头",
        ),
        ({"csv": b"\xd0\xcf\x11\xe0rest"}, None, ".xls"),
        ({}, None, "请选择"),
        ({"rows": "not a list"}, None, "rows"),
    ],
)
def test_unusable_input_is_an_input_error(data, column, words):
    error = fails(data)
    assert words in error["message"] and error["column"] == column
    assert error["field"] in ("file", "rows")


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({}, "month"),
        ({"month": "2026-13"}, "month"),
        ({"month": "next month"}, "month"),
        ({"month": MONTH, "capacity": "0"}, "capacity"),
        ({"month": MONTH, "capacity": "abc"}, "capacity"),
        ({"month": MONTH, "capacity": "2.5"}, "capacity"),
        ({"month": MONTH, "sample_share": "1.5"}, "sample_share"),
        ({"month": MONTH, "first_check_days": "-3"}, "first_check_days"),
        ({"month": MONTH, "weights": {"flagged": "x"}}, "weights.flagged"),
        ({"month": MONTH, "weights": {"unknown": "1"}}, "weights.unknown"),
        ({"month": MONTH, "check_interval_days": {"正常": "0"}}, "check_interval_days.正常"),
        ({"month": MONTH, "colour": "red"}, "colour"),
    ],
)
def test_bad_settings_name_their_field(settings, field):
    result = run({"rows": ROWS, "settings": settings})
    assert not result["ok"] and result["error"]["field"] == field
    assert result["error"]["message"]


@pytest.mark.parametrize("text", ["2026-12", "2026/12", "2026年12月", " 2026-12 "])
def test_month_formats(text):
    data = compute({"rows": ROWS, "settings": {"month": text}})
    assert data["summary"]["month"] == "2026-12"
    assert data["settings"]["seed"] == "2026-12"


def test_every_missing_required_column_is_named_at_once():
    result = run({"csv": "客户编号,客户名称\nA1,张三\n", "settings": {"month": "2026-12"}})
    assert result["ok"] is False
    message = result["error"]["message"]
    for name in ("放款日期", "到期日期", "贷款余额"):
        assert f"“{name}”" in message
    assert result["error"]["column"] is None and result["error"]["text"] == message
    assert "表头里找到的列：客户编号、客户名称。" in message


# Headers as core-banking exports write them, each with the column it means.
EXPORT = {
    "客户号": "客户编号",
    "借款人姓名": "客户名称",
    "所属乡镇": "区域",
    "发放日期": "放款日期",
    "到期日": "到期日期",
    "余额（元）": "贷款余额",
    " 余额 (元) ": "贷款余额",
    "逾期天数(天)": "逾期天数",
    "风险分类": "五级分类",
    "最近回访日期": "上次回访日期",
}


def test_export_headers_of_the_same_meaning_are_read():
    rows = [{k: row()[v] for k, v in EXPORT.items() if k.strip() != "余额 (元)"}]
    rows[0].update(信贷员标记="是")  # a canonical header among the variants
    client = entry(
        ok({"rows": [*rows, {**rows[0], "客户号": "BIG", "余额（元）": "10000000"}]}), "C1"
    )
    assert client["name"] == "测试客户" and client["area"] == "城关镇"
    assert client["balance"] == 100000 and client["score"] == 25
    assert client["next_check"] == "2027-03-30"  # from 最近回访日期 2026-10-01


def test_a_bad_cell_is_named_by_the_header_in_the_file():
    rows = [{"客户号": "A", "借款人姓名": "甲", "放款日": "坏日期", "到期日": "2027-01-01",
             "余额（元）": "1"}, {"客户号": "B", "借款人姓名": "乙", "放款日": "2026-01-01",
             "到期日": "2027-01-01", "余额（元）": "1"}]  # fmt: skip
    (error,) = ok({"rows": rows})["errors"]
    assert error["column"] == "放款日"


@pytest.mark.parametrize(
    ("header", "wanted", "words"),
    [
        ("贷款金额", "贷款余额", "放款时的金额，不是现在的余额"),
        ("合同金额", "贷款余额", "签约的金额"),
        ("余额（万元）", "贷款余额", "万元"),
        ("签约日期", "放款日期", "不一定是放款日期"),
    ],
)
def test_a_header_of_another_meaning_is_never_read_only_suggested(header, wanted, words):
    present = dict(
        客户编号="A", 客户名称="甲", 放款日期="2026-01-01", 到期日期="2027-01-01", 贷款余额="1"
    )
    del present[wanted]
    error = fails({"rows": [{**present, header: "100"}]})
    message = error["message"]
    assert f"缺少必填列“{wanted}”" in message
    assert f"“{header}”：" in message and words in message and f"不能当作“{wanted}”" in message


def test_missing_columns_list_the_headers_found_and_the_closest():
    text = "客户号,借款人姓名,放款日,贷款到期,贷款金额,备注\nA,甲,2026-01-01,2027-01-01,1,\n"
    message = fails({"csv": text})["message"]
    assert "缺少必填列“到期日期”、“贷款余额”。" in message
    assert "表头里找到的列：客户号、借款人姓名、放款日、贷款到期、贷款金额、备注。" in message
    assert "“贷款到期”是不是“到期日期”？" in message
    assert "“贷款到期”是不是“贷款余额”" not in message  # one suggestion a header, the closest
    assert "备注" not in message.split("可能对应的列：")[1]


def test_rows_shorter_than_the_header_are_padded():
    text = (
        "客户编号,客户名称,放款日期,到期日期,贷款余额,区域,五级分类\nA,甲,2026-01-01,2027-01-01,1\n"
    )
    data = ok({"csv": text})
    assert data["summary"]["valid"] == 1 and entry(data, "A")["grade"] == "正常"


@pytest.mark.parametrize("header", list(EXPORT))
def test_each_export_header_is_its_column(header):
    assert headers.column_of(header).header == EXPORT[header]


LINE_ENDS = ["", "a", "a\n", "a\r\nb", "a\rb\r", "a\n\n\rb\r\n", '"x\ny"\r\n', "\r"]
LINE_ENDS += ["a\u2028b\x0cc\n"]  # no line ends to a text stream


@pytest.mark.parametrize("text", LINE_ENDS)
def test_csv_lines_are_read_as_a_text_stream_reads_them(text):
    assert list(sources._lines(text)) == list(io.StringIO(text, newline=""))


def test_reading_a_csv_holds_no_second_copy_of_its_text():
    """Beside the rows it reads, the largest file's text is held once (io.StringIO held it
    again at 4 bytes a character: 20 MB more Wasm memory, which never shrinks)."""
    text = as_csv([row(f"C{i}", 备注="经营正常，按期还款。" * 20) for i in range(2000)])
    tracemalloc.start()
    try:
        rows = sources.split_csv(text)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(rows) == 2001
    assert peak - held < sys.getsizeof(text) / 2


def test_a_column_no_rule_reads_is_not_kept_with_the_plan():
    """备注 is accepted, but the plan kept in the worker does not carry it (8 MB of the
    largest file)."""
    kept = compute({"rows": [row("C1", 备注="经营正常"), BIG], "settings": {"month": MONTH}})
    assert kept["clients"] and all(c.note == "" for c in kept["clients"].values())
