"""A saved visit record: the file the officer keeps to continue later.

The file is JSON: ``{"format": FORMAT, "version": VERSION, "record": {...}}`` (the
record's shape: schema.py). Opening it checks that it is ours, migrates a record
saved by an older version when MIGRATIONS has the steps, and refuses anything else
with a Chinese message, so the form is never filled from a file it cannot trust.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from tools.errors import InputError
from tools.report.record import shaped, unknown_keys

FORMAT = "huifang-kb/visit-record"
VERSION = 1
MAX_BYTES = 512 * 1024  # a full record is a few KB; anything this big is not one
# Version N's record → version N + 1's, for every N below VERSION.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
NOT_OURS = "这个文件不是贷后检查报告助手保存的检查记录，请选择用“保存记录”得到的 .json 文件"


def filename(record: dict) -> str:
    """检查记录-<client>-<date>.json, without characters a file name cannot hold."""
    parts = [record.get("client", ""), record.get("visit_date", "")]
    named = "-".join(_UNSAFE.sub("_", p).strip(" ._")[:40] for p in parts if p)
    return f"检查记录-{named}.json" if named else "检查记录.json"


def saved(raw) -> dict:
    """``{"filename", "text"}`` of the record ``raw`` (a half-filled record is fine)."""
    record = shaped(raw)
    payload = {"format": FORMAT, "version": VERSION, "record": record}
    return {
        "filename": filename(record),
        "text": json.dumps(payload, ensure_ascii=False, indent=1) + "\n",
    }


def _decoded(blob) -> object:
    if isinstance(blob, str):
        blob = blob.encode("utf-8")
    if not isinstance(blob, bytes | bytearray):
        raise InputError("请选择要打开的检查记录文件", field="file")
    if not blob:
        raise InputError("这个文件是空的：" + NOT_OURS, field="file")
    if len(blob) > MAX_BYTES:
        raise InputError(
            f"文件有 {len(blob) / 1024:,.0f} KB，检查记录最大 {MAX_BYTES // 1024} KB：{NOT_OURS}",
            field="file",
        )
    try:
        text = bytes(blob).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(NOT_OURS, field="file") from None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise InputError(
            "文件内容不完整或已被改动，读不出检查记录（不是有效的 JSON）："
            "请换用保存记录时得到的那个文件",
            field="file",
        ) from None


def opened(blob) -> dict:
    """The record in the file ``blob`` (bytes), migrated to VERSION, with what was done."""
    payload = _decoded(blob)
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise InputError(NOT_OURS, field="file")
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError("文件没有写明是哪一版保存的，无法打开：" + NOT_OURS, field="file")
    if version > VERSION:
        raise InputError(
            f"这个文件是更新的第 {version} 版工具保存的，这个页面是第 {VERSION} 版，"
            "无法打开：请刷新页面（联网时）后再打开",
            field="file",
        )
    record = payload.get("record")
    if not isinstance(record, dict):
        raise InputError("文件里没有检查记录：" + NOT_OURS, field="file")
    for step in range(version, VERSION):
        if step not in MIGRATIONS:
            raise InputError(
                f"这个文件是第 {version} 版工具保存的，现在的第 {VERSION} 版无法转换它："
                "请按文件内容重新填写",
                field="file",
            )
        record = MIGRATIONS[step](record)
    try:
        clean = shaped(record)
    except InputError as err:
        raise InputError(f"文件里的检查记录有误：{err.message}", field="file") from None
    dropped = unknown_keys(record)
    return {
        "record": clean,
        "version": version,
        "migrated": version != VERSION,
        "dropped": dropped,
        "message": opened_message(version, dropped),
    }


def opened_message(version: int, dropped: list) -> str:
    """What the officer is told once a file is in the form: what changed on the way."""
    text = "已打开检查记录，可以接着填写。"
    if version != VERSION:
        text += f"这是第 {version} 版工具保存的记录，已转换为现在的第 {VERSION} 版，请核对。"
    if dropped:
        shown = "、".join(key[:20] for key in dropped[:5]) + ("等" if len(dropped) > 5 else "")
        text += f"文件里有 {len(dropped)} 项现在的记录表没有的内容，没有填入：{shown}。"
    return text
