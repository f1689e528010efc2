"""The downloadable templates come from the column table and read back as one client."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from tools.build import templates
from tools.priority import compute
from tools.priority.columns import COLUMNS

SETTINGS = {"month": "2026-12"}


def test_csv_template_has_a_bom_and_reads_back():
    data = templates.template_csv()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows then reads UTF-8
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == [c.header for c in COLUMNS]
    plan = compute({"file": data, "file_name": "template.csv", "settings": SETTINGS})
    assert plan["summary"]["valid"] == 1 and plan["errors"] == []


def test_xlsx_template_reads_back_and_is_the_same_every_build():
    data = templates.template_xlsx()
    assert data == templates.template_xlsx()
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    plan = compute({"file": data, "file_name": "template.xlsx", "settings": SETTINGS})
    assert plan["summary"]["valid"] == 1 and plan["errors"] == []
