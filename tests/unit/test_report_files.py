"""Saving a record as a file and opening it again: ours, migrated, or refused clearly."""

from __future__ import annotations

import json

import pytest

from tools import report
from tools.report import files

from .test_report_rules import BASE


def opened(blob) -> dict:
    return report.open({"file": blob})


def test_save_and_open_give_the_record_back():
    record = {
        **BASE,
        "documents": ["电话费缴费单"],
        "interview": {"上下游": {"finding": "稳定", "flag": "正常"}},
    }
    saved = report.save({"record": record})
    assert saved["ok"]
    assert saved["data"]["filename"] == "检查记录-测试客户（虚构）-2026-06-01.json"
    payload = json.loads(saved["data"]["text"])
    assert payload["format"] == files.FORMAT and payload["version"] == files.VERSION
    back = opened(saved["data"]["text"].encode())
    assert back["ok"] and back["data"]["record"] == record


def test_a_half_filled_record_can_be_saved():
    saved = report.save({"record": {"client": "甲", "balance": "不是数"}})
    assert saved["ok"] and saved["data"]["filename"] == "检查记录-甲.json"
    assert report.save({"record": {}})["data"]["filename"] == "检查记录.json"


def test_the_file_name_holds_no_path():
    name = files.filename({"client": "../a/b:c*", "visit_date": "2026/06/01"})
    assert "/" not in name and ":" not in name and "*" not in name
    assert name.startswith("检查记录-") and name.endswith(".json")


@pytest.mark.parametrize(
    ("blob", "words"),
    [
        (b"", "文件是空的"),
        (b"\xff\xfe\x00x", "不是贷后检查报告助手保存的检查记录"),
        (b"{not json", "不是有效的 JSON"),
        (b"[1, 2]", "不是贷后检查报告助手保存的检查记录"),
        (b'{"format": "other", "version": 1, "record": {}}', "不是贷后检查报告助手保存"),
        (b'{"format": "huifang-kb/visit-record", "record": {}}', "没有写明是哪一版"),
        (b'{"format": "huifang-kb/visit-record", "version": true, "record": {}}', "哪一版"),
        (b'{"format": "huifang-kb/visit-record", "version": 2, "record": {}}', "第 2 版"),
        (b'{"format": "huifang-kb/visit-record", "version": 1, "record": []}', "没有检查记录"),
        (
            b'{"format": "huifang-kb/visit-record", "version": 1, "record": {"client": 5}}',
            "文件里的检查记录有误：“客户名称”应为文字",
        ),
        (b"[" * 100_000, "不是有效的 JSON"),
        (None, "请选择要打开的检查记录文件"),
    ],
)
def test_files_that_cannot_be_opened_are_refused_in_chinese(blob, words):
    answer = opened(blob)
    assert not answer["ok"]
    assert answer["error"]["field"] == "file" and words in answer["error"]["message"]


def test_a_too_big_file_is_refused_before_reading():
    answer = opened(b" " * (files.MAX_BYTES + 1))
    assert "最大 512 KB" in answer["error"]["message"]


def test_a_file_with_a_bom_and_unknown_keys_opens():
    text = json.dumps(
        {"format": files.FORMAT, "version": 1, "record": {"client": "甲", "old_field": "x"}},
        ensure_ascii=False,
    )
    answer = opened(("\ufeff" + text).encode())
    assert answer["data"]["record"] == {"client": "甲"}
    assert answer["data"]["dropped"] == ["old_field"]
    assert "1 项" in answer["data"]["message"] and "old_field" in answer["data"]["message"]


def test_an_older_version_is_migrated_when_it_can_be(monkeypatch):
    monkeypatch.setattr(files, "VERSION", 2)
    monkeypatch.setitem(files.MIGRATIONS, 1, lambda r: {**r, "client": r.pop("name", "")})
    old = json.dumps({"format": files.FORMAT, "version": 1, "record": {"name": "甲"}})
    answer = opened(old.encode())
    assert answer["data"]["record"] == {"client": "甲"} and answer["data"]["migrated"]
    assert "第 1 版" in answer["data"]["message"] and "第 2 版" in answer["data"]["message"]


def test_an_older_version_without_a_migration_is_refused(monkeypatch):
    monkeypatch.setattr(files, "VERSION", 3)
    monkeypatch.setitem(files.MIGRATIONS, 2, lambda r: r)
    old = json.dumps({"format": files.FORMAT, "version": 1, "record": {}})
    message = opened(old.encode())["error"]["message"]
    assert "第 1 版工具保存的" in message and "无法转换" in message
