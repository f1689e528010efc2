"""The first non-empty sheet of an .xlsx file as a grid of strings (openpyxl, loaded only
for .xlsx), with notes about how it was read."""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree.ElementTree import ParseError

from tools.errors import InputError, NeedsPackage
from tools.priority.cells import cell_text

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

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _BROKEN:
        raise InputError(NOT_XLSX, field="file") from None
    try:
        if not book.worksheets:
            raise InputError("这个 Excel 文件没有工作表", field="file")
        # The sheet's XML is parsed only now, row by row: a broken one fails here.
        for sheet in book.worksheets:
            rows = [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
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


def _uncomputed(data: bytes, part: str) -> bool:
    """Whether the sheet's ``part`` of the archive holds a formula without a computed value."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _BARE_FORMULA.search(archive.read(part.lstrip("/"))) is not None
