"""Months and dates as officers write them: one set of accepted forms for every tool.

``read_month`` and ``read_date`` take what was typed or exported (full-width digits
too) and raise ReadError with a Chinese message that starts with the text itself;
``month_input`` and ``date_input`` do the same for a form field, as an InputError
naming the field.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from tools.common.months import month_of
from tools.errors import InputError

MONTH_FORMS = "2026-03、2026/3、2026.3、2026年3月 或 202603"
DATE_FORMS = "2026-03-05、2026/3/5、2026.3.5、2026年3月5日 或 20260305"
FIRST_YEAR, LAST_YEAR = 1900, 2199  # anything else is a slip of the keyboard

_SEP = r"\s*[-/.年]\s*"
_MONTH = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})\s*月?|(\d{{4}})(\d{{2}})")
_DATE = re.compile(
    rf"(\d{{4}}){_SEP}(\d{{1,2}})\s*[-/.月]\s*(\d{{1,2}})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    r"|(\d{4})(\d{2})(\d{2})"
)
# A date cell Excel wrote as its day number: 46143 is 2026-05-01.
_SERIAL = re.compile(r"\d{1,5}(?:\.0+)?")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug included)


class ReadError(ValueError):
    """Text that is not a month or a date; the message (Chinese) says why."""


def clean(value) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _checked(raw: str, year: int, month: int) -> int:
    if not 1 <= month <= 12:
        raise ReadError(f"“{raw}”不是有效的月份：月份只能是 01 到 12")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ReadError(f"“{raw}”的年份 {year} 不对，请检查")
    return year * 12 + month - 1


def read_date(value) -> date:
    """A day: one of DATE_FORMS (a time after it is ignored), or an Excel day number."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = clean(value)
    found = _DATE.fullmatch(raw)
    if found:
        year, month, day = (int(g) for g in found.groups() if g is not None)
        _checked(raw, year, month)
        try:
            return date(year, month, day)
        except ValueError:
            raise ReadError(f"“{raw}”不是真实存在的日期：{month} 月没有 {day} 日") from None
    if _SERIAL.fullmatch(raw) and float(raw) >= 1:
        return _EXCEL_EPOCH + timedelta(days=int(float(raw)))
    raise ReadError(f"“{raw}”不是日期，请写作 {DATE_FORMS}")


def read_month(value) -> int:
    """A month as an integer: one of MONTH_FORMS, or a date (its month)."""
    if isinstance(value, date):
        return month_of(value)
    raw = clean(value)
    found = _MONTH.fullmatch(raw)
    if found:
        year, month = (int(g) for g in found.groups() if g is not None)
        return _checked(raw, year, month)
    if _DATE.fullmatch(raw):
        return month_of(read_date(raw))
    raise ReadError(f"“{raw}”不是月份，请写作 {MONTH_FORMS}")


def today(data: dict) -> date | None:
    """The officer's local date, which the page sends with every request as
    ``data["today"]``: Python never reads the clock (in the browser it is UTC)."""
    value = data.get("today")
    if blank(value):
        return None
    try:
        return read_date(value)
    except ReadError as err:
        raise InputError(f"本机日期{err}：请检查电脑的日期设置", field="today") from None


def this_month(data: dict) -> int | None:
    day = today(data)
    return None if day is None else month_of(day)


def _typed(read, example: str, value, label: str, where: dict):
    if blank(value):
        raise InputError(f"请填写{label}，例如 {example}", **where)
    try:
        return read(value)
    except ReadError as err:
        raise InputError(f"{label}{err}", **where) from None


def month_input(value, label: str, default: int | None = None, **where) -> int:
    """A month typed in the form field ``label`` (blank: ``default``, when there is one);
    ``where`` locates it (see InputError)."""
    if blank(value) and default is not None:
        return default
    return _typed(read_month, "2026-03", value, label, where)


def date_input(value, label: str, **where) -> date:
    """A date typed in the form field ``label``; ``where`` locates it (see InputError)."""
    return _typed(read_date, "2026-03-05", value, label, where)
