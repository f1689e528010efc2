"""Months as integers (year * 12 + month - 1), and their text.

Integer months make "M + 60" and "R - 59" plain arithmetic; they become ``YYYY-MM``
text only at the edge.
"""

from __future__ import annotations

import calendar
from datetime import date


def month_text(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def month_of(day: date) -> int:
    return day.year * 12 + day.month - 1


def first_day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; a day the month lacks becomes its last day."""
    month = month_of(day) + months
    year, number = month // 12, month % 12 + 1
    return date(year, number, min(day.day, calendar.monthrange(year, number)[1]))


def add_years(day: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February."""
    return add_months(day, 12 * years)


def span(first: str, last: str) -> str:
    """A run of months (or days) as the pages write it: "A 至 B", or A alone."""
    return first if first == last else f"{first} 至 {last}"


def months_span(first: int, last: int) -> str:
    return span(month_text(first), month_text(last))
