"""How much the calculator takes at once, chosen from the real job: an officer's
portfolio is hundreds of clients, a branch's a few tens of thousands. Each limit is
checked before the work it bounds starts; the page checks file bytes itself, with
MAX_FILE_BYTES from here (tools/build/widgets.py), and shows them all (表格要求)."""

from __future__ import annotations

from tools.common.dates import FIRST_YEAR, YEARS_AHEAD

MAX_ROWS = 30_000  # data rows: a branch's portfolio; 100k rows took 18 s and 4.6 GB
# A 30,000-row CSV is 4-6 MB (UTF-16: twice that), .xlsx less. A 20 MB file (long notes)
# took Chromium's processes to 2.1 GB resident, over the 1.5 GB goal (make bench).
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_XLSX_EXPANDED = 150 * 1024 * 1024  # the workbook's parts unpacked (zip bombs)
MAX_ERRORS_LISTED = 200  # row errors listed; the total is always counted
# Visits on one printed sheet (about 21 A4 pages; an officer's plan fits); a bigger plan
# prints in parts. All 30,000 visits at once took 27 s before the print dialog opened,
# 1,000 took 0.9 s and Chromium 3.3 s more to lay out their 42 pages.
MAX_PRINTED = 500

MB = 1024 * 1024


def too_many_rows(rows: int | None = None) -> str:
    """``rows``: how many there are, when the reading went to the end."""
    counted = f"有 {rows:,} 行" if rows is not None else f"超过 {MAX_ROWS:,} 行"
    return (
        f"表格{counted}客户数据，一次最多计算 {MAX_ROWS:,} 行："
        "请按支行、信贷员或区域分成几个文件分别计算"
    )


def too_big(size: int) -> str:
    return (
        f"文件有 {size / MB:.1f} MB，最大 {MAX_FILE_BYTES // MB} MB："
        "请只保留表格要求中的列，或按支行、信贷员分成几个文件"
    )


def too_big_unpacked(size: int) -> str:
    return (
        f"这个 Excel 文件解压后有 {size / MB:.0f} MB，最大 {MAX_XLSX_EXPANDED // MB} MB："
        "请删去多余的工作表、图片和格式，或另存为 CSV 后上传"
    )


def described() -> str:
    """The limits as the page's 表格要求 says them."""
    return (
        f"一次最多 {MAX_ROWS:,} 行客户数据；文件最大 {MAX_FILE_BYTES // MB} MB"
        f"（Excel 文件解压后最大 {MAX_XLSX_EXPANDED // MB} MB）；"
        f"有错的行在结果中最多列出前 {MAX_ERRORS_LISTED} 条，并给出总数；"
        f"计划超过 {MAX_PRINTED:,} 户时分几次打印，每次最多 {MAX_PRINTED:,} 户。"
        "更大的表请按支行、信贷员或区域分开计算。"
        f"日期的年份在 {FIRST_YEAR} 年到今年之后 {YEARS_AHEAD} 年之间。"
    )
