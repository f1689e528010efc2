"""From file bytes, pasted text or row dicts to clients plus row errors.

Row numbers are the spreadsheet's (the header row counts), so the officer finds
the row in Excel. A row with any bad cell is left out and listed; the rest go on.
"""

from __future__ import annotations

import csv
import io
from collections import namedtuple
from itertools import zip_longest

from tools.common.dates import ReadError, read_date
from tools.errors import InputError
from tools.priority import cells, xlsx
from tools.priority.columns import ALIASES, BY_HEADER, COLUMNS, REQUIRED, Column

HEADER_SEARCH_ROWS = 10  # exports often put a title line or two above the header


# One valid row: the spreadsheet row number, then the column keys.
Client = namedtuple("Client", ["row", *(c.key for c in COLUMNS)])


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK)."""
    if data[:4] == b"PK\x03\x04":
        raise InputError("这是 Excel（.xlsx）文件，请以 .xlsx 文件名上传", field="file")
    if data[:4] == b"\xd0\xcf\x11\xe0":
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
    """Rows of a CSV text; the delimiter (, ; or tab) is the most frequent one on line 1."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise InputError(
            "无法按 CSV 表格读取这个文件：某个单元格过长或引号不成对", field="file"
        ) from None


def grid_from_dicts(rows: list) -> list[list[str]]:
    """The API's ``rows`` (dicts keyed by the Chinese headers) as a grid."""
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise InputError("rows 应为一组以中文列名为键的记录", field="rows")
    headers = list(dict.fromkeys(k for r in rows for k in r))
    return [headers, *([cells.cell_text(r.get(h)) for h in headers] for r in rows)]


def _find_header(grid: list[list[str]]) -> int:
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        names = {c.strip().lstrip("\ufeff") for c in row}
        if names & BY_HEADER.keys():
            return index
    if not any(any(c.strip() for c in r) for r in grid):
        raise InputError("文件是空的，没有任何数据", field="file")
    raise InputError(
        "没有找到表头：第一行应为“客户编号、客户名称……”等列名。这似乎不是回访客户表，请按模板整理",
        field="file",
    )


_PARSERS = {
    "text": lambda text, col: text,
    "date": lambda text, col: read_date(text) if text else None,
    "amount": lambda text, col: cells.as_amount(text),
    "count": lambda text, col: cells.as_count(text),
    "bool": lambda text, col: cells.as_bool(text),
    "choice": lambda text, col: cells.as_choice(text, col.choices, col.default, ALIASES[col.key]),
    "signals": lambda text, col: cells.as_signals(text),
}


_BAD = object()  # marks a cell that failed to parse


def _column(cells_: tuple[str, ...], col: Column, bad: dict[int, list]) -> list:
    """Parse one column; each distinct text once (exports repeat dates, flags, amounts)."""
    if col.kind == "text" and not col.required:
        return list(map(str.strip, cells_))
    parse = _PARSERS[col.kind]
    memo: dict[str, object] = {}
    messages: dict[str, str] = {}
    for raw in set(cells_):
        text = raw.strip()
        if col.required and not text:
            memo[raw], messages[raw] = _BAD, "必填，不能为空"
            continue
        try:
            memo[raw] = parse(text, col)
        except ReadError as err:
            memo[raw], messages[raw] = _BAD, str(err)
    values = list(map(memo.__getitem__, cells_))
    if messages:
        for index, raw in enumerate(cells_):
            if raw in messages:
                bad.setdefault(index, []).append((col.header, messages[raw]))
    return values


def clients_from_grid(grid: list[list[str]]) -> tuple[list[Client], list[dict], int]:
    """Return ``(clients, errors, data_rows)`` from a grid whose header row is near the top."""
    start = _find_header(grid)
    headers = [h.strip().lstrip("\ufeff") for h in grid[start]]
    position = {}
    for index, header in enumerate(headers):
        position.setdefault(header, index)
    missing = [col.header for col in REQUIRED if col.header not in position]
    if missing:
        # Name every missing column at once: the officer fixes the export in one go.
        names = "、".join(f"“{name}”" for name in missing)
        raise InputError(
            f"缺少必填列{names}。请按模板补上这些列（表头写在第一行）。",
            field="file",
            column=missing[0],
        )

    # Blank lines between blocks are common in exports; row numbers count them.
    numbered = [
        (number, raw)
        for number, raw in enumerate(grid[start + 1 :], start=start + 2)
        if "".join(raw).strip()
    ]
    if not numbered:
        raise InputError("表格只有表头，没有客户数据", field="file")
    numbers = [number for number, _ in numbered]
    # Transpose in C: one tuple per spreadsheet column, short rows padded.
    grid_columns = list(zip_longest(*(raw for _, raw in numbered), fillvalue=""))
    bad: dict[int, list] = {}
    columns = []
    for col in COLUMNS:
        index = position.get(col.header)
        if index is None:
            columns.append([_PARSERS[col.kind]("", col)] * len(numbered))
            continue
        columns.append(_column(grid_columns[index], col, bad))

    clients: list[Client] = []
    seen: dict[str, int] = {}
    make = Client._make
    for index, values in enumerate(zip(numbers, *columns, strict=True)):
        if index in bad:
            continue
        client = make(values)
        problems = _row_checks(client, seen)
        if problems:
            bad[index] = problems
            continue
        seen[client.id] = client.row
        clients.append(client)
    errors = [
        {"row": numbers[index], "column": column, "message": message}
        for index in sorted(bad)
        for column, message in bad[index]
    ]
    return clients, errors, len(numbered)


def _row_checks(client: Client, seen: dict[str, int]) -> list[tuple[str, str]]:
    bad = []
    if client.id in seen:
        bad.append(("客户编号", f"客户编号“{client.id}”与第 {seen[client.id]} 行重复"))
    if client.maturity < client.disbursed:
        bad.append(("到期日期", f"到期日期 {client.maturity} 早于放款日期 {client.disbursed}"))
    return bad


def read(data: dict) -> tuple[list[Client], list[dict], int]:
    """Clients from ``data['xlsx']`` (bytes), ``data['csv']`` (text/bytes) or ``data['rows']``."""
    if data.get("xlsx") is not None:
        grid = xlsx.grid(data["xlsx"])
    elif data.get("csv") is not None:
        text = data["csv"]
        grid = split_csv(decode(text) if isinstance(text, bytes | bytearray) else text)
    elif data.get("rows") is not None:
        grid = grid_from_dicts(data["rows"])
    else:
        raise InputError("请选择或拖入客户表文件，或把表格内容粘贴到文本框中", field="file")
    return clients_from_grid(grid)
