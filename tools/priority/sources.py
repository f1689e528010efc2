"""The portfolio as a grid of text, from whatever the officer gave: a chosen file (CSV in
any common encoding, or .xlsx), a table pasted from Excel, or the API's row dicts."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from tools.common.dates import blank
from tools.errors import InputError
from tools.priority import limits, xlsx
from tools.priority.cells import cell_text
from tools.priority.headers import HEADER_SEARCH_ROWS, column_of

ZIP = b"PK\x03\x04"  # an .xlsx file is a zip archive
OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls
DELIMITERS = ",;\t"


def grid(data: dict, notes: list[str]) -> list[list[str]]:
    """``data['file']`` (bytes, named ``data['file_name']``), ``data['csv']`` (pasted text,
    or bytes; blank is none) or ``data['rows']``; the first one given. ``notes`` gets
    what the officer should know about how a workbook was read. ``data['file_size']``
    alone: the page found the chosen file too big to send (limits.MAX_FILE_BYTES)."""
    _size(data.get("file_size") or 0)
    if data.get("file") is not None:
        _size(len(data["file"]))
        return file_grid(data["file"], str(data.get("file_name") or ""), notes)
    if not blank(data.get("csv")):
        text = data["csv"]
        _size(len(text))  # pasted text: characters, a close enough measure
        return split_csv(decode(text) if isinstance(text, bytes | bytearray) else text)
    if data.get("rows") is not None:
        return grid_from_dicts(data["rows"])
    raise InputError("请选择或拖入客户表文件，或把表格内容粘贴到文本框中", field="file")


def _size(size) -> None:
    if isinstance(size, int | float) and size > limits.MAX_FILE_BYTES:
        raise InputError(limits.too_big(size), field="file")


def is_xlsx(name: str, data: bytes) -> bool:
    return name.lower().endswith(".xlsx") or data[:4] == ZIP


def file_grid(data: bytes, name: str, notes: list[str]) -> list[list[str]]:
    """A chosen file: its name or its first bytes say whether it is a workbook."""
    return xlsx.grid(data, notes) if is_xlsx(name, data) else split_csv(decode(data))


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK)."""
    if data[:4] == ZIP:
        raise InputError("这是 Excel（.xlsx）文件，请以 .xlsx 文件名上传", field="file")
    if data[:4] == OLE:
        raise InputError(
            "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV", field="file"
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(
            "无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV", field="file"
        ) from None


def split_csv(text: str) -> list[list[str]]:
    """Rows of a CSV text, split by the delimiter (, ; or tab) of its header line.

    A quote left open swallows every later line into one cell: that is refused with
    the line where it opened, never read as a shorter table.
    """
    text = text.lstrip("\ufeff")
    reader = csv.reader(_lines(text), delimiter=_delimiter(text))
    rows, starts = [], []
    try:
        while True:
            line = reader.line_num + 1  # where the next record starts
            row = next(reader, None)
            if row is None:
                break
            rows.append(row)
            starts.append(line)
    except csv.Error:
        raise InputError(
            "无法按 CSV 表格读取这个文件：某个单元格过长或引号不成对", field="file"
        ) from None
    if rows and _left_open(text, starts[-1]):
        raise InputError(
            '这一行有一个引号（"）没有配对，后面的行都被当成了这一格的内容。'
            "请在记事本中删去这个引号或补上配对的引号，再重新上传",
            field="file",
            row=starts[-1],
        )
    return rows


# A line as io.StringIO(text, newline="") reads it: ended by \r\n, \r or \n, kept.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time. Not io.StringIO: it copies the whole text at
    4 bytes a character (20 MB for the largest file) beside the rows being read."""
    return (match.group() for match in _LINE.finditer(text))


def _left_open(text: str, line: int) -> bool:
    """Whether the record starting at ``line`` (1-based) runs to the end inside a quote."""
    start = 0  # after the (line - 1)th newline, or the last one (text.split, uncopied)
    for _ in range(line - 1):
        found = text.find("\n", start)
        if found < 0:
            break
        start = found + 1
    rest = text[start:]
    strict = csv.reader(io.StringIO(rest, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        next(strict, None)
    except csv.Error as err:
        return "end of data" in str(err)
    return False


def _delimiter(text: str) -> str:
    """The delimiter of the first line (of the first few) that holds a known column name;
    a title line above the header may use another one. Else the most frequent on line 1."""
    lines = _first_lines(text, HEADER_SEARCH_ROWS)
    for line in lines:
        for delimiter in DELIMITERS:
            if any(column_of(cell.strip().strip('"')) for cell in line.split(delimiter)):
                return delimiter
    return max(DELIMITERS, key=lines[0].count)


def _first_lines(text: str, count: int) -> list[str]:
    """``text.split("\n", count)[:count]``, without copying the rest of the text."""
    lines, start = [], 0
    while len(lines) < count:
        end = text.find("\n", start)
        if end < 0:
            lines.append(text[start:])
            break
        lines.append(text[start:end])
        start = end + 1
    return lines


def grid_from_dicts(rows: list) -> list[list[str]]:
    """The API's ``rows`` (dicts keyed by the Chinese headers) as a grid."""
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise InputError("rows 应为一组以中文列名为键的记录", field="rows")
    headers = list(dict.fromkeys(k for r in rows for k in r))
    return [headers, *([cell_text(r.get(h)) for h in headers] for r in rows)]
