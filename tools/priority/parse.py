"""From a grid of text (tools/priority/sources.py) to clients plus row errors.

Row numbers are the spreadsheet's (the header row counts), so the officer finds
the row in Excel. A row with any bad cell is left out and listed; the rest go on.
"""

from __future__ import annotations

from collections import namedtuple
from itertools import zip_longest

from tools.common.dates import LAST_YEAR, ReadError, read_date
from tools.errors import InputError
from tools.priority import cells, headers, limits, sources
from tools.priority.columns import ALIASES, COLUMNS, Column
from tools.priority.headers import HEADER_SEARCH_ROWS

# One valid row: the spreadsheet row number, then the column keys.
Client = namedtuple("Client", ["row", *(c.key for c in COLUMNS)])


def _find_header(grid: list[list[str]]) -> int:
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if any(headers.column_of(cell) for cell in row):
            return index
    if not any(any(c.strip() for c in r) for r in grid):
        raise InputError("文件是空的，没有任何数据", field="file")
    raise InputError(
        "没有找到表头：第一行应为“客户编号、客户名称……”等列名。这似乎不是回访客户表，请按模板整理",
        field="file",
    )


_PARSERS = {
    "text": lambda text, col: text,
    "date": lambda text, col, last=LAST_YEAR: read_date(text, last) if text else None,
    "amount": lambda text, col: cells.as_amount(text),
    "count": lambda text, col: cells.as_count(text),
    "bool": lambda text, col: cells.as_bool(text),
    "choice": lambda text, col: cells.as_choice(text, col.choices, col.default, ALIASES[col.key]),
    "signals": lambda text, col: cells.as_signals(text),
}


_BAD = object()  # marks a cell that failed to parse


def _column(
    texts: tuple[str, ...], col: Column, name: str, bad: dict[int, list], last: int
) -> list:
    """Parse one column (``name``: its header in the file); each distinct text once
    (exports repeat dates, flags, amounts)."""
    if col.kind == "text" and not col.required:
        return list(map(str.strip, texts))
    parse = _PARSERS[col.kind]
    memo: dict[str, object] = {}
    messages: dict[str, str] = {}
    for raw in set(texts):
        text = raw.strip()
        if col.required and not text:
            memo[raw], messages[raw] = _BAD, "必填，不能为空"
            continue
        try:
            memo[raw] = parse(text, col, last) if col.kind == "date" else parse(text, col)
        except ReadError as err:
            memo[raw], messages[raw] = _BAD, str(err)
    values = list(map(memo.__getitem__, texts))
    if messages:
        for index, raw in enumerate(texts):
            if raw in messages:
                bad.setdefault(index, []).append((name, messages[raw]))
    return values


def clients_from_grid(
    grid: list[list[str]], last: int = LAST_YEAR, notes: list[str] = ()
) -> tuple[list[Client], list[dict], int, list[dict]]:
    """Return ``(clients, errors, data_rows, warnings)`` from a grid whose header row is
    near the top, dates in years up to ``last``; the warnings are about the file itself
    (``notes`` on how it was read, a column named twice), placed on its header row."""
    start = _find_header(grid)
    names = [h.strip().lstrip("\ufeff") for h in grid[start]]
    position = headers.positions(names)
    missing = headers.missing_message(names, position)
    if missing:
        # Name every missing column at once: the officer fixes the export in one go.
        raise InputError(missing, field="file")

    # Blank lines between blocks are common in exports; row numbers count them.
    numbered = [
        (number, raw)
        for number, raw in enumerate(grid[start + 1 :], start=start + 2)
        if "".join(raw).strip()
    ]
    if not numbered:
        raise InputError("表格只有表头，没有客户数据", field="file")
    if len(numbered) > limits.MAX_ROWS:
        raise InputError(limits.too_many_rows(len(numbered)), field="file")
    numbers = [number for number, _ in numbered]
    # Transpose in C: one tuple per spreadsheet column, short rows padded.
    grid_columns = list(zip_longest(*(raw for _, raw in numbered), fillvalue=""))
    # Rows shorter than the header (trailing empty cells dropped by the export).
    grid_columns += [("",) * len(numbered)] * (len(names) - len(grid_columns))
    bad: dict[int, list] = {}
    columns = []
    for col in COLUMNS:
        index = position.get(col.key)
        if index is None or not col.read:
            columns.append([_PARSERS[col.kind]("", col)] * len(numbered))
            continue
        columns.append(_column(grid_columns[index], col, names[index], bad, last))

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
    # As typed: the officer looks the row up by its id and name.
    ids, client_names = grid_columns[position["id"]], grid_columns[position["name"]]
    errors = [
        {
            "row": numbers[index],
            "id": ids[index].strip(),
            "name": client_names[index].strip(),
            "column": column,
            "message": message,
        }
        for index in sorted(bad)
        for column, message in bad[index]
    ]
    header = {"row": start + 1, "id": "", "name": ""}
    said = [{**header, "column": "", "message": note} for note in notes]
    said += [
        {**header, "column": names[index], "message": message}
        for index, message in headers.repeated(names)
    ]
    return clients, errors, len(numbered), said


def _row_checks(client: Client, seen: dict[str, int]) -> list[tuple[str, str]]:
    bad = []
    if client.id in seen:
        bad.append(("客户编号", f"客户编号“{client.id}”与第 {seen[client.id]} 行重复"))
    if client.maturity < client.disbursed:
        bad.append(("到期日期", f"到期日期 {client.maturity} 早于放款日期 {client.disbursed}"))
    return bad


def read(data: dict, last: int = LAST_YEAR) -> tuple[list[Client], list[dict], int, list[dict]]:
    """Clients from the portfolio in ``data`` (see sources.grid)."""
    notes: list[str] = []
    grid = sources.grid(data, notes)
    return clients_from_grid(grid, last, notes)
