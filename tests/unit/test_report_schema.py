"""The schema and the checklists it reads; the wheel packs them for the browser."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from io import BytesIO

import pytest

from tools.build import hook_wheel
from tools.build.wheel import pack_wheel
from tools.report import checklists, schema

KINDS = {"text", "textarea", "number", "date", "choice", "checks", "flag", "areas"}


def test_every_field_is_declared_once_with_a_known_kind():
    keys = [f.key for s in schema.SECTIONS for f in s.fields]
    assert len(keys) == len(set(keys))
    for f in schema.FIELDS.values():
        assert f.kind in KINDS, f
        if f.kind in ("choice", "checks", "areas"):
            assert bool(f.choices) != bool(f.checklist), f
        assert set(f.products) <= set(schema.PRODUCTS)


def test_the_handbooks_terms():
    assert schema.CHECK_TYPES == ("首次检查", "定期检查", "不定期检查")
    assert schema.PRODUCTS == ("个人经营贷", "小微企业流动资金贷款", "农户贷款", "消费贷")
    assert schema.PAYMENTS == ("受托支付", "自主支付")
    assert schema.FLAGS == ("正常", "需留意", "异常") and "关注" not in schema.FLAGS
    assert schema.FIELDS["grade"].options == ("正常", "关注", "次级", "可疑", "损失")


def test_checklists_are_read_from_the_trainers_files():
    areas = checklists.areas()
    assert len(areas) == 10
    assert areas[0] == ("主营与地址", "主营业务变了没有？经营地址搬了没有？")
    assert "电话费缴费单" in checklists.items("documents")
    assert "停产、半停产" in checklists.items("warning-signals")
    assert set(schema.CHECKLISTS) <= set(checklists.raw())


def test_the_checklist_parser():
    text = (
        "<!-- 说明：\n- [ ] 不是条目 -->\n"
        "- [ ] **标题**：问题一\n  接着写\n"
        "    - [ ] 子条目\n"
        "随便一行\n"
    )
    assert checklists.parse(text) == ["**标题**：问题一接着写", "子条目"]
    assert checklists.plain("**标题**：问 *重点* 题") == "标题：问 重点 题"


def test_the_wheel_packs_the_parsed_checklists(tmp_path):
    folder = tmp_path / "snippets" / "checklists"
    folder.mkdir(parents=True)
    (folder / "documents.md").write_text("- [ ] 只有这一条\n", encoding="utf-8")
    _, blob = pack_wheel("t", "1", hook_wheel.packed_data(tmp_path))
    with zipfile.ZipFile(BytesIO(blob)) as zf:
        data = json.loads(zf.read("tools/report/checklists.json"))
    assert data == {"documents": ["只有这一条"]}


def test_the_packed_checklists_are_read_first(tmp_path, monkeypatch):
    # In the browser there is no snippets/: the JSON beside the module is what counts.
    (tmp_path / checklists.PACKED).write_text('{"documents": ["打包的一条"]}', encoding="utf-8")
    monkeypatch.setattr(checklists.resources, "files", lambda package: tmp_path)
    checklists.raw.cache_clear()
    try:
        assert checklists.items("documents") == ("打包的一条",)
    finally:
        monkeypatch.undo()
        checklists.raw.cache_clear()
    assert "电话费缴费单" in checklists.items("documents")


def test_without_packed_or_source_lists_it_fails_loudly_never_empty(tmp_path, monkeypatch):
    monkeypatch.setattr(checklists.resources, "files", lambda package: tmp_path)
    monkeypatch.setattr(checklists, "SOURCE", tmp_path / "no-snippets")
    checklists.raw.cache_clear()
    try:
        with pytest.raises(FileNotFoundError):
            checklists.items("documents")
    finally:
        monkeypatch.undo()
        checklists.raw.cache_clear()


def test_the_lists_are_read_when_the_tool_is_imported():
    # tools.dispatch.preload() imports the tool before a memory snapshot; a restored
    # worker has no wheel files until it unpacks them again, so the lists must be in memory.
    probe = "import tools.report as r; print(r.checklists.raw.cache_info().currsize)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "1"
