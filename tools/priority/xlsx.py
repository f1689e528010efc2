"""The first sheet of an .xlsx file as a grid of strings (openpyxl, loaded only for .xlsx)."""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import ParseError

from tools.errors import InputError, NeedsPackage
from tools.priority.cells import cell_text

NOT_XLSX = "无法打开这个 Excel 文件：它不是有效的 .xlsx 文件，请在 Excel 中重新另存为 .xlsx"
# What a damaged workbook raises: a bad zip, a missing part, broken XML inside.
_BROKEN = (zipfile.BadZipFile, KeyError, OSError, ValueError, ParseError, TypeError)


def grid(data: bytes) -> list[list[str]]:
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
        sheet = book.worksheets[0]
        # The sheet's XML is parsed only now, row by row: a broken one fails here.
        return [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except _BROKEN:
        raise InputError(NOT_XLSX, field="file") from None
    finally:
        book.close()
