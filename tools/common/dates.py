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
# Anything else is a slip of the keyboard. The last year follows the page's today
# (``last_year``); LAST_YEAR bounds input sent without one.
FIRST_YEAR, LAST_YEAR = 1990, 2199
YEARS_AHEAD = 30

_SEP = r"\s*[-/.年]\s*"
_MONTH = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})\s*月?|(\d{{4}})(\d{{2}})")
_DATE = re.compile(
    rf"(\d{{4}}){_SEP}(\d{{1,2}})\s*[-/.月]\s*(\d{{1,2}})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    r"|(\d{4})(\d{2})(\d{2})"
)
# A date cell Excel wrote as its day number: 46143 is 2026-05-01.
# Only five digits: 202603 or 260305 are a month or a short date, not a day number.
_SERIAL = re.compile(r"\d{5}(?:\.0+)?")
_SIX = re.compile(r"\d{6}")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug included)


class ReadError(ValueError):
    """Text that is not a month or a date; the message (Chinese) says why."""


def clean(value) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def last_year(data: dict) -> int:
    """The latest year a date of ``data`` may have: the page's year + YEARS_AHEAD."""
    day = today(data)
    return LAST_YEAR if day is None else min(day.year + YEARS_AHEAD, LAST_YEAR)


def _year(raw: str, year: int, last: int) -> None:
    if not FIRST_YEAR <= year <= last:
        raise ReadError(f"“{raw}”的年份 {year} 不对：应在 {FIRST_YEAR} 到 {last} 年之间，请检查")


def _checked(raw: str, year: int, month: int, last: int) -> int:
    if not 1 <= month <= 12:
        raise ReadError(f"“{raw}”不是有效的月份：月份只能是 01 到 12")
    _year(raw, year, last)
    return year * 12 + month - 1


def read_date(value, last: int = LAST_YEAR) -> date:
    """A day: one of DATE_FORMS (a time after it is ignored), or an Excel day number;
    its year from FIRST_YEAR to ``last``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = clean(value)
    found = _DATE.fullmatch(raw)
    if found:
        year, month, day = (int(g) for g in found.groups() if g is not None)
        _checked(raw, year, month, last)
        try:
            return date(year, month, day)
        except ValueError:
            raise ReadError(f"“{raw}”不是真实存在的日期：{month} 月没有 {day} 日") from None
    if _SERIAL.fullmatch(raw):
        day = _EXCEL_EPOCH + timedelta(days=int(float(raw)))
        _year(raw, day.year, last)
        return day
    if _SIX.fullmatch(raw):
        raise ReadError(
            f"“{raw}”不是日期：六位数字分不清是年月（202603）还是短日期（260305），"
            "请写完整的日期，如 2026-03-05"
        )
    raise ReadError(f"“{raw}”不是日期，请写作 {DATE_FORMS}")


def read_month(value, last: int = LAST_YEAR) -> int:
    """A month as an integer: one of MONTH_FORMS, or a date (its month); its year from
    FIRST_YEAR to ``last``."""
    if isinstance(value, date):
        return month_of(value)
    raw = clean(value)
    found = _MONTH.fullmatch(raw)
    if found:
        year, month = (int(g) for g in found.groups() if g is not None)
        return _checked(raw, year, month, last)
    if _DATE.fullmatch(raw):
        return month_of(read_date(raw, last))
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


def _typed(read, example: str, value, label: str, last: int, where: dict):
    if blank(value):
        raise InputError(f"请填写{label}，例如 {example}", **where)
    try:
        return read(value, last)
    except ReadError as err:
        raise InputError(f"{label}{err}", **where) from None


def month_input(
    value, label: str, default: int | None = None, last: int = LAST_YEAR, **where
) -> int:
    """A month typed in the form field ``label`` (blank: ``default``, when there is one),
    in a year up to ``last``; ``where`` locates it (see InputError)."""
    if blank(value) and default is not None:
        return default
    return _typed(read_month, "2026-03", value, label, last, where)


def date_input(value, label: str, last: int = LAST_YEAR, **where) -> date:
    """A date typed in the form field ``label``, in a year up to ``last``; ``where``
    locates it (see InputError)."""
    return _typed(read_date, "2026-03-05", value, label, last, where)
