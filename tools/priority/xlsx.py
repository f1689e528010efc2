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
# Merged ranges: <mergeCell ref="C2:C4"/>; listed in a note up to LISTED of them.
_MERGED = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
_REF = re.compile(r"([A-Z]+)([0-9]+)")
LISTED = 5
WIDEST_MERGE = 100  # columns filled from one merged cell; a portfolio has about 20
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
        xml = _part(data, sheet._worksheet_path)
        if _BARE_FORMULA.search(xml):
            notes.append(UNCOMPUTED.format(sheet=sheet.title))
        merged = _fill_merged(rows, xml)
        if merged:
            shown = "、".join(merged[:LISTED]) + (
                f" 等 {len(merged)} 处" if len(merged) > LISTED else ""
            )
            notes.append(f"合并单元格 {shown} 的内容已填入其中的每一格，和 Excel 中看到的一样")
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


def _part(data: bytes, part: str) -> bytes:
    """The XML of one part of the archive (a sheet)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(part.lstrip("/"))


def _place(ref: str) -> tuple[int, int]:
    """0-based (row, column) of a cell reference such as "C12"."""
    letters, digits = _REF.fullmatch(ref).groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits) - 1, column - 1


def _fill_merged(rows: list[list[str]], xml: bytes) -> list[str]:
    """Give every cell of each merged range (read from the sheet's <mergeCells>, which
    openpyxl's read-only mode does not expose) the value of its first cell; the ranges
    filled, as written in the file."""
    filled = []
    for ref in _MERGED.findall(xml):
        text = ref.decode()
        (top, left), (bottom, right) = map(_place, text.split(":"))
        if top >= len(rows) or left >= len(rows[top]) or not rows[top][left]:
            continue
        value = rows[top][left]
        right = min(right, left + WIDEST_MERGE)  # a range as wide as the sheet: no blow-up
        for line in rows[top : bottom + 1]:
            line.extend([""] * (right + 1 - len(line)))
            line[left : right + 1] = [value] * (right + 1 - left)
        filled.append(text)
    return filled
