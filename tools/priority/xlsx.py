"""The first non-empty sheet of an .xlsx file as a grid of strings (openpyxl, loaded only
for .xlsx), with notes about how it was read."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree.ElementTree import ParseError

from tools.errors import InputError, NeedsPackage
from tools.priority import limits
from tools.priority.cells import cell_text
from tools.priority.headers import HEADER_SEARCH_ROWS

NOT_XLSX = "无法打开这个 Excel 文件：它不是有效的 .xlsx 文件，请在 Excel 中重新另存为 .xlsx"
# What a damaged workbook raises: a bad zip, a missing part, broken XML inside.
_BROKEN = (zipfile.BadZipFile, KeyError, OSError, ValueError, ParseError, TypeError)
# A formula cell saved without its computed value (<v>): files written by programs.
_BARE_FORMULA = re.compile(rb"<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>")
UNCOMPUTED = (
    "工作表“{sheet}”里有公式没有保存计算结果（文件多半是由程序生成的），这些单元格被读成了空白："
    "请在 Excel 中打开这个文件，确认数字显示正常后点“保存”，再重新上传"
)


def grid(data: bytes, notes: list[str]) -> list[list[str]]:
    """The rows of the first sheet that holds anything; ``notes`` gets what the officer
    should know (another sheet was read, formulas had no values)."""
    try:
        from openpyxl import load_workbook  # shipped apart: the browser installs it on demand
    except ImportError:
        raise NeedsPackage("openpyxl") from None

    _check_unpacked(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _BROKEN:
        raise InputError(NOT_XLSX, field="file") from None
    try:
        if not book.worksheets:
            raise InputError("这个 Excel 文件没有工作表", field="file")
        # The sheet's XML is parsed only now, row by row: a broken one fails here.
        for sheet in book.worksheets:
            rows = _rows(sheet)
            if any(any(r) for r in rows):
                break
        number = book.worksheets.index(sheet) + 1
        if number > 1:
            notes.append(f"读取的是第 {number} 个工作表“{sheet.title}”：前面的工作表是空的")
        if _uncomputed(data, sheet._worksheet_path):
            notes.append(UNCOMPUTED.format(sheet=sheet.title))
        return rows
    except _BROKEN:
        raise InputError(NOT_XLSX, field="file") from None
    finally:
        book.close()


def _check_unpacked(data: bytes) -> None:
    """Refuse, before parsing, a workbook whose parts unpack beyond the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(NOT_XLSX, field="file") from None
    if size > limits.MAX_XLSX_EXPANDED:
        raise InputError(limits.too_big_unpacked(size), field="file")


def _rows(sheet) -> list[list[str]]:
    """The sheet's rows as text; stops with the row limit's message once it holds more
    non-blank rows than any accepted table."""
    most = limits.MAX_ROWS + HEADER_SEARCH_ROWS
    rows, filled = [], 0
    for values in sheet.iter_rows(values_only=True):
        cells = [cell_text(v) for v in values]
        rows.append(cells)
        if any(cells):
            filled += 1
            if filled > most:
                raise InputError(limits.too_many_rows(), field="file")
    return rows


def _uncomputed(data: bytes, part: str) -> bool:
    """Whether the sheet's ``part`` of the archive holds a formula without a computed value."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _BARE_FORMULA.search(archive.read(part.lstrip("/"))) is not None
