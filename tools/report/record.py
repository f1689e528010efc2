"""A visit record as the page sends it, checked and read into typed values.

``shaped`` checks only the JSON shape (what save and open need: a half-filled record
is fine); ``read`` also checks what the draft needs: required fields, numbers,
dates (a visit after today is refused), choices. Every problem is an InputError
naming the field by its form name (``field``) and its label (in the message).
An interview area's form names are ``interview.<n>.finding`` / ``interview.<n>.flag``
(n: the area's 1-based place in the checklist; see area_name).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from tools.common.dates import date_input, last_year, today
from tools.errors import InputError
from tools.report import checklists
from tools.report.schema import FIELDS, FLAGS, REQUIRED, UNSECURED, Field, asked

MAX_TEXT = 2000  # characters in one field: a long finding is a few hundred
MAX_ITEMS = 50  # ticked items in one list; the longest checklist has a dozen
MAX_AREAS = 40  # interview areas kept in a record
MAX_NUMBER = 1e12  # yuan: no loan of a branch is bigger


def area_name(title: str, part: str) -> str:
    """The form name of an interview area's ``part`` (finding, flag)."""
    titles = [t for t, _ in checklists.areas()]
    place = titles.index(title) + 1 if title in titles else 0
    return f"interview.{place}.{part}" if place else "interview"


def _text(value, f: Field, name: str | None = None) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"“{f.label}”应为文字", field=name or f.key)
    if len(value) > MAX_TEXT:
        raise InputError(
            f"“{f.label}”太长：{len(value):,} 个字，最多 {MAX_TEXT:,} 个字", field=name or f.key
        )
    return value.strip()


def _items(value, f: Field) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"“{f.label}”应为勾选的条目", field=f.key)
    if len(value) > MAX_ITEMS:
        raise InputError(f"“{f.label}”勾选了 {len(value)} 项，最多 {MAX_ITEMS} 项", field=f.key)
    return list(dict.fromkeys(_text(v, f) for v in value if v.strip()))


def _areas(value, f: Field) -> dict[str, dict[str, str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(f"“{f.label}”应为各方面的结论", field=f.key)
    if len(value) > MAX_AREAS:
        raise InputError(f"“{f.label}”有 {len(value)} 个方面，最多 {MAX_AREAS} 个", field=f.key)
    out = {}
    for title, entry in value.items():
        where = area_name(title, "finding")
        if not isinstance(entry, dict):
            raise InputError(f"问询“{title}”应有结论和标记", field=where)
        finding = _text(entry.get("finding"), Field(f.key, f"问询“{title}”的结论", "text"), where)
        flag = _text(entry.get("flag"), Field(f.key, f"问询“{title}”的标记", "text"), where)
        if flag and flag not in FLAGS:
            raise InputError(
                f"问询“{title}”的标记应为{'、'.join(FLAGS)}之一，现为“{flag}”",
                field=area_name(title, "flag"),
            )
        if finding or flag:
            out[_text(title, f)] = {"finding": finding, "flag": flag}
    return out


def shaped(raw) -> dict:
    """The record with its known fields only, each of the right JSON type (trimmed)."""
    if not isinstance(raw, dict):
        raise InputError("检查记录应为一张表", field="record")
    record: dict = {}
    for key, f in FIELDS.items():
        value = raw.get(key)
        if f.kind == "checks":
            items = _items(value, f)
            if items:
                record[key] = items
        elif f.kind == "areas":
            areas = _areas(value, f)
            if areas:
                record[key] = areas
        else:
            text = _text(value, f)
            if text:
                record[key] = text
    return record


def unknown_keys(raw: dict) -> list[str]:
    return sorted(str(key) for key in raw if key not in FIELDS)


def _number(text: str, f: Field, integer: bool) -> float | int:
    clean = text.replace(",", "").replace("，", "").replace(" ", "").removesuffix(f.unit)
    scale = 1
    if f.unit == "元" and clean.endswith("万"):
        clean, scale = clean[:-1], 10_000
    try:
        value = float(clean) * scale
    except ValueError:
        raise InputError(f"“{f.label}”应为数字，现为“{text}”", field=f.key) from None
    if not math.isfinite(value) or not 0 <= value <= MAX_NUMBER:
        raise InputError(f"“{f.label}”应为不小于 0 的实际数字，现为“{text}”", field=f.key)
    if integer:
        if value != int(value):
            raise InputError(f"“{f.label}”应为整数，现为“{text}”", field=f.key)
        return int(value)
    return round(value, 2)


def _choice(text: str, f: Field) -> str:
    if text not in f.options:
        raise InputError(f"“{f.label}”应为{'、'.join(f.options)}之一，现为“{text}”", field=f.key)
    return text


@dataclass(frozen=True)
class Visit:
    """A record read for the draft: ``values`` by key, typed (numbers, dates), blanks
    absent; ``today`` the page's date."""

    values: dict
    today: date | None

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    def __getitem__(self, key: str):
        return self.values[key]

    def has(self, key: str) -> bool:
        return key in self.values


def read(data: dict) -> Visit:
    """The record of ``data`` (``data["record"]``) checked for the draft."""
    day = today(data)
    latest = last_year(data)
    record = shaped(data.get("record"))
    for f in REQUIRED:
        if f.key not in record:
            raise InputError(f"请填写“{f.label}”", field=f.key)
    product = record["product"] if record.get("product") in FIELDS["product"].options else ""
    values: dict = {}
    for key, value in record.items():
        f = FIELDS[key]
        if not asked(f, product):
            continue  # a field of another product, left from switching products
        if f.kind == "number":
            values[key] = _number(value, f, integer=f.unit != "元")
        elif f.kind == "date":
            values[key] = date_input(value, f.label, latest, field=key)
        elif f.kind in ("choice", "flag"):
            values[key] = _choice(value, f)
        elif f.kind == "checks" and f.choices:
            for item in value:
                _choice(item, f)
            values[key] = value
        else:
            values[key] = value
    if day is not None and values["visit_date"] > day:
        raise InputError(
            f"“检查日期”{values['visit_date'].isoformat()} 晚于今天（{day.isoformat()}）："
            "请填写实际检查的日期",
            field="visit_date",
        )
    guarantees = values.get("guarantees", [])
    if UNSECURED in guarantees and len(guarantees) > 1:
        others = "、".join(g for g in guarantees if g != UNSECURED)
        raise InputError(
            f"“担保方式”勾了“{UNSECURED}”，又勾了{others}：请只留对的",
            field="guarantees",
        )
    return Visit(values, day)
