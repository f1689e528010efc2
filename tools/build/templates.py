"""The downloadable templates of the priority tool's input, from its column table: a CSV
(UTF-8 with a BOM, so Excel opens the Chinese headers) and an .xlsx workbook."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from tools.priority.columns import COLUMNS

CSV_PATH = "tools/examples/priority/template.csv"
XLSX_PATH = "tools/examples/priority/template.xlsx"
# Fixed times: the same table gives the same bytes, so the offline cache keeps them.
_EPOCH = (2020, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def rows() -> list[list[str]]:
    """The headers and one example row."""
    return [[c.header for c in COLUMNS], [c.example for c in COLUMNS]]


def template_csv() -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows())
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def template_xlsx() -> bytes:
    from openpyxl import Workbook  # build time only
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "客户表"
    for row in rows():
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, col in zip(sheet.columns, COLUMNS, strict=True):
        sheet.column_dimensions[column[0].column_letter].width = max(10, 2.2 * len(col.header))
    sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    book.save(buf)
    return _reproducible(buf.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The workbook with fixed dates inside and on its zip entries."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            body = old.read(info)
            if info.filename == "docProps/core.xml":
                body = _STAMP.sub(rb"\g<1>2020-01-01T00:00:00Z\g<2>", body)
            new.writestr(zipfile.ZipInfo(info.filename, _EPOCH), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()
